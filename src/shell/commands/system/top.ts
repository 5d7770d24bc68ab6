/**
 * top(1) from procps-ng in batch mode (-b -n 1): the summary area (uptime,
 * tasks, CPU, memory in MiB) and the task list, from /proc. Without -b the
 * model prints one batch iteration too: there is no full-screen mode.
 */
import type { Command } from '../../types.ts';
import { NO_PROC, readProcs, uptimeSeconds } from './procs.ts';
import { tryRead } from './util.ts';

function clock(us: number): string {
  const d = new Date(us / 1000);
  return [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

function upText(sec: number): string {
  const days = Math.floor(sec / 86400);
  const h = Math.floor((sec % 86400) / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const d = days ? `${days} day${days > 1 ? 's' : ''}, ` : '';
  return h ? `${d}${String(h).padStart(2)}:${String(m).padStart(2, '0')}` : `${d}${m} min`;
}

/** TIME+ column: minutes:seconds.hundredths. */
function timePlus(ticks: number): string {
  const cs = ticks % 100;
  const s = Math.floor(ticks / 100);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}.${String(cs).padStart(2, '0')}`;
}

/** top: display Linux processes. */
export const top: Command = {
  name: 'top',
  summary: 'display Linux processes',
  help: `
Usage:
  top -hv | -bcEeHiOSs1 -d secs -n max -u|U user -p pid(s) -o field -w [cols]

  -b  batch mode (no screen handling): print one report and exit
  -n  number of iterations (the model prints one)

In this model top always runs as "top -b -n 1".

For more details see top(1).`.trimStart(),
  async run(ctx) {
    const procs = readProcs(ctx.sys);
    if (!procs) { ctx.stderr.write(NO_PROC + '\n'); return 1; }
    const info = tryRead(ctx.sys, '/proc/meminfo') ?? '';
    const kb = (k: string): number => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(info)?.[1] ?? 0);
    const up = uptimeSeconds(ctx.sys);
    const load = (tryRead(ctx.sys, '/proc/loadavg') ?? '0.00 0.00 0.00').split(' ');
    const count = (s: string): number => procs.filter((p) => p.state === s).length;
    const running = count('R');
    const mib = (k: number): string => (k / 1024).toFixed(1).padStart(9);
    const total = kb('MemTotal');
    const free = kb('MemFree');
    const cache = kb('Buffers') + kb('Cached') + kb('SReclaimable');
    const users = procs.some((p) => p.tty.startsWith('pts/')) ? 1 : 0;
    let out = `top - ${clock(ctx.sys.realtime())} up ${upText(up)},  ${users} user${users === 1 ? '' : 's'},  load average: ${load[0]}, ${load[1]}, ${load[2]}\n`;
    out += `Tasks:${String(procs.length).padStart(4)} total,${String(running).padStart(4)} running,${String(count('S')).padStart(4)} sleeping,${String(count('T')).padStart(4)} stopped,${String(count('Z')).padStart(4)} zombie\n`;
    out += '%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st \n';
    out += `MiB Mem :${mib(total)} total,${mib(free)} free,${mib(Math.max(0, total - kb('MemAvailable')))} used,${mib(cache)} buff/cache     \n`;
    out += `MiB Swap:${mib(kb('SwapTotal'))} total,${mib(kb('SwapFree'))} free,${mib(kb('SwapTotal') - kb('SwapFree'))} used.${mib(kb('MemAvailable'))} avail Mem \n\n`;
    out += '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n';
    const rows = [...procs].sort((a, b) => (b.state === 'R' ? 1 : 0) - (a.state === 'R' ? 1 : 0) || a.pid - b.pid);
    for (const p of rows) {
      const res = p.rssPages * 4;
      const el = Math.max(1e-9, up - p.start / 100);
      const cpu = Math.min(999.9, ((p.ticks / 100) / el) * 100);
      out += `${String(p.pid).padStart(7)} ${p.user.slice(0, 8).padEnd(8)}  20   0 ${String(Math.floor(p.vsz / 1024)).padStart(7)} ${String(res).padStart(6)} ${String(Math.floor(res * 0.7)).padStart(6)} ${p.state} ${cpu.toFixed(1).padStart(5)} ${(total ? (res * 100) / total : 0).toFixed(1).padStart(5)} ${timePlus(p.ticks).padStart(9)} ${p.comm}\n`;
    }
    ctx.stdout.write(out);
    return 0;
  },
};
