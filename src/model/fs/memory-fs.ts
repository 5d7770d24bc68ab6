/**
 * An in-memory filesystem: the model's ext4 disk or tmpfs. A tree of inodes
 * (inode.ts) with hard links, devices, symlinks, xattrs and a byte capacity
 * (ENOSPC, statfs(2)). Regular file contents are FileData, treated as
 * immutable, so copying a file (copy-up, cp) shares its bytes.
 */
import { fail } from '../errors.ts';
import type { FileData } from './data.ts';
import { dataSize, truncateData } from './data.ts';
import type { Inode } from './inode.ts';
import { MAX_MATERIALISED_BYTES, joinData, lastComponent, newInode, statOf, walkFrom } from './inode.ts';
import { compareNames } from './path.ts';
import type { FileSystem, FileType, Stat, WriteOptions } from './types.ts';

/** Re-exported: the model's limit on real bytes one file may allocate. */
export { MAX_MATERIALISED_BYTES } from './inode.ts';

/** Constructor options; `now` returns virtual realtime in µs (VirtualClock.realtime). */
export interface MemoryFsOptions {
  readonly dev: number;
  readonly now: () => number;
  readonly fstype?: string;
  readonly readonly?: boolean;
  /** Total bytes of regular-file data allowed (statfs f_blocks); beyond it writes fail with ENOSPC. */
  readonly capacityBytes?: number;
}

/** Directories MemoryFs keeps in its lookup cache before starting over (bounds memory, not behaviour). */
const DIR_CACHE_LIMIT = 1024;

/** ext4's root directory is inode 2 (EXT4_ROOT_INO). */
const ROOT_INO = 2;

/** The in-memory filesystem; `new MemoryFs({ dev, now })` costs one root inode. */
export class MemoryFs implements FileSystem {
  readonly fstype: string;
  readonly dev: number;
  readonly readonly: boolean;
  readonly capacityBytes: number;
  #now: () => number;
  #root: Inode;
  #nextIno = ROOT_INO + 1;
  #bytes = 0;
  #inodes = 1;
  #generation = 0;

  constructor(opts: MemoryFsOptions) {
    this.fstype = opts.fstype ?? 'ext4';
    this.dev = opts.dev;
    this.readonly = opts.readonly ?? false;
    this.capacityBytes = opts.capacityBytes ?? Infinity;
    this.#now = opts.now;
    this.#root = newInode(ROOT_INO, 'dir', 0o755, 0, 0, opts.now());
  }

  /** Bumped by every mutation attempt (FileSystem.generation). */
  get generation(): number {
    return this.#generation;
  }

  lstat(path: string): Stat {
    const n = this.#lookup(path);
    return statOf(n, this.dev);
  }

  /** lstat that returns undefined instead of throwing ENOENT/ENOTDIR (used by overlay lookups, see walk.ts tryLstat). */
  tryLstat(path: string): Stat | undefined {
    const n = this.#walk(path, path.length);
    return typeof n === 'string' ? undefined : statOf(n, this.dev);
  }

  readdir(path: string): string[] {
    const n = this.#lookup(path);
    if (!n.entries) fail('ENOTDIR', path);
    return [...n.entries.keys()].sort(compareNames);
  }

  read(path: string): FileData {
    const n = this.#lookup(path);
    if (n.type === 'dir') fail('EISDIR', path);
    if (n.type === 'symlink') fail('ELOOP', path);
    return n.data;
  }

  write(path: string, data: FileData, opts: WriteOptions = {}): void {
    this.#writable(path);
    const [dir, name] = this.#parent(path);
    const existing = dir.entries!.get(name);
    if (existing) {
      if (opts.exclusive) fail('EEXIST', path);
      if (existing.type === 'dir') fail('EISDIR', path);
      if (existing.type === 'symlink') fail('ELOOP', path);
      if (existing.type !== 'file') return; // a device or fifo: the driver takes the bytes (kernel's job)
      const next = opts.append ? joinData(existing.data, data, path) : data;
      this.#reserve(dataSize(next) - dataSize(existing.data), path);
      this.#setData(existing, next);
      return;
    }
    this.#reserve(dataSize(data), path);
    const n = this.#create(dir, name, 'file', opts.mode ?? 0o644, opts.uid ?? 0, opts.gid ?? 0);
    n.data = data;
    this.#bytes += dataSize(data);
  }

  openForWrite(path: string): void {
    this.#writable(path);
    const n = this.#lookup(path);
    if (n.type === 'dir') fail('EISDIR', path);
    if (n.type === 'symlink') fail('ELOOP', path); // the l* contract: open(O_NOFOLLOW) of a symlink
  }

  truncate(path: string, size: number): void {
    this.#writable(path);
    const n = this.#lookup(path);
    if (n.type === 'dir') fail('EISDIR', path);
    if (n.type !== 'file' || size < 0 || !Number.isInteger(size)) fail('EINVAL', path);
    const grow = size - dataSize(n.data);
    if (grow > MAX_MATERIALISED_BYTES) fail('EFBIG', path);
    this.#reserve(grow, path);
    this.#setData(n, truncateData(n.data, size));
  }

  mkdir(path: string, mode = 0o755, owner?: { uid: number; gid: number }): void {
    const [dir, name] = this.#parent(path);
    if (dir.entries!.has(name) || name === '') fail('EEXIST', path);
    this.#writable(path);
    this.#create(dir, name, 'dir', mode, owner?.uid ?? 0, owner?.gid ?? 0);
    dir.nlink++;
  }

  rmdir(path: string): void {
    if (path === '/') fail('EBUSY', path);
    this.#writable(path);
    const [dir, name] = this.#parent(path);
    const n = dir.entries!.get(name) ?? fail('ENOENT', path);
    if (n.type !== 'dir') fail('ENOTDIR', path);
    if (n.entries!.size > 0) fail('ENOTEMPTY', path);
    this.#detach(dir, name, n);
  }

  unlink(path: string): void {
    this.#writable(path);
    const [dir, name] = this.#parent(path);
    const n = dir.entries!.get(name) ?? fail('ENOENT', path);
    if (n.type === 'dir') fail('EISDIR', path);
    this.#detach(dir, name, n);
  }

  rename(from: string, to: string): void {
    this.#writable(from);
    if (from === '/' || to === '/') fail('EBUSY', from === '/' ? from : to);
    const [fromDir, fromName] = this.#parent(from);
    const [toDir, toName] = this.#parent(to); // both parents are looked up before the old name itself (do_renameat2)
    const n = fromDir.entries!.get(fromName) ?? fail('ENOENT', from);
    const old = toDir.entries!.get(toName);
    // do_renameat2's lock_rename traps: the source may not be an ancestor of the target, nor the target of the source.
    if (to.startsWith(from + '/')) fail('EINVAL', to);
    if (from.startsWith(to + '/')) fail('ENOTEMPTY', to);
    if (old === n) return; // rename(2): "If oldpath and newpath are existing hard links referring to the same file, rename() does nothing"
    if (n.type === 'dir') {
      if (old && old.type !== 'dir') fail('ENOTDIR', to);
      if (old && old.entries!.size > 0) fail('ENOTEMPTY', to);
    } else if (old && old.type === 'dir') {
      fail('EISDIR', to);
    }
    const now = this.#now();
    if (old) this.#detach(toDir, toName, old);
    fromDir.entries!.delete(fromName);
    toDir.entries!.set(toName, n);
    if (n.type === 'dir' && fromDir !== toDir) { fromDir.nlink--; toDir.nlink++; }
    n.ctime = now;
    fromDir.mtime = fromDir.ctime = toDir.mtime = toDir.ctime = now;
  }

  link(existing: string, path: string): void {
    this.#writable(path);
    const n = this.#lookup(existing);
    const [dir, name] = this.#parent(path);
    if (dir.entries!.has(name)) fail('EEXIST', path);
    if (n.type === 'dir') fail('EPERM', existing);
    const now = this.#now();
    dir.entries!.set(name, n);
    n.nlink++;
    n.ctime = now;
    dir.mtime = dir.ctime = now;
  }

  symlink(target: string, path: string): void {
    const [dir, name] = this.#parent(path);
    if (dir.entries!.has(name)) fail('EEXIST', path);
    this.#writable(path);
    if (target === '') fail('ENOENT', path);
    this.#create(dir, name, 'symlink', 0o777, 0, 0).target = target;
  }

  readlink(path: string): string {
    const n = this.#lookup(path);
    if (n.type !== 'symlink') fail('EINVAL', path);
    return n.target;
  }

  mknod(path: string, type: 'chardev' | 'blockdev' | 'fifo', rdev: readonly [number, number], mode = 0o644): void {
    const [dir, name] = this.#parent(path);
    if (dir.entries!.has(name)) fail('EEXIST', path);
    this.#writable(path);
    const n = this.#create(dir, name, type, mode, 0, 0);
    n.rdev = type === 'fifo' ? [0, 0] : [rdev[0], rdev[1]];
  }

  chmod(path: string, mode: number): void {
    this.#writable(path);
    const n = this.#lookup(path);
    n.mode = mode & 0o7777;
    n.ctime = this.#now();
  }

  /** chown(2); -1 keeps an id. On a non-directory it clears setuid, and setgid if group-executable, even for root (fs/attr.c ATTR_KILL_SUID/SGID). */
  chown(path: string, uid: number, gid: number): void {
    this.#writable(path);
    const n = this.#lookup(path);
    if (uid >= 0) n.uid = uid;
    if (gid >= 0) n.gid = gid;
    if (n.type !== 'dir') {
      n.mode &= ~0o4000;
      if ((n.mode & 0o2010) === 0o2010) n.mode &= ~0o2000;
    }
    n.ctime = this.#now();
  }

  utimes(path: string, mtime: number): void {
    this.#writable(path);
    const n = this.#lookup(path);
    n.mtime = mtime;
    n.ctime = this.#now();
  }

  getxattr(path: string, name: string): string | undefined {
    return this.#lookup(path).xattrs?.get(name);
  }

  /** setxattr(2) (xattr(7)): unknown namespaces EOPNOTSUPP; user.* only on regular files and directories (else EPERM). */
  setxattr(path: string, name: string, value: string): void {
    this.#writable(path);
    const n = this.#lookup(path);
    if (!/^(user|trusted|security|system)\.[^]/.test(name)) fail('EOPNOTSUPP', path);
    if (name.startsWith('user.') && n.type !== 'file' && n.type !== 'dir') fail('EPERM', path);
    (n.xattrs ??= new Map()).set(name, value);
    n.ctime = this.#now();
  }

  listxattr(path: string): string[] {
    const x = this.#lookup(path).xattrs;
    return x ? [...x.keys()].sort(compareNames) : [];
  }

  usage(): { bytes: number; inodes: number } {
    return { bytes: this.#bytes, inodes: this.#inodes };
  }

  /** The inode at `path`; ENOENT if missing, ENOTDIR if a non-final component is not a directory. */
  #lookup(path: string): Inode {
    const n = this.#walk(path, path.length);
    return typeof n === 'string' ? fail(n, path) : n;
  }

  /** The directory that holds (or would hold) `path`, and the last component. */
  #parent(path: string): [Inode, string] {
    const [start, end] = lastComponent(path);
    const n = this.#walk(path, start);
    if (typeof n === 'string') fail(n, path);
    if (!n.entries) fail('ENOTDIR', path);
    return [n, path.slice(start, end)];
  }

  /**
   * The inode at path[0, end) (walkFrom's answer), through a cache of the
   * directories holding looked-up names, keyed by the path up to the last
   * component and emptied by any mutation (#generation): the VFS looks up
   * /a, /a/b, /a/b/c... and overlays look up deep layer paths, so most
   * lookups descend one name from a cached directory instead of from "/".
   */
  #walk(path: string, end: number): Inode | 'ENOENT' | 'ENOTDIR' {
    let e = end;
    while (e > 0 && path.charCodeAt(e - 1) === 47) e--;
    const s = e === 0 ? 0 : path.lastIndexOf('/', e - 1) + 1;
    if (s <= 1) return walkFrom(this.#root, path, end);
    const fresh = this.#dirsGeneration === this.#generation;
    // The last directory looked up is the usual parent of the next lookup (a walk goes /a, /a/b, /a/b/c).
    const last = this.#lastDir;
    if (fresh && last !== undefined && last.path.length === s - 1 && path.startsWith(last.path)) {
      const n = last.node.entries!.get(path.slice(s, e)) ?? 'ENOENT';
      if (typeof n !== 'string' && n.type === 'dir' && e === path.length) this.#lastDir = { path, node: n };
      return n;
    }
    let dirs = this.#dirs;
    if (!dirs || this.#dirsGeneration !== this.#generation || dirs.size > DIR_CACHE_LIMIT) {
      dirs = this.#dirs = new Map();
      this.#lastDir = undefined;
      this.#dirsGeneration = this.#generation;
    }
    const key = path.slice(0, s);
    let dir = dirs.get(key);
    if (!dir) {
      const d = walkFrom(this.#root, path, s);
      if (typeof d === 'string') return d;
      dirs.set(key, (dir = d));
    }
    if (!dir.entries) return 'ENOTDIR';
    const n = dir.entries.get(path.slice(s, e)) ?? 'ENOENT';
    if (typeof n !== 'string' && n.type === 'dir' && e === path.length) this.#lastDir = { path, node: n };
    return n;
  }

  /** The last directory #walk found by its full path (valid with #dirs). */
  #lastDir: { path: string; node: Inode } | undefined;

  /** #walk's directory cache, valid while #generation equals #dirsGeneration. */
  #dirs: Map<string, Inode> | undefined;
  #dirsGeneration = -1;

  /** EROFS on a read-only mount; otherwise the mutation may proceed, so the generation moves. */
  #writable(path: string): void {
    if (this.readonly) fail('EROFS', path);
    this.#generation++;
  }

  /** ENOSPC unless `delta` more bytes fit (validate first, mutate last). */
  #reserve(delta: number, path: string): void {
    if (delta > 0 && this.#bytes + delta > this.capacityBytes) fail('ENOSPC', path);
  }

  #setData(n: Inode, data: FileData): void {
    this.#bytes += dataSize(data) - dataSize(n.data);
    n.data = data;
    n.mtime = n.ctime = this.#now();
  }

  #create(dir: Inode, name: string, type: FileType, mode: number, uid: number, gid: number): Inode {
    if (name === '') fail('EEXIST', '/');
    const now = this.#now();
    const n = newInode(this.#nextIno++, type, mode, uid, gid, now);
    dir.entries!.set(name, n);
    dir.mtime = dir.ctime = now;
    this.#inodes++;
    return n;
  }

  /** Remove one name of `n`; free the inode when its last name goes (unlink(2)). */
  #detach(dir: Inode, name: string, n: Inode): void {
    const now = this.#now();
    dir.entries!.delete(name);
    dir.mtime = dir.ctime = now;
    if (n.type === 'dir') {
      dir.nlink--;
      n.nlink = 0;
    } else {
      n.nlink--;
      n.ctime = now;
    }
    if (n.nlink === 0) {
      this.#inodes--;
      if (n.type === 'file') this.#bytes -= dataSize(n.data);
    }
  }
}
