/**
 * Sys for one process: every system call the shell and the engine may make
 * (types.ts). Each call runs "as" the process (procfs's /proc/self, the R
 * state) and delegates to the module that implements it.
 */
import { fail } from '../errors.ts';
import type { FileData } from '../fs/data.ts';
import type { Stat, WriteOptions } from '../fs/types.ts';
import type { Kernel } from './kernel.ts';
import type { Process, SignalAction } from './process/process.ts';
import { commOf } from './process/process.ts';
import type { MountInfo, NamespaceType, ProcessInfo, Signal, SpawnOptions, StatFs, Sys, Utsname } from './types.ts';
import { SIGNALS } from './types.ts';
import { idInNs } from './ns/namespaces.ts';
import * as files from './vfs/file-ops.ts';
import { ctxOf, doChroot, doMount, doPivotRoot, doStatfs, doUmount } from './vfs/mount-ops.ts';
import { resolve } from './vfs/resolve.ts';
import { visibleMounts } from './vfs/mountinfo.ts';
import { BASE_RSS, capsAfterExec, exitProcess, reap, sendSignal, spawn } from './process/lifecycle.ts';
import { infoOf, visibleProcesses } from './process/info.ts';
import { setnsProcess, unshareProcess, capable } from './ns/unshare.ts';
import { allocate, release } from './memory/memory.ts';
import { burnCpu, runThreads } from './process/cpu.ts';
import { settle, sleepFor, waitUntil } from './process/timing.ts';
import { dockerSeccompDenied } from './process/capabilities.ts';
import * as net from './net/net-ops.ts';
import type { NetInterfaceInfo } from './net/net-ops.ts';

/** Spawn options (the background/newProcessGroup fields are the model's additions in types.ts). */
export type SpawnOptionsExt = SpawnOptions;

/** The system-call surface of one process. */
export class SysImpl implements Sys {
  readonly #k: Kernel;
  readonly #p: Process;

  constructor(k: Kernel, p: Process) {
    this.#k = k;
    this.#p = p;
  }

  #as<T>(fn: () => T): T {
    return this.#k.as(this.#p, fn);
  }

  get pid(): number { return this.#p.pidIn(this.#p.ns.pid); }
  get ppid(): number { return this.#p.parent ? this.#p.parent.pidIn(this.#p.ns.pid) : 0; }
  get uid(): number { return idInNs(this.#p.ns.user, this.#p.uid, 'uid'); }
  /** This process's PID as its parent sees it (clone(2)'s return value). Additive. */
  get clonePid(): number { return this.#p.parent ? this.#p.pidIn(this.#p.parent.ns.pid) || this.pid : this.pid; }
  get gid(): number { return idInNs(this.#p.ns.user, this.#p.gid, 'gid'); }

  // files
  stat(path: string): Stat { return this.#as(() => files.statFor(this.#p, files.statPath(this.#k, this.#p, path))); }
  lstat(path: string): Stat { return this.#as(() => files.statFor(this.#p, files.lookupNoFollow(this.#p, path).stat!)); }
  readdir(path: string): string[] {
    return this.#as(() => {
      const loc = files.lookup(this.#p, path);
      if (loc.stat!.type !== 'dir') fail('ENOTDIR', path);
      files.mayAccess(this.#p, loc.stat!, 'r', path);
      return loc.fs.readdir(loc.fsPath);
    });
  }
  readFile(path: string): FileData { return this.#as(() => files.readPath(this.#k, this.#p, path)); }
  writeFile(path: string, data: FileData, opts?: WriteOptions): void { this.#as(() => files.writePath(this.#k, this.#p, path, data, opts)); }
  openForWrite(path: string): void { this.#as(() => files.openForWrite(this.#p, path)); }
  truncate(path: string, size: number): void { this.#as(() => files.truncatePath(this.#p, path, size)); }
  mkdir(path: string, mode?: number): void { this.#as(() => files.mkdirPath(this.#p, path, mode)); }
  rmdir(path: string): void { this.#as(() => files.rmdirPath(this.#p, path)); }
  unlink(path: string): void { this.#as(() => files.unlinkPath(this.#p, path)); }
  rename(from: string, to: string): void { this.#as(() => files.renamePath(this.#p, from, to)); }
  link(existing: string, path: string): void { this.#as(() => files.linkPath(this.#p, existing, path)); }
  symlink(target: string, path: string): void { this.#as(() => files.symlinkPath(this.#p, target, path)); }
  readlink(path: string): string {
    return this.#as(() => {
      const loc = files.lookupNoFollow(this.#p, path);
      if (loc.stat!.type !== 'symlink') fail('EINVAL', path);
      return loc.fs.readlink(loc.fsPath);
    });
  }
  mknod(path: string, type: 'chardev' | 'blockdev' | 'fifo', rdev: readonly [number, number], mode?: number): void {
    this.#as(() => files.mknodPath(this.#p, path, type, rdev, mode));
  }
  chmod(path: string, mode: number): void { this.#as(() => files.chmodPath(this.#p, path, mode)); }
  chown(path: string, uid: number, gid: number): void { this.#as(() => files.chownPath(this.#p, path, uid, gid)); }
  utimes(path: string, mtime: number): void { this.#as(() => files.utimesPath(this.#p, path, mtime)); }
  getxattr(path: string, name: string): string | undefined {
    return this.#as(() => { const loc = files.lookup(this.#p, path); return loc.fs.getxattr(loc.fsPath, name); });
  }
  /** setxattr(2) (additive: trusted.* needs CAP_SYS_ADMIN). */
  setxattr(path: string, name: string, value: string): void {
    this.#as(() => {
      const loc = files.lookup(this.#p, path);
      if (name.startsWith('trusted.') && !this.#p.caps.has('CAP_SYS_ADMIN')) fail('EPERM', path);
      if (loc.mount.readonly) fail('EROFS', path);
      loc.fs.setxattr(loc.fsPath, name, value);
    });
  }
  realpath(path: string): string { return this.#as(() => this.#visible(files.lookup(this.#p, path).path)); }
  chdir(path: string): void {
    this.#as(() => {
      const loc = files.lookup(this.#p, path);
      if (loc.stat!.type !== 'dir') fail('ENOTDIR', path);
      files.mayAccess(this.#p, loc.stat!, 'x', path);
      this.#p.cwd = loc.path;
    });
  }
  getcwd(): string { return this.#visible(this.#p.cwd); }
  #visible(path: string): string {
    const r = this.#p.root;
    if (r === '/') return path;
    if (path === r) return '/';
    return path.startsWith(r + '/') ? path.slice(r.length) : `(unreachable)${path}`;
  }
  chroot(path: string): void { this.#as(() => doChroot(this.#k, this.#p, path)); }
  pivotRoot(newRoot: string, putOld: string): void { this.#as(() => doPivotRoot(this.#k, this.#p, newRoot, putOld)); }
  statfs(path: string): StatFs { return this.#as(() => doStatfs(this.#k, this.#p, path)); }
  mounts(): MountInfo[] { return visibleMounts(this.#p.ns.mnt.table, this.#p.root); }
  mount(source: string, target: string, fstype: string, options?: readonly string[]): void {
    this.#as(() => doMount(this.#k, this.#p, source, target, fstype, options));
  }
  umount(target: string): void { this.#as(() => doUmount(this.#k, this.#p, target)); }

  // processes
  spawn(opts: SpawnOptionsExt): Sys {
    return this.#as(() => {
      const child = spawn(this.#k, this.#p, opts);
      if (opts.newProcessGroup) child.pgid = child.id;
      return this.#k.sysFor(child);
    });
  }
  exec(argv: readonly string[], env?: ReadonlyMap<string, string>): void {
    const p = this.#p;
    if (!p.alive) fail('ESRCH');
    if (argv.length === 0) fail('EINVAL');
    p.argv = [...argv];
    p.comm = commOf(argv);
    if (env) p.env = env;
    for (const [sig, act] of [...p.handlers]) if (act === 'catch') p.handlers.delete(sig);
    p.caps = capsAfterExec(p.ns.user, p.uid, p.caps);
    p.rss = BASE_RSS;
    p.vsz = BASE_RSS * 4;
  }
  exit(status: number): void { exitProcess(this.#k, this.#p, status); }
  wait(pid: number): number {
    const c = this.#child(pid);
    if (c.alive) fail('EAGAIN', String(pid), 'child still running');
    return reap(this.#k, c);
  }
  /** waitpid(2) that blocks: resolves when the child exits (moving the clock if this process is in the foreground). Additive. */
  async waitAsync(pid: number): Promise<number> {
    const c = this.#child(pid);
    const r = await waitUntil(this.#k, this.#p, () => !c.alive, undefined, [c]);
    if (r === 'signal' && c.alive) fail('EINTR');
    return this.#p.children.has(c) || c.pids[0].ns.pids.get(c.id) === c ? reap(this.#k, c) : (c.exitStatus ?? 0);
  }
  /** Advance the clock to the next timer and let woken jobs run. Additive. */
  async idle(done?: () => boolean): Promise<boolean> {
    // A background job (a detached container's shell waiting for its children) never moves the clock.
    if (this.#p.background) return false;
    // Let jobs started just now reach their first wait and arm their timers before time jumps
    // (`sleep 3 & wait` must not skip past a detached container's later timer first).
    await settle();
    if (done?.()) return true;
    const next = this.#k.clock.nextDeadline();
    if (next === undefined) return false;
    this.#k.clock.advanceTo(next);
    await settle();
    return true;
  }
  #child(pid: number): Process {
    for (const c of this.#p.children) if (c.pidIn(this.#p.ns.pid) === pid || (pid === -1 && !c.alive)) return c;
    fail('ECHILD', String(pid));
  }
  kill(pid: number, sig: Signal): void {
    if (!(sig in SIGNALS)) fail('EINVAL');
    const p = this.#p;
    const ns = p.ns.pid;
    if (pid > 0) {
      const t = ns.pids.get(pid);
      if (!t) fail('ESRCH', String(pid));
      return sendSignal(this.#k, p, t, sig);
    }
    const group = pid === 0 ? p.pgid : pid < -1 ? (ns.pids.get(-pid)?.id ?? -1) : undefined;
    const targets = [...ns.pids.values()].filter((t) => t.alive && (group === undefined ? t !== p && t !== ns.init : t.pgid === group));
    if (targets.length === 0) fail('ESRCH', String(pid));
    for (const t of targets) sendSignal(this.#k, p, t, sig);
  }
  processes(): ProcessInfo[] { return this.#as(() => visibleProcesses(this.#k, this.#p)); }
  self(): ProcessInfo { return this.#as(() => infoOf(this.#k, this.#p, this.#p)); }
  pendingSignal(): Signal | undefined {
    return this.#p.killedBy ?? this.#p.pending.shift();
  }
  /** sigaction(2), reduced: a disposition per signal (SIGKILL/SIGSTOP cannot change: EINVAL). Additive. */
  signal(sig: Signal, action: SignalAction): void {
    if (sig === 'SIGKILL' || sig === 'SIGSTOP') fail('EINVAL');
    if (action === 'default') this.#p.handlers.delete(sig);
    else this.#p.handlers.set(sig, action);
  }
  /** Mark this process (and its future children) as a background job or not. Additive. */
  setBackground(background: boolean): void { this.#p.background = background; }

  // namespaces, identity
  unshare(types: readonly NamespaceType[]): void { unshareProcess(this.#k, this.#p, types); }
  setns(pid: number, types: readonly NamespaceType[]): void {
    const t = this.#p.ns.pid.pids.get(pid);
    if (!t || !t.alive) fail('ESRCH', String(pid));
    setnsProcess(this.#k, this.#p, t, types);
  }
  /** setns(2) on a file: /proc/PID/ns/TYPE or a named netns /run/netns/NAME (ip netns exec). Additive. */
  setnsPath(path: string): void {
    this.#as(() => {
      const m = /\/proc\/(\d+|self)\/ns\/([a-z]+)$/.exec(path);
      if (m) {
        const pid = m[1] === 'self' ? this.pid : Number(m[1]);
        return this.setns(pid, [m[2] as NamespaceType]);
      }
      const name = /\/run\/netns\/([^/]+)$/.exec(path)?.[1];
      const ns = name ? this.#k.namedNetns.get(name) : undefined;
      if (!ns) fail('ENOENT', path);
      if (!this.#p.caps.has('CAP_SYS_ADMIN') || this.#p.seccomp?.has('setns')) fail('EPERM', path);
      this.#p.ns = { ...this.#p.ns, net: ns };
    });
  }
  uname(): Utsname {
    const o = this.#k.options;
    return { sysname: o.sysname ?? 'Linux', nodename: this.#p.ns.uts.hostname, release: o.release, version: o.version, machine: o.machine, domainname: this.#p.ns.uts.domainname };
  }
  sethostname(name: string): void {
    const p = this.#p;
    if (p.seccomp?.has('sethostname') || !capable(p, 'CAP_SYS_ADMIN', p.ns.uts.owner)) fail('EPERM');
    if (name.length > 64) fail('EINVAL');
    p.ns.uts.hostname = name;
  }
  capabilities(): ReadonlySet<string> { return new Set(this.#p.caps); }
  setCapabilities(caps: ReadonlySet<string>): void {
    for (const c of caps) if (!this.#p.caps.has(c)) fail('EPERM', c);
    this.#p.caps = new Set(caps);
  }
  /** Install a seccomp filter (runc does it last, before exec): Docker's default profile for the current capabilities, or none. Additive. */
  setSeccomp(profile: 'docker-default' | 'unconfined'): void {
    if (profile === 'unconfined') {
      if (this.#p.seccomp) fail('EPERM');
      return;
    }
    const denied = dockerSeccompDenied(this.#p.caps);
    this.#p.seccomp = this.#p.seccomp ? new Set([...this.#p.seccomp, ...denied]) : denied;
  }
  /** reboot(2): CAP_SYS_BOOT; in a child PID namespace it ends that namespace's init (pid_namespaces(7)). Additive. */
  reboot(cmd: 'RESTART' | 'POWER_OFF' | 'HALT' = 'RESTART'): void {
    const p = this.#p;
    if (p.seccomp?.has('reboot') || !capable(p, 'CAP_SYS_BOOT', p.ns.pid.owner)) fail('EPERM');
    const init = p.ns.pid.init;
    if (p.ns.pid.parent && init) {
      this.#k.signal(init, cmd === 'RESTART' ? 'SIGHUP' : 'SIGINT');
      if (init.alive) exitProcess(this.#k, init, 128 + (cmd === 'RESTART' ? 1 : 2));
      return;
    }
    this.#k.printk(cmd === 'RESTART' ? 'reboot: Restarting system' : 'reboot: Power down');
    this.#k.onReboot?.(cmd);
  }
  /** syslog(2) READ_ALL/CLEAR: the ring buffer (dmesg); CAP_SYSLOG (or CAP_SYS_ADMIN), refused by Docker's seccomp without them. Additive. */
  syslog(clear = false): string[] {
    const p = this.#p;
    if (p.seccomp?.has('syslog')) fail('EPERM');
    const restricted = this.#k.sysctl.get('kernel.dmesg_restrict') === '1';
    if ((restricted || clear) && !p.caps.has('CAP_SYSLOG') && !p.caps.has('CAP_SYS_ADMIN')) fail('EPERM');
    const lines = this.#k.dmesg.lines();
    if (clear) this.#k.dmesg.clear();
    return lines;
  }

  // sockets
  connect(socketPath: string): unknown {
    return this.#as(() => {
      const loc = resolve(ctxOf(this.#p), socketPath, { follow: true, mustExist: true });
      const server = this.#k.socketAt(loc.fs, loc.fsPath);
      if (server === undefined) fail('ECONNREFUSED', socketPath);
      return server;
    });
  }
  listen(port: number, address = '0.0.0.0'): void {
    if (port > 0 && port < 1024 && !capable(this.#p, 'CAP_NET_BIND_SERVICE', this.#p.ns.net.owner)) fail('EACCES', String(port));
    this.#p.ns.net.stack.listen(port, address, this.#p.id);
  }
  /** Close a listening socket. Additive. */
  unlisten(port: number): void {
    const ls = this.#p.ns.net.stack.listeners;
    const i = ls.findIndex((l) => l.port === port && l.ownerId === this.#p.id);
    if (i < 0) fail('EBADF', String(port));
    ls.splice(i, 1);
  }

  // network configuration (rtnetlink, as ip(8) does it). Additive.
  /** Devices of this process's network namespace. */
  netInterfaces(): NetInterfaceInfo[] { return net.interfaces(this.#p); }
  /** ip link add NAME type veth peer name PEER | type bridge. */
  netLinkAdd(name: string, kind: 'veth' | 'bridge' | 'dummy', peer?: string): void { net.linkAdd(this.#k, this.#p, name, kind, peer); }
  /** ip link set NAME up|down|netns PID/NAME|master BR|name NEW|mtu N. */
  netLinkSet(name: string, change: net.LinkChange): void { net.linkSet(this.#k, this.#p, name, change); }
  /** ip link del NAME. */
  netLinkDel(name: string): void { net.linkDel(this.#p, name); }
  /** ip addr add CIDR dev NAME. */
  netAddrAdd(name: string, cidr: string): void { net.addrAdd(this.#p, name, cidr); }
  /** ip addr del CIDR dev NAME. */
  netAddrDel(name: string, cidr: string): void { net.addrDel(this.#p, name, cidr); }
  /** ip netns add NAME: a new network namespace pinned at /run/netns/NAME. */
  netnsAdd(name: string): void { this.#as(() => net.netnsAdd(this.#k, this.#p, name)); }
  /** ip netns del NAME. */
  netnsDel(name: string): void { this.#as(() => net.netnsDel(this.#k, this.#p, name)); }
  /** ip netns list. */
  netnsList(): string[] { return [...this.#k.namedNetns.keys()].sort().reverse(); }
  /** Listening sockets of this network namespace (ss -ltn). */
  netListeners(): Array<{ port: number; address: string; pid: number }> {
    return this.#p.ns.net.stack.listeners.map((l) => ({ port: l.port, address: l.address, pid: this.#k.procs.get(l.ownerId)?.pidIn(this.#p.ns.pid) ?? 0 }));
  }

  // resources
  allocate(bytes: number): void { allocate(this.#k, this.#p, bytes); }
  release(bytes: number): void { release(this.#p, bytes); }
  burnCpu(us: number): number { return burnCpu(this.#k, this.#p, us); }
  /** Threads running flat out for a wall time. Additive. */
  runCpu(wallUs: number, threads: number): number { return runThreads(this.#k, this.#p, wallUs, threads); }
  sleep(us: number): Promise<void> { return sleepFor(this.#k, this.#p, us); }
  now(): number { return this.#k.now() + this.#p.ns.time.monotonicOffset; }
  realtime(): number { return this.#k.clock.realtime; }
}
