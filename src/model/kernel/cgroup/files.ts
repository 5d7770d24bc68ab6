/**
 * The interface files of one cgroup (cgroup-v2.rst, facts §6), rendered and
 * parsed exactly in the documented formats: "max" for no limit, nested keys
 * for io.max and memory.events, flat keys for cpu.stat.
 */
import { fail } from '../../errors.ts';
import type { Cgroup, Controller } from './cgroup.ts';
import { CONTROLLERS } from './cgroup.ts';

/** A number or "max" (Infinity). */
export function fmtMax(n: number): string {
  return n === Infinity ? 'max' : String(n);
}

/** Parse "max" or a non-negative integer (memory values may use K/M/G suffixes when written by hand: the kernel's memparse). */
export function parseMax(v: string, memory = false): number {
  const s = v.trim();
  if (s === 'max') return Infinity;
  const m = memory ? /^(\d+)([KkMmGgTt]?)$/.exec(s) : /^(\d+)()$/.exec(s);
  if (!m) fail('EINVAL');
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  const n = Number(m[1]) * mult;
  // "the value may be rounded up to the closest PAGE_SIZE multiple when read back" (cgroup-v2.rst).
  return memory ? Math.ceil(n / 4096) * 4096 : n;
}

/** "+memory -io" for cgroup.subtree_control (all-or-nothing; ENOENT for an unavailable controller). */
export function writeSubtreeControl(g: Cgroup, text: string): void {
  const ops: Array<[boolean, Controller]> = [];
  for (const tok of text.trim().split(/\s+/).filter(Boolean)) {
    const on = tok[0] === '+';
    if (!on && tok[0] !== '-') fail('EINVAL');
    const c = tok.slice(1) as Controller;
    if (!CONTROLLERS.includes(c) || !g.controllers.includes(c)) fail('ENOENT');
    ops.push([on, c]);
  }
  // No internal processes: a non-root group with member processes cannot enable controllers for children.
  if (g.parent && ops.some(([on]) => on) && [...g.procs].some((p) => p.alive)) fail('EBUSY');
  for (const [on, c] of ops) {
    if (!on && [...g.children.values()].some((ch) => ch.subtreeControl.has(c))) fail('EBUSY');
  }
  for (const [on, c] of ops) (on ? g.subtreeControl.add(c) : g.subtreeControl.delete(c));
}

/** cpu.max "$MAX $PERIOD" (one number: only $MAX changes). */
export function writeCpuMax(g: Cgroup, text: string): void {
  const parts = text.trim().split(/\s+/);
  if (parts.length < 1 || parts.length > 2 || parts[0] === '') fail('EINVAL');
  const quota = parts[0] === 'max' ? Infinity : Number(parts[0]);
  const period = parts.length === 2 ? Number(parts[1]) : g.cpuPeriod;
  if (!(quota === Infinity || (Number.isInteger(quota) && quota >= 1000))) fail('EINVAL');
  if (!Number.isInteger(period) || period < 1000 || period > 1_000_000) fail('EINVAL');
  g.cpuQuota = quota;
  g.cpuPeriod = period;
}

/** io.max: "MAJ:MIN key=value..." (rbps wbps riops wiops; "max" removes a limit). */
export function writeIoMax(g: Cgroup, text: string): void {
  const [devTok, ...kvs] = text.trim().split(/\s+/);
  if (!devTok || !/^\d+:\d+$/.test(devTok)) fail('EINVAL');
  const cur = { ...(g.ioMax.get(devTok) ?? { rbps: Infinity, wbps: Infinity, riops: Infinity, wiops: Infinity }) };
  for (const kv of kvs) {
    const [key, val] = kv.split('=');
    if (!['rbps', 'wbps', 'riops', 'wiops'].includes(key) || val === undefined) fail('EINVAL');
    (cur as Record<string, number>)[key] = parseMax(val);
  }
  if (Object.values(cur).every((v) => v === Infinity)) g.ioMax.delete(devTok);
  else g.ioMax.set(devTok, cur);
}

/** io.max as read back: one line per device with all four keys. */
export function readIoMax(g: Cgroup): string {
  return [...g.ioMax].map(([d, l]) => `${d} rbps=${fmtMax(l.rbps)} wbps=${fmtMax(l.wbps)} riops=${fmtMax(l.riops)} wiops=${fmtMax(l.wiops)}\n`).join('');
}

/** cpu.stat: usage always; throttling fields when the cpu controller is enabled (facts §6.3). */
export function readCpuStat(g: Cgroup): string {
  const rows: Array<[string, number]> = [['usage_usec', g.usageUsec], ['user_usec', g.userUsec], ['system_usec', g.systemUsec]];
  if (g.has('cpu')) rows.push(['nr_periods', g.nrPeriods], ['nr_throttled', g.nrThrottled], ['throttled_usec', g.throttledUsec], ['nr_bursts', 0], ['burst_usec', 0]);
  return rows.map(([k, v]) => `${k} ${v}\n`).join('');
}

/** memory.stat (a subset of the documented keys, in the kernel's order). */
export function readMemoryStat(g: Cgroup): string {
  const anon = g.anonBytes();
  const file = g.fileBytesTotal();
  const rows: Array<[string, number]> = [
    ['anon', anon], ['file', file], ['kernel', 0], ['kernel_stack', 16384 * g.pidsCurrent()], ['pagetables', 8192 * g.pidsCurrent()],
    ['sec_pagetables', 0], ['percpu', 0], ['sock', 0], ['vmalloc', 0], ['shmem', 0], ['zswap', 0], ['zswapped', 0],
    ['file_mapped', Math.floor(file / 4)], ['file_dirty', 0], ['file_writeback', 0], ['swapcached', 0], ['anon_thp', 0],
    ['file_thp', 0], ['shmem_thp', 0], ['inactive_anon', Math.floor(anon / 2)], ['active_anon', Math.ceil(anon / 2)],
    ['inactive_file', Math.floor(file / 2)], ['active_file', Math.ceil(file / 2)], ['unevictable', 0], ['slab_reclaimable', 0],
    ['slab_unreclaimable', 0], ['slab', 0], ['pgfault', Math.floor(anon / 4096)], ['pgmajfault', 0],
  ];
  return rows.map(([k, v]) => `${k} ${v}\n`).join('');
}

/** memory.events (hierarchical counts). */
export function readMemoryEvents(g: Cgroup): string {
  const e = g.memEvents;
  return `low ${e.low}\nhigh ${e.high}\nmax ${e.max}\noom ${e.oom}\noom_kill ${e.oom_kill}\noom_group_kill ${e.oom_group_kill}\n`;
}

/** io.stat lines "MAJ:MIN rbytes=… wbytes=… rios=… wios=… dbytes=… dios=…". */
export function readIoStat(g: Cgroup): string {
  return [...g.ioStat].map(([d, s]) => `${d} rbytes=${s.rbytes} wbytes=${s.wbytes} rios=${s.rios} wios=${s.wios} dbytes=${s.dbytes} dios=${s.dios}\n`).join('');
}
