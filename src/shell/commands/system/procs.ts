/**
 * What procps reads for each process (libproc2): /proc/PID/stat, status and
 * cmdline, from the /proc mounted in the caller's view. A PID namespace
 * without its own /proc mount therefore shows the host's processes, as on
 * a real system.
 */
import type { Sys } from '../../../model/kernel/types.ts';
import { tryRead, userNames } from './util.ts';

/** One process as ps/top see it. */
export interface ProcEntry {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
  readonly sid: number;
  readonly comm: string;
  readonly state: string;
  readonly uid: number;
  readonly user: string;
  readonly tty: string;
  /** utime+stime, clock ticks (USER_HZ 100). */
  readonly ticks: number;
  /** Start, clock ticks after boot. */
  readonly start: number;
  readonly vsz: number;
  /** Resident pages. */
  readonly rssPages: number;
  readonly args: string[];
  readonly nspid: string;
  readonly kthread: boolean;
}

/** procps's message when /proc is missing. */
export const NO_PROC = 'Error, do this: mount -t proc proc /proc';

/** TTY name from tty_nr (pts major 136+). */
function ttyName(nr: number): string {
  if (nr === 0) return '?';
  const major = (nr >> 8) & 0xfff;
  const minor = (nr & 0xff) | ((nr >> 12) & 0xfff00);
  return major >= 136 && major <= 143 ? `pts/${minor + (major - 136) * 256}` : `tty${minor}`;
}

/** Every process listed in /proc, by PID; undefined when /proc is not mounted. */
export function readProcs(sys: Sys): ProcEntry[] | undefined {
  let names: string[];
  try {
    names = sys.readdir('/proc');
  } catch {
    return undefined;
  }
  if (!names.includes('self') && !names.some((n) => /^\d+$/.test(n))) return undefined;
  const users = userNames(sys);
  const out: ProcEntry[] = [];
  for (const n of names.filter((x) => /^\d+$/.test(x)).map(Number).sort((a, b) => a - b)) {
    const stat = tryRead(sys, `/proc/${n}/stat`);
    const status = tryRead(sys, `/proc/${n}/status`) ?? '';
    if (!stat) continue;
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(open + 1, close);
    const f = stat.slice(close + 2).trim().split(' ');
    const field = (i: number): number => Number(f[i - 3]);
    const uid = Number(/^Uid:\t(\d+)/m.exec(status)?.[1] ?? 0);
    const cmd = tryRead(sys, `/proc/${n}/cmdline`) ?? '';
    out.push({
      pid: n, ppid: field(4), pgid: field(5), sid: field(6), comm, state: f[0], uid, user: users.get(uid) ?? String(uid),
      tty: ttyName(field(7)), ticks: field(14) + field(15), start: field(22), vsz: field(23), rssPages: field(24),
      args: cmd.split('\0').filter((x, i, a) => i < a.length - 1 || x !== ''), nspid: /^NSpid:\t(.*)$/m.exec(status)?.[1] ?? String(n),
      kthread: /^Kthread:\t1/m.test(status),
    });
  }
  return out;
}

/** [[DD-]HH:]MM:SS of CPU ticks like ps TIME: "00:00:01". */
export function cpuTime(ticks: number): string {
  const s = Math.floor(ticks / 100);
  const d = Math.floor(s / 86400);
  const hh = String(Math.floor((s % 86400) / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return d > 0 ? `${d}-${hh}:${mm}:${ss}` : `${hh}:${mm}:${ss}`;
}

/** Seconds since boot from /proc/uptime. */
export function uptimeSeconds(sys: Sys): number {
  return Number((tryRead(sys, '/proc/uptime') ?? '0').split(' ')[0]);
}
