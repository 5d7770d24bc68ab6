/**
 * mount(2), umount2(2), pivot_root(2), chroot(2) and statfs(2) for one
 * process (mount_namespaces(7), facts §5.6). Filesystem types: proc, sysfs,
 * cgroup2, tmpfs, devtmpfs, devpts, mqueue, overlay (lowerdir/upperdir/
 * workdir are paths the caller resolves), bind mounts, and block devices
 * (mounting /dev/sda1 gives the host's disk: the --privileged escape).
 */
import { fail, isSysError } from '../../errors.ts';
import type { FileSystem } from '../../fs/types.ts';
import { MemoryFs } from '../../fs/memory-fs.ts';
import { SubtreeFs } from '../../fs/subtree-fs.ts';
import { isWithin } from '../../fs/path.ts';
import type { Kernel } from '../kernel.ts';
import type { Process } from '../process/process.ts';
import type { StatFs } from '../types.ts';
import type { Mount } from './mount-table.ts';
import { allocMountId, pathInMount } from './mount-table.ts';
import { resolve } from './resolve.ts';
import type { Located } from './resolve.ts';
import { makeProcfs } from '../proc/procfs.ts';
import { makeSysfs } from './sysfs.ts';
import { makeCgroupfs } from '../cgroup/cgroupfs.ts';
import { capable } from '../ns/unshare.ts';
import { makeOverlay } from './overlay-mount.ts';

/** Filesystem types that live on a block device. */
const BLOCK_FS = new Set(['ext4', 'ext3', 'ext2', 'xfs', 'btrfs', 'vfat', 'auto', '']);

/** Propagation-only flags (mount --make-rprivate /): accepted, nothing to change in this model. */
const PROPAGATION = new Set(['private', 'rprivate', 'slave', 'rslave', 'shared', 'rshared', 'unbindable', 'runbindable']);

/** The path context of a process. */
export function ctxOf(p: Process) {
  return { table: p.ns.mnt.table, root: p.root, cwd: p.cwd };
}

function parseSize(opts: readonly string[], dflt: number): number {
  const s = opts.find((o) => o.startsWith('size='));
  if (!s) return dflt;
  const m = /^size=(\d+)([kmgKMG%]?)$/.exec(s);
  if (!m) fail('EINVAL');
  const n = Number(m[1]);
  const unit = m[2].toLowerCase();
  return unit === 'k' ? n * 1024 : unit === 'm' ? n * 1024 ** 2 : unit === 'g' ? n * 1024 ** 3 : n;
}

/** Options as mount(8) prints them for a new mount: rw/ro first, then relatime unless given, then the rest. */
function normaliseOptions(opts: readonly string[], fstype: string): string[] {
  const ro = opts.includes('ro');
  const rest = opts.filter((o) => o !== 'ro' && o !== 'rw' && o !== 'defaults' && o !== 'bind' && o !== 'rbind' && o !== 'remount');
  const flags = rest.filter((o) => ['nosuid', 'nodev', 'noexec'].includes(o));
  const other = rest.filter((o) => !['nosuid', 'nodev', 'noexec', 'relatime'].includes(o));
  const out = [ro ? 'ro' : 'rw', ...flags, 'relatime', ...other];
  if (fstype === 'tmpfs' && !other.some((o) => o.startsWith('inode64'))) out.push('inode64');
  return out;
}

/** Check the mount-related permission: CAP_SYS_ADMIN over the mount namespace, and the seccomp filter. */
function checkMountPerm(p: Process, call: string): void {
  if (p.seccomp?.has(call)) fail('EPERM');
  if (!capable(p, 'CAP_SYS_ADMIN', p.ns.mnt.owner)) fail('EPERM');
}

/** Build the filesystem a mount(2) call asks for. */
function makeFs(k: Kernel, p: Process, source: string, fstype: string, options: readonly string[]): { fs: FileSystem; root: string; source: string; fstype: string } {
  const now = (): number => k.clock.realtime;
  switch (fstype) {
    case 'proc': return { fs: makeProcfs(k, p.ns.pid, k.allocDev()), root: '/', source, fstype };
    case 'sysfs': return { fs: makeSysfs(k, p.ns.net, k.allocDev()), root: '/', source, fstype };
    case 'cgroup2': return { fs: makeCgroupfs(k, p.ns.cgroup.root, k.allocDev()), root: '/', source, fstype };
    case 'tmpfs': case 'shm':
      return { fs: new MemoryFs({ dev: k.allocDev(), now, fstype, capacityBytes: parseSize(options, k.options.memoryBytes / 2) }), root: '/', source, fstype };
    // devpts and mqueue have no blocks: statfs reports 0 and df hides them.
    case 'devpts': case 'mqueue':
      return { fs: new MemoryFs({ dev: k.allocDev(), now, fstype }), root: '/', source, fstype };
    case 'devtmpfs': return { fs: k.devtmpfs, root: '/', source, fstype };
    case 'overlay': return { fs: makeOverlay(k, p, options), root: '/', source, fstype };
    default: {
      if (!BLOCK_FS.has(fstype)) fail('ENODEV', fstype);
      // A block-device filesystem: the source must be a block device node the kernel knows.
      let loc: Located;
      try {
        loc = resolve(ctxOf(p), source, { follow: true, mustExist: true });
      } catch (e) {
        if (isSysError(e, 'ENOENT')) fail('ENOENT', source);
        throw e;
      }
      if (loc.stat!.type !== 'blockdev') fail('ENOTBLK', source);
      if (!capable(p, 'CAP_SYS_ADMIN')) fail('EPERM');
      const fs = k.blockDevices.get(`${loc.stat!.rdev[0]}:${loc.stat!.rdev[1]}`);
      if (!fs) fail('ENXIO', source);
      if (fstype !== 'auto' && fstype !== '' && fstype !== fs.fstype) fail('EINVAL', source);
      return { fs, root: '/', source, fstype: fs.fstype };
    }
  }
}

/** mount(2). */
export function doMount(k: Kernel, p: Process, source: string, target: string, fstype: string, options: readonly string[] = []): void {
  checkMountPerm(p, 'mount');
  const ctx = ctxOf(p);
  const tgt = resolve(ctx, target, { follow: true, mustExist: true });
  const table = p.ns.mnt.table;
  const opts = options.flatMap((o) => o.split(',')).filter(Boolean);
  if (opts.length > 0 && opts.every((o) => PROPAGATION.has(o))) return;
  if (opts.includes('remount')) {
    const top = table.topAt(tgt.path);
    if (!top) fail('EINVAL', target);
    const ro = opts.includes('ro');
    const next: Mount = { ...top, options: [ro ? 'ro' : 'rw', ...top.options.filter((o) => o !== 'ro' && o !== 'rw')], readonly: ro };
    table.replace(top, next);
    return;
  }
  const parent = table.find(tgt.path);
  let made: { fs: FileSystem; root: string; source: string; fstype: string };
  let src: Located | undefined;
  if (opts.includes('bind') || opts.includes('rbind')) {
    src = resolve(ctx, source, { follow: true, mustExist: true });
    if ((src.stat!.type === 'dir') !== (tgt.stat!.type === 'dir')) fail(src.stat!.type === 'dir' ? 'ENOTDIR' : 'EISDIR', target);
    made = { fs: src.mount.fs, root: pathInMount(src.mount, src.path), source: src.mount.source, fstype: src.mount.fstype };
  } else {
    if (tgt.stat!.type !== 'dir') fail('ENOTDIR', target);
    made = makeFs(k, p, source, fstype, opts);
  }
  const ro = opts.includes('ro');
  const shown = opts.includes('bind') || opts.includes('rbind')
    ? (table.find(src!.path).options.map((o) => (o === 'rw' || o === 'ro' ? (ro ? 'ro' : o) : o)))
    : made.fstype === 'overlay' ? ['rw', 'relatime', ...opts.filter((o) => o !== 'rw' && o !== 'relatime')] : normaliseOptions(opts, made.fstype);
  table.add({ id: allocMountId(), parentId: parent.id, point: tgt.path, fs: made.fs, root: made.root, source: made.source, fstype: made.fstype, options: shown, readonly: ro || made.fs.readonly });
}

/** umount2(2) with MNT_DETACH semantics: the mount and everything below it go (runc detaches the old root this way). */
export function doUmount(k: Kernel, p: Process, target: string): void {
  checkMountPerm(p, 'umount2');
  const loc = resolve(ctxOf(p), target, { follow: true, mustExist: true });
  const table = p.ns.mnt.table;
  const top = table.topAt(loc.path);
  if (!top) fail('EINVAL', target);
  const beneath = table.mounts.filter((m) => m !== top && m.point === loc.path);
  if (loc.path === '/' && beneath.length === 0) fail('EBUSY', target);
  table.detach(top);
  void k;
}

/** Rewrite a namespace path after pivot_root: under new_root → relative to it, else under put_old. */
function pivotPath(x: string, newRoot: string, putRel: string): string {
  if (isWithin(newRoot, x)) return x === newRoot ? '/' : x.slice(newRoot.length);
  if (putRel === '/') return x;
  return x === '/' ? putRel : putRel + x;
}

/** pivot_root(2) (facts §5.6): new_root must be a mount point other than "/", put_old at or under it. */
export function doPivotRoot(k: Kernel, p: Process, newRoot: string, putOld: string): void {
  if (p.seccomp?.has('pivot_root')) fail('EPERM');
  if (!capable(p, 'CAP_SYS_ADMIN', p.ns.mnt.owner)) fail('EPERM');
  const ctx = ctxOf(p);
  const nr = resolve(ctx, newRoot, { follow: true, mustExist: true });
  const po = resolve(ctx, putOld, { follow: true, mustExist: true });
  if (nr.stat!.type !== 'dir' || po.stat!.type !== 'dir') fail('ENOTDIR');
  const table = p.ns.mnt.table;
  const newMount = table.topAt(nr.path);
  if (!newMount) fail('EINVAL', newRoot);
  if (nr.path === '/' || nr.path === p.root) fail('EBUSY', newRoot);
  if (!isWithin(nr.path, po.path)) fail('EINVAL', putOld);
  const putRel = po.path === nr.path ? '/' : po.path.slice(nr.path.length);
  const inNew = new Set([newMount, ...table.below(newMount)]);
  const newTree = table.mounts.filter((m) => inNew.has(m));
  const oldTree = table.mounts.filter((m) => !inNew.has(m));
  const oldRoot = oldTree.find((m) => m.point === '/') ?? oldTree[0];
  for (const m of newTree) m.point = pivotPath(m.point, nr.path, putRel);
  for (const m of oldTree) m.point = putRel === '/' ? m.point : m.point === '/' ? putRel : putRel + m.point;
  newMount.parentId = newMount.id;
  if (oldRoot) {
    let host = newMount;
    for (const m of newTree) if (isWithin(m.point, putRel) && m.point.length >= host.point.length) host = m;
    oldRoot.parentId = host.id;
  }
  table.mounts = [...newTree, ...oldTree];
  for (const q of p.ns.mnt.members) {
    q.root = q.root === '/' || q.root === p.root ? '/' : pivotPath(q.root, nr.path, putRel);
    q.cwd = q.cwd === '/' ? '/' : pivotPath(q.cwd, nr.path, putRel);
  }
}

/** chroot(2): CAP_SYS_CHROOT; the directory becomes the process's "/" (cwd is not changed). */
export function doChroot(k: Kernel, p: Process, path: string): void {
  if (p.seccomp?.has('chroot') || !p.caps.has('CAP_SYS_CHROOT')) fail('EPERM', path);
  const loc = resolve(ctxOf(p), path, { follow: true, mustExist: true });
  if (loc.stat!.type !== 'dir') fail('ENOTDIR', path);
  p.root = loc.path;
  void k;
}

/** statfs(2) for the filesystem holding `path`; df(1) sizes. ext4 keeps 5% for root (mke2fs(8) -m default). */
export function doStatfs(k: Kernel, p: Process, path: string): StatFs {
  const loc = resolve(ctxOf(p), path, { follow: true, mustExist: true });
  const m = loc.mount;
  const shownTarget = (() => {
    const r = p.root;
    return r === '/' ? m.point : m.point === r ? '/' : m.point.startsWith(r + '/') ? m.point.slice(r.length) : m.point;
  })();
  const disk = k.options.rootfs;
  const backing = m.fstype === 'overlay' ? disk : m.fs;
  const usage = backing.usage();
  if (backing === disk || m.fs === disk) {
    const total = k.options.diskBytes;
    const used = Math.min(total, Math.ceil((disk.usage().bytes + k.diskBaseBytes) / 4096) * 4096);
    const reserve = Math.floor(total * 0.05);
    return { source: m.source, target: shownTarget, fstype: m.fstype, totalBytes: total, usedBytes: used, availBytes: Math.max(0, total - used - reserve), totalInodes: Math.floor(total / 16384), usedInodes: disk.usage().inodes };
  }
  const cap = (backing as { capacityBytes?: number }).capacityBytes;
  if (cap !== undefined && Number.isFinite(cap)) {
    return { source: m.source, target: shownTarget, fstype: m.fstype, totalBytes: cap, usedBytes: usage.bytes, availBytes: Math.max(0, cap - usage.bytes), totalInodes: Math.floor(cap / 4096), usedInodes: usage.inodes };
  }
  return { source: m.source, target: shownTarget, fstype: m.fstype, totalBytes: 0, usedBytes: 0, availBytes: 0, totalInodes: 0, usedInodes: 0 };
}

/** A read-only view of a directory another process can see (helper for overlay lowerdirs). */
export function subtreeOf(loc: Located): FileSystem {
  return loc.fsPath === '/' ? loc.fs : new SubtreeFs(loc.fs, loc.fsPath);
}
