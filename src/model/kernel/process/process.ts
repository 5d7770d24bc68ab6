/**
 * A process as the kernel keeps it (task_struct, reduced): identity per PID
 * namespace (NSpid), the tree, credentials and capabilities, namespaces,
 * cgroup, root and cwd (as paths in its mount namespace), and its state.
 */
import type { PidNs, NsSet, TimeNs } from '../ns/namespaces.ts';
import type { Cgroup } from '../cgroup/cgroup.ts';
import type { ProcessState, Signal } from '../types.ts';

/** Running totals over live processes (so memory accounting is O(1) with 100 000 tasks). */
export interface Ledger {
  anon: number;
  tasks: number;
}

/** What a signal does when it is not caught (signal(7) "Standard signals"). */
export type SignalAction = 'default' | 'ignore' | 'catch';

/** One process of the model. Fields are the kernel's; programs see them through Sys. */
export class Process {
  /** PID in the initial PID namespace: the process's identity in the kernel. */
  readonly id: number;
  /** PID per namespace level, outermost first (NSpid). */
  readonly pids: ReadonlyArray<{ readonly ns: PidNs; readonly pid: number }>;
  parent: Process | undefined;
  readonly children = new Set<Process>();
  argv: readonly string[];
  comm: string;
  env: ReadonlyMap<string, string>;
  /** Root and working directory as canonical paths in the process's mount namespace. */
  root: string;
  cwd: string;
  ns: NsSet;
  /** unshare(CLONE_NEWPID/NEWTIME) affect children only (pid_for_children, time_for_children). */
  pidForChildren: PidNs;
  timeForChildren: TimeNs;
  /** Real/effective IDs in the initial user namespace (kuid/kgid). */
  uid: number;
  gid: number;
  caps: Set<string>;
  /** Syscalls a seccomp filter refuses with EPERM (undefined: no filter). */
  seccomp: ReadonlySet<string> | undefined;
  cgroup: Cgroup;
  state: ProcessState = 'R';
  exitStatus: number | undefined;
  /** The signal that terminated it, if any. */
  killedBy: Signal | undefined;
  /** Caught signals not yet taken by pendingSignal(). */
  readonly pending: Signal[] = [];
  readonly handlers = new Map<Signal, SignalAction>();
  readonly startTime: number;
  cpuTime = 0;
  /** The kernel's running totals this process is counted in, once registered (see attach). */
  #ledger: Ledger | undefined;
  #rss: number;
  vsz: number;
  tty: string;
  /** Background job (`cmd &`): its sleeps wait for the clock instead of moving it. */
  background: boolean;
  /** Process group (setpgid(2)); the terminal's foreground group gets Ctrl-C. */
  pgid: number;
  /** A kernel thread (kthreadd: no argv, no user memory): signals never reach it. */
  readonly kernelThread: boolean;
  /** Called when the process is signalled or exits (wakes sleepers and waiters). */
  readonly wakers = new Set<() => void>();

  constructor(init: {
    id: number; pids: Array<{ ns: PidNs; pid: number }>; parent: Process | undefined; argv: readonly string[]; comm?: string;
    env: ReadonlyMap<string, string>; root: string; cwd: string; ns: NsSet; uid: number; gid: number; caps: Set<string>;
    seccomp: ReadonlySet<string> | undefined; cgroup: Cgroup; startTime: number; rss: number; tty: string; background: boolean; pgid: number;
  }) {
    this.id = init.id;
    this.pids = init.pids;
    this.parent = init.parent;
    this.argv = init.argv;
    this.comm = init.comm ?? commOf(init.argv);
    this.env = init.env;
    this.root = init.root;
    this.cwd = init.cwd;
    this.ns = init.ns;
    this.pidForChildren = init.ns.pid;
    this.timeForChildren = init.ns.time;
    this.uid = init.uid;
    this.gid = init.gid;
    this.caps = init.caps;
    this.seccomp = init.seccomp;
    this.cgroup = init.cgroup;
    this.startTime = init.startTime;
    this.#rss = init.rss;
    this.vsz = init.rss * 4;
    this.tty = init.tty;
    this.background = init.background;
    this.pgid = init.pgid;
    this.kernelThread = init.argv.length === 0;
  }

  /** Anonymous memory touched (charged to the cgroup), bytes; kept in the kernel's totals while alive. */
  get rss(): number {
    return this.#rss;
  }
  set rss(v: number) {
    if (this.#ledger && this.alive) {
      this.#ledger.anon += v - this.#rss;
      this.cgroup.count({ anon: v - this.#rss });
    }
    this.#rss = v;
  }

  /** Enter the process table: counted in the kernel's totals and in its cgroup (cgroup.procs, pids.current, memory.current). */
  attach(ledger: Ledger): void {
    this.#ledger = ledger;
    ledger.anon += this.#rss;
    ledger.tasks++;
    this.cgroup.procs.add(this);
    this.cgroup.count({ tasks: 1, live: 1, anon: this.#rss });
  }

  /** Become a zombie: its memory is freed; its PID stays counted until reaped. */
  die(): void {
    if (this.#ledger && this.alive) {
      this.#ledger.anon -= this.#rss;
      this.#ledger.tasks--;
      this.cgroup.count({ live: -1, anon: -this.#rss });
    }
    this.state = 'Z';
  }

  /** Leave the process table (reaped). */
  detach(): void {
    if (!this.#ledger) return;
    this.cgroup.procs.delete(this);
    this.cgroup.count({ tasks: -1 });
    this.#ledger = undefined;
  }

  /** Move to another cgroup (a write to cgroup.procs), carrying its counts. */
  moveTo(g: Cgroup): void {
    if (g === this.cgroup) return;
    const live = this.alive ? 1 : 0;
    const anon = this.alive ? this.#rss : 0;
    if (this.#ledger) {
      this.cgroup.procs.delete(this);
      this.cgroup.count({ tasks: -1, live: -live, anon: -anon });
      g.procs.add(this);
      g.count({ tasks: 1, live, anon });
    }
    this.cgroup = g;
  }

  /** Alive: not a zombie and not reaped. */
  get alive(): boolean {
    return this.state !== 'Z';
  }

  /** This process's PID as seen from PID namespace `ns` (0 when invisible there, like getppid() across namespaces). */
  pidIn(ns: PidNs): number {
    for (const p of this.pids) if (p.ns === ns) return p.pid;
    return 0;
  }

  /** Its own PID (in the namespace it was created in: getpid(2)). */
  get pid(): number {
    return this.pids[this.pids.length - 1].pid;
  }

  /** The PID namespace it is a member of. */
  get pidNs(): PidNs {
    return this.pids[this.pids.length - 1].ns;
  }

  /** Run every waker once (signal delivery, exit). */
  wake(): void {
    for (const w of [...this.wakers]) w();
  }
}

/** comm: the executable's basename, truncated to 15 characters (TASK_COMM_LEN − 1, proc(5)). */
export function commOf(argv: readonly string[]): string {
  const a0 = argv[0] ?? '';
  const base = a0.slice(a0.lastIndexOf('/') + 1).replace(/^-/, '');
  return base.slice(0, 15);
}
