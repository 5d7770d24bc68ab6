/**
 * The cgroup v2 unified hierarchy (Documentation/admin-guide/cgroup-v2.rst,
 * facts §6): a tree of groups, each with its member processes, the
 * controllers its parent enabled for it, its limits and its counters. Usage
 * is hierarchical: a group's memory.current and pids.current include every
 * descendant.
 */
import type { Process } from '../process/process.ts';

/** Controllers the model implements, in the order cgroup.controllers lists them. */
export const CONTROLLERS = ['cpuset', 'cpu', 'io', 'memory', 'hugetlb', 'pids', 'rdma', 'misc'] as const;
/** One of the cgroup v2 controllers (cgroup-v2.rst "Controllers"). */
export type Controller = (typeof CONTROLLERS)[number];

/** memory.events counters (cgroup-v2.rst "memory.events"). */
export interface MemoryEvents {
  low: number;
  high: number;
  max: number;
  oom: number;
  oom_kill: number;
  oom_group_kill: number;
}

/** io.max for one device: bytes/IOs per second, Infinity = max. */
export interface IoLimit {
  rbps: number;
  wbps: number;
  riops: number;
  wiops: number;
}

/** One cgroup. Limits use Infinity for "max". */
export class Cgroup {
  readonly name: string;
  readonly parent: Cgroup | undefined;
  readonly children = new Map<string, Cgroup>();
  readonly procs = new Set<Process>();
  readonly subtreeControl = new Set<Controller>();
  memoryMax = Infinity;
  memoryHigh = Infinity;
  memoryLow = 0;
  memoryMin = 0;
  swapMax = Infinity;
  readonly memEvents: MemoryEvents = { low: 0, high: 0, max: 0, oom: 0, oom_kill: 0, oom_group_kill: 0 };
  memPeak = 0;
  /** Page cache charged to this group itself (first toucher pays, as memcg does). */
  fileBytes = 0;
  /** Hierarchical running totals (this group and its descendants), kept by Process and PageCache: O(1) reads. */
  tasks = 0;
  live = 0;
  anon = 0;
  file = 0;
  cpuQuota = Infinity;
  cpuPeriod = 100_000;
  cpuWeight = 100;
  usageUsec = 0;
  userUsec = 0;
  systemUsec = 0;
  nrPeriods = 0;
  nrThrottled = 0;
  throttledUsec = 0;
  pidsMax = Infinity;
  pidsEventsMax = 0;
  readonly ioMax = new Map<string, IoLimit>();
  readonly ioStat = new Map<string, { rbytes: number; wbytes: number; rios: number; wios: number; dbytes: number; dios: number }>();
  frozen = false;

  constructor(name: string, parent: Cgroup | undefined) {
    this.name = name;
    this.parent = parent;
  }

  /** Absolute path in the hierarchy: "/" or "/system.slice/docker-….scope". */
  get path(): string {
    if (!this.parent) return '/';
    const up = this.parent.path;
    return up === '/' ? `/${this.name}` : `${up}/${this.name}`;
  }

  /** Path relative to a cgroup namespace root (cgroup_namespaces(7)): "/" inside, "/.." style outside. */
  pathFrom(root: Cgroup): string {
    const mine = this.path;
    const base = root.path;
    if (base === '/') return mine;
    if (mine === base) return '/';
    if (mine.startsWith(base + '/')) return mine.slice(base.length);
    // Outside the namespace root: relative path with "..", as the kernel prints it.
    const a = base.split('/').filter(Boolean);
    const b = mine.split('/').filter(Boolean);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return '/' + [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
  }

  /** Controllers available here (cgroup.controllers): all at the root, else what the parent enabled. */
  get controllers(): Controller[] {
    if (!this.parent) return [...CONTROLLERS];
    return CONTROLLERS.filter((c) => this.parent!.subtreeControl.has(c));
  }

  /** Does this group have controller `c` (its interface files exist and its limits apply)? */
  has(c: Controller): boolean {
    return this.parent !== undefined && this.parent.subtreeControl.has(c);
  }

  /** This group and every descendant, depth first. */
  subtree(): Cgroup[] {
    const out: Cgroup[] = [];
    const stack: Cgroup[] = [this];
    while (stack.length) {
      const g = stack.pop()!;
      out.push(g);
      for (const c of g.children.values()) stack.push(c);
    }
    return out;
  }

  /** Ancestors from this group up to the root, this group first. */
  *upwards(): Generator<Cgroup> {
    for (let g: Cgroup | undefined = this; g; g = g.parent) yield g;
  }

  /** Live processes in the subtree (zombies are not counted: cgroup-v2.rst "populated"). */
  liveProcs(): Process[] {
    const out: Process[] = [];
    for (const g of this.subtree()) for (const p of g.procs) if (p.alive) out.push(p);
    return out;
  }

  /** pids.current: tasks in the subtree (zombies until reaped still hold a PID). */
  pidsCurrent(): number {
    return this.tasks;
  }

  /** Anonymous memory of the subtree's processes. */
  anonBytes(): number {
    return this.anon;
  }

  /** Page cache charged to the subtree. */
  fileBytesTotal(): number {
    return this.file;
  }

  /** memory.current: anon + file, hierarchically. */
  memoryCurrent(): number {
    return this.anon + this.file;
  }

  /** cgroup.events populated: any live process in the subtree. */
  populated(): boolean {
    return this.live > 0;
  }

  /** Add to the hierarchical totals of this group and its ancestors. */
  count(d: { tasks?: number; live?: number; anon?: number; file?: number }): void {
    for (let g: Cgroup | undefined = this; g; g = g.parent) {
      g.tasks += d.tasks ?? 0;
      g.live += d.live ?? 0;
      g.anon += d.anon ?? 0;
      g.file += d.file ?? 0;
    }
  }
}
