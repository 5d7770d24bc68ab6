/**
 * cgroup2 as a filesystem (cgroup-v2.rst "Basic Operations"): a directory
 * per cgroup, mkdir creates one, rmdir removes an empty one, writing a PID to
 * cgroup.procs moves that process. A mount shows the hierarchy from the
 * mounter's cgroup namespace root.
 */
import { fail } from '../../errors.ts';
import type { Kernel } from '../kernel.ts';
import { Cgroup } from './cgroup.ts';
import type { DirNode, Node } from '../vfs/synthetic-fs.ts';
import { SyntheticFs, file, rwfile } from '../vfs/synthetic-fs.ts';
import { caller } from '../proc/procfs.ts';
import { deliver } from '../process/lifecycle.ts';
import {
  fmtMax, parseMax, readCpuStat, readIoMax, readIoStat, readMemoryEvents, readMemoryStat, writeCpuMax, writeIoMax, writeSubtreeControl,
} from './files.ts';

/** Move a process (by PID as the writer sees it) into `g` (cgroup.procs write). */
export function moveToCgroup(k: Kernel, g: Cgroup, pidText: string): void {
  const w = caller(k);
  const n = Number(pidText.trim());
  if (!Number.isInteger(n) || n < 0) fail('EINVAL');
  const p = n === 0 ? w : w.ns.pid.pids.get(n);
  if (!p || !p.alive) fail('ESRCH');
  if (g.parent && g.subtreeControl.size > 0) fail('EBUSY');
  p.moveTo(g);
  k.notePeak(g);
}

/** The interface files of `g`. */
function files(k: Kernel, g: Cgroup): Record<string, Node> {
  const pidsText = (): string => {
    const ns = caller(k).ns.pid;
    return [...g.procs].filter((p) => p.alive).map((p) => p.pidIn(ns)).filter((x) => x > 0).sort((a, b) => a - b).map((x) => `${x}\n`).join('');
  };
  const out: Record<string, Node> = {
    'cgroup.controllers': file(() => g.controllers.join(' ') + '\n'),
    'cgroup.subtree_control': rwfile(() => [...g.subtreeControl].sort((a, b) => order(a) - order(b)).join(' ') + '\n', (t) => writeSubtreeControl(g, t)),
    'cgroup.procs': rwfile(pidsText, (t) => moveToCgroup(k, g, t)),
    'cgroup.threads': rwfile(pidsText, (t) => moveToCgroup(k, g, t)),
    'cgroup.max.depth': rwfile(() => 'max\n', () => undefined),
    'cgroup.max.descendants': rwfile(() => 'max\n', () => undefined),
    'cgroup.stat': file(() => `nr_descendants ${[...g.subtree()].length - 1}\nnr_dying_descendants 0\n`),
    'cpu.stat': file(() => readCpuStat(g)),
    'cpu.pressure': file(() => 'some avg10=0.00 avg60=0.00 avg300=0.00 total=0\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n'),
    'memory.pressure': file(() => 'some avg10=0.00 avg60=0.00 avg300=0.00 total=0\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n'),
  };
  if (!g.parent) {
    out['memory.stat'] = file(() => readMemoryStat(g));
    out['io.stat'] = file(() => readIoStat(g));
    out['cgroup.stat'] = out['cgroup.stat'];
    return out;
  }
  out['cgroup.type'] = rwfile(() => 'domain\n', () => undefined);
  out['cgroup.events'] = file(() => `populated ${g.populated() ? 1 : 0}\nfrozen ${g.frozen ? 1 : 0}\n`);
  out['cgroup.freeze'] = rwfile(() => `${g.frozen ? 1 : 0}\n`, (t) => { g.frozen = t.trim() === '1'; });
  out['cgroup.kill'] = { kind: 'file', mode: 0o200, read: () => fail('EINVAL'), write: (t) => { if (t.trim() !== '1') fail('EINVAL'); for (const p of g.liveProcs()) deliver(k, p, 'SIGKILL'); } };
  if (g.has('cpu')) {
    out['cpu.max'] = rwfile(() => `${fmtMax(g.cpuQuota)} ${g.cpuPeriod}\n`, (t) => writeCpuMax(g, t));
    out['cpu.weight'] = rwfile(() => `${g.cpuWeight}\n`, (t) => { const n = Number(t.trim()); if (!Number.isInteger(n) || n < 1 || n > 10000) fail('ERANGE'); g.cpuWeight = n; });
    out['cpu.weight.nice'] = rwfile(() => '0\n', () => undefined);
    out['cpu.max.burst'] = rwfile(() => '0\n', () => undefined);
  }
  if (g.has('memory')) {
    out['memory.current'] = file(() => `${g.memoryCurrent()}\n`);
    out['memory.peak'] = rwfile(() => `${g.memPeak}\n`, () => { g.memPeak = g.memoryCurrent(); });
    out['memory.min'] = rwfile(() => `${g.memoryMin}\n`, (t) => { g.memoryMin = finite(parseMax(t, true)); });
    out['memory.low'] = rwfile(() => `${g.memoryLow}\n`, (t) => { g.memoryLow = finite(parseMax(t, true)); });
    out['memory.high'] = rwfile(() => `${fmtMax(g.memoryHigh)}\n`, (t) => { g.memoryHigh = parseMax(t, true); });
    out['memory.max'] = rwfile(() => `${fmtMax(g.memoryMax)}\n`, (t) => setMemoryMax(k, g, parseMax(t, true)));
    out['memory.events'] = file(() => readMemoryEvents(g));
    out['memory.events.local'] = file(() => readMemoryEvents(g));
    out['memory.stat'] = file(() => readMemoryStat(g));
    out['memory.swap.current'] = file(() => '0\n');
    out['memory.swap.max'] = rwfile(() => `${fmtMax(g.swapMax)}\n`, (t) => { g.swapMax = parseMax(t, true); });
    out['memory.oom.group'] = rwfile(() => '0\n', () => undefined);
  }
  if (g.has('pids')) {
    out['pids.max'] = rwfile(() => `${fmtMax(g.pidsMax)}\n`, (t) => { g.pidsMax = parseMax(t); });
    out['pids.current'] = file(() => `${g.pidsCurrent()}\n`);
    out['pids.events'] = file(() => `max ${g.pidsEventsMax}\n`);
  }
  if (g.has('io')) {
    out['io.max'] = rwfile(() => readIoMax(g), (t) => writeIoMax(g, t));
    out['io.stat'] = file(() => readIoStat(g));
    out['io.weight'] = rwfile(() => 'default 100\n', () => undefined);
  }
  if (g.has('cpuset')) {
    out['cpuset.cpus'] = rwfile(() => '\n', () => undefined);
    out['cpuset.mems'] = rwfile(() => '\n', () => undefined);
    out['cpuset.cpus.effective'] = file(() => (k.options.cpus > 1 ? `0-${k.options.cpus - 1}\n` : '0\n'));
    out['cpuset.mems.effective'] = file(() => '0\n');
  }
  return out;
}

function order(c: string): number {
  return ['cpuset', 'cpu', 'io', 'memory', 'hugetlb', 'pids', 'rdma', 'misc'].indexOf(c);
}

function finite(n: number): number {
  if (n === Infinity) fail('EINVAL');
  return n;
}

/** Lowering memory.max below usage reclaims page cache, then OOM-kills (cgroup-v2.rst memory.max). */
function setMemoryMax(k: Kernel, g: Cgroup, max: number): void {
  g.memoryMax = max;
  const over = g.memoryCurrent() - max;
  if (over > 0) k.pageCache.reclaim(g, over);
  while (g.memoryCurrent() > max) {
    const victims = g.liveProcs().filter((p) => p.rss > 0).sort((a, b) => b.rss - a.rss);
    if (!victims.length) break;
    for (const a of g.upwards()) { a.memEvents.oom++; a.memEvents.oom_kill++; }
    k.printk(`Memory cgroup out of memory: Killed process ${victims[0].id} (${victims[0].comm}) total-vm:${Math.floor(victims[0].vsz / 1024)}kB, anon-rss:${Math.floor(victims[0].rss / 1024)}kB, file-rss:0kB, shmem-rss:0kB, UID:${victims[0].uid} pgtables:44kB oom_score_adj:0`);
    deliver(k, victims[0], 'SIGKILL');
  }
}

/** Valid cgroup directory name (no "/", not "." or "..", not a controller interface file name). */
function checkName(name: string): void {
  if (name === '.' || name === '..' || name.includes('/') || name.includes('\n')) fail('EINVAL');
}

/** The directory for cgroup `g`. */
function cgroupDir(k: Kernel, g: Cgroup): DirNode {
  return {
    kind: 'dir',
    mode: 0o755,
    list: () => [...Object.keys(files(k, g)), ...g.children.keys()].sort(),
    lookup: (name) => {
      const c = g.children.get(name);
      if (c) return cgroupDir(k, c);
      return files(k, g)[name];
    },
    mkdir: (name) => {
      checkName(name);
      if (files(k, g)[name]) fail('EEXIST');
      g.children.set(name, new Cgroup(name, g));
    },
    rmdir: (name) => {
      const c = g.children.get(name);
      if (!c) fail(files(k, g)[name] ? 'ENOTDIR' : 'ENOENT');
      if (c.children.size > 0 || c.populated()) fail('EBUSY');
      for (const p of [...c.procs]) p.moveTo(g);
      g.children.delete(name);
    },
  };
}

/** A cgroup2 filesystem whose root is cgroup `root` (the mounter's cgroup namespace root). */
export function makeCgroupfs(k: Kernel, root: Cgroup, dev: number): SyntheticFs {
  return new SyntheticFs({ fstype: 'cgroup2', dev, root: cgroupDir(k, root), now: () => k.clock.realtime });
}
