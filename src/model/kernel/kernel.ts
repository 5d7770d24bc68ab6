/**
 * The kernel of one Machine (design.md): process table, namespaces, the
 * cgroup v2 tree, mounts, page cache, devices and the ring buffer. Programs
 * reach it only through `Sys` (sys.ts), one per process. `new Kernel(...)`
 * boots: the initial namespaces (facts §11), PID 1 (systemd) and kthreadd,
 * the host's mounts (/, /proc, /sys, /sys/fs/cgroup, /dev, /run...).
 */
import type { VirtualClock } from '../clock.ts';
import type { Rng } from '../rng.ts';
import type { FileSystem } from '../fs/types.ts';
import type { Sys, Signal } from './types.ts';
import { NsInodes, INITIAL_NS_INO } from './ns/namespaces.ts';
import type { NsSet, NetNs, UserNs } from './ns/namespaces.ts';
import { newPidNs, PID_MAX } from './process/pids.ts';
import { Process } from './process/process.ts';
import type { Ledger } from './process/process.ts';
import { Cgroup } from './cgroup/cgroup.ts';
import { MountTable } from './vfs/mount-table.ts';
import type { PathContext, Located } from './vfs/resolve.ts';
import { resolve } from './vfs/resolve.ts';
import { NetStack } from './net/net-stack.ts';
import { DmesgRing, bootLines } from './dmesg.ts';
import { PageCache } from './memory/page-cache.ts';
import { fits, memTotal, usedBytes } from './memory/memory.ts';
import { ALL_CAPS } from './process/capabilities.ts';
import { bootMounts, bootHostNetwork } from './boot.ts';
import { SysImpl } from './sys.ts';
import { MemoryFs } from '../fs/memory-fs.ts';
import { deliver } from './process/lifecycle.ts';
import { GLOBAL_SYSCTL_DEFAULTS } from './proc/sysctl.ts';

/** Hardware and identity of the machine the kernel boots on. */
export interface KernelOptions {
  readonly clock: VirtualClock;
  readonly rng: Rng;
  readonly hostname: string;
  /** uname -r, e.g. "6.12.48". */
  readonly release: string;
  /** uname -v, e.g. "#1 SMP PREEMPT_DYNAMIC Debian 6.12.48-1 (2025-09-20)". */
  readonly version: string;
  /** uname -m, e.g. "x86_64". */
  readonly machine: string;
  readonly cpus: number;
  readonly memoryBytes: number;
  /** The root filesystem (the disk's first partition, /dev/sda1). */
  readonly rootfs: FileSystem;
  readonly diskBytes: number;
  /** Virtual µs the boot took before userspace (default: 2.1 s, illustrative). */
  readonly bootTime?: number;
  /** ns_last_pid after boot: PIDs used by boot-time tasks that have exited (illustrative, default 400). */
  readonly bootPids?: number;
  /** sysname (uname -s), default "Linux". */
  readonly sysname?: string;
  /** CPU model name for /proc/cpuinfo. */
  readonly cpuModel?: string;
  /**
   * The hypervisor this kernel runs under when the machine is a VM guest
   * (CPUID leaf 0x40000000, e.g. "KVM"): /proc/cpuinfo then has the
   * `hypervisor` flag and no `vmx` (no nested virtualization). Absent: bare metal.
   */
  readonly hypervisor?: string;
  /** With hypervisor "Xen": this kernel is Dom0, the management domain (/proc/xen/capabilities says control_d). */
  readonly xenDom0?: boolean;
}

/** A loaded kernel module, as /proc/modules lists it (lsmod(8)). */
export interface KernelModule {
  readonly name: string;
  readonly size: number;
  /** Modules that depend on this one. */
  readonly usedBy: readonly string[];
}

/** A socket server registered with kernel.registerSocket (what Sys.connect returns). */
export type SocketServer = unknown;

/** One booted kernel. */
export class Kernel {
  readonly clock: VirtualClock;
  readonly rng: Rng;
  readonly options: KernelOptions;
  readonly nsInodes = new NsInodes();
  readonly initNs: NsSet;
  readonly cgroupRoot = new Cgroup('', undefined);
  /** Every task, by its PID in the initial PID namespace. */
  readonly procs = new Map<number, Process>();
  readonly dmesg = new DmesgRing();
  readonly pageCache: PageCache;
  /** Block devices by "major:minor" (mount /dev/sda1 → the root filesystem). */
  readonly blockDevices = new Map<string, FileSystem>();
  /** Named network namespaces (ip netns add NAME, /run/netns/NAME). */
  readonly namedNetns = new Map<string, NetNs>();
  /** Values of sysctls that are not namespaced (shared by every container: facts §9.1). */
  readonly sysctl = new Map<string, string>(Object.entries(GLOBAL_SYSCTL_DEFAULTS));
  readonly initProcess: Process;
  /** The process making the current system call (procfs's /proc/self). */
  current: Process | undefined;
  pidMax = PID_MAX;
  readonly #sockets = new Map<FileSystem, Map<string, SocketServer>>();
  #nextDev = 20;
  readonly init: Sys;
  /** Clock reading (µs) at which this kernel booted: the machine's CLOCK_BOOTTIME zero. */
  readonly bootAt: number;
  /** Called when reboot(2) runs in the initial PID namespace (hypervisor guests may restart). */
  onReboot: ((cmd: string) => void) | undefined;

  constructor(options: KernelOptions) {
    this.options = options;
    this.clock = options.clock;
    this.rng = options.rng;
    this.pageCache = new PageCache(this);
    this.bootAt = this.clock.now - (options.bootTime ?? 2_100_000);
    const user: UserNs = { type: 'user', ino: INITIAL_NS_INO.user, owner: undefined, parent: undefined, level: 0, uidMap: [[0, 0, 4294967295]], gidMap: [[0, 0, 4294967295]] };
    const table = new MountTable();
    this.initNs = {
      user,
      pid: newPidNs(INITIAL_NS_INO.pid, undefined, user),
      uts: { type: 'uts', ino: INITIAL_NS_INO.uts, owner: user, hostname: options.hostname, domainname: '(none)' },
      mnt: { type: 'mnt', ino: INITIAL_NS_INO.mnt, owner: user, table, members: new Set() },
      net: { type: 'net', ino: INITIAL_NS_INO.net, owner: user, stack: new NetStack() },
      cgroup: { type: 'cgroup', ino: INITIAL_NS_INO.cgroup, owner: user, root: this.cgroupRoot },
      time: { type: 'time', ino: INITIAL_NS_INO.time, owner: user, monotonicOffset: 0, boottimeOffset: 0 },
      ipc: { type: 'ipc', ino: INITIAL_NS_INO.ipc, owner: user },
    };
    for (const c of ['cpuset', 'cpu', 'io', 'memory', 'pids'] as const) this.cgroupRoot.subtreeControl.add(c);
    const initScope = this.mkcgroup('/init.scope');
    for (const s of ['/system.slice', '/user.slice']) {
      const g = this.mkcgroup(s);
      for (const c of ['cpu', 'io', 'memory', 'pids'] as const) g.subtreeControl.add(c);
    }
    for (const [at, text] of bootLines({ ...options, hostname: options.hostname })) this.dmesg.log(at, text);
    // max_threads = totalram_pages / (8 * THREAD_SIZE / PAGE_SIZE) with 16 KiB stacks (kernel/fork.c set_max_threads).
    this.sysctl.set('kernel.threads-max', String(Math.floor(options.memoryBytes / 4096 / 32)));
    this.blockDevices.set('8:1', options.rootfs);
    this.devtmpfs = new MemoryFs({ dev: 5, now: () => this.clock.realtime, fstype: 'devtmpfs', capacityBytes: Math.floor(options.memoryBytes / 2) });
    const h = this.rng.hex(32);
    this.bootId = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
    bootMounts(this, table);
    bootHostNetwork(this, this.initNs.net.stack);
    this.initProcess = this.#task(1, undefined, ['/sbin/init'], 'systemd', initScope);
    this.initProcess.handlers.set('SIGCHLD', 'ignore');
    for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGUSR1', 'SIGUSR2'] as Signal[]) this.initProcess.handlers.set(s, 'catch');
    this.initProcess.rss = 12 * 1024 * 1024;
    this.initProcess.vsz = 22 * 1024 * 1024;
    const kthreadd = this.#task(2, undefined, [], 'kthreadd', this.cgroupRoot);
    kthreadd.rss = 0;
    kthreadd.handlers.set('SIGCHLD', 'ignore');
    this.initNs.pid.lastPid = options.bootPids ?? 400;
    this.init = this.sysFor(this.initProcess);
  }

  #task(pid: number, parent: Process | undefined, argv: string[], comm: string, cg: Cgroup): Process {
    const ns = this.initNs;
    const p = new Process({
      id: pid, pids: [{ ns: ns.pid, pid }], parent, argv, comm, env: new Map([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']]),
      root: '/', cwd: '/', ns: { ...ns }, uid: 0, gid: 0, caps: new Set(ALL_CAPS), seccomp: undefined, cgroup: cg,
      startTime: this.now(), rss: 0, tty: '?', background: true, pgid: pid,
    });
    ns.pid.pids.set(pid, p);
    ns.pid.lastPid = pid;
    if (pid === 1) ns.pid.init = p;
    this.procs.set(pid, p);
    p.attach(this.ledger);
    ns.mnt.members.add(p);
    parent?.children.add(p);
    return p;
  }

  /** The Sys of process `p`. */
  sysFor(p: Process): Sys {
    return new SysImpl(this, p);
  }

  /** A root login shell: a child of init in /user.slice/user-0.slice/session-1.scope, on /dev/pts/0, cwd /root. */
  login(argv: readonly string[] = ['-bash']): Sys {
    const session = this.cgroupAt('/user.slice/user-0.slice/session-1.scope') ?? this.mkcgroup('/user.slice/user-0.slice/session-1.scope');
    const sys = this.init.spawn({ argv, cgroup: session.path, env: new Map([
      ['HOME', '/root'], ['USER', 'root'], ['LOGNAME', 'root'], ['SHELL', '/bin/bash'], ['TERM', 'xterm-256color'],
      ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['LANG', 'C.UTF-8'],
    ]) });
    const p = this.procs.get(sys.pid)!;
    p.tty = 'pts/0';
    p.background = false;
    p.pgid = p.id;
    p.rss = 4 * 1024 * 1024;
    p.vsz = 8 * 1024 * 1024;
    try {
      if (sys.stat('/root').type === 'dir') sys.chdir('/root');
    } catch {
      // no /root on this disk: stay in /
    }
    return sys;
  }

  /** Make cgroup `path` (and its parents) exist; returns it. */
  mkcgroup(path: string): Cgroup {
    let g = this.cgroupRoot;
    for (const part of path.split('/').filter(Boolean)) {
      let c = g.children.get(part);
      if (!c) {
        c = new Cgroup(part, g);
        g.children.set(part, c);
      }
      g = c;
    }
    return g;
  }

  /** The cgroup at an absolute path of the hierarchy, if it exists. */
  cgroupAt(path: string): Cgroup | undefined {
    let g: Cgroup | undefined = this.cgroupRoot;
    for (const part of path.split('/').filter(Boolean)) g = g?.children.get(part);
    return g;
  }

  /** Record peak usage after a change (memory.peak). */
  notePeak(cg: Cgroup): void {
    for (const g of cg.upwards()) if (g.has('memory')) g.memPeak = Math.max(g.memPeak, g.memoryCurrent());
  }

  /** A fresh anonymous device number (st_dev of tmpfs, overlay, proc... : major 0). */
  allocDev(): number {
    return this.#nextDev++;
  }

  /** Resolve a path in a context (used by spawn for cwd). */
  resolveFor(ctx: PathContext, path: string, follow: boolean): Located {
    return resolve(ctx, path, { follow, mustExist: true });
  }

  /** Register the server behind a UNIX socket path (as the initial mount namespace sees it); creates the socket file. */
  registerSocket(path: string, server: SocketServer): void {
    const loc = resolve({ table: this.initNs.mnt.table, root: '/', cwd: '/' }, path, { follow: true, mustExist: false });
    if (!loc.stat) {
      // bind(2) on a UNIX socket creates a socket inode (ls -l shows "srw-rw----"); filesystems that cannot hold one get a plain file.
      try {
        (loc.fs.mknod as (p: string, t: string, r: readonly [number, number], m: number) => void)(loc.fsPath, 'socket', [0, 0], 0o660);
        if (loc.fs.lstat(loc.fsPath).type !== 'socket') throw new Error('no socket inodes');
      } catch {
        try { loc.fs.unlink(loc.fsPath); } catch { /* nothing was made */ }
        loc.fs.write(loc.fsPath, new Uint8Array(0), { mode: 0o660 });
      }
    }
    let m = this.#sockets.get(loc.fs);
    if (!m) this.#sockets.set(loc.fs, (m = new Map()));
    m.set(loc.fsPath, server);
  }

  /** Remove a socket registration (the daemon stopped). */
  unregisterSocket(path: string): void {
    const loc = resolve({ table: this.initNs.mnt.table, root: '/', cwd: '/' }, path, { follow: true, mustExist: false });
    this.#sockets.get(loc.fs)?.delete(loc.fsPath);
  }

  /** The server listening at a resolved socket file, if any. */
  socketAt(fs: FileSystem, fsPath: string): SocketServer | undefined {
    return this.#sockets.get(fs)?.get(fsPath);
  }

  /** Log a kernel message now. */
  printk(text: string): void {
    this.dmesg.log(this.now(), text);
  }

  /** The single devtmpfs instance (every devtmpfs mount shows it). */
  readonly devtmpfs: MemoryFs;
  /** /proc/sys/kernel/random/boot_id: a UUID drawn at boot. */
  readonly bootId: string;
  /** Bytes the installed OS uses on the root disk beyond what rootfs.usage() counts (illustrative, set by the scenario). */
  diskBaseBytes = 0;
  /** Loaded modules, most recent first (/proc/modules). */
  readonly modules: KernelModule[] = [];

  /** init_module(2) as modprobe does it: load `name` (after `deps`, which it then uses); loading twice is a no-op. */
  loadModule(name: string, size: number, deps: readonly string[] = []): void {
    if (this.modules.some((m) => m.name === name)) return;
    for (let i = 0; i < this.modules.length; i++) {
      const m = this.modules[i];
      if (deps.includes(m.name)) this.modules[i] = { ...m, usedBy: [...m.usedBy, name] };
    }
    this.modules.unshift({ name, size, usedBy: [] });
  }

  /** Running totals over live tasks (anonymous memory, task count). */
  readonly ledger: Ledger = { anon: 0, tasks: 0 };
  /** Memory held outside processes (a hypervisor's guest RAM reservations, set by the hypervisor model). */
  reservedBytes = 0;

  /** MemTotal in bytes. */
  memTotalBytes(): number {
    return memTotal(this);
  }

  /** Is there room for `bytes` more (dropping page cache if needed)? */
  fits(bytes: number): boolean {
    return fits(this, bytes);
  }

  /** Anonymous + kernel memory in use (without page cache). */
  memoryUsedBytes(): number {
    return usedBytes(this);
  }

  /** µs since this kernel booted (CLOCK_BOOTTIME). */
  now(): number {
    return this.clock.now - this.bootAt;
  }

  /** Send a signal from the kernel itself (OOM killer, namespace teardown). */
  signal(p: Process, sig: Signal): void {
    deliver(this, p, sig);
  }

  /** Run `fn` as process `p` (procfs's /proc/self and "R" state follow the caller). */
  as<T>(p: Process, fn: () => T): T {
    const prev = this.current;
    this.current = p;
    try {
      return fn();
    } finally {
      this.current = prev;
    }
  }
}
