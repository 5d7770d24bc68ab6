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
import { ensureUpper, overlayStat, undoCopyUps } from './overlay-copy-up.ts';
import type { OverlayOps } from './overlay-dir.ts';
import { createObject, linkObject, mkdirObject, mknodObject, removeObject, renameObject, symlinkObject } from './overlay-dir.ts';
import type { Entry } from './overlay-lookup.ts';
import { isPrivateXattr, mergedNames, resolve, resolveExisting, top } from './overlay-lookup.ts';
import { OverlayWorkdir } from './overlay-work.ts';
import type { FileSystem, Stat, WriteOptions } from './types.ts';

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
  #workdir: OverlayWorkdir | undefined;
  /** Upper paths copied up during the current operation, removed again if it fails (#atomic). */
  #journal: string[] | undefined;
  /** Merged readdir results, dropped with #cache. */
  #names = new Map<string, string[]>();

  constructor(opts: OverlayFsOptions) {
    if (opts.lowers.length === 0) fail('EINVAL', 'lowerdir'); // "overlayfs: missing 'lowerdir'"
    if (opts.upper && !opts.work) fail('EINVAL', 'workdir'); // "overlayfs: missing 'workdir'"
    this.dev = opts.dev;
    this.lowers = opts.lowers;
    this.upper = opts.upper;
    this.work = opts.work;
    this.readonly = !opts.upper || opts.upper.readonly;
    const devs = new Set([...opts.lowers, ...(opts.upper ? [opts.upper] : [])].map((f) => f.dev));
    this.samefs = devs.size === 1;
    this.#workdir = opts.upper && opts.work ? new OverlayWorkdir(opts.upper, opts.work) : undefined;
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
    const cached = this.#names.get(path); // filled and emptied together with #cache (#freshCache, called by #existing)
    if (cached) return [...cached];
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
        createObject(this.#ops(), e, (u) => u.write(path, data, { ...opts, exclusive: true }));
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
      if (e.stat.type === 'symlink') fail('ELOOP', path);
      if (e.stat.type !== 'file') return; // ovl_open: special files are not copied up
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

  /** ovl_mkdir: see overlay-dir.ts mkdirObject (opaque only over an upper whiteout). */
  mkdir(path: string, mode = 0o755, owner?: { uid: number; gid: number }): void {
    this.#atomic(() => mkdirObject(this.#ops(), path, mode, owner));
  }

  symlink(target: string, path: string): void {
    this.#atomic(() => symlinkObject(this.#ops(), target, path));
  }

  /** ovl_mknod: a 0/0 character device would be a whiteout, so it is refused with EPERM. */
  mknod(path: string, type: 'chardev' | 'blockdev' | 'fifo', rdev: readonly [number, number], mode?: number): void {
    this.#atomic(() => mknodObject(this.#ops(), path, type, rdev, mode));
  }

  /** ovl_link: the source is copied up first (index=off: this breaks its other lower hard links). */
  link(existing: string, path: string): void {
    this.#atomic(() => linkObject(this.#ops(), existing, path));
  }

  /** ovl_unlink → ovl_do_remove: a lower-backed name leaves a whiteout, an upper-only name is unlinked. */
  unlink(path: string): void {
    this.#atomic(() => removeObject(this.#ops(), path, false));
  }

  /** ovl_rmdir → ovl_do_remove: the merged dir must be empty (ovl_check_empty_dir). */
  rmdir(path: string): void {
    this.#atomic(() => removeObject(this.#ops(), path, true));
  }

  /** ovl_rename without redirect_dir: a lower or merged directory gives EXDEV (mv(1) then copies). */
  rename(from: string, to: string): void {
    this.#atomic(() => renameObject(this.#ops(), from, to));
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
      const up = this.#up(path);
      const { stat } = this.#existing(path);
      if (isPrivateXattr(name)) fail('EOPNOTSUPP', path);
      // xattr_permission (fs/xattr.c) refuses user.* on special files before overlayfs sees the call: no copy-up.
      if (name.startsWith('user.') && stat.type !== 'file' && stat.type !== 'dir') fail('EPERM', path);
      ensureUpper(this.#layers(), path);
      up.setxattr(path, name, value);
    });
  }

  /** The upper dir's usage only (du on upperdir): lowers are shared with other mounts. */
  usage(): { bytes: number; inodes: number } {
    return this.upper ? this.upper.usage() : { bytes: 0, inodes: 0 };
  }

  #stat(e: Entry): Stat {
    return overlayStat(e, this);
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

  /** What the directory operations (overlay-dir.ts) need: the upper (or EROFS), cached lookups, merged readdir. */
  #ops(): OverlayOps {
    return {
      lowers: this.lowers, journal: this.#journal, whiteout: (up, p) => this.#workdir!.whiteout(up, p),
      writable: (p) => this.#up(p), resolve: (p) => this.#resolve(p), existing: (p) => this.#existing(p), names: (e) => mergedNames(this, e),
    };
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
      undoCopyUps(this.upper!, journal);
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
}
