/**
 * File system calls for one process (open/read/write/mkdir/unlink/...):
 * resolve through the mount namespace (resolve.ts), check permissions
 * (DAC with CAP_DAC_OVERRIDE, read-only mounts → EROFS, EXDEV across
 * mounts), handle character devices (/dev/null, /dev/zero, /dev/urandom...)
 * and account the page cache and io.stat.
 */
import { fail } from '../../errors.ts';
import type { FileData } from '../../fs/data.ts';
import { EMPTY, dataSize, virtualData } from '../../fs/data.ts';
import type { Stat, WriteOptions } from '../../fs/types.ts';
import type { Kernel } from '../kernel.ts';
import type { Process } from '../process/process.ts';
import { ctxOf } from './mount-ops.ts';
import { isMagicLink, resolve } from './resolve.ts';
import type { Located } from './resolve.ts';
import { splitParent } from '../../fs/path.ts';
import { idInNs, idToGlobal } from '../ns/namespaces.ts';

/** Filesystems whose reads are not cached or counted as disk I/O. */
const PSEUDO = new Set(['proc', 'sysfs', 'cgroup2', 'devtmpfs', 'devpts', 'tmpfs', 'mqueue']);

/** Look up with symlinks followed in the last component. */
export function lookup(p: Process, path: string): Located {
  return resolve(ctxOf(p), path, { follow: true, mustExist: true });
}

/** Look up without following a final symlink. */
export function lookupNoFollow(p: Process, path: string): Located {
  return resolve(ctxOf(p), path, { follow: false, mustExist: true });
}

/** DAC permission check (inode_permission): root with CAP_DAC_OVERRIDE may read/write anything and execute anything with an x bit. */
export function mayAccess(p: Process, st: Stat, want: 'r' | 'w' | 'x', path?: string): void {
  if (p.caps.has('CAP_DAC_OVERRIDE')) {
    if (want !== 'x' || st.type === 'dir' || (st.mode & 0o111) !== 0) return;
    fail('EACCES', path);
  }
  const bits = p.uid === st.uid ? (st.mode >> 6) & 7 : p.gid === st.gid ? (st.mode >> 3) & 7 : st.mode & 7;
  const need = want === 'r' ? 4 : want === 'w' ? 2 : 1;
  if ((bits & need) === 0) fail('EACCES', path);
}

/** The parent directory of a name to create or remove, checked for write+search. */
function parentOf(p: Process, loc: Located, path: string): void {
  const [parent] = splitParent(loc.path);
  // The walk that found `loc` already looked the name up in its directory from "/" (Located.parent): no second walk.
  const known = loc.parent !== undefined && loc.parent.path === parent ? loc.parent.stat : undefined;
  const dirStat = known ?? resolve({ table: p.ns.mnt.table, root: '/', cwd: '/' }, parent, { follow: true, mustExist: true }).stat!;
  if (loc.mount.readonly) fail('EROFS', path);
  mayAccess(p, dirStat, 'w', path);
}

/** Is `loc` a mount point (EBUSY for rmdir/unlink/rename of it)? */
function isMountPoint(p: Process, loc: Located): boolean {
  return p.ns.mnt.table.mounts.some((m) => m.point === loc.path && m.point !== '/');
}

/** stat(2); nsfs links of /proc/PID/ns stat as the namespace inode. */
export function statPath(k: Kernel, p: Process, path: string): Stat {
  const loc = lookup(p, path);
  if (loc.stat!.type === 'symlink' && isMagicLink(loc.fs.readlink(loc.fsPath), loc.fs)) {
    const ino = Number(/\[(\d+)\]/.exec(loc.fs.readlink(loc.fsPath))![1]);
    return { ...loc.stat!, type: 'file', mode: 0o444, ino, dev: 4, size: 0 };
  }
  void k;
  return loc.stat!;
}

/** Deterministic bytes for /dev/urandom reads. */
function randomBytes(k: Kernel, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = k.rng.int(256);
  return out;
}

/** Charge disk I/O to the process's cgroups (io.stat for 8:0) and apply io.max by stretching time. */
function chargeIo(k: Kernel, p: Process, dir: 'r' | 'w', bytes: number): void {
  let delay = 0;
  for (const g of p.cgroup.upwards()) {
    const s = g.ioStat.get('8:0') ?? { rbytes: 0, wbytes: 0, rios: 0, wios: 0, dbytes: 0, dios: 0 };
    if (dir === 'r') { s.rbytes += bytes; s.rios += Math.max(1, Math.ceil(bytes / 131072)); }
    else { s.wbytes += bytes; s.wios += Math.max(1, Math.ceil(bytes / 131072)); }
    g.ioStat.set('8:0', s);
    const lim = g.has('io') ? g.ioMax.get('8:0') : undefined;
    const bps = lim ? (dir === 'r' ? lim.rbps : lim.wbps) : Infinity;
    if (bps !== Infinity) delay = Math.max(delay, Math.round((bytes / bps) * 1e6));
  }
  if (delay > 0) k.clock.advance(delay);
}

/** read(2) of a whole file. */
export function readPath(k: Kernel, p: Process, path: string): FileData {
  const loc = lookup(p, path);
  const st = loc.stat!;
  if (st.type === 'dir') fail('EISDIR', path);
  mayAccess(p, st, 'r', path);
  if (st.type === 'chardev') {
    const dev = `${st.rdev[0]}:${st.rdev[1]}`;
    if (dev === '1:5' || dev === '1:7') return new Uint8Array(4096);
    if (dev === '1:8' || dev === '1:9') return randomBytes(k, 4096);
    return EMPTY;
  }
  if (st.type === 'blockdev') return virtualData(st.rdev[1] === 0 ? k.options.diskBytes : k.options.diskBytes - 1048576, `blockdev:${st.rdev.join(':')}`);
  if (st.type === 'fifo' || st.type === 'socket') return EMPTY;
  const data = loc.fs.read(loc.fsPath);
  if (!PSEUDO.has(loc.fs.fstype)) {
    if (!k.pageCache.has(data)) chargeIo(k, p, 'r', dataSize(data));
    k.pageCache.touch(data, p.cgroup);
  }
  return data;
}

/** open(O_CREAT|O_WRONLY[|O_APPEND|O_TRUNC|O_EXCL]) + write(2). */
export function writePath(k: Kernel, p: Process, path: string, data: FileData, opts: WriteOptions = {}): void {
  const loc = resolve(ctxOf(p), path, { follow: true, mustExist: false });
  if (loc.stat) {
    if (opts.exclusive) fail('EEXIST', path);
    const st = loc.stat;
    if (st.type === 'dir') fail('EISDIR', path);
    mayAccess(p, st, 'w', path);
    if (st.type === 'chardev') {
      if (`${st.rdev[0]}:${st.rdev[1]}` === '1:7') fail('ENOSPC', path);
      return;
    }
    if (st.type === 'blockdev' || st.type === 'fifo' || st.type === 'socket') return;
    if (loc.mount.readonly) fail('EROFS', path);
  } else {
    parentOf(p, loc, path);
  }
  loc.fs.write(loc.fsPath, data, { ...opts, uid: opts.uid ?? p.uid, gid: opts.gid ?? p.gid });
  if (!PSEUDO.has(loc.fs.fstype)) {
    chargeIo(k, p, 'w', dataSize(data));
    k.pageCache.touch(data, p.cgroup);
  }
}

/** open(O_WRONLY) without writing (copy-up on an overlay). */
export function openForWrite(p: Process, path: string): void {
  const loc = lookup(p, path);
  if (loc.stat!.type === 'dir') fail('EISDIR', path);
  mayAccess(p, loc.stat!, 'w', path);
  if (loc.stat!.type !== 'file') return;
  if (loc.mount.readonly) fail('EROFS', path);
  loc.fs.openForWrite(loc.fsPath);
}

/** truncate(2). */
export function truncatePath(p: Process, path: string, size: number): void {
  const loc = lookup(p, path);
  if (loc.stat!.type === 'dir') fail('EISDIR', path);
  // O_TRUNC on a device or FIFO is ignored (open(2)).
  if (loc.stat!.type === 'chardev' || loc.stat!.type === 'blockdev' || loc.stat!.type === 'fifo' || loc.stat!.type === 'socket') return;
  if (size < 0) fail('EINVAL', path);
  mayAccess(p, loc.stat!, 'w', path);
  if (loc.mount.readonly) fail('EROFS', path);
  loc.fs.truncate(loc.fsPath, size);
}

/** mkdir(2). */
export function mkdirPath(p: Process, path: string, mode = 0o755): void {
  const loc = resolve(ctxOf(p), path, { follow: false, mustExist: false });
  if (loc.stat) fail('EEXIST', path);
  parentOf(p, loc, path);
  loc.fs.mkdir(loc.fsPath, mode, { uid: p.uid, gid: p.gid });
}

/** rmdir(2): EBUSY on a mount point. */
export function rmdirPath(p: Process, path: string): void {
  const loc = lookupNoFollow(p, path);
  if (loc.stat!.type !== 'dir') fail('ENOTDIR', path);
  if (loc.path === p.root || loc.path === '/') fail('EBUSY', path);
  if (isMountPoint(p, loc)) fail('EBUSY', path);
  if (loc.fs.fstype !== 'cgroup2') parentOf(p, loc, path);
  loc.fs.rmdir(loc.fsPath);
}

/** unlink(2). */
export function unlinkPath(p: Process, path: string): void {
  const loc = lookupNoFollow(p, path);
  if (loc.stat!.type === 'dir') fail('EISDIR', path);
  if (isMountPoint(p, loc)) fail('EBUSY', path);
  parentOf(p, loc, path);
  loc.fs.unlink(loc.fsPath);
}

/** rename(2): EXDEV across mounts (even of the same filesystem), EBUSY for mount points. */
export function renamePath(p: Process, from: string, to: string): void {
  const a = lookupNoFollow(p, from);
  const b = resolve(ctxOf(p), to, { follow: false, mustExist: false });
  if (a.mount !== b.mount) fail('EXDEV', to);
  if (isMountPoint(p, a) || (b.stat && isMountPoint(p, b))) fail('EBUSY', from);
  parentOf(p, a, from);
  parentOf(p, b, to);
  if (a.path === b.path) return;
  loc2(a, b);
}

function loc2(a: Located, b: Located): void {
  a.fs.rename(a.fsPath, b.fsPath);
}

/** link(2): EXDEV across mounts. */
export function linkPath(p: Process, existing: string, path: string): void {
  const a = lookupNoFollow(p, existing);
  const b = resolve(ctxOf(p), path, { follow: false, mustExist: false });
  if (b.stat) fail('EEXIST', path);
  if (a.stat!.type === 'dir') fail('EPERM', existing);
  if (a.mount !== b.mount) fail('EXDEV', path);
  parentOf(p, b, path);
  a.fs.link(a.fsPath, b.fsPath);
}

/** symlink(2). */
export function symlinkPath(p: Process, target: string, path: string): void {
  if (target === '') fail('ENOENT', path);
  const b = resolve(ctxOf(p), path, { follow: false, mustExist: false });
  if (b.stat) fail('EEXIST', path);
  parentOf(p, b, path);
  b.fs.symlink(target, b.fsPath);
}

/** mknod(2): devices need CAP_MKNOD. */
export function mknodPath(p: Process, path: string, type: 'chardev' | 'blockdev' | 'fifo', rdev: readonly [number, number], mode = 0o644): void {
  if (type !== 'fifo' && !p.caps.has('CAP_MKNOD')) fail('EPERM', path);
  const b = resolve(ctxOf(p), path, { follow: false, mustExist: false });
  if (b.stat) fail('EEXIST', path);
  parentOf(p, b, path);
  b.fs.mknod(b.fsPath, type, rdev, mode);
}

/** chmod(2): owner or CAP_FOWNER. */
export function chmodPath(p: Process, path: string, mode: number): void {
  const loc = lookup(p, path);
  if (p.uid !== loc.stat!.uid && !p.caps.has('CAP_FOWNER')) fail('EPERM', path);
  if (loc.mount.readonly) fail('EROFS', path);
  loc.fs.chmod(loc.fsPath, mode & 0o7777);
}

/** chown(2): CAP_CHOWN; IDs given inside a user namespace are mapped to the kernel's (EINVAL if unmapped, -1 keeps). */
export function chownPath(p: Process, path: string, uid: number, gid: number): void {
  const loc = lookup(p, path);
  if (!p.caps.has('CAP_CHOWN')) fail('EPERM', path);
  if (loc.mount.readonly) fail('EROFS', path);
  const u = uid === -1 ? loc.stat!.uid : idToGlobal(p.ns.user, uid, 'uid');
  const g = gid === -1 ? loc.stat!.gid : idToGlobal(p.ns.user, gid, 'gid');
  if (u === undefined || g === undefined) fail('EINVAL', path);
  loc.fs.chown(loc.fsPath, u, g);
}

/** A Stat as a process in a user namespace sees it: owners mapped in, unmapped ones as the overflow ID (user_namespaces(7)). */
export function statFor(p: Process, st: Stat): Stat {
  if (!p.ns.user.parent) return st;
  return { ...st, uid: idInNs(p.ns.user, st.uid, 'uid'), gid: idInNs(p.ns.user, st.gid, 'gid') };
}

/** utimensat(2). */
export function utimesPath(p: Process, path: string, mtime: number): void {
  const loc = lookup(p, path);
  if (loc.mount.readonly) fail('EROFS', path);
  loc.fs.utimes(loc.fsPath, mtime);
}
