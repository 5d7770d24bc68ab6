/**
 * stress(1) (Amos Waterland's workload generator, 1.0.x): CPU hogs (--cpu N)
 * and memory hogs (--vm N --vm-bytes B) as child processes for --timeout
 * seconds. The kernel's limits act on them: cpu.max throttles the CPU hogs
 * (cpu.stat nr_throttled), memory.max OOM-kills a memory hog and stress
 * reports "worker N got signal 9", as the real tool does.
 */
import type { Command } from '../../types.ts';
import type { Sys } from '../../../model/kernel/types.ts';
import { SIGNALS } from '../../../model/kernel/types.ts';
import { isSysError } from '../../../model/errors.ts';

/** "256M", "1G", "4096" → bytes (stress uses K/M/G with powers of 1024; B for bytes). */
function bytes(s: string): number | undefined {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(s);
  if (!m) return undefined;
  const mult = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'b' | 'k' | 'm' | 'g'];
  return Number(m[1]) * mult;
}

/** "10", "10s", "2m" → seconds. */
function seconds(s: string): number | undefined {
  const m = /^(\d+)([smhd]?)$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
}

/** stress: impose load on and stress test systems. */
export const stress: Command = {
  name: 'stress',
  summary: 'impose load on and stress test systems',
  help: `\`stress' imposes certain types of compute stress on your system

Usage: stress [OPTION [ARG]] ...
 -?, --help         show this help statement
 -q, --quiet        be quiet
 -t, --timeout N    timeout after N seconds
 -c, --cpu N        spawn N workers spinning on sqrt()
 -m, --vm N         spawn N workers spinning on malloc()/free()
     --vm-bytes B   malloc B bytes per vm worker (default is 256MB)

Example: stress --cpu 2 --vm 1 --vm-bytes 128M --timeout 10s

Note: Numbers may be suffixed with s,m,h,d,y (time) or B,K,M,G (size).`,
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let cpu = 0;
    let vm = 0;
    let vmBytes = 256 * 1024 * 1024;
    let timeout = 0;
    let quiet = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const v = (): string => args[++i] ?? '';
      const count = (): number | undefined => { const x = v(); return /^\d+$/.test(x) ? Number(x) : undefined; };
      if (a === '-c' || a === '--cpu' || a === '-m' || a === '--vm') {
        const n = count();
        if (n === undefined) { ctx.stderr.write(`stress: FAIL: [${ctx.sys.pid}] (316) invalid number: ${args[i] ?? ''}\n`); return 1; }
        if (a === '-c' || a === '--cpu') cpu = n;
        else vm = n;
      }
      else if (a === '--vm-bytes') {
        const b = bytes(v());
        if (b === undefined) { ctx.stderr.write(`stress: FAIL: [${ctx.sys.pid}] (316) invalid number: ${args[i]}\n`); return 1; }
        vmBytes = b;
      } else if (a === '-t' || a === '--timeout') {
        const t = seconds(v());
        if (t === undefined) { ctx.stderr.write(`stress: FAIL: [${ctx.sys.pid}] (316) invalid number: ${args[i]}\n`); return 1; }
        timeout = t;
      } else if (a === '-q' || a === '--quiet') quiet = true;
      else if (a === '-i' || a === '--io' || a === '-d' || a === '--hdd') v();
      else { ctx.stderr.write(`stress: FAIL: [${ctx.sys.pid}] (244) unrecognized option: ${a}\n`); return 1; }
    }
    const me = ctx.sys.pid;
    const info = (t: string): void => { if (!quiet) ctx.stdout.write(`stress: info: [${me}] ${t}\n`); };
    info(`dispatching hogs: ${cpu} cpu, 0 io, ${vm} vm, 0 hdd`);
    const start = ctx.sys.now();
    const workers: Sys[] = [];
    try {
      for (let i = 0; i < cpu + vm; i++) workers.push(ctx.sys.spawn({ argv: ctx.argv, env: ctx.env }));
    } catch (e) {
      if (!isSysError(e)) throw e;
      ctx.stderr.write(`stress: FAIL: [${me}] (${workers.length ? 390 : 389}) <-- fork failed: ${e.strerror}\n`);
      for (const w of workers) { w.exit(0); ctx.sys.wait(w.pid); }
      return 1;
    }
    // Memory hogs touch their bytes (stress dirties every page), in 1 MiB steps so the OOM killer can strike.
    for (const w of workers.slice(cpu)) {
      for (let done = 0; done < vmBytes && !w.pendingSignal(); done += 1024 * 1024) w.allocate(Math.min(1024 * 1024, vmBytes - done));
    }
    const wall = (timeout || 1) * 1_000_000;
    if (cpu > 0 && workers[0] && !workers[0].pendingSignal()) {
      if (workers[0].runCpu) workers[0].runCpu(wall, cpu);
      else workers[0].burnCpu(wall);
    } else if (!workers.some((w) => w.pendingSignal())) {
      try { await ctx.sys.sleep(wall); } catch { /* interrupted */ }
    }
    let failed = false;
    for (let i = 0; i < workers.length; i++) {
      const w = workers[i];
      const sig = w.pendingSignal();
      if (sig && !failed) {
        ctx.stderr.write(`stress: FAIL: [${me}] (415) <-- worker ${w.pid} got signal ${SIGNALS[sig]}\n`);
        ctx.stderr.write(`stress: WARN: [${me}] (417) now reaping child worker processes\n`);
        failed = true;
      }
      w.exit(0);
      try { ctx.sys.wait(w.pid); } catch { /* reaped */ }
    }
    await ctx.checkpoint();
    const secs = Math.round((ctx.sys.now() - start) / 1e6);
    if (failed) {
      ctx.stderr.write(`stress: FAIL: [${me}] (451) failed run completed in ${secs}s\n`);
      return 1;
    }
    info(`successful run completed in ${secs}s`);
    return 0;
  },
};
