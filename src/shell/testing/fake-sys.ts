/**
 * A small stand-in for the kernel's Sys, for the shell's own tests: one
 * MemoryFs, a process table with a pids limit (to see EAGAIN), symlink
 * resolution, signals, and a virtual clock. The real Kernel replaces it in
 * transcript tests; this keeps the shell testable on its own.
 */
import { fail, SysError } from '../../model/errors.ts';
import { VirtualClock } from '../../model/clock.ts';
import { MemoryFs } from '../../model/fs/memory-fs.ts';
import { normalize } from '../../model/fs/path.ts';
import { fromText } from '../../model/fs/data.ts';
import type { FileData } from '../../model/fs/data.ts';
import type { Stat, WriteOptions } from '../../model/fs/types.ts';
import { programFile } from '../../model/program.ts';
import type { ProcessInfo, Signal, SpawnOptions, Sys } from '../../model/kernel/types.ts';

interface Proc {
  pid: number;
  ppid: number;
  argv: readonly string[];
  cwd: string;
  exited: number | undefined;
  signal: Signal | undefined;
  start: number;
}

/** The shared state of a fake machine. */
export class FakeMachine {
  readonly fs: MemoryFs;
  readonly clock = new VirtualClock();
  readonly procs = new Map<number, Proc>();
  hostname = 'host';
  pidsMax = Infinity;
  #nextPid = 1;
  constructor() {
    this.fs = new MemoryFs({ dev: 0x801, now: () => this.clock.realtime });
  }
  live(): number {
    return [...this.procs.values()].filter((p) => p.exited === undefined || true).length;
  }
  newProc(ppid: number, argv: readonly string[], cwd: string): Proc {
    if (this.procs.size >= this.pidsMax) fail('EAGAIN');
    const p: Proc = { pid: this.#nextPid++, ppid, argv, cwd, exited: undefined, signal: undefined, start: this.clock.now };
    this.procs.set(p.pid, p);
    return p;
  }
  /** The Sys of process `pid`. */
  sys(pid: number): Sys {
    return new FakeSys(this, this.procs.get(pid)!);
  }
}

function resolve(m: FakeMachine, cwd: string, path: string, followLast: boolean): string {
  if (path === '') fail('ENOENT', path);
  let parts = normalizeKeepDots(path.startsWith('/') ? path : `${cwd}/${path}`);
  let out = '/';
  let hops = 0;
  while (parts.length) {
    const name = parts.shift()!;
    if (name === '..') {
      out = out === '/' ? '/' : out.slice(0, out.lastIndexOf('/')) || '/';
      continue;
    }
    const next = out === '/' ? `/${name}` : `${out}/${name}`;
    let st: Stat;
    try {
      st = m.fs.lstat(next);
    } catch (e) {
      if (parts.length === 0) return next;
      throw e;
    }
    if (st.type === 'symlink' && (parts.length > 0 || followLast)) {
      if (++hops > 40) fail('ELOOP', path);
      const target = m.fs.readlink(next);
      parts = [...normalizeKeepDots(target.startsWith('/') ? target : `${out}/${target}`), ...parts];
      out = '/';
      continue;
    }
    if (parts.length && st.type !== 'dir') fail('ENOTDIR', path);
    out = next;
  }
  return out;
}

function normalizeKeepDots(p: string): string[] {
  return p.split('/').filter((x) => x !== '' && x !== '.');
}

const SIGNUM: Record<string, number> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15, SIGPIPE: 13, SIGHUP: 1 };

class FakeSys implements Sys {
  readonly #m: FakeMachine;
  readonly #p: Proc;
  constructor(m: FakeMachine, p: Proc) {
    this.#m = m;
    this.#p = p;
  }
  get pid(): number { return this.#p.pid; }
  get ppid(): number { return this.#p.ppid; }
  get uid(): number { return 0; }
  get gid(): number { return 0; }
  #r(path: string, follow = true): string {
    return resolve(this.#m, this.#p.cwd, path, follow);
  }
  #wrap<T>(path: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof SysError && e.path !== path) throw new SysError(e.code, path);
      throw e;
    }
  }
  stat(path: string): Stat { return this.#wrap(path, () => this.#m.fs.lstat(this.#r(path))); }
  lstat(path: string): Stat { return this.#wrap(path, () => this.#m.fs.lstat(this.#r(path, false))); }
  readdir(path: string): string[] { return this.#wrap(path, () => this.#m.fs.readdir(this.#r(path))); }
  readFile(path: string): FileData { return this.#wrap(path, () => this.#m.fs.read(this.#r(path))); }
  writeFile(path: string, data: FileData, opts?: WriteOptions): void { this.#wrap(path, () => this.#m.fs.write(this.#r(path), data, opts)); }
  openForWrite(path: string): void { this.#wrap(path, () => this.#m.fs.openForWrite(this.#r(path))); }
  truncate(path: string, size: number): void { this.#wrap(path, () => this.#m.fs.truncate(this.#r(path), size)); }
  mkdir(path: string, mode?: number): void { this.#wrap(path, () => this.#m.fs.mkdir(this.#r(path, false), mode)); }
  rmdir(path: string): void { this.#wrap(path, () => this.#m.fs.rmdir(this.#r(path, false))); }
  unlink(path: string): void { this.#wrap(path, () => this.#m.fs.unlink(this.#r(path, false))); }
  rename(from: string, to: string): void { this.#wrap(from, () => this.#m.fs.rename(this.#r(from, false), this.#r(to, false))); }
  link(existing: string, path: string): void { this.#wrap(path, () => this.#m.fs.link(this.#r(existing), this.#r(path, false))); }
  symlink(target: string, path: string): void { this.#wrap(path, () => this.#m.fs.symlink(target, this.#r(path, false))); }
  readlink(path: string): string { return this.#wrap(path, () => this.#m.fs.readlink(this.#r(path, false))); }
  mknod(path: string, type: 'chardev' | 'blockdev' | 'fifo', rdev: readonly [number, number], mode?: number): void { this.#wrap(path, () => this.#m.fs.mknod(this.#r(path, false), type, rdev, mode)); }
  chmod(path: string, mode: number): void { this.#wrap(path, () => this.#m.fs.chmod(this.#r(path), mode)); }
  chown(path: string, uid: number, gid: number): void { this.#wrap(path, () => this.#m.fs.chown(this.#r(path), uid, gid)); }
  utimes(path: string, mtime: number): void { this.#wrap(path, () => this.#m.fs.utimes(this.#r(path), mtime)); }
  getxattr(path: string, name: string): string | undefined { return this.#m.fs.getxattr(this.#r(path), name); }
  realpath(path: string): string {
    const r = this.#r(path);
    this.stat(r);
    return r;
  }
  chdir(path: string): void {
    const r = this.#r(path);
    const st = this.#wrap(path, () => this.#m.fs.lstat(r));
    if (st.type !== 'dir') fail('ENOTDIR', path);
    this.#p.cwd = r;
  }
  getcwd(): string { return this.#p.cwd; }
  chroot(): void { fail('ENOSYS'); }
  pivotRoot(): void { fail('ENOSYS'); }
  statfs(): never { fail('ENOSYS'); }
  mounts(): [] { return []; }
  mount(): void { fail('ENOSYS'); }
  umount(): void { fail('ENOSYS'); }
  spawn(opts: SpawnOptions): Sys {
    const p = this.#m.newProc(this.#p.pid, opts.argv, opts.cwd ? normalize(opts.cwd) : this.#p.cwd);
    return new FakeSys(this.#m, p);
  }
  exec(argv: readonly string[]): void { this.#p.argv = argv; }
  exit(status: number): void { this.#p.exited ??= status; }
  wait(pid: number): number {
    const c = this.#m.procs.get(pid);
    if (!c || c.ppid !== this.#p.pid || c.exited === undefined) fail('ECHILD');
    this.#m.procs.delete(pid);
    return c.signal && SIGNUM[c.signal] ? 128 + SIGNUM[c.signal] : c.exited;
  }
  kill(pid: number, sig: Signal): void {
    const p = this.#m.procs.get(pid);
    if (!p) fail('ESRCH');
    if (p.exited === undefined) p.signal = sig;
  }
  processes(): ProcessInfo[] { return [...this.#m.procs.values()].map((p) => info(p)); }
  self(): ProcessInfo { return info(this.#p); }
  pendingSignal(): Signal | undefined { return this.#p.signal; }
  unshare(): void { fail('ENOSYS'); }
  setns(): void { fail('ENOSYS'); }
  uname() { return { sysname: 'Linux', nodename: this.#m.hostname, release: '6.1.0', version: '#1 SMP', machine: 'x86_64', domainname: '(none)' }; }
  sethostname(name: string): void { this.#m.hostname = name; }
  capabilities(): ReadonlySet<string> { return new Set(['CAP_SYS_ADMIN']); }
  setCapabilities(): void {}
  connect(): unknown { return fail('ECONNREFUSED'); }
  listen(): void {}
  allocate(): void {}
  release(): void {}
  burnCpu(us: number): number { this.#m.clock.advance(us); return us; }
  async sleep(us: number): Promise<void> { this.#m.clock.advance(us); }
  now(): number { return this.#m.clock.now; }
  realtime(): number { return this.#m.clock.realtime; }
}

function info(p: Proc): ProcessInfo {
  const ns = { cgroup: 1, ipc: 1, mnt: 1, net: 1, pid: 1, time: 1, user: 1, uts: 1 };
  return { pid: p.pid, ppid: p.ppid, nspid: [p.pid], uid: 0, gid: 0, comm: (p.argv[0] ?? '').split('/').pop()!.slice(0, 15), argv: p.argv, state: p.exited === undefined ? 'R' : 'Z', startTime: p.start, cpuTime: 0, rss: 0, vsz: 0, tty: 'pts/0', cgroup: '/', ns };
}

/** A fake host: /bin holds a program file for each name, /bin/busybox with applet symlinks under /busybox-bin if asked. */
export function fakeHost(programs: readonly string[], opts: { pidsMax?: number } = {}): { machine: FakeMachine; sys: Sys } {
  const m = new FakeMachine();
  for (const d of ['/bin', '/usr', '/usr/bin', '/etc', '/root', '/tmp', '/dev', '/proc']) m.fs.mkdir(d, 0o755);
  m.fs.chmod('/tmp', 0o1777);
  for (const p of programs) m.fs.write(`/bin/${p}`, programFile(p), { mode: 0o755 });
  m.fs.write('/bin/busybox', programFile('busybox'), { mode: 0o755 });
  m.fs.write('/etc/hostname', fromText('host\n'));
  m.fs.write('/etc/passwd', fromText('root:x:0:0:root:/root:/bin/bash\n'));
  m.fs.mknod('/dev/null', 'chardev', [1, 3], 0o666);
  const init = m.newProc(0, ['/bin/bash'], '/root');
  if (opts.pidsMax !== undefined) m.pidsMax = opts.pidsMax;
  return { machine: m, sys: m.sys(init.pid) };
}
