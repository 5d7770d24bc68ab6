/**
 * /proc/PID (proc(5)): status (with NSpid), stat, cmdline, comm, environ,
 * cgroup, ns/ (links "type:[inode]"), uid_map/gid_map, mountinfo, mounts,
 * cwd/root/exe links, fd/, oom_score_adj. PIDs are shown as the procfs's
 * PID namespace sees them.
 */
import type { Kernel } from '../kernel.ts';
import type { PidNs, UserNs } from '../ns/namespaces.ts';
import { idInNs } from '../ns/namespaces.ts';
import type { Process } from '../process/process.ts';
import type { DirNode, Node } from '../vfs/synthetic-fs.ts';
import { dir, file, link, rwfile } from '../vfs/synthetic-fs.ts';
import { fail } from '../../errors.ts';
import { NAMESPACE_TYPES } from '../types.ts';
import { capMask } from '../process/capabilities.ts';
import { mountinfoText, mountsText } from '../vfs/mountinfo.ts';
import { caller } from './procfs.ts';

/** USER_HZ: clock ticks per second in /proc/PID/stat. */
export const USER_HZ = 100;

const STATE_NAMES: Record<string, string> = { R: 'R (running)', S: 'S (sleeping)', T: 'T (stopped)', Z: 'Z (zombie)' };

/** The state letter a reader sees: the caller is running, other live tasks sleep. */
export function visibleState(k: Kernel, p: Process): 'R' | 'S' | 'T' | 'Z' {
  if (p.state === 'Z' || p.state === 'T') return p.state;
  return k.current === p ? 'R' : 'S';
}

/** PIDs of `p` from namespace `ns` inwards (NSpid). */
export function nspidFrom(p: Process, ns: PidNs): number[] {
  const i = p.pids.findIndex((x) => x.ns === ns);
  return i < 0 ? [] : p.pids.slice(i).map((x) => x.pid);
}

function kb(n: number): string {
  return `${String(Math.floor(n / 1024)).padStart(8, ' ')} kB`;
}

/** /proc/PID/status. */
function status(k: Kernel, p: Process, ns: PidNs): string {
  const reader = caller(k).ns.user;
  const uid = idInNs(reader, p.uid, 'uid');
  const gid = idInNs(reader, p.gid, 'gid');
  const ppid = p.parent ? p.parent.pidIn(ns) : 0;
  const nspid = nspidFrom(p, ns).join('\t');
  const pg = p.parent && p.pgid !== p.id ? (k.procs.get(p.pgid)?.pidIn(ns) ?? 0) : p.pidIn(ns);
  const caps = capMask(p.caps);
  const ign = [...p.handlers].filter(([, a]) => a === 'ignore').length ? '0000000000010000' : '0000000000000000';
  const lines: Array<[string, string]> = [
    ['Name', p.comm], ['Umask', '0022'], ['State', STATE_NAMES[visibleState(k, p)]], ['Tgid', String(p.pidIn(ns))], ['Ngid', '0'],
    ['Pid', String(p.pidIn(ns))], ['PPid', String(ppid)], ['TracerPid', '0'], ['Uid', `${uid}\t${uid}\t${uid}\t${uid}`],
    ['Gid', `${gid}\t${gid}\t${gid}\t${gid}`], ['FDSize', '64'], ['Groups', ''], ['NStgid', nspid], ['NSpid', nspid],
    ['NSpgid', String(pg)], ['NSsid', String(pg)], ['Kthread', p.rss === 0 && !p.argv.length ? '1' : '0'],
  ];
  if (p.alive && p.argv.length) {
    lines.push(['VmPeak', kb(p.vsz)], ['VmSize', kb(p.vsz)], ['VmLck', kb(0)], ['VmPin', kb(0)], ['VmHWM', kb(p.rss)], ['VmRSS', kb(p.rss)],
      ['RssAnon', kb(p.rss * 0.7)], ['RssFile', kb(p.rss * 0.3)], ['RssShmem', kb(0)], ['VmData', kb(p.rss)], ['VmStk', kb(132 * 1024)],
      ['VmExe', kb(900 * 1024)], ['VmLib', kb(2 * 1024 * 1024)], ['VmPTE', kb(60 * 1024)], ['VmSwap', kb(0)], ['HugetlbPages', kb(0)]);
  }
  lines.push(['CoreDumping', '0'], ['THP_enabled', '1'], ['untag_mask', '0xffffffffffffffff'], ['Threads', '1'], ['SigQ', '0/31699'],
    ['SigPnd', '0000000000000000'], ['ShdPnd', '0000000000000000'], ['SigBlk', '0000000000000000'], ['SigIgn', ign],
    ['SigCgt', '0000000000000000'], ['CapInh', '0000000000000000'], ['CapPrm', caps], ['CapEff', caps], ['CapBnd', caps],
    ['CapAmb', '0000000000000000'], ['NoNewPrivs', p.seccomp ? '1' : '0'], ['Seccomp', p.seccomp ? '2' : '0'],
    ['Seccomp_filters', p.seccomp ? '1' : '0'], ['Speculation_Store_Bypass', 'thread vulnerable'],
    ['Cpus_allowed', (2 ** k.options.cpus - 1).toString(16)], ['Cpus_allowed_list', k.options.cpus > 1 ? `0-${k.options.cpus - 1}` : '0'],
    ['Mems_allowed', '00000000,00000001'], ['Mems_allowed_list', '0'], ['voluntary_ctxt_switches', '12'], ['nonvoluntary_ctxt_switches', '3']);
  return lines.map(([n, v]) => `${n}:\t${v}`).join('\n') + '\n';
}

/** /proc/PID/stat (proc(5) field order; times in USER_HZ ticks). */
export function statLine(k: Kernel, p: Process, ns: PidNs): string {
  const ppid = p.parent ? p.parent.pidIn(ns) : 0;
  const ticks = (us: number): number => Math.floor(us / (1_000_000 / USER_HZ));
  const pid = p.pidIn(ns);
  const tty = p.tty.startsWith('pts/') ? 34816 + Number(p.tty.slice(4)) : 0;
  const pgid = k.procs.get(p.pgid)?.pidIn(ns) ?? 0;
  const f = [pid, `(${p.comm})`, visibleState(k, p), ppid, pgid, pgid, tty, -1, 4194560, 100, 0, 0, 0,
    ticks(p.cpuTime * 0.8), ticks(p.cpuTime * 0.2), 0, 0, 20, 0, 1, 0, ticks(p.startTime), p.vsz, Math.floor(p.rss / 4096),
    '18446744073709551615', 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  return f.join(' ') + '\n';
}

/** Parse and apply a uid_map/gid_map write (user_namespaces(7)): once only, "inside outside length" lines. */
function writeMap(k: Kernel, p: Process, which: 'uid' | 'gid', text: string): void {
  const ns: UserNs = p.ns.user;
  if (!ns.parent) fail('EPERM');
  const cur = which === 'uid' ? ns.uidMap : ns.gidMap;
  if (cur.length) fail('EPERM');
  const map: Array<[number, number, number]> = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const nums = line.split(/\s+/).map(Number);
    if (nums.length !== 3 || nums.some((n) => !Number.isInteger(n) || n < 0) || nums[2] === 0) fail('EINVAL');
    map.push(nums as [number, number, number]);
  }
  if (map.length === 0 || map.length > 340) fail('EINVAL');
  const w = caller(k);
  // The writer must hold CAP_SETUID/CAP_SETGID in the parent namespace, or map only its own ID (user_namespaces(7) "Defining user and group ID mappings").
  const own = which === 'uid' ? w.uid : w.gid;
  const privileged = w.ns.user === ns.parent && w.caps.has(which === 'uid' ? 'CAP_SETUID' : 'CAP_SETGID') && w.ns.user.parent === undefined;
  if (!privileged && !(map.length === 1 && map[0][2] === 1 && map[0][1] === own)) fail('EPERM');
  if (which === 'uid') ns.uidMap = map;
  else ns.gidMap = map;
}

/**
 * time_namespaces(7): offsets of a new time namespace are written to
 * /proc/PID/timens_offsets ("monotonic SECS NANOSECS" / "boottime ...")
 * after unshare(CLONE_NEWTIME) and before any process enters it (EACCES after).
 */
function writeTimeOffsets(k: Kernel, p: Process, text: string): void {
  const t = p.timeForChildren;
  if (t === p.ns.time || t === k.initNs.time) fail('EACCES');
  if ([...k.procs.values()].some((q) => q.ns.time === t)) fail('EACCES');
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const m = /^(monotonic|boottime|1|7)\s+(-?\d+)\s+(\d+)$/.exec(line);
    if (!m) fail('EINVAL');
    const us = Number(m[2]) * 1e6 + Math.floor(Number(m[3]) / 1000);
    if (m[1] === 'monotonic' || m[1] === '1') t.monotonicOffset = us;
    else t.boottimeOffset = us;
  }
}

/** The directory /proc/PID for process `p` in a procfs of namespace `ns`. */
export function pidDir(k: Kernel, p: Process, ns: PidNs): DirNode {
  const visiblePath = (path: string): string => {
    const r = caller(k).root;
    if (r === '/') return path;
    return path === r ? '/' : path.startsWith(r + '/') ? path.slice(r.length) : path;
  };
  const nsDir = dir(() => {
    const out: Record<string, Node> = {};
    for (const t of NAMESPACE_TYPES) out[t] = link(() => `${t}:[${p.ns[t].ino}]`);
    out.pid_for_children = link(() => `pid:[${p.pidForChildren.ino}]`);
    out.time_for_children = link(() => `time:[${p.timeForChildren.ino}]`);
    return out;
  }, { mode: 0o511 });
  const mapFile = (which: 'uid' | 'gid') => rwfile(() => {
    const m = which === 'uid' ? p.ns.user.uidMap : p.ns.user.gidMap;
    return m.map(([a, b, c]) => `${String(a).padStart(10)} ${String(b).padStart(10)} ${String(c).padStart(10)}\n`).join('');
  }, (text) => writeMap(k, p, which, text));
  const zombie = (): boolean => !p.alive;
  return dir(() => ({
    status: file(() => status(k, p, ns)),
    stat: file(() => statLine(k, p, ns)),
    cmdline: file(() => (zombie() ? '' : p.argv.map((a) => a + '\0').join(''))),
    comm: file(() => p.comm + '\n', 0o644),
    environ: file(() => (zombie() ? '' : [...p.env].map(([a, b]) => `${a}=${b}\0`).join('')), 0o400),
    cgroup: file(() => `0::${p.cgroup.pathFrom(caller(k).ns.cgroup.root)}\n`),
    ns: nsDir,
    uid_map: mapFile('uid'),
    gid_map: mapFile('gid'),
    setgroups: rwfile(() => 'allow\n', () => undefined),
    mountinfo: file(() => mountinfoText(p.ns.mnt.table, p.root)),
    mounts: file(() => mountsText(p.ns.mnt.table, p.root)),
    timens_offsets: rwfile(() => {
      const t = p.timeForChildren;
      const fmt = (us: number): string => `${Math.trunc(us / 1e6)} ${Math.round((us % 1e6) * 1000)}`;
      return `monotonic ${fmt(t.monotonicOffset)}\nboottime ${fmt(t.boottimeOffset)}\n`;
    }, (text) => writeTimeOffsets(k, p, text)),
    oom_score_adj: rwfile(() => '0\n', () => undefined),
    oom_score: file(() => `${Math.min(1000, Math.floor((p.rss / Math.max(1, k.memTotalBytes())) * 1000) + 666 * 0)}\n`),
    cwd: { kind: 'symlink', target: () => visiblePath(p.cwd), magic: () => ({ table: p.ns.mnt.table, path: p.cwd }) },
    root: { kind: 'symlink', target: () => visiblePath(p.root), magic: () => ({ table: p.ns.mnt.table, path: p.root }) },
    exe: link(() => (p.argv[0]?.startsWith('/') ? p.argv[0] : `/usr/bin/${p.comm}`)),
    fd: dir((): Record<string, Node> => (zombie() ? {} : { 0: link(() => `/dev/${p.tty === '?' ? 'null' : p.tty}`), 1: link(() => `/dev/${p.tty === '?' ? 'null' : p.tty}`), 2: link(() => `/dev/${p.tty === '?' ? 'null' : p.tty}`) }), { mode: 0o500 }),
    net: dir(() => ({ dev: file(() => netDev(p)) })),
  }), { mode: 0o555, uid: idInNs(caller(k).ns.user, p.uid, 'uid') });
}

/** /proc/net/dev for the process's network namespace (illustrative zero counters). */
function netDev(p: Process): string {
  const head = 'Inter-|   Receive                                                |  Transmit\n face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';
  return head + p.ns.net.stack.devices.map((d) => `${d.name.padStart(6)}: ${'0'.padStart(7)} ${'0'.padStart(7)}    0    0    0     0          0         0 ${'0'.padStart(8)} ${'0'.padStart(7)}    0    0    0     0       0          0`).join('\n') + '\n';
}
