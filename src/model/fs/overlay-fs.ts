/**
 * overlayfs as Docker's overlay2 mounts it (Documentation/filesystems/
 * overlayfs.rst, fs/overlayfs/dir.c; facts §1): lowerdir=L1:L2:... (topmost
 * first), upperdir, workdir; no redirect_dir, index=off, no metacopy. Lookup
 * and readdir rules live in overlay-lookup.ts, copy-up in overlay-copy-up.ts;
 * this file holds the operations. Every operation validates in the merged
 * view before touching the upper layer; lower layers are never written.
 */
import { fail } from '../errors.ts';
import type { FileData } from './data.ts';
import type { CopyUpContext } from './overlay-copy-up.ts';
import { ensureUpper, originOf } from './overlay-copy-up.ts';
import type { Entry } from './overlay-lookup.ts';
import { OPAQUE_XATTR, isPrivateXattr, isWhiteout, mergedNames, parentOf, resolve, resolveExisting, top } from './overlay-lookup.ts';
import { compareNames, isWithin } from './path.ts';
import type { FileSystem, Stat, WriteOptions } from './types.ts';
import { tryLstat } from './walk.ts';

/** Entries kept per mount between changes; bounds memory when 1000 containers each list their whole tree. */
const CACHE_LIMIT = 4096;

/** Mount options: `lowers` topmost first, as lowerdir= lists them; no upper = a read-only overlay. */
export interface OverlayFsOptions {
  readonly lowers: readonly FileSystem[];
  readonly upper?: FileSystem;
  readonly work?: FileSystem;
  readonly dev: number;
  readonly now: () => number;
}

/** An overlay mount (mount -t overlay overlay -o lowerdir=...,upperdir=...,workdir=...). */
export class OverlayFs implements FileSystem {
  readonly fstype = 'overlay';
  readonly dev: number;
  readonly readonly: boolean;
  readonly lowers: readonly FileSystem[];
  readonly upper: FileSystem | undefined;
  readonly work: FileSystem | undefined;
  /** All layers on one filesystem: uniform st_dev and persistent st_ino (overlayfs.rst "Inode properties"). */
  readonly samefs: boolean;
  /** Resolved entries by path, valid while the layers' generation stays #cacheStamp (lowers are immutable; the upper changes). */
  #cache = new Map<string, Entry>();
  #cacheStamp: number | undefined;
  /** Upper paths copied up during the current operation, removed again if it fails (#atomic). */
  #journal: string[] | undefined;
  /** Merged readdir results, dropped with #cache. */
  #names = new Map<string, string[]>();

  constructor(opts: OverlayFsOptions) {
    if (opts.lowers.length === 0) fail('EINVAL', 'lowerdir'); // "overlayfs: missing 'lowerdir'"
    if (opts.upper && !opts.work) fail('EINVAL', 'workdir'); // "overlayfs: missing 'workdir'"
    if (opts.upper && opts.work && opts.work.dev !== opts.upper.dev) fail('EINVAL', 'workdir'); // "workdir and upperdir must reside under the same mount"
    this.dev = opts.dev;
    this.lowers = opts.lowers;
    this.upper = opts.upper;
    this.work = opts.work;
    this.readonly = !opts.upper || opts.upper.readonly;
    const devs = new Set([...opts.lowers, ...(opts.upper ? [opts.upper] : [])].map((f) => f.dev));
    this.samefs = devs.size === 1;
    // ovl_workdir_create: the kernel makes workdir/work (mode 0) as its staging area.
    if (opts.work && !opts.work.readonly && !tryLstat(opts.work, '/work')) opts.work.mkdir('/work', 0);
  }

  /** Sum of the layers' change counters (FileSystem.generation); undefined if a layer has none. */
  get generation(): number | undefined {
    let sum = this.upper ? this.upper.generation : 0;
    for (const l of this.lowers) sum = sum === undefined || l.generation === undefined ? undefined : sum + l.generation;
    return sum;
  }

  lstat(path: string): Stat {
    return this.#stat(this.#existing(path));
  }

  /** lstat returning undefined for a missing name (overlay-lookup's fast path for overlays stacked on overlays). */
  tryLstat(path: string): Stat | undefined {
    try {
      const e = this.#resolve(path);
      return top(e) ? this.#stat(e) : undefined;
    } catch {
      return undefined;
    }
  }

  readdir(path: string): string[] {
    const e = this.#existing(path);
    if (e.stat.type !== 'dir') fail('ENOTDIR', path);
    const cached = this.#names.get(path);
    if (cached && this.#cache.get(path) === e) return [...cached];
    const names = mergedNames(this, e);
    if (this.#cacheStamp !== undefined) this.#names.set(path, names);
    return [...names];
  }

  read(path: string): FileData {
    const e = this.#existing(path);
    if (e.stat.type === 'dir') fail('EISDIR', path);
    if (e.stat.type === 'symlink') fail('ELOOP', path);
    return this.#layerOf(e).read(path);
  }

  readlink(path: string): string {
    const e = this.#existing(path);
    if (e.stat.type !== 'symlink') fail('EINVAL', path);
    return this.#layerOf(e).readlink(path);
  }

  getxattr(path: string, name: string): string | undefined {
    const e = this.#existing(path);
    return isPrivateXattr(name) ? undefined : this.#layerOf(e).getxattr(path, name);
  }

  listxattr(path: string): string[] {
    const e = this.#existing(path);
    return this.#layerOf(e).listxattr(path).filter((n) => !isPrivateXattr(n));
  }

  write(path: string, data: FileData, opts: WriteOptions = {}): void {
    this.#atomic(() => {
      const up = this.#up(path);
      const e = this.#resolve(path);
      const t = top(e);
      if (!t) {
        this.#create(e, () => up.write(path, data, { ...opts, exclusive: true }));
        return;
      }
      if (opts.exclusive) fail('EEXIST', path);
      if (t.type === 'dir') fail('EISDIR', path);
      if (t.type === 'symlink') fail('ELOOP', path);
      if (t.type !== 'file') return; // ovl_open: special files are not copied up; the driver takes the bytes
      ensureUpper(this.#layers(), path);
      up.write(path, data, opts);
    });
  }

  openForWrite(path: string): void {
    this.#atomic(() => {
      const up = this.#up(path);
      const e = this.#existing(path);
      if (e.stat.type === 'dir') fail('EISDIR', path);
      if (e.stat.type !== 'file') return;
      ensureUpper(this.#layers(), path);
      up.openForWrite(path);
    });
  }

  truncate(path: string, size: number): void {
    this.#atomic(() => {
      const up = this.#up(path);
      const e = this.#existing(path);
      if (e.stat.type === 'dir') fail('EISDIR', path);
      if (e.stat.type !== 'file' || size < 0 || !Number.isInteger(size)) fail('EINVAL', path);
      ensureUpper(this.#layers(), path);
      up.truncate(path, size);
    });
  }

  /**
   * ovl_mkdir → ovl_create_or_link: over an upper whiteout the new dir is made
   * opaque (ovl_create_over_whiteout). ovl_create_upper's "just an optimization"
   * opaque on a new dir in a merged parent is skipped when offline changes are
   * allowed (no index, metacopy, redirect_dir, xino=on: Docker's options), so
   * current kernels leave such dirs plain.
   */
  mkdir(path: string, mode = 0o755, owner?: { uid: number; gid: number }): void {
    this.#atomic(() => {
      const e = this.#resolve(path);
      if (top(e) || path === '/') fail('EEXIST', path);
      const up = this.#up(path);
      this.#create(e, () => {
        up.mkdir(path, mode, owner);
        if (e.upperWhiteout) up.setxattr(path, OPAQUE_XATTR, 'y');
      });
    });
  }

  symlink(target: string, path: string): void {
    this.#atomic(() => {
      const e = this.#resolve(path);
      if (top(e)) fail('EEXIST', path);
      const up = this.#up(path);
      this.#create(e, () => up.symlink(target, path));
    });
  }

  /** ovl_mknod: a 0/0 character device would be a whiteout, so it is refused with EPERM. */
  mknod(path: string, type: 'chardev' | 'blockdev' | 'fifo', rdev: readonly [number, number], mode?: number): void {
    this.#atomic(() => {
      const e = this.#resolve(path);
      if (top(e)) fail('EEXIST', path);
      const up = this.#up(path);
      if (type === 'chardev' && rdev[0] === 0 && rdev[1] === 0) fail('EPERM', path);
      this.#create(e, () => up.mknod(path, type, rdev, mode));
    });
  }

  /** ovl_link: the source is copied up first (index=off: this breaks its other lower hard links). */
  link(existing: string, path: string): void {
    this.#atomic(() => {
      const up = this.#up(path);
      const src = this.#existing(existing);
      const e = this.#resolve(path);
      if (top(e)) fail('EEXIST', path);
      if (src.stat.type === 'dir') fail('EPERM', existing);
      ensureUpper(this.#layers(), existing);
      this.#create(e, () => up.link(existing, path));
    });
  }

  /** ovl_do_remove for unlink: a lower-backed name leaves a whiteout (ovl_remove_and_whiteout), an upper-only name is unlinked. */
  unlink(path: string): void {
    this.#atomic(() => {
      const up = this.#up(path);
      const e = this.#existing(path);
      if (e.stat.type === 'dir') fail('EISDIR', path);
      this.#remove(up, e);
    });
  }

  /** ovl_do_remove for rmdir: the merged dir must be empty (ovl_check_empty_dir); its upper whiteouts go with it. */
  rmdir(path: string): void {
    this.#atomic(() => {
      if (path === '/') fail('EBUSY', path);
      const up = this.#up(path);
      const e = this.#existing(path);
      if (e.stat.type !== 'dir') fail('ENOTDIR', path);
      if (mergedNames(this, e).length > 0) fail('ENOTEMPTY', path);
      this.#remove(up, e);
    });
  }

  /** ovl_rename without redirect_dir: a lower or merged directory gives EXDEV (mv(1) then copies); a lower file is copied up and leaves a whiteout. */
  rename(from: string, to: string): void {
    this.#atomic(() => {
      const up = this.#up(from);
      if (from === '/' || to === '/') fail('EBUSY', from === '/' ? from : to);
      const src = this.#existing(from);
      const dst = this.#resolve(to);
      const old = top(dst);
      if (from === to) return;
      const isDir = src.stat.type === 'dir';
      if (isDir) {
        if (isWithin(from, to)) fail('EINVAL', to);
        if (old && old.type !== 'dir') fail('ENOTDIR', to);
      } else if (old?.type === 'dir') {
        fail('EISDIR', to);
      }
      if (src.upper && dst.upper && src.upper.ino === dst.upper.ino) return; // same inode: rename(2) does nothing
      if (isDir && src.lowers.length > 0) fail('EXDEV', from);
      if (old?.type === 'dir' && mergedNames(this, dst as Entry & { stat: Stat }).length > 0) fail('ENOTEMPTY', to);
      const l = this.#layers();
      ensureUpper(l, parentOf(from));
      ensureUpper(l, parentOf(to));
      if (!isDir) ensureUpper(l, from);
      if (dst.upperWhiteout) up.unlink(to);
      else if (dst.upper?.type === 'dir') clearWhiteouts(up, to);
      up.rename(from, to);
      if (isDir && !src.opaque && dst.parent.lowers.length > 0) up.setxattr(to, OPAQUE_XATTR, 'y');
      if (src.lowerPositive) up.mknod(from, 'chardev', [0, 0], 0);
    });
  }

  chmod(path: string, mode: number): void {
    this.#atomic(() => {
      this.#metadata(path).chmod(path, mode);
    });
  }

  chown(path: string, uid: number, gid: number): void {
    this.#atomic(() => {
      this.#metadata(path).chown(path, uid, gid);
    });
  }

  utimes(path: string, mtime: number): void {
    this.#atomic(() => {
      this.#metadata(path).utimes(path, mtime);
    });
  }

  /** ovl_own_xattr_set: overlay's own trusted.overlay.* names cannot be set through the mount. */
  setxattr(path: string, name: string, value: string): void {
    this.#atomic(() => {
      if (isPrivateXattr(name)) { this.#up(path); this.#existing(path); fail('EOPNOTSUPP', path); }
      this.#metadata(path).setxattr(path, name, value);
    });
  }

  /** The upper dir's usage only (du on upperdir): lowers are shared with other mounts. */
  usage(): { bytes: number; inodes: number } {
    return this.upper ? this.upper.usage() : { bytes: 0, inodes: 0 };
  }

  /** ovl_getattr: merged dirs report nlink 1; all-on-one-fs reports the overlay st_dev and the origin's st_ino (dirs, and files whose lower had nlink 1). */
  #stat(e: Entry): Stat {
    const t = top(e)!;
    const isDir = t.type === 'dir';
    const merged = isDir && (e.upper ? e.lowers.length > 0 : e.lowers.length > 1);
    let ino = t.ino;
    if (this.samefs && e.upper && e.lowers.length > 0 && isDir) ino = e.lowers[0].stat.ino;
    else if (this.samefs && e.upper && !isDir && this.upper) {
      const o = originOf(this.upper, e.path);
      if (o && o.nlink === 1) ino = o.ino;
    }
    return { ...t, ino, dev: this.samefs || isDir ? this.dev : t.dev, nlink: merged ? 1 : t.nlink };
  }

  #resolve(path: string): Entry {
    return resolve(this, path, this.#freshCache());
  }

  #existing(path: string): Entry & { readonly stat: Stat } {
    return resolveExisting(this, path, this.#freshCache());
  }

  /** The lookup cache, emptied when any layer changed since it was filled (or grew past a bound); none if a layer cannot say. */
  #freshCache(): Map<string, Entry> | undefined {
    const stamp = this.generation;
    if (stamp === undefined) return undefined;
    if (stamp !== this.#cacheStamp || this.#cache.size > CACHE_LIMIT) {
      this.#cache.clear();
      this.#names.clear();
      this.#cacheStamp = stamp;
    }
    return this.#cache;
  }

  #layerOf(e: Entry): FileSystem {
    return e.upper ? this.upper! : this.lowers[e.lowers[0].layer];
  }

  #layers(): CopyUpContext {
    return { upper: this.upper!, lowers: this.lowers, journal: this.#journal };
  }

  /**
   * Run one operation so that a failure after validation (ENOSPC while copying
   * up or writing) leaves the merged view as it was: objects copied up during
   * it are removed again, newest first, and their parents' times restored.
   * (The kernel keeps such copy-ups; they are invisible except for st_nlink of
   * merged dirs, which the model's "validate first, mutate last" rule forbids.)
   */
  #atomic(op: () => void): void {
    if (this.#journal) return op();
    const journal: string[] = (this.#journal = []);
    try {
      op();
    } catch (err) {
      const up = this.upper!;
      for (const path of journal.reverse()) {
        const parent = parentOf(path);
        const mtime = up.lstat(parent).mtime;
        if (up.lstat(path).type === 'dir') up.rmdir(path);
        else up.unlink(path);
        up.utimes(parent, mtime);
      }
      throw err;
    } finally {
      this.#journal = undefined;
    }
  }

  /** The upper layer, or EROFS (no upperdir, or mounted ro). */
  #up(path: string): FileSystem {
    if (this.readonly || !this.upper) fail('EROFS', path);
    return this.upper;
  }

  /** Copy up an existing name for a metadata change (ovl_setattr, ovl_xattr_set), returning the upper layer. */
  #metadata(path: string): FileSystem {
    const up = this.#up(path);
    this.#existing(path);
    ensureUpper(this.#layers(), path);
    return up;
  }

  /** Create a new name: copy up the parent, replace a whiteout (ovl_create_over_whiteout), put the whiteout back if creation fails. */
  #create(e: Entry, make: () => void): void {
    const up = this.upper!;
    ensureUpper(this.#layers(), e.parent.path);
    if (e.upperWhiteout) up.unlink(e.path);
    try {
      make();
    } catch (err) {
      if (e.upperWhiteout) up.mknod(e.path, 'chardev', [0, 0], 0);
      throw err;
    }
  }

  /** Remove a name after validation: whiteout if a lower has it, else a plain upper unlink/rmdir. */
  #remove(up: FileSystem, e: Entry & { stat: Stat }): void {
    ensureUpper(this.#layers(), e.parent.path);
    if (e.upper) {
      if (e.upper.type === 'dir') {
        clearWhiteouts(up, e.path);
        up.rmdir(e.path);
      } else {
        up.unlink(e.path);
      }
    }
    if (e.lowerPositive) up.mknod(e.path, 'chardev', [0, 0], 0);
  }
}

/** Remove the whiteouts left in an upper dir that is empty in the merged view (ovl_clear_empty's effect). */
function clearWhiteouts(up: FileSystem, dir: string): void {
  for (const name of up.readdir(dir).sort(compareNames)) {
    const p = dir === '/' ? `/${name}` : `${dir}/${name}`;
    const st = up.lstat(p);
    if (isWhiteout(st)) up.unlink(p);
  }
}
