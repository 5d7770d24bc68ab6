/**
 * Write a layer changeset as a list of tar entries (image-spec layer.md):
 * how the built-in images describe their root filesystems. Parent
 * directories are added implicitly (0755 root:root), entries come out in
 * walk order, and every entry carries the layer's fixed mtime so the tar
 * bytes, and therefore the diff ID, never change.
 */
import type { FileData } from '../fs/data.ts';
import { fromText } from '../fs/data.ts';
import type { TarEntry } from './tar.ts';
import { sortEntries } from './tar.ts';

/** Owner of an entry (numeric, as layer tars from moby carry them). */
export interface Owner {
  readonly uid: number;
  readonly gid: number;
}

const ROOT: Owner = { uid: 0, gid: 0 };

/** Collects entries for one layer; `build()` returns them sorted with implicit parents. */
export class LayerBuilder {
  #entries = new Map<string, TarEntry>();
  readonly mtime: number;
  constructor(mtime: number) {
    this.mtime = mtime;
  }
  #add(e: Omit<TarEntry, 'mtime' | 'uid' | 'gid'>, owner: Owner): this {
    const path = e.path.replace(/^\/+|\/+$/g, '');
    this.#entries.set(path, { ...e, path, uid: owner.uid, gid: owner.gid, mtime: this.mtime });
    return this;
  }
  /** mkdir. */
  dir(path: string, mode = 0o755, owner = ROOT, xattrs?: Record<string, string>): this {
    return this.#add({ path, type: 'dir', mode, ...(xattrs ? { xattrs } : {}) }, owner);
  }
  /** A regular file with text or FileData (virtual data for big files). */
  file(path: string, data: string | FileData, mode = 0o644, owner = ROOT): this {
    return this.#add({ path, type: 'file', mode, data: typeof data === 'string' ? fromText(data) : data }, owner);
  }
  /** symlink(target, path). */
  symlink(path: string, target: string): this {
    return this.#add({ path, type: 'symlink', mode: 0o777, linkname: target }, ROOT);
  }
  /** A hard link to an earlier entry (`target` is an archive path without a leading "/"). */
  hardlink(path: string, target: string, mode = 0o755): this {
    return this.#add({ path, type: 'hardlink', mode, linkname: target.replace(/^\/+/, '') }, ROOT);
  }
  /** A character device node (mknod c major minor). */
  chardev(path: string, major: number, minor: number, mode = 0o666): this {
    return this.#add({ path, type: 'chardev', mode, devmajor: major, devminor: minor }, ROOT);
  }
  /** Entries in walk order, with missing parent directories added as 0755 root:root. */
  build(): TarEntry[] {
    const all = new Map(this.#entries);
    for (const p of this.#entries.keys()) {
      const parts = p.split('/');
      for (let i = 1; i < parts.length; i++) {
        const d = parts.slice(0, i).join('/');
        if (!all.has(d)) all.set(d, { path: d, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: this.mtime });
      }
    }
    return firstIsFile(sortEntries([...all.values()]));
  }
}

/**
 * In a tar, the first path of a hard-linked inode carries the data and the
 * later ones link to it (moby's tarAppender keeps a seen-inodes map). After
 * sorting, make the earliest name of each group the file.
 */
function firstIsFile(entries: TarEntry[]): TarEntry[] {
  const rename = new Map<string, string>();
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const seen = new Set<string>();
  return entries.map((e) => {
    seen.add(e.path);
    if (e.type === 'hardlink') {
      const target = e.linkname ?? '';
      const first = rename.get(target);
      if (first !== undefined) return { ...e, linkname: first };
      const t = byPath.get(target);
      if (!t || seen.has(target)) return e;
      rename.set(target, e.path);
      return { ...t, path: e.path };
    }
    const first = rename.get(e.path);
    return first !== undefined ? { path: e.path, type: 'hardlink', mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime, linkname: first } : e;
  });
}
