/**
 * fork/exec/exit/wait and signals (fork(2), execve(2), _exit(2), waitpid(2),
 * kill(2), signal(7), pid_namespaces(7)). Every function validates before it
 * changes anything.
 */
import { fail } from '../../errors.ts';
import type { Kernel } from '../kernel.ts';
import type { Signal, SpawnOptions } from '../types.ts';
import { SIGNALS } from '../types.ts';
import { Process } from './process.ts';
import { planPids } from './pids.ts';
import { createNamespaces } from '../ns/unshare.ts';
import type { Cgroup } from '../cgroup/cgroup.ts';
import type { UserNs } from '../ns/namespaces.ts';
import { idInNs } from '../ns/namespaces.ts';

/** Illustrative resident size of a freshly exec'd small program (not from facts.md). */
export const BASE_RSS = 1024 * 1024;

/**
 * capabilities(7) "Transformation of capabilities during execve()": a
 * process whose UID is not 0 in its user namespace ends up with no
 * capabilities after execve (no file capabilities in this model); root
 * keeps its bounding set.
 */
export function capsAfterExec(user: UserNs, uid: number, caps: ReadonlySet<string>): Set<string> {
  return idInNs(user, uid, 'uid') === 0 ? new Set(caps) : new Set();
}

/** pids.max check up the tree (cgroup-v2.rst "PID"): fork fails with EAGAIN. */
export function checkPidsLimit(cg: Cgroup, adding = 1): void {
  for (const g of cg.upwards()) {
    if (g.has('pids') && g.pidsCurrent() + adding > g.pidsMax) {
      for (const a of g.upwards()) a.pidsEventsMax++;
      fail('EAGAIN');
    }
  }
}

/** fork(2)+execve(2) in one step, with optional CLONE_NEW* flags. */
export function spawn(k: Kernel, parent: Process, opts: SpawnOptions & { background?: boolean }): Process {
  if (!parent.alive) fail('ESRCH');
  if (opts.argv.length === 0) fail('EINVAL');
  const cg = opts.cgroup !== undefined ? k.cgroupAt(opts.cgroup) : parent.cgroup;
  if (!cg) fail('ENOENT', opts.cgroup);
  checkPidsLimit(cg);
  // kernel.threads-max (EAGAIN) and no memory left for the new task (ENOMEM), as fork(2) reports them.
  if (k.ledger.tasks >= Number(k.sysctl.get('kernel.threads-max'))) fail('EAGAIN');
  if (!k.fits(BASE_RSS)) fail('ENOMEM');
  // Namespaces first (they may fail with EPERM), then the PID: nothing is recorded before both succeed.
  const types = opts.newNamespaces ?? [];
  const { ns, caps } = createNamespaces(k, parent, types, 'clone', cg);
  const pidNs = types.includes('pid') ? ns.pid : parent.pidForChildren;
  const timeNs = types.includes('time') ? ns.time : parent.timeForChildren;
  const nsSet = { ...ns, pid: pidNs, time: timeNs };
  const pids = planPids(pidNs, k.pidMax);
  let cwd = parent.cwd;
  if (opts.cwd !== undefined) {
    const st = k.resolveFor({ table: nsSet.mnt.table, root: parent.root, cwd: parent.cwd }, opts.cwd, true);
    if (st.stat!.type !== 'dir') fail('ENOTDIR', opts.cwd);
    cwd = st.path;
  }
  const child = new Process({
    id: pids[0].pid, pids, parent, argv: [...opts.argv], env: opts.env ?? parent.env, root: parent.root, cwd,
    ns: nsSet, uid: parent.uid, gid: parent.gid, caps, seccomp: parent.seccomp, cgroup: cg, startTime: k.now(),
    rss: BASE_RSS, tty: parent.tty, background: opts.background ?? parent.background, pgid: parent.pgid,
  });
  child.pidForChildren = pidNs;
  child.timeForChildren = timeNs;
  // Ignored signals stay ignored across fork+exec (signal(7)); SIGCHLD is reset as service managers do.
  for (const [sig, act] of parent.handlers) if (act === 'ignore' && sig !== 'SIGCHLD') child.handlers.set(sig, act);
  // Commit.
  for (const { ns: n, pid } of pids) {
    n.pids.set(pid, child);
    n.lastPid = pid;
    if (pid === 1 && !n.init) n.init = child;
  }
  parent.children.add(child);
  k.procs.set(child.id, child);
  child.attach(k.ledger);
  child.ns.mnt.members.add(child);
  k.notePeak(cg);
  return child;
}

/** _exit(2): the process becomes a zombie; children go to the namespace's init; PID 1's death kills the namespace. */
export function exitProcess(k: Kernel, p: Process, status: number): void {
  if (!p.alive) return;
  p.die();
  p.exitStatus = status & 0xff;
  p.ns.net.stack.closeAll(p.id);
  const ns = p.pidNs;
  if (ns.init === p) {
    ns.dead = true;
    for (const q of [...k.procs.values()]) {
      if (q !== p && q.alive && q.pids.some((x) => x.ns === ns)) terminate(k, q, 'SIGKILL');
    }
  }
  // Orphans: reparented to the init of their PID namespace (or the host's init).
  for (const c of [...p.children]) {
    const reaper = reaperFor(k, c);
    p.children.delete(c);
    c.parent = reaper;
    if (reaper) reaper.children.add(c);
    if (!c.alive && (!reaper || autoReaps(reaper))) reap(k, c);
  }
  p.wake();
  const parent = p.parent;
  if (parent) {
    parent.wake();
    if (autoReaps(parent) || !parent.alive) reap(k, p);
  } else {
    reap(k, p);
  }
}

/** Does `p` reap children automatically (SIGCHLD ignored: SA_NOCLDWAIT semantics, or a kernel-managed init)? */
export function autoReaps(p: Process): boolean {
  return p.handlers.get('SIGCHLD') === 'ignore';
}

/** The init that adopts orphan `c` (pid_namespaces(7)); undefined if its namespace has none alive. */
function reaperFor(k: Kernel, c: Process): Process | undefined {
  for (let i = c.pids.length - 1; i >= 0; i--) {
    const init = c.pids[i].ns.init;
    if (init && init.alive && init !== c) return init;
  }
  return k.initProcess.alive ? k.initProcess : undefined;
}

/** Remove a zombie from every table (release_task). Returns its status. */
export function reap(k: Kernel, p: Process): number {
  for (const { ns, pid } of p.pids) if (ns.pids.get(pid) === p) ns.pids.delete(pid);
  p.parent?.children.delete(p);
  k.procs.delete(p.id);
  p.detach();
  p.ns.mnt.members.delete(p);
  return p.exitStatus ?? 0;
}

/** Terminate by signal: exit status 128+N as the shell reports it (bash(1), facts §9.6). */
export function terminate(k: Kernel, p: Process, sig: Signal): void {
  if (!p.alive) return;
  p.killedBy = sig;
  exitProcess(k, p, 128 + SIGNALS[sig]);
}

/** Signals whose default action is to ignore them (signal(7)). */
const DEFAULT_IGNORE: ReadonlySet<Signal> = new Set<Signal>(['SIGCHLD', 'SIGCONT']);
const DEFAULT_STOP: ReadonlySet<Signal> = new Set<Signal>(['SIGSTOP', 'SIGTSTP']);

/** Deliver `sig` to `p` with its disposition (default, ignore, catch). */
export function deliver(k: Kernel, p: Process, sig: Signal): void {
  if (!p.alive || p.kernelThread) return;
  if (sig === 'SIGKILL') return terminate(k, p, sig);
  if (sig === 'SIGSTOP') {
    p.state = 'T';
    return;
  }
  if (sig === 'SIGCONT' && p.state === 'T') p.state = 'R';
  const action = p.handlers.get(sig) ?? 'default';
  if (action === 'ignore') return;
  if (action === 'catch') {
    p.pending.push(sig);
    p.wake();
    return;
  }
  if (DEFAULT_IGNORE.has(sig)) return;
  if (DEFAULT_STOP.has(sig)) {
    p.state = 'T';
    return;
  }
  terminate(k, p, sig);
}

/**
 * kill(2) from `sender` to `target`, with the PID-namespace init rule (facts
 * §5.2): a namespace's init gets only signals it handles from inside its
 * namespace (itself included); from an ancestor namespace SIGKILL and SIGSTOP are forced.
 */
export function sendSignal(k: Kernel, sender: Process, target: Process, sig: Signal): void {
  const privileged = sender.caps.has('CAP_KILL') || sender.uid === 0;
  if (!privileged && sender.uid !== target.uid) fail('EPERM');
  const ns = target.pidNs;
  if (ns.init === target) {
    const handled = target.handlers.get(sig) === 'catch';
    const fromAncestor = sender.pidNs !== ns && target.pids.some((x) => x.ns === sender.pidNs);
    const forced = fromAncestor && (sig === 'SIGKILL' || sig === 'SIGSTOP');
    if (!handled && !forced) return;
  }
  deliver(k, target, sig);
}
