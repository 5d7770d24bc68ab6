/**
 * The words of the model's kernel, defined before the implementation.
 *
 * A Kernel owns the process table, namespaces, the cgroup v2 tree, mounts and
 * the page cache of one Machine (a physical host or a VM guest). Everything a
 * program may do goes through `Sys`, a system-call surface bound to one
 * process: paths resolve through that process's mount namespace, root and
 * cwd; permission checks use its credentials and capabilities; fork counts
 * against its cgroup's pids.max. The shell never touches kernel state directly.
 */
import type { FileData } from '../fs/data.ts';
import type { Stat, WriteOptions } from '../fs/types.ts';

/** namespaces(7): the eight types, with the names /proc/<pid>/ns uses. */
export type NamespaceType = 'cgroup' | 'ipc' | 'mnt' | 'net' | 'pid' | 'time' | 'user' | 'uts';
export const NAMESPACE_TYPES: readonly NamespaceType[] = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts'];

/** Signals the model delivers, with Linux x86 numbers (signal(7)). */
export const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20 } as const;
export type Signal = keyof typeof SIGNALS;

/** ps(1) STAT letters: Running, Sleeping, stopped (T), Zombie. */
export type ProcessState = 'R' | 'S' | 'T' | 'Z';

/** What `ps` and /proc/<pid>/status show about one process, with PIDs as seen from the caller's PID namespace. */
export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  /** NSpid: this process's PID in each PID namespace, outermost first. */
  readonly nspid: readonly number[];
  readonly uid: number;
  readonly gid: number;
  readonly comm: string;
  readonly argv: readonly string[];
  readonly state: ProcessState;
  /** Virtual time the process started, µs since boot. */
  readonly startTime: number;
  /** CPU time used, µs. */
  readonly cpuTime: number;
  /** Resident memory charged to its cgroup, bytes. */
  readonly rss: number;
  readonly vsz: number;
  readonly tty: string;
  /** cgroup v2 path (/proc/<pid>/cgroup's 0::PATH as the caller sees it). */
  readonly cgroup: string;
  /** Namespace inode per type (readlink /proc/<pid>/ns/TYPE → TYPE:[ino]). */
  readonly ns: Readonly<Record<NamespaceType, number>>;
}

/** One line of /proc/self/mountinfo, as the caller's mount namespace sees it. */
export interface MountInfo {
  readonly id: number;
  readonly parentId: number;
  readonly source: string;
  readonly target: string;
  readonly fstype: string;
  /** Options as `mount` prints them: rw,relatime,lowerdir=...,upperdir=...,workdir=... */
  readonly options: readonly string[];
}

/** uname(2). */
export interface Utsname {
  readonly sysname: string;
  readonly nodename: string;
  readonly release: string;
  readonly version: string;
  readonly machine: string;
  readonly domainname: string;
}

/** statfs(2) plus the mount it answered for, what df(1) needs. */
export interface StatFs {
  readonly source: string;
  readonly target: string;
  readonly fstype: string;
  readonly totalBytes: number;
  readonly usedBytes: number;
  readonly availBytes: number;
  readonly totalInodes: number;
  readonly usedInodes: number;
}

/** How a child is created: fork(2)+execve(2) in one step, optionally clone(2) flags for new namespaces. */
export interface SpawnOptions {
  readonly argv: readonly string[];
  readonly env?: ReadonlyMap<string, string>;
  readonly cwd?: string;
  /** CLONE_NEW* for the child. */
  readonly newNamespaces?: readonly NamespaceType[];
  /** Put the child in this cgroup (absolute v2 path) instead of the parent's. */
  readonly cgroup?: string;
  /** A background job (`cmd &`, a detached container): its sleeps wait for the clock instead of moving it (inherited). */
  readonly background?: boolean;
  /** Start a new process group led by the child (setpgid(0, 0)). */
  readonly newProcessGroup?: boolean;
}

/** A network device as ip(8) shows it (Sys.netInterfaces). */
export interface NetInterface {
  readonly index: number;
  readonly name: string;
  readonly kind: 'loopback' | 'ether' | 'veth' | 'bridge';
  readonly mtu: number;
  readonly up: boolean;
  /** Carrier (LOWER_UP): a veth only when its peer is up too. */
  readonly lowerUp: boolean;
  readonly mac: string;
  readonly addrs: ReadonlyArray<{ readonly family: 'inet' | 'inet6'; readonly cidr: string; readonly scope: 'host' | 'global' | 'link' }>;
  readonly qlen: number;
  readonly peerIndex?: number;
  readonly peerName?: string;
  readonly peerElsewhere?: boolean;
  readonly master?: string;
}

/**
 * A process as a program sees itself: its own PID and the system calls it can
 * make. Every method may throw SysError. Paths are resolved like the real
 * syscall would: relative to cwd, through the mount table, following symlinks
 * (except l* calls and the last component of unlink/rmdir/rename/readlink).
 */
export interface Sys {
  readonly pid: number;
  readonly ppid: number;
  readonly uid: number;
  readonly gid: number;

  // files
  stat(path: string): Stat;
  lstat(path: string): Stat;
  readdir(path: string): string[];
  readFile(path: string): FileData;
  writeFile(path: string, data: FileData, opts?: WriteOptions): void;
  openForWrite(path: string): void;
  truncate(path: string, size: number): void;
  mkdir(path: string, mode?: number): void;
  rmdir(path: string): void;
  unlink(path: string): void;
  rename(from: string, to: string): void;
  link(existing: string, path: string): void;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  mknod(path: string, type: 'chardev' | 'blockdev' | 'fifo', rdev: readonly [number, number], mode?: number): void;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  utimes(path: string, mtime: number): void;
  getxattr(path: string, name: string): string | undefined;
  /** Canonical absolute path with symlinks resolved (realpath(3)). */
  realpath(path: string): string;
  chdir(path: string): void;
  getcwd(): string;
  chroot(path: string): void;
  /** pivot_root(2): make `newRoot` (a mount point) the root of this mount namespace, old root under `putOld`. */
  pivotRoot(newRoot: string, putOld: string): void;
  statfs(path: string): StatFs;
  mounts(): MountInfo[];
  mount(source: string, target: string, fstype: string, options?: readonly string[]): void;
  umount(target: string): void;

  // processes
  /** fork+exec a child; EAGAIN at pids.max, ENOMEM in a PID namespace whose init died. */
  spawn(opts: SpawnOptions): Sys;
  /** execve(2): replace this process's program (comm and argv change, PID stays). */
  exec(argv: readonly string[], env?: ReadonlyMap<string, string>): void;
  /** exit(2) for this process: becomes a zombie until its parent waits. */
  exit(status: number): void;
  /** waitpid(2) on an exited child (by PID as this process sees it); returns its status and reaps it. */
  wait(pid: number): number;
  kill(pid: number, sig: Signal): void;
  /** Processes visible from this process's PID namespace, sorted by PID. */
  processes(): ProcessInfo[];
  self(): ProcessInfo;
  /** Fatal signal delivered to this process, if any (the shell checks it at every step). */
  pendingSignal(): Signal | undefined;

  // namespaces, identity
  unshare(types: readonly NamespaceType[]): void;
  /** setns(2) into the namespaces of process `pid` (nsenter -t PID). */
  setns(pid: number, types: readonly NamespaceType[]): void;
  uname(): Utsname;
  sethostname(name: string): void;
  /** capabilities(7) in the effective set, e.g. "CAP_SYS_ADMIN". */
  capabilities(): ReadonlySet<string>;
  /** capset(2)/prctl(PR_CAPBSET_DROP): keep only `caps` (what runc does before exec). */
  setCapabilities(caps: ReadonlySet<string>): void;

  // sockets
  /** connect(2) to a UNIX socket: returns the server object listening there (e.g. dockerd's API), ECONNREFUSED if none. */
  connect(socketPath: string): unknown;
  /** bind(2)+listen(2) on a TCP port in this process's network namespace; EADDRINUSE if taken there. */
  listen(port: number, address?: string): void;

  // resources (cgroup v2 accounting)
  /** Touch `bytes` more anonymous memory; over memory.max the OOM killer runs in the cgroup. */
  allocate(bytes: number): void;
  release(bytes: number): void;
  /** Run on a CPU for `us` of CPU time; cpu.max throttling stretches the wall time. Returns virtual µs elapsed. */
  burnCpu(us: number): number;
  /** Sleep on the virtual clock (nanosleep). Resolves early with EINTR if a signal arrives. */
  sleep(us: number): Promise<void>;
  /** Virtual monotonic and realtime clocks, µs. */
  now(): number;
  realtime(): number;

  // Additive calls (optional so other Sys implementations, e.g. test fakes, need not have them).
  /** What clone(2) returned to the parent: this process's PID in its parent's PID namespace (differs from `pid` for the first process of a new PID namespace). Use it for the parent's wait/kill. */
  readonly clonePid?: number;
  /** setxattr(2); trusted.* needs CAP_SYS_ADMIN. */
  setxattr?(path: string, name: string, value: string): void;
  /** waitpid(2) that blocks until the child exits (a foreground waiter moves the virtual clock). EINTR on a signal. */
  waitAsync?(pid: number): Promise<number>;
  /** `threads` CPU-bound threads running for `wallUs` of wall time (stress --cpu): CPU used is limited by the CPUs and cpu.max; advances the clock; returns CPU µs used. */
  runCpu?(wallUs: number, threads: number): number;
  /** Let virtual time pass to the next pending timer, as a process blocked in wait(2) does (for the shell's `wait` on background jobs). Resolves false if no timer is pending or this process is itself a background job. */
  idle?(done?: () => boolean): Promise<boolean>;
  /** sigaction(2), reduced: 'catch' makes pendingSignal() return the signal instead of the default action. */
  signal?(sig: Signal, action: 'default' | 'ignore' | 'catch'): void;
  /** Mark this process as a background job (its sleeps do not move the clock) or not. */
  setBackground?(background: boolean): void;
  /** setns(2) on a file: /proc/PID/ns/TYPE or /run/netns/NAME. */
  setnsPath?(path: string): void;
  /** Install Docker's default seccomp profile for the current capabilities (runc does it right before exec). */
  setSeccomp?(profile: 'docker-default' | 'unconfined'): void;
  /** reboot(2): CAP_SYS_BOOT; inside a child PID namespace it ends that namespace's init. */
  reboot?(cmd?: 'RESTART' | 'POWER_OFF' | 'HALT'): void;
  /** syslog(2): the kernel ring buffer lines as dmesg prints them; clear=true is dmesg -C. */
  syslog?(clear?: boolean): string[];
  /** Close a listening socket opened with listen(). */
  unlisten?(port: number): void;
  /** Network devices of this process's network namespace. */
  netInterfaces?(): NetInterface[];
  /** ip link add NAME type veth peer name PEER | bridge | dummy. */
  netLinkAdd?(name: string, kind: 'veth' | 'bridge' | 'dummy', peer?: string): void;
  /** ip link set NAME up/down, netns PID|NAME, master BRIDGE (null: nomaster), name NEW, mtu N. */
  netLinkSet?(name: string, change: { up?: boolean; netns?: number | string; master?: string | null; name?: string; mtu?: number }): void;
  netLinkDel?(name: string): void;
  netAddrAdd?(name: string, cidr: string): void;
  netAddrDel?(name: string, cidr: string): void;
  /** ip netns add/del/list (/run/netns/NAME). */
  netnsAdd?(name: string): void;
  netnsDel?(name: string): void;
  netnsList?(): string[];
  /** Listening TCP sockets of this network namespace (ss -ltn). */
  netListeners?(): Array<{ port: number; address: string; pid: number }>;
}
