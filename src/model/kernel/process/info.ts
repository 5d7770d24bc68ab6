/**
 * ProcessInfo: what ps(1) and top(1) read, as one process sees another
 * (PIDs and IDs translated into the viewer's PID and user namespaces, cgroup
 * path relative to the viewer's cgroup namespace).
 */
import type { Kernel } from '../kernel.ts';
import type { ProcessInfo } from '../types.ts';
import { NAMESPACE_TYPES } from '../types.ts';
import type { NamespaceType } from '../types.ts';
import { idInNs } from '../ns/namespaces.ts';
import type { Process } from './process.ts';
import { nspidFrom, visibleState } from '../proc/pid-dir.ts';

/** `p` as seen by `viewer`. */
export function infoOf(k: Kernel, p: Process, viewer: Process): ProcessInfo {
  const ns = viewer.ns.pid;
  const ins = {} as Record<NamespaceType, number>;
  for (const t of NAMESPACE_TYPES) ins[t] = p.ns[t].ino;
  return {
    pid: p.pidIn(ns),
    ppid: p.parent ? p.parent.pidIn(ns) : 0,
    nspid: nspidFrom(p, ns),
    uid: idInNs(viewer.ns.user, p.uid, 'uid'),
    gid: idInNs(viewer.ns.user, p.gid, 'gid'),
    comm: p.comm,
    argv: p.alive ? p.argv : [],
    state: visibleState(k, p),
    startTime: p.startTime,
    cpuTime: p.cpuTime,
    rss: p.alive ? p.rss : 0,
    vsz: p.alive ? p.vsz : 0,
    tty: p.tty,
    cgroup: p.cgroup.pathFrom(viewer.ns.cgroup.root),
    ns: ins,
  };
}

/** Every process visible in `viewer`'s PID namespace, by PID. */
export function visibleProcesses(k: Kernel, viewer: Process): ProcessInfo[] {
  const ns = viewer.ns.pid;
  return [...ns.pids.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => infoOf(k, p, viewer));
}
