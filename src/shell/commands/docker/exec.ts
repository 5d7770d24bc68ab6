/**
 * `docker exec`, `docker top`, `docker port`, `docker stats`
 * (cli/command/container/{exec,top,port,stats}.go). exec starts a new
 * process in the running container's namespaces and cgroup; stats reads the
 * container's cgroup v2 files (memory.current, memory.max, pids.current,
 * cpu.stat) as the daemon does, and prints one sample (as with --no-stream).
 */
import type { CommandContext } from '../../types.ts';
import { cgroupPath, type Daemon } from '../../../model/engine/daemon.ts';
import { humanSize } from '../../../model/engine/format.ts';
import { ApiError } from '../../../model/engine/types.ts';
import { toText } from '../../../model/fs/data.ts';
import { parseFlags } from './args.ts';
import { attachIo, fail, interactOf, requireArgs, shellRunner, type Sub } from './cli.ts';
import { bytesSize } from './system.ts';

/** docker exec: a new process in a running container (runc exec). */
export const exec: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [
      { name: 'interactive', short: 'i', kind: 'bool' },
      { name: 'tty', short: 't', kind: 'bool' },
      { name: 'detach', short: 'd', kind: 'bool' },
      { name: 'env', short: 'e', kind: 'list' },
      { name: 'workdir', short: 'w', kind: 'string' },
      { name: 'user', short: 'u', kind: 'string' },
      { name: 'privileged', kind: 'bool' },
    ], { interspersed: false });
    requireArgs(p.args, 2, 'exec', '[OPTIONS] CONTAINER COMMAND [ARG...]');
    const [ref, ...argv] = p.args;
    const interact = p.bools.has('interactive') && p.bools.has('tty') ? interactOf(ctx) : undefined;
    const stdin = p.bools.has('interactive') ? () => ctx.stdin.readAll() : undefined;
    const run = d.exec(ref, argv, {
      env: p.lists.get('env') ?? [],
      ...(p.strings.has('workdir') ? { workdir: p.strings.get('workdir') } : {}),
      runner: shellRunner(ctx),
      io: attachIo(ctx, stdin),
      ...(interact ? { interact } : {}),
    });
    if (p.bools.has('detach')) return 0;
    return await run;
  } catch (e) {
    if (e instanceof ApiError && e.status === 126) {
      ctx.stderr.write(`${e.message}\n`);
      return 126;
    }
    return fail(ctx, e, 'exec');
  }
};

function tab20(rows: string[][]): string {
  const w: number[] = [];
  for (const r of rows) r.forEach((c, i) => (w[i] = Math.max(w[i] ?? 0, c.length + 3, 20)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(w[i]))).join('') + '\n').join('');
}

function hhmm(realtimeUs: number): string {
  return new Date(realtimeUs / 1000).toISOString().slice(11, 16);
}

function cputime(us: number): string {
  const s = Math.floor(us / 1e6);
  return `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** docker top: the container's processes with host PIDs, ps -ef columns (tabwriter minwidth 20). */
export const top: Sub = async (ctx, d, args) => {
  try {
    requireArgs(args, 1, 'top', 'CONTAINER [ps OPTIONS]');
    const procs = d.top(args[0]);
    const boot = d.dockerdSys.realtime() - d.dockerdSys.now();
    const rows = procs.map((p) => [String(p.uid === 0 ? 'root' : p.uid), String(p.pid), String(p.ppid), '0', hhmm(boot + p.startTime), p.tty || '?', cputime(p.cpuTime), p.argv.join(' ') || p.comm]);
    ctx.stdout.write(tab20([['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'], ...rows]));
    return 0;
  } catch (e) {
    return fail(ctx, e, 'top');
  }
};

/** docker port: published ports, "8000/tcp -> 0.0.0.0:8080" and the [::] twin. */
export const port: Sub = async (ctx, d, args) => {
  try {
    requireArgs(args, 1, 'port', 'CONTAINER [PRIVATE_PORT[/PROTO]]', 2);
    const c = d.get(args[0]);
    const want = args[1] ? (args[1].includes('/') ? args[1] : `${args[1]}/tcp`) : undefined;
    const lines: string[] = [];
    if (c.state.running) {
      for (const b of c.published) {
        const key = `${b.containerPort}/${b.proto}`;
        if (want && key !== want) continue;
        const pre = want ? '' : `${key} -> `;
        lines.push(`${pre}${b.hostIp}:${b.hostPort}`);
        if (b.hostIp === '0.0.0.0') lines.push(`${pre}[::]:${b.hostPort}`);
      }
    }
    if (want && lines.length === 0) throw new ApiError(404, `No public port '${want}' published for ${args[0]}`);
    ctx.stdout.write(lines.map((l) => l + '\n').join(''));
    return 0;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && e.message.startsWith('No public port')) {
      ctx.stderr.write(`Error: ${e.message}\n`);
      return 1;
    }
    return fail(ctx, e, 'port');
  }
};

function readCg(d: Daemon, id: string, file: string): string {
  try {
    return toText(d.dockerdSys.readFile(`/sys/fs/cgroup${cgroupPath(id)}/${file}`)).trim();
  } catch {
    return '';
  }
}

/** docker stats: one sample from the container's cgroup v2 files (as with --no-stream). */
export const stats: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [{ name: 'no-stream', kind: 'bool' }, { name: 'all', short: 'a', kind: 'bool' }, { name: 'no-trunc', kind: 'bool' }, { name: 'format', kind: 'string' }]);
    const list = p.args.length ? p.args.map((r) => d.get(r)) : d.list(p.bools.has('all'));
    const memTotal = Number(/MemTotal:\s+(\d+)/.exec(toText(d.dockerdSys.readFile('/proc/meminfo')))?.[1] ?? 0) * 1024;
    const rows = list.map((c) => {
      if (!c.state.running) return [c.id.slice(0, 12), c.name, '0.00%', '0B / 0B', '0.00%', '0B / 0B', '0B / 0B', '0'];
      const cur = Number(readCg(d, c.id, 'memory.current') || 0);
      const maxRaw = readCg(d, c.id, 'memory.max');
      const limit = maxRaw && maxRaw !== 'max' ? Math.min(Number(maxRaw), memTotal) : memTotal;
      const usage = Number(/usage_usec (\d+)/.exec(readCg(d, c.id, 'cpu.stat'))?.[1] ?? 0);
      const elapsed = Math.max(1, d.dockerdSys.realtime() - c.state.startedAt);
      const cpu = (usage / elapsed) * 100;
      const pids = readCg(d, c.id, 'pids.current') || '0';
      return [c.id.slice(0, 12), c.name, `${cpu.toFixed(2)}%`, `${bytesSize(cur)} / ${bytesSize(limit)}`, `${limit ? ((cur / limit) * 100).toFixed(2) : '0.00'}%`, `${humanSize(0)} / ${humanSize(0)}`, `${humanSize(0)} / ${humanSize(0)}`, pids];
    });
    const head = ['CONTAINER ID', 'NAME', 'CPU %', 'MEM USAGE / LIMIT', 'MEM %', 'NET I/O', 'BLOCK I/O', 'PIDS'];
    const w: number[] = [];
    for (const r of [head, ...rows]) r.forEach((cell, i) => (w[i] = Math.max(w[i] ?? 0, cell.length + 3, 10)));
    ctx.stdout.write([head, ...rows].map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(w[i]))).join('') + '\n').join(''));
    return 0;
  } catch (e) {
    return fail(ctx, e, 'stats');
  }
};


