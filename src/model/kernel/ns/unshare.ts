/**
 * Creating namespaces: clone(2) CLONE_NEW* flags, unshare(2) and setns(2)
 * (namespaces(7), user_namespaces(7)). Creating any namespace but a user
 * namespace needs CAP_SYS_ADMIN (in the new user namespace when one is
 * created in the same call); nesting is limited to 32 levels.
 */
import { fail } from '../../errors.ts';
import type { Kernel } from '../kernel.ts';
import type { Process } from '../process/process.ts';
import type { NamespaceType } from '../types.ts';
import { NAMESPACE_TYPES } from '../types.ts';
import type { MntNs, NsSet, UserNs } from './namespaces.ts';
import { userNsWithin } from './namespaces.ts';
import { newPidNs } from '../process/pids.ts';
import { NetStack } from '../net/net-stack.ts';
import { ALL_CAPS } from '../process/capabilities.ts';
import type { Cgroup } from '../cgroup/cgroup.ts';

/** Nesting limit of user and PID namespaces (user_namespaces(7), pid_namespaces(7)): ENOSPC beyond 32. */
export const MAX_NS_DEPTH = 32;

/** capable(): `cap` in the effective set and the target namespace owned by the process's user namespace or one of its descendants. */
export function capable(p: Process, cap: string, owner?: UserNs): boolean {
  if (!p.caps.has(cap)) return false;
  if (owner === undefined) return p.ns.user.parent === undefined;
  return userNsWithin(owner, p.ns.user);
}

/** Validate a list of namespace types (EINVAL on unknown or duplicate). */
export function checkTypes(types: readonly NamespaceType[]): void {
  const seen = new Set<string>();
  for (const t of types) {
    if (!NAMESPACE_TYPES.includes(t) || seen.has(t)) fail('EINVAL', t);
    seen.add(t);
  }
}

/**
 * New namespaces for `p` (nothing is attached to a process here). `via`
 * names the syscall for the seccomp filter; `cgroup` becomes the root of a
 * new cgroup namespace (clone3 CLONE_INTO_CGROUP puts the child there first); ("clone" with namespace flags is
 * "clone_ns" in the profile). Returns the resulting set and capabilities.
 */
export function createNamespaces(k: Kernel, p: Process, types: readonly NamespaceType[], via: 'clone' | 'unshare', cgroup: Cgroup = p.cgroup): { ns: NsSet; caps: Set<string> } {
  checkTypes(types);
  if (types.length === 0) return { ns: { ...p.ns }, caps: new Set(p.caps) };
  if (p.seccomp?.has(via === 'clone' ? 'clone_ns' : 'unshare')) fail('EPERM');
  const ns: NsSet = { ...p.ns };
  let caps = new Set(p.caps);
  if (types.includes('user')) {
    if (p.ns.user.level + 1 > MAX_NS_DEPTH) fail('ENOSPC');
    const u: UserNs = { type: 'user', ino: 0, owner: p.ns.user, parent: p.ns.user, level: p.ns.user.level + 1, uidMap: [], gidMap: [] };
    ns.user = u;
    caps = new Set(ALL_CAPS);
  } else if (!p.caps.has('CAP_SYS_ADMIN')) {
    fail('EPERM');
  }
  if (types.includes('pid') && p.pidForChildren.level + 1 > MAX_NS_DEPTH) fail('ENOSPC');
  if (via === 'unshare' && types.includes('pid') && p.pidForChildren !== p.ns.pid) fail('EINVAL');
  // All checks passed: allocate inode numbers in namespaces(7) table order for determinism.
  const ino = (): number => k.nsInodes.alloc();
  if (types.includes('user')) (ns.user as { ino: number }).ino = ino();
  const owner = ns.user;
  for (const t of NAMESPACE_TYPES) {
    if (!types.includes(t) || t === 'user') continue;
    switch (t) {
      case 'mnt': ns.mnt = { type: 'mnt', ino: ino(), owner, table: p.ns.mnt.table.clone(), members: new Set() }; break;
      case 'uts': ns.uts = { type: 'uts', ino: ino(), owner, hostname: p.ns.uts.hostname, domainname: p.ns.uts.domainname }; break;
      case 'ipc': ns.ipc = { type: 'ipc', ino: ino(), owner }; break;
      case 'net': ns.net = { type: 'net', ino: ino(), owner, stack: new NetStack() }; break;
      case 'pid': ns.pid = newPidNs(ino(), p.pidForChildren, owner); break;
      case 'cgroup': ns.cgroup = { type: 'cgroup', ino: ino(), owner, root: cgroup }; break;
      case 'time': ns.time = { type: 'time', ino: ino(), owner, monotonicOffset: p.ns.time.monotonicOffset, boottimeOffset: p.ns.time.boottimeOffset }; break;
    }
  }
  return { ns, caps };
}

/** unshare(2) for the calling process: PID and time namespaces apply to its children only. */
export function unshareProcess(k: Kernel, p: Process, types: readonly NamespaceType[]): void {
  const { ns, caps } = createNamespaces(k, p, types, 'unshare');
  const pid = ns.pid;
  const time = ns.time;
  moveMnt(p, ns.mnt);
  p.ns = { ...ns, pid: p.ns.pid, time: p.ns.time };
  if (types.includes('pid')) p.pidForChildren = pid;
  if (types.includes('time')) p.timeForChildren = time;
  p.caps = caps;
}

/**
 * setns(2) into the namespaces of `target` (nsenter -t PID). Needs
 * CAP_SYS_ADMIN (and is refused by Docker's seccomp profile without it);
 * joining a PID namespace affects children only; joining a mount namespace
 * resets root and cwd to that namespace's root.
 */
export function setnsProcess(k: Kernel, p: Process, target: Process, types: readonly NamespaceType[]): void {
  checkTypes(types);
  if (p.seccomp?.has('setns')) fail('EPERM');
  if (!p.caps.has('CAP_SYS_ADMIN')) fail('EPERM');
  if (types.includes('user') && target.ns.user === p.ns.user) fail('EINVAL');
  const ns = { ...p.ns };
  if (types.includes('mnt')) moveMnt(p, target.ns.mnt);
  for (const t of types) {
    if (t === 'pid' || t === 'time') continue;
    (ns as Record<string, unknown>)[t] = target.ns[t];
  }
  p.ns = ns;
  if (types.includes('pid')) p.pidForChildren = target.ns.pid;
  if (types.includes('time')) p.timeForChildren = target.ns.time;
  if (types.includes('mnt')) {
    p.root = '/';
    p.cwd = '/';
  }
  if (types.includes('user')) p.caps = new Set(ALL_CAPS);
  void k;
}

/** Keep mount-namespace membership in step when a process changes mount namespace. */
export function moveMnt(p: Process, to: MntNs): void {
  if (p.ns.mnt === to) return;
  p.ns.mnt.members.delete(p);
  to.members.add(p);
}
