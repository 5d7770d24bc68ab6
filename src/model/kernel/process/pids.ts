/**
 * PID allocation per PID namespace (pid_namespaces(7), facts §5.2): a new
 * process gets a PID in its own namespace and in every ancestor; the next PID
 * is the lowest unused one above ns_last_pid, wrapping at pid_max.
 */
import { fail } from '../../errors.ts';
import type { PidNs, UserNs } from '../ns/namespaces.ts';

/** Default /proc/sys/kernel/pid_max as systemd sets it on 64-bit hosts (systemd ≥ 243 raises the kernel's 32768 default). */
export const PID_MAX = 4194304;
/** The kernel's RESERVED_PIDS: after wrapping, allocation resumes above 300 in the initial namespace. */
const RESERVED_PIDS = 300;

/** A new PID namespace below `parent` (or the initial one). */
export function newPidNs(ino: number, parent: PidNs | undefined, owner: UserNs | undefined): PidNs {
  return { type: 'pid', ino, parent, owner, level: parent ? parent.level + 1 : 0, lastPid: 0, pids: new Map(), init: undefined, dead: false };
}

/** The PID namespaces from `ns` up to the root, outermost first. */
export function pidNsChain(ns: PidNs): PidNs[] {
  const out: PidNs[] = [];
  for (let n: PidNs | undefined = ns; n; n = n.parent) out.unshift(n);
  return out;
}

/** The next free PID in `ns` (alloc_pid): ENOMEM if the namespace's init is gone, EAGAIN when full. */
export function nextPid(ns: PidNs, pidMax = PID_MAX): number {
  if (ns.dead) fail('ENOMEM');
  let pid = ns.lastPid;
  for (let tries = 0; tries < pidMax; tries++) {
    pid++;
    if (pid >= pidMax) pid = ns.level === 0 ? RESERVED_PIDS : 1;
    if (!ns.pids.has(pid)) return pid;
  }
  fail('EAGAIN');
}

/** Allocate PIDs for a new task in `ns` and all its ancestors; nothing is recorded until `commit`. */
export function planPids(ns: PidNs, pidMax = PID_MAX): Array<{ ns: PidNs; pid: number }> {
  return pidNsChain(ns).map((n) => ({ ns: n, pid: nextPid(n, pidMax) }));
}
