/**
 * CPU time and cpu.max throttling (cgroup-v2.rst "cpu.max", facts §6.3): a
 * single thread limited to $MAX µs per $PERIOD runs in bursts of $MAX and
 * waits out the rest of each period; every period whose quota ran out while
 * the task still wanted to run counts in nr_throttled, and the wait in
 * throttled_usec. usage_usec counts in every ancestor.
 */
import type { Kernel } from '../kernel.ts';
import type { Process } from './process.ts';
import type { Cgroup } from '../cgroup/cgroup.ts';

/** The ancestor whose cpu.max allows the least CPU per period (if any limit applies). */
function limiting(cg: Cgroup): Cgroup | undefined {
  let best: Cgroup | undefined;
  for (const g of cg.upwards()) {
    if (!g.has('cpu') || g.cpuQuota === Infinity) continue;
    if (!best || g.cpuQuota / g.cpuPeriod < best.cpuQuota / best.cpuPeriod) best = g;
  }
  return best;
}

/** Run `p` on one CPU for `us` of CPU time; returns the wall time it took (and advances the clock by it). */
export function burnCpu(k: Kernel, p: Process, us: number): number {
  const work = Math.max(0, Math.round(us));
  if (work === 0) return 0;
  p.cpuTime += work;
  for (const g of p.cgroup.upwards()) {
    g.usageUsec += work;
    g.userUsec += Math.round(work * 0.9);
    g.systemUsec += work - Math.round(work * 0.9);
  }
  const lim = limiting(p.cgroup);
  let wall = work;
  if (lim) {
    const q = Math.min(lim.cpuQuota, lim.cpuPeriod);
    const period = lim.cpuPeriod;
    if (q < period) {
      const full = Math.floor(work / q);
      const rest = work - full * q;
      const throttled = rest > 0 ? full : Math.max(0, full - 1);
      const periods = full + (rest > 0 ? 1 : 0);
      wall = throttled * period + (rest > 0 ? rest : q);
      lim.nrPeriods += periods;
      lim.nrThrottled += throttled;
      lim.throttledUsec += throttled * (period - q);
    } else {
      lim.nrPeriods += Math.ceil(work / period);
    }
  }
  k.clock.advance(wall);
  return wall;
}

/**
 * `threads` CPU-bound threads of `p` running for `wallUs` of wall time (what
 * stress --cpu N --timeout T does): they get min(threads, CPUs, quota/period)
 * CPUs; each period in which the group's quota runs out counts as throttled
 * for the rest of the period (cgroup-v2.rst cpu.max). Advances the clock.
 * Returns the CPU time used.
 */
export function runThreads(k: Kernel, p: Process, wallUs: number, threads: number): number {
  const wall = Math.max(0, Math.round(wallUs));
  const n = Math.max(1, Math.floor(threads));
  const lim = limiting(p.cgroup);
  const cpus = Math.min(n, k.options.cpus);
  const share = lim ? Math.min(cpus, lim.cpuQuota / lim.cpuPeriod) : cpus;
  const work = Math.round(wall * share);
  p.cpuTime += work;
  for (const g of p.cgroup.upwards()) {
    g.usageUsec += work;
    g.userUsec += Math.round(work * 0.9);
    g.systemUsec += work - Math.round(work * 0.9);
  }
  if (lim) {
    const periods = Math.ceil(wall / lim.cpuPeriod);
    lim.nrPeriods += periods;
    if (share < cpus) {
      const exhaustAfter = lim.cpuQuota / cpus;
      lim.nrThrottled += periods;
      lim.throttledUsec += Math.round(periods * (lim.cpuPeriod - exhaustAfter));
    }
  }
  k.clock.advance(wall);
  return work;
}
