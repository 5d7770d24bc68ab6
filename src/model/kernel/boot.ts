/**
 * What a booted Debian-like host has mounted and configured before anyone
 * logs in: the root disk, /proc, /sys, the cgroup2 hierarchy, devtmpfs with
 * the usual device nodes (devices.txt numbers), devpts, /dev/shm and /run;
 * `lo` and one Ethernet interface with an address (illustrative 10.0.2.15/24,
 * QEMU user networking's default).
 */
import type { Kernel } from './kernel.ts';
import type { MountTable, Mount } from './vfs/mount-table.ts';
import { allocMountId } from './vfs/mount-table.ts';
import type { FileSystem } from '../fs/types.ts';
import { MemoryFs } from '../fs/memory-fs.ts';
import { mkdirp } from '../fs/walk.ts';
import { makeProcfs } from './proc/procfs.ts';
import { makeSysfs } from './vfs/sysfs.ts';
import { makeCgroupfs } from './cgroup/cgroupfs.ts';
import type { NetStack } from './net/net-stack.ts';
import { isSysError } from '../errors.ts';

/** Device nodes of devtmpfs (Documentation/admin-guide/devices.txt). */
export const DEVICE_NODES: ReadonlyArray<{ name: string; type: 'chardev' | 'blockdev'; rdev: [number, number]; mode: number; gid?: number }> = [
  { name: 'null', type: 'chardev', rdev: [1, 3], mode: 0o666 },
  { name: 'zero', type: 'chardev', rdev: [1, 5], mode: 0o666 },
  { name: 'full', type: 'chardev', rdev: [1, 7], mode: 0o666 },
  { name: 'random', type: 'chardev', rdev: [1, 8], mode: 0o666 },
  { name: 'urandom', type: 'chardev', rdev: [1, 9], mode: 0o666 },
  { name: 'tty', type: 'chardev', rdev: [5, 0], mode: 0o666, gid: 5 },
  { name: 'console', type: 'chardev', rdev: [5, 1], mode: 0o600 },
  { name: 'ptmx', type: 'chardev', rdev: [5, 2], mode: 0o666, gid: 5 },
  { name: 'sda', type: 'blockdev', rdev: [8, 0], mode: 0o660, gid: 6 },
  { name: 'sda1', type: 'blockdev', rdev: [8, 1], mode: 0o660, gid: 6 },
];


/** A fresh devtmpfs-like /dev with the standard nodes and links. */
export function populateDev(fs: FileSystem): void {
  for (const d of DEVICE_NODES) {
    fs.mknod('/' + d.name, d.type, d.rdev, d.mode);
    if (d.gid) fs.chown('/' + d.name, 0, d.gid);
  }
  for (const dir of ['/pts', '/shm', '/mqueue']) fs.mkdir(dir, 0o755);
  fs.chmod('/shm', 0o1777);
  fs.symlink('/proc/self/fd', '/fd');
  fs.symlink('/proc/self/fd/0', '/stdin');
  fs.symlink('/proc/self/fd/1', '/stdout');
  fs.symlink('/proc/self/fd/2', '/stderr');
}

/** Mount the host's boot-time filesystems into the initial mount table. */
export function bootMounts(k: Kernel, table: MountTable): void {
  const now = (): number => k.clock.realtime;
  const root = k.options.rootfs;
  for (const d of ['/proc', '/sys', '/dev', '/run', '/tmp', '/root']) mkdirp(root, d);
  const ramKb = Math.floor(k.options.memoryBytes / 1024);
  const add = (point: string, fs: FileSystem, source: string, fstype: string, options: string[], parent?: Mount): Mount => {
    const m: Mount = { id: allocMountId(), parentId: parent?.id ?? 0, point, fs, root: '/', source, fstype, options, readonly: false };
    if (!parent) m.parentId = m.id - 1;
    table.add(m);
    return m;
  };
  const rootMount = add('/', root, '/dev/sda1', root.fstype, ['rw', 'relatime']);
  add('/proc', makeProcfs(k, k.initNs.pid, k.allocDev()), 'proc', 'proc', ['rw', 'nosuid', 'nodev', 'noexec', 'relatime'], rootMount);
  const sys = add('/sys', makeSysfs(k, k.initNs.net, k.allocDev()), 'sysfs', 'sysfs', ['rw', 'nosuid', 'nodev', 'noexec', 'relatime'], rootMount);
  add('/sys/fs/cgroup', makeCgroupfs(k, k.cgroupRoot, k.allocDev()), 'cgroup2', 'cgroup2', ['rw', 'nosuid', 'nodev', 'noexec', 'relatime', 'nsdelegate', 'memory_recursiveprot'], sys);
  const devfs = k.devtmpfs;
  populateDev(devfs);
  const dev = add('/dev', devfs, 'udev', 'devtmpfs', ['rw', 'nosuid', 'relatime', `size=${Math.floor(ramKb / 2)}k`, `nr_inodes=${Math.floor(ramKb / 8)}`, 'mode=755', 'inode64'], rootMount);
  const pts = new MemoryFs({ dev: k.allocDev(), now, fstype: 'devpts' });
  pts.mknod('/ptmx', 'chardev', [5, 2], 0o000);
  pts.mknod('/0', 'chardev', [136, 0], 0o620);
  pts.chown('/0', 0, 5);
  add('/dev/pts', pts, 'devpts', 'devpts', ['rw', 'nosuid', 'noexec', 'relatime', 'gid=5', 'mode=620', 'ptmxmode=000'], dev);
  add('/dev/shm', new MemoryFs({ dev: k.allocDev(), now, fstype: 'tmpfs', capacityBytes: k.options.memoryBytes / 2 }), 'tmpfs', 'tmpfs', ['rw', 'nosuid', 'nodev', 'inode64'], dev);
  const run = new MemoryFs({ dev: k.allocDev(), now, fstype: 'tmpfs', capacityBytes: Math.floor(k.options.memoryBytes / 10) });
  for (const d of ['/lock', '/user', '/netns', '/mount']) run.mkdir(d, 0o755);
  run.chmod('/lock', 0o1777);
  add('/run', run, 'tmpfs', 'tmpfs', ['rw', 'nosuid', 'nodev', 'noexec', 'relatime', `size=${Math.floor(ramKb / 10)}k`, 'mode=755', 'inode64'], rootMount);
}

/** The host's network: lo UP with 127.0.0.1/8 and ::1/128, eth0 UP with an illustrative address. */
export function bootHostNetwork(k: Kernel, stack: NetStack): void {
  const lo = stack.device('lo')!;
  lo.up = true;
  lo.addrs.push({ family: 'inet', cidr: '127.0.0.1/8', scope: 'host' }, { family: 'inet6', cidr: '::1/128', scope: 'host' });
  const eth = stack.addDevice({ name: 'eth0', kind: 'ether', mtu: 1500, mac: '52:54:00:12:34:56' });
  eth.up = true;
  eth.addrs.push({ family: 'inet', cidr: '10.0.2.15/24', scope: 'global' });
  void k;
}
