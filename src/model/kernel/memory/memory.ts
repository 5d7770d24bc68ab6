/**
 * Machine memory: what /proc/meminfo and free(1) report, and the OOM killer
 * (cgroup-v2.rst "memory.max", facts §6.2). The kernel's own share is an
 * illustrative figure (not from facts.md): 3% of RAM reserved before
 * MemTotal, and 1.5% + 40 MiB of slab, stacks and page tables.
 */
import { fail } from '../../errors.ts';
import type { Kernel } from '../kernel.ts';
import type { Process } from '../process/process.ts';
import type { Cgroup } from '../cgroup/cgroup.ts';
import { terminate } from '../process/lifecycle.ts';

const MiB = 1024 * 1024;

/** MemTotal: RAM minus what firmware and the kernel image reserve (illustrative 3%). */
export function memTotal(k: Kernel): number {
  return Math.floor((k.options.memoryBytes * 0.97) / 4096) * 4096;
}

/** Kernel memory: slab, kernel stacks, page tables (illustrative). */
export function kernelBytes(k: Kernel): number {
  // 16 KiB kernel stack + 8 KiB page tables per task.
  return Math.floor(k.options.memoryBytes * 0.015) + 40 * MiB + k.ledger.tasks * (16 * 1024 + 8 * 1024);
}

/** Anonymous memory of every live process. */
export function anonBytes(k: Kernel): number {
  return k.ledger.anon;
}

/** Memory in use that cannot be dropped (anon + kernel), bytes. */
export function usedBytes(k: Kernel): number {
  return anonBytes(k) + kernelBytes(k) + k.reservedBytes;
}

/** /proc/meminfo (proc(5)), values in kB. */
export function meminfo(k: Kernel): string {
  const kb = (b: number): number => Math.floor(b / 1024);
  const total = memTotal(k);
  const cache = k.pageCache.total;
  const buffers = Math.min(32 * MiB, Math.floor(total * 0.004));
  const anon = anonBytes(k) + k.reservedBytes;
  const kern = kernelBytes(k);
  const free = Math.max(0, total - anon - kern - cache - buffers);
  const slab = Math.floor(kern * 0.6);
  const rows: Array<[string, number]> = [
    ['MemTotal', kb(total)], ['MemFree', kb(free)], ['MemAvailable', kb(free + cache + buffers + Math.floor(slab / 2))],
    ['Buffers', kb(buffers)], ['Cached', kb(cache)], ['SwapCached', 0],
    ['Active', kb(anon / 2 + cache / 2)], ['Inactive', kb(anon / 2 + cache / 2 + buffers)],
    ['Active(anon)', kb(anon / 2)], ['Inactive(anon)', kb(anon / 2)], ['Active(file)', kb(cache / 2)], ['Inactive(file)', kb(cache / 2 + buffers)],
    ['Unevictable', 0], ['Mlocked', 0], ['SwapTotal', 0], ['SwapFree', 0], ['Zswap', 0], ['Zswapped', 0],
    ['Dirty', 0], ['Writeback', 0], ['AnonPages', kb(anon)], ['Mapped', kb(cache / 4)], ['Shmem', 0],
    ['KReclaimable', kb(slab / 2)], ['Slab', kb(slab)], ['SReclaimable', kb(slab / 2)], ['SUnreclaim', kb(slab / 2)],
    ['KernelStack', kb(kern * 0.1)], ['PageTables', kb(kern * 0.1)], ['SecPageTables', 0], ['NFS_Unstable', 0], ['Bounce', 0],
    ['WritebackTmp', 0], ['CommitLimit', kb(total / 2)], ['Committed_AS', kb(anon * 2)], ['VmallocTotal', 34359738367],
    ['VmallocUsed', kb(kern * 0.05)], ['VmallocChunk', 0], ['Percpu', k.options.cpus * 1024],
    ['HardwareCorrupted', 0], ['AnonHugePages', 0], ['ShmemHugePages', 0], ['ShmemPmdMapped', 0], ['FileHugePages', 0],
    ['FilePmdMapped', 0], ['Unaccepted', 0], ['HugePages_Total', 0], ['HugePages_Free', 0], ['HugePages_Rsvd', 0],
    ['HugePages_Surp', 0], ['Hugepagesize', 2048], ['Hugetlb', 0], ['DirectMap4k', kb(total / 32)], ['DirectMap2M', kb(total)],
  ];
  return rows.map(([n, v]) => {
    const isCount = n.startsWith('HugePages_');
    const val = String(Math.floor(v)).padStart(isCount ? 8 : 8, ' ');
    return `${(n + ':').padEnd(16, ' ')}${val}${isCount ? '' : ' kB'}`;
  }).join('\n') + '\n';
}

/** The first cgroup on the way up whose memory.max `bytes` more would break. */
function overLimit(cg: Cgroup, bytes: number): Cgroup | undefined {
  for (const g of cg.upwards()) if (g.has('memory') && g.memoryCurrent() + bytes > g.memoryMax) return g;
  return undefined;
}

/** The process the OOM killer picks in `scope` (largest RSS, like oom_badness; kernel threads and init excluded). */
function victim(k: Kernel, scope: Process[]): Process | undefined {
  let best: Process | undefined;
  for (const p of scope) {
    if (!p.alive || p === k.initProcess || p.rss === 0) continue;
    if (!best || p.rss > best.rss) best = p;
  }
  return best;
}

/** Kill `v` for an OOM in `g` (or globally) and log it like the kernel (mm/oom_kill.c dump_header + __oom_kill_process). */
function oomKill(k: Kernel, who: Process, v: Process, g: Cgroup | undefined): void {
  const kb = (b: number): number => Math.floor(b / 1024);
  k.printk(`${who.comm} invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0`);
  if (g) {
    k.printk(`memory: usage ${kb(g.memoryCurrent())}kB, limit ${kb(g.memoryMax)}kB, failcnt ${g.memEvents.max}`);
    k.printk(`oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=${g.path},task_memcg=${v.cgroup.path},task=${v.comm},pid=${v.id},uid=${v.uid}`);
  } else {
    k.printk(`oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=${v.cgroup.path},task=${v.comm},pid=${v.id},uid=${v.uid}`);
  }
  k.printk(`${g ? 'Memory cgroup out of memory' : 'Out of memory'}: Killed process ${v.id} (${v.comm}) total-vm:${kb(v.vsz)}kB, anon-rss:${kb(v.rss)}kB, file-rss:0kB, shmem-rss:0kB, UID:${v.uid} pgtables:${Math.max(44, kb(v.rss) >> 9)}kB oom_score_adj:0`);
  terminate(k, v, 'SIGKILL');
}

/**
 * Charge `bytes` of anonymous memory to `p`. Over a cgroup's memory.max the
 * page cache of that group is reclaimed first, then the OOM killer kills the
 * largest process there (memory.events max/oom/oom_kill count it, in the
 * group and its ancestors). Over memory.high only `high` is counted.
 */
export function allocate(k: Kernel, p: Process, bytes: number): void {
  if (!(bytes > 0)) return;
  for (let guard = 0; guard < 10_000 && p.alive; guard++) {
    const g = overLimit(p.cgroup, bytes);
    const globalOver = usedBytes(k) + bytes + k.pageCache.total > memTotal(k);
    if (!g && !globalOver) {
      p.rss += bytes;
      p.vsz += bytes;
      // Over memory.high: counted, and the group's page cache is reclaimed back under it (never an OOM kill).
      for (const a of p.cgroup.upwards()) {
        if (!a.has('memory') || a.memoryCurrent() <= a.memoryHigh) continue;
        a.memEvents.high++;
        k.pageCache.reclaim(a, a.memoryCurrent() - a.memoryHigh);
      }
      k.notePeak(p.cgroup);
      return;
    }
    if (g) {
      for (const a of g.upwards()) a.memEvents.max++;
      const need = g.memoryCurrent() + bytes - g.memoryMax;
      if (k.pageCache.reclaim(g, need) >= need) continue;
      for (const a of g.upwards()) a.memEvents.oom++;
      const v = victim(k, g.liveProcs());
      if (!v) fail('ENOMEM');
      for (const a of g.upwards()) a.memEvents.oom_kill++;
      oomKill(k, p, v, g);
    } else {
      const need = usedBytes(k) + bytes + k.pageCache.total - memTotal(k);
      if (k.pageCache.reclaim(undefined, need) >= need) continue;
      const v = victim(k, [...k.procs.values()]);
      if (!v) fail('ENOMEM');
      oomKill(k, p, v, undefined);
    }
  }
}

/** Can `bytes` more be had (after dropping page cache)? What fork and exec need for a new task. */
export function fits(k: Kernel, bytes: number): boolean {
  const over = usedBytes(k) + bytes + k.pageCache.total - memTotal(k);
  if (over <= 0) return true;
  k.pageCache.reclaim(undefined, over);
  return usedBytes(k) + bytes + k.pageCache.total <= memTotal(k);
}

/** Give memory back (munmap/free). */
export function release(p: Process, bytes: number): void {
  p.rss = Math.max(0, p.rss - Math.max(0, bytes));
}
