/**
 * A view of one directory of another filesystem as a filesystem of its own:
 * what a bind mount is (mount --bind, mount(8)), and what overlayfs's
 * lowerdir=/upperdir= paths are. Same st_dev and inodes as the base; writes
 * go to the base. The view's root is a mount point: rmdir or rename of it is
 * EBUSY.
 */
import { fail } from '../errors.ts';
import type { FileData } from './data.ts';
import { canonical, normalize } from './path.ts';
import type { FileSystem, Stat, WriteOptions } from './types.ts';
import { tryLstat, walk } from './walk.ts';

/** Options of a subtree view; `readonly` is mount --bind -o ro. */
export interface SubtreeFsOptions {
  readonly readonly?: boolean;
}

/** `new SubtreeFs(base, '/var/lib/docker/overlay2/<id>/diff')`: that directory as "/". */
export class SubtreeFs implements FileSystem {
  readonly base: FileSystem;
  readonly dir: string;
  readonly readonly: boolean;

  constructor(base: FileSystem, dir: string, opts: SubtreeFsOptions = {}) {
    this.base = base;
    this.dir = normalize(dir);
    this.readonly = (opts.readonly ?? false) || base.readonly;
    if (base.lstat(this.dir).type !== 'dir') fail('ENOTDIR', this.dir);
  }

  get fstype(): string { return this.base.fstype; }
  get dev(): number { return this.base.dev; }
  /** The base's change counter: any change to the base may change the view. */
  get generation(): number | undefined { return this.base.generation; }

  lstat(path: string): Stat { return this.base.lstat(this.#at(path)); }
  /** Non-throwing lstat, passed through to the base (walk.ts tryLstat). */
  tryLstat(path: string): Stat | undefined { return tryLstat(this.base, this.#at(path)); }
  readdir(path: string): string[] { return this.base.readdir(this.#at(path)); }
  read(path: string): FileData { return this.base.read(this.#at(path)); }
  readlink(path: string): string { return this.base.readlink(this.#at(path)); }
  getxattr(path: string, name: string): string | undefined { return this.base.getxattr(this.#at(path), name); }
  listxattr(path: string): string[] { return this.base.listxattr(this.#at(path)); }

  write(path: string, data: FileData, opts?: WriteOptions): void { this.base.write(this.#w(path), data, opts); }
  openForWrite(path: string): void { this.base.openForWrite(this.#w(path)); }
  truncate(path: string, size: number): void { this.base.truncate(this.#w(path), size); }
  mkdir(path: string, mode?: number, owner?: { uid: number; gid: number }): void {
    if (path === '/') fail('EEXIST', path);
    this.base.mkdir(this.#w(path), mode, owner);
  }
  rmdir(path: string): void { this.base.rmdir(this.#w(path, true)); }
  unlink(path: string): void { this.base.unlink(this.#w(path)); }
  rename(from: string, to: string): void { this.base.rename(this.#w(from, true), this.#w(to, true)); }
  link(existing: string, path: string): void { this.base.link(this.#w(existing), this.#w(path)); }
  symlink(target: string, path: string): void { this.base.symlink(target, this.#w(path)); }
  mknod(path: string, type: 'chardev' | 'blockdev' | 'fifo', rdev: readonly [number, number], mode?: number): void {
    this.base.mknod(this.#w(path), type, rdev, mode);
  }
  chmod(path: string, mode: number): void { this.base.chmod(this.#w(path), mode); }
  chown(path: string, uid: number, gid: number): void { this.base.chown(this.#w(path), uid, gid); }
  utimes(path: string, mtime: number): void { this.base.utimes(this.#w(path), mtime); }
  setxattr(path: string, name: string, value: string): void { this.base.setxattr(this.#w(path), name, value); }

  /** Bytes of regular files and inodes under the view's directory, hard links counted once (du -s --inodes). */
  usage(): { bytes: number; inodes: number } {
    const seen = new Set<number>();
    let bytes = 0;
    let inodes = 0;
    walk(this.base, this.dir, (_p, st) => {
      if (st.type !== 'dir' && st.nlink > 1) {
        if (seen.has(st.ino)) return;
        seen.add(st.ino);
      }
      inodes++;
      if (st.type === 'file') bytes += st.size;
    });
    return { bytes, inodes };
  }

  #at(path: string): string {
    const p = canonical(path);
    if (p === '/') return this.dir;
    return this.dir === '/' ? p : this.dir + p;
  }

  /** A base path for a mutation: EROFS on a read-only view; EBUSY when `path` is the view's root and `root` says it may not be. */
  #w(path: string, root = false): string {
    if (root && path === '/') fail('EBUSY', path);
    if (this.readonly) fail('EROFS', path);
    return this.#at(path);
  }
}
