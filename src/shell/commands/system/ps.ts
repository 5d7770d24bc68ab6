/**
 * ps(1) from procps-ng: reads /proc, so inside a new PID namespace it shows
 * the processes of whatever /proc is mounted (hence unshare --mount-proc).
 * Formats: default, -f, BSD "aux", -o with procps's headers and widths.
 */
import type { Command, CommandContext } from '../../types.ts';
import type { ProcEntry } from './procs.ts';
import { NO_PROC, cpuTime, readProcs, uptimeSeconds } from './procs.ts';
import { asBusybox, tryRead } from './util.ts';

interface Col {
  readonly head: string;
  readonly align: 'l' | 'r';
  readonly width: number;
  value(p: ProcEntry, env: Env): string;
}

interface Env {
  readonly bootUs: number;
  readonly uptime: number;
  readonly memKb: number;
  readonly myPgid: number;
  readonly sys: CommandContext['sys'];
}

const hhmm = (us: number): string => {
  const d = new Date(us / 1000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
};
const elapsed = (p: ProcEntry, e: Env): number => Math.max(0, e.uptime - p.start / 100);
const pcpu = (p: ProcEntry, e: Env): string => {
  const el = elapsed(p, e);
  return el > 0 ? Math.min(999.9, ((p.ticks / 100) / el) * 100).toFixed(1) : '0.0';
};
const args = (p: ProcEntry): string => {
  if (p.state === 'Z') return `[${p.comm}] <defunct>`;
  return p.args.length ? p.args.join(' ') : `[${p.comm}]`;
};
const comm = (p: ProcEntry): string => (p.state === 'Z' ? `${p.comm} <defunct>` : p.comm);
const stat = (p: ProcEntry, e: Env): string => p.state + (p.pid === p.sid && p.tty !== '?' ? 's' : p.pid === 1 ? 's' : '') + (p.tty !== '?' && p.pgid === e.myPgid && p.pid !== p.sid ? '+' : '');
const etime = (p: ProcEntry, e: Env): string => {
  const s = Math.floor(elapsed(p, e));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return d ? `${d}-${String(h).padStart(2, '0')}:${m}:${ss}` : h ? `${String(h).padStart(2, '0')}:${m}:${ss}` : `${m}:${ss}`;
};
const nsIno = (type: string) => (p: ProcEntry, e: Env): string => /\[(\d+)\]/.exec(safeLink(e, `/proc/${p.pid}/ns/${type}`))?.[1] ?? '-';
function safeLink(e: Env, path: string): string {
  try {
    return e.sys.readlink(path);
  } catch {
    return '';
  }
}

/** The -o keys procps knows that the model supports (ps(1) "STANDARD FORMAT SPECIFIERS"). */
const KEYS: Record<string, Col> = {
  pid: { head: 'PID', align: 'r', width: 7, value: (p) => String(p.pid) },
  ppid: { head: 'PPID', align: 'r', width: 7, value: (p) => String(p.ppid) },
  pgid: { head: 'PGID', align: 'r', width: 7, value: (p) => String(p.pgid) },
  pgrp: { head: 'PGRP', align: 'r', width: 7, value: (p) => String(p.pgid) },
  sid: { head: 'SID', align: 'r', width: 7, value: (p) => String(p.sid) },
  sess: { head: 'SESS', align: 'r', width: 7, value: (p) => String(p.sid) },
  uid: { head: 'UID', align: 'r', width: 5, value: (p) => String(p.uid) },
  euid: { head: 'EUID', align: 'r', width: 5, value: (p) => String(p.uid) },
  user: { head: 'USER', align: 'l', width: 8, value: (p) => p.user },
  euser: { head: 'EUSER', align: 'l', width: 8, value: (p) => p.user },
  comm: { head: 'COMMAND', align: 'l', width: 15, value: (p) => comm(p) },
  ucomm: { head: 'COMMAND', align: 'l', width: 15, value: (p) => comm(p) },
  args: { head: 'COMMAND', align: 'l', width: 27, value: (p) => args(p) },
  command: { head: 'COMMAND', align: 'l', width: 27, value: (p) => args(p) },
  cmd: { head: 'CMD', align: 'l', width: 27, value: (p) => args(p) },
  stat: { head: 'STAT', align: 'l', width: 4, value: (p, e) => stat(p, e) },
  s: { head: 'S', align: 'l', width: 1, value: (p) => p.state },
  state: { head: 'S', align: 'l', width: 1, value: (p) => p.state },
  tty: { head: 'TT', align: 'l', width: 8, value: (p) => p.tty },
  tt: { head: 'TT', align: 'l', width: 8, value: (p) => p.tty },
  tname: { head: 'TTY', align: 'l', width: 8, value: (p) => p.tty },
  time: { head: 'TIME', align: 'r', width: 8, value: (p) => cpuTime(p.ticks) },
  cputime: { head: 'TIME', align: 'r', width: 8, value: (p) => cpuTime(p.ticks) },
  etime: { head: 'ELAPSED', align: 'r', width: 11, value: (p, e) => etime(p, e) },
  etimes: { head: 'ELAPSED', align: 'r', width: 7, value: (p, e) => String(Math.floor(elapsed(p, e))) },
  rss: { head: 'RSS', align: 'r', width: 5, value: (p) => String(p.rssPages * 4) },
  rsz: { head: 'RSZ', align: 'r', width: 5, value: (p) => String(p.rssPages * 4) },
  vsz: { head: 'VSZ', align: 'r', width: 6, value: (p) => String(Math.floor(p.vsz / 1024)) },
  pcpu: { head: '%CPU', align: 'r', width: 4, value: (p, e) => pcpu(p, e) },
  '%cpu': { head: '%CPU', align: 'r', width: 4, value: (p, e) => pcpu(p, e) },
  pmem: { head: '%MEM', align: 'r', width: 4, value: (p, e) => (e.memKb ? ((p.rssPages * 4 * 100) / e.memKb).toFixed(1) : '0.0') },
  '%mem': { head: '%MEM', align: 'r', width: 4, value: (p, e) => (e.memKb ? ((p.rssPages * 4 * 100) / e.memKb).toFixed(1) : '0.0') },
  start: { head: 'STARTED', align: 'r', width: 8, value: (p, e) => hhmm(e.bootUs + p.start * 10_000) },
  stime: { head: 'STIME', align: 'l', width: 5, value: (p, e) => hhmm(e.bootUs + p.start * 10_000) },
  c: { head: 'C', align: 'r', width: 2, value: (p, e) => String(Math.floor(Number(pcpu(p, e)))) },
  nlwp: { head: 'NLWP', align: 'r', width: 4, value: () => '1' },
  ni: { head: 'NI', align: 'r', width: 3, value: () => '0' },
  pri: { head: 'PRI', align: 'r', width: 3, value: () => '19' },
  cgroup: { head: 'CGROUP', align: 'l', width: 27, value: (p, e) => (tryRead(e.sys, `/proc/${p.pid}/cgroup`) ?? '-').trim() },
  ...Object.fromEntries(['ipc', 'mnt', 'net', 'pid', 'user', 'uts', 'cgroup', 'time'].map((t) => [`${t}ns`, { head: `${t.toUpperCase()}NS`, align: 'r' as const, width: 10, value: nsIno(t) }])),
};

const FORMATS = {
  default: ['pid', 'tname', 'time', 'ucomm:CMD'],
  full: ['user:UID', 'pid', 'ppid', 'c', 'stime', 'tname', 'time', 'cmd'],
  bsdUser: ['user', 'pid', '%cpu', '%mem', 'vsz', 'rss', 'tname:TTY', 'stat', 'bsdstart', 'bsdtime:TIME', 'args:COMMAND'],
};

const EXTRA: Record<string, Col> = {
  bsdstart: { head: 'START', align: 'l', width: 5, value: (p, e) => hhmm(e.bootUs + p.start * 10_000) },
  bsdtime: { head: 'TIME', align: 'r', width: 6, value: (p) => { const s = Math.floor(p.ticks / 100); return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`; } },
};

/** Parse the selection and format options (UNIX -e -f -o -p, BSD a u x). */
function parse(argv: readonly string[]): { all: boolean; format: string[]; pids?: Set<number>; noHeader: boolean; cmds?: Set<string>; forest?: boolean; error?: string } {
  let forest = false;
  let all = false;
  let full = false;
  let bsdU = false;
  let noHeader = false;
  let format: string[] | undefined;
  let pids: Set<number> | undefined;
  let cmds: Set<string> | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = (): string => argv[++i] ?? '';
    if (a === '-o' || a === '--format' || a === 'o') format = [...(format ?? []), ...val().split(/[,\s]+/).filter(Boolean)];
    else if (a.startsWith('-o') && a.length > 2) format = [...(format ?? []), ...a.slice(2).split(/[,\s]+/).filter(Boolean)];
    else if (a === '-p' || a === '--pid' || a === 'p') pids = new Set([...(pids ?? []), ...val().split(/[,\s]+/).map(Number)]);
    else if (a === '-C') cmds = new Set([...(cmds ?? []), ...val().split(',')]);
    else if (a === '--no-headers' || a === '--no-heading') noHeader = true;
    else if (a === '--forest') forest = true;
    else if (a.startsWith('-') && /^-[eAfFHlwj]+$/.test(a)) {
      if (/[eA]/.test(a)) all = true;
      if (/[fF]/.test(a)) full = true;
    } else if (/^[auxwhfe]+$/.test(a)) {
      if (a.includes('a') || a.includes('x')) all = true;
      if (a.includes('u')) bsdU = true;
      if (a.includes('h')) noHeader = true;
      if (a.includes('f')) forest = true;
    } else return { all, format: [], noHeader, error: a.startsWith('-') ? `error: unsupported SysV option\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).` : `error: process ID list syntax error\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).` };
  }
  const fmt = format ?? (bsdU ? FORMATS.bsdUser : full ? FORMATS.full : FORMATS.default);
  return { all, format: fmt, pids, noHeader, cmds, forest };
}

/** ps: report a snapshot of the current processes. */
export const ps: Command = {
  name: 'ps',
  summary: 'report a snapshot of the current processes',
  help: `
Usage:
 ps [options]

 Basic options:
 -A, -e               all processes
 a                    all with tty, including other users
 -p, p, --pid <PID>   process id list
 -C <command>         command name
 x                    processes without controlling ttys

 Output formats:
 -f                   full-format, including command lines
 u                    user-oriented format
 -o, o, --format <format>
                      user-defined format (e.g. -o pid,ppid,comm,args)
 --no-headers         do not print header at all

 Format keys: pid ppid pgid sid uid user comm args cmd stat s tty time etime
   rss vsz %cpu %mem start stime c nlwp cgroup pidns mntns netns utsns ipcns userns

 ps reads /proc: in a new PID namespace, mount a new /proc to see only its
 processes (unshare --pid --fork --mount-proc ps).

For more details see ps(1).`.trimStart(),
  async run(ctx) {
    if (asBusybox(ctx)) return busyboxPs(ctx);
    const o = parse(ctx.argv.slice(1));
    if (o.error) {
      ctx.stderr.write(o.error + '\n');
      return 1;
    }
    const procs = readProcs(ctx.sys);
    if (!procs) {
      ctx.stderr.write(NO_PROC + '\n');
      return 1;
    }
    const self = procs.find((p) => p.pid === Number(safeSelf(ctx)));
    const memKb = Number(/^MemTotal:\s+(\d+)/m.exec(tryRead(ctx.sys, '/proc/meminfo') ?? '')?.[1] ?? 0);
    const up = uptimeSeconds(ctx.sys);
    const env: Env = { bootUs: ctx.sys.realtime() - up * 1e6, uptime: up, memKb, myPgid: self?.pgid ?? -1, sys: ctx.sys };
    let rows = procs;
    if (o.pids) rows = rows.filter((p) => o.pids!.has(p.pid));
    else if (o.cmds) rows = rows.filter((p) => o.cmds!.has(p.comm));
    else if (!o.all) rows = rows.filter((p) => p.uid === (self?.uid ?? 0) && p.tty === (self?.tty ?? '?'));
    const depth = new Map<number, number>();
    if (o.forest) rows = forestOrder(rows, depth);
    const cols: Col[] = [];
    for (const spec of o.format) {
      const [key, head] = spec.split('=', 2).length === 2 ? spec.split('=', 2) : spec.split(':', 2);
      const base = KEYS[key.toLowerCase()] ?? EXTRA[key.toLowerCase()];
      if (!base) {
        ctx.stderr.write(`error: unknown user-defined format specifier "${key}"\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`);
        return 1;
      }
      cols.push(head !== undefined ? { ...base, head } : base);
    }
    const cells = rows.map((p) => cols.map((c) => {
      const v = c.value(p, env);
      const d = depth.get(p.pid) ?? 0;
      // procps --forest: "    " per extra level, then " \\_ " before a child's command.
      return o.forest && d > 0 && c.head.startsWith('C') && ['COMMAND', 'CMD'].includes(c.head) ? `${'    '.repeat(d - 1)} \\_ ${v}` : v;
    }));
    const showHeader = !o.noHeader && !cols.every((c) => c.head === '');
    const widths = cols.map((c, i) => Math.max(c.head.length, c.width, ...(c.align === 'r' || i < cols.length - 1 ? cells.map((r) => r[i].length) : [0])));
    const line = (vals: string[]): string => vals.map((v, i) => {
      if (i === vals.length - 1 && cols[i].align === 'l') return v;
      return cols[i].align === 'r' ? v.padStart(widths[i]) : v.padEnd(widths[i]);
    }).join(' ').replace(/\s+$/, '');
    let out = showHeader ? line(cols.map((c) => c.head)) + '\n' : '';
    for (const r of cells) out += line(r) + '\n';
    if (ctx.stdout.isTty) out = out.split('\n').map((l) => l.slice(0, Math.max(80, ctx.columns))).join('\n');
    ctx.stdout.write(out);
    return rows.length || !o.pids ? 0 : 1;
  },
};

function safeSelf(ctx: CommandContext): string {
  try {
    return ctx.sys.readlink('/proc/self');
  } catch {
    return '-1';
  }
}

/** BusyBox ps -o keys (procps/ps.c out_spec): width, header, and whether the value is right-aligned. */
const BB_KEYS: Record<string, { w: number; head: string; right: boolean; value: (p: ProcEntry) => string }> = {
  pid: { w: 5, head: 'PID', right: true, value: (p) => String(p.pid) },
  ppid: { w: 5, head: 'PPID', right: true, value: (p) => String(p.ppid) },
  pgid: { w: 5, head: 'PGID', right: true, value: (p) => String(p.pgid) },
  sid: { w: 5, head: 'SID', right: true, value: (p) => String(p.sid) },
  user: { w: 8, head: 'USER', right: false, value: (p) => p.user.slice(0, 8) },
  ruser: { w: 8, head: 'RUSER', right: false, value: (p) => p.user.slice(0, 8) },
  comm: { w: 16, head: 'COMMAND', right: false, value: (p) => p.comm },
  args: { w: 0, head: 'COMMAND', right: false, value: (p) => (p.state === 'Z' ? `[${p.comm}]` : args(p)) },
  stat: { w: 4, head: 'STAT', right: false, value: (p) => p.state },
  rss: { w: 5, head: 'RSS', right: true, value: (p) => String(p.rssPages * 4) },
  vsz: { w: 6, head: 'VSZ', right: true, value: (p) => String(Math.floor(p.vsz / 1024)) },
  tty: { w: 6, head: 'TT', right: false, value: (p) => p.tty },
  time: { w: 6, head: 'TIME', right: true, value: (p) => { const s = Math.floor(p.ticks / 100); return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`; } },
};

/** BusyBox ps (procps/ps.c): "PID   USER     TIME  COMMAND" for every process, or -o with BusyBox's columns. */
function busyboxPs(ctx: CommandContext): number {
  const procs = readProcs(ctx.sys);
  if (!procs) {
    ctx.stderr.write("ps: can't open '/proc': No such file or directory\n");
    return 1;
  }
  const argv = ctx.argv.slice(1);
  const oi = argv.findIndex((a) => a === '-o' || a.startsWith('-o'));
  if (oi < 0) {
    // The default listing has its own fixed layout (TIME five wide).
    let out = 'PID   USER     TIME  COMMAND\n';
    for (const p of procs) {
      const s = Math.floor(p.ticks / 100);
      const time = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
      out += `${String(p.pid).padStart(5)} ${p.user.slice(0, 8).padEnd(8)} ${time.padStart(5)} ${p.state === 'Z' ? `[${p.comm}]` : args(p)}\n`;
    }
    ctx.stdout.write(out);
    return 0;
  }
  const spec = (argv[oi] === '-o' ? argv[oi + 1] ?? '' : argv[oi].slice(2)).split(',').filter(Boolean);
  const cols: Array<(typeof BB_KEYS)[string]> = [];
  for (const k of spec) {
    const [key, head] = k.split('=');
    const c = BB_KEYS[key];
    if (!c) {
      ctx.stderr.write(`ps: bad -o argument '${key}', supported arguments: user,group,comm,args,pid,ppid,pgid,etime,nice,rgroup,ruser,time,tty,vsz,sid,stat,rss\n`);
      return 1;
    }
    cols.push(head !== undefined ? { ...c, head } : c);
  }
  const cell = (c: (typeof cols)[number], v: string, last: boolean): string => (last ? v : c.right ? v.padStart(c.w) : v.padEnd(c.w));
  let out = cols.some((c) => c.head) ? cols.map((c, i) => (i === cols.length - 1 ? c.head : c.head.padEnd(c.w))).join(' ').trimEnd() + '\n' : '';
  for (const p of procs) out += cols.map((c, i) => cell(c, c.value(p), i === cols.length - 1)).join(' ') + '\n';
  ctx.stdout.write(out);
  return 0;
}

/** Processes in tree order (children after their parent, by PID), recording each one's depth. */
function forestOrder(rows: ProcEntry[], depth: Map<number, number>): ProcEntry[] {
  const byPid = new Map(rows.map((p) => [p.pid, p]));
  const kids = new Map<number, ProcEntry[]>();
  const roots: ProcEntry[] = [];
  for (const p of rows) {
    if (p.ppid !== p.pid && byPid.has(p.ppid) && p.ppid !== 0) {
      const l = kids.get(p.ppid) ?? [];
      l.push(p);
      kids.set(p.ppid, l);
    } else roots.push(p);
  }
  const out: ProcEntry[] = [];
  const visit = (p: ProcEntry, d: number): void => {
    depth.set(p.pid, d);
    out.push(p);
    for (const c of kids.get(p.pid) ?? []) visit(c, d + 1);
  };
  // As procps prints it: kthreadd's tree first; init's children at the top level (only deeper descendants are branches).
  roots.sort((a, b) => (a.pid === 2 ? -1 : b.pid === 2 ? 1 : a.pid - b.pid));
  for (const r of roots) {
    depth.set(r.pid, 0);
    out.push(r);
    for (const c of kids.get(r.pid) ?? []) visit(c, r.pid === 1 ? 0 : 1);
  }
  return out;
}
