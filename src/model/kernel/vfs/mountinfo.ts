/**
 * The mount list as a process sees it (proc(5) /proc/PID/mountinfo and
 * /proc/PID/mounts): only mounts under its root, with paths relative to it.
 */
import type { MountInfo } from '../types.ts';
import type { Mount, MountTable } from './mount-table.ts';
import { isWithin } from '../../fs/path.ts';

/** Mounts visible from `root`, paths relative to it (mount order). */
export function visibleMounts(table: MountTable, root: string): MountInfo[] {
  const out: MountInfo[] = [];
  for (const m of table.mounts) {
    if (!isWithin(root, m.point)) continue;
    const target = root === '/' ? m.point : m.point === root ? '/' : m.point.slice(root.length);
    out.push({ id: m.id, parentId: m.parentId, source: m.source, target, fstype: m.fstype, options: m.options });
  }
  return out;
}

/** Per-mount flags mount(8) and mountinfo separate from superblock options. */
const MOUNT_FLAGS = new Set(['rw', 'ro', 'nosuid', 'nodev', 'noexec', 'relatime', 'noatime', 'strictatime', 'nodiratime']);

/** Escape spaces etc. like the kernel's seq_file mangle (" \t\n\\" → octal). */
function mangle(s: string): string {
  return s.replace(/[ \t\n\\]/g, (c) => '\\' + c.charCodeAt(0).toString(8).padStart(3, '0'));
}

/** The device numbers mountinfo prints for a mount (block devices by number; others 0:N). */
function devOf(m: Mount | undefined, dev: number): string {
  if (m && m.source === '/dev/sda1') return '8:1';
  return `0:${dev}`;
}

/** /proc/PID/mountinfo lines: "36 35 0:31 / /sys/fs/cgroup rw,nosuid,... shared:9 - cgroup2 cgroup2 rw,nsdelegate". */
export function mountinfoText(table: MountTable, root: string): string {
  const byId = new Map(table.mounts.map((m) => [m.id, m]));
  return visibleMounts(table, root).map((mi) => {
    const m = byId.get(mi.id);
    const flags = mi.options.filter((o) => MOUNT_FLAGS.has(o));
    const superOpts = [mi.options.includes('ro') ? 'ro' : 'rw', ...mi.options.filter((o) => !MOUNT_FLAGS.has(o))];
    return `${mi.id} ${mi.parentId} ${devOf(m, m?.fs.dev ?? 0)} ${mangle(m?.root ?? '/')} ${mangle(mi.target)} ${flags.join(',')} - ${mi.fstype} ${mangle(mi.source)} ${superOpts.join(',')}`;
  }).join('\n') + '\n';
}

/** /proc/PID/mounts lines (the fstab-like format): "overlay / overlay rw,relatime,lowerdir=... 0 0". */
export function mountsText(table: MountTable, root: string): string {
  return visibleMounts(table, root).map((mi) => `${mangle(mi.source)} ${mangle(mi.target)} ${mi.fstype} ${mi.options.join(',')} 0 0`).join('\n') + '\n';
}
