/**
 * Namespace instances (namespaces(7)). Each has a type and an inode number
 * (what readlink /proc/<pid>/ns/TYPE prints as TYPE:[ino]). The initial ones
 * use the numbers observed on a real kernel (facts §11); new ones are
 * numbered upwards from 4026532200, deterministically.
 */
import type { NamespaceType } from '../types.ts';
import type { Process } from '../process/process.ts';
import type { MountTable } from '../vfs/mount-table.ts';
import type { NetStack } from '../net/net-stack.ts';
import type { Cgroup } from '../cgroup/cgroup.ts';

/** Inode numbers of the initial namespaces (facts §11: PROC_*_INIT_INO for ipc/uts/user/pid/cgroup/time; net/mnt as typically allocated at boot). */
export const INITIAL_NS_INO: Readonly<Record<NamespaceType, number>> = {
  uts: 4026531838, pid: 4026531836, net: 4026531833, mnt: 4026531832,
  ipc: 4026531839, user: 4026531837, cgroup: 4026531835, time: 4026531834,
};

/** Where new namespaces' inode numbers start (illustrative: real kernels hand out 4026532xxx after boot). */
export const FIRST_DYNAMIC_NS_INO = 4026532200;

/** Fields every namespace has. */
interface NsBase {
  readonly ino: number;
  /** The user namespace that owns it (capabilities are checked there, user_namespaces(7)). */
  readonly owner: UserNs | undefined;
}

/** user_namespaces(7): ID maps, a parent, and the creator's effective UID. */
export interface UserNs extends NsBase {
  readonly type: 'user';
  readonly parent: UserNs | undefined;
  readonly level: number;
  /** uid_map lines [inside, outside(parent), length]; empty until written (once). */
  uidMap: Array<[number, number, number]>;
  gidMap: Array<[number, number, number]>;
}

/** pid_namespaces(7): PIDs start at 1; init adopts orphans; init's death kills all and makes fork fail ENOMEM. */
export interface PidNs extends NsBase {
  readonly type: 'pid';
  readonly parent: PidNs | undefined;
  readonly level: number;
  lastPid: number;
  readonly pids: Map<number, Process>;
  init: Process | undefined;
  /** Set when init has died (fork into it → ENOMEM). */
  dead: boolean;
}

/** uts_namespaces(7): hostname and NIS domain name, copied at creation. */
export interface UtsNs extends NsBase {
  readonly type: 'uts';
  hostname: string;
  domainname: string;
}

/** mount_namespaces(7): its own mount table. */
export interface MntNs extends NsBase {
  readonly type: 'mnt';
  readonly table: MountTable;
  /** Processes in it (pivot_root changes their root and cwd). */
  readonly members: Set<Process>;
}

/** network_namespaces(7): devices, addresses, port space. */
export interface NetNs extends NsBase {
  readonly type: 'net';
  readonly stack: NetStack;
}

/** cgroup_namespaces(7): the cgroup that is "/" inside. */
export interface CgroupNs extends NsBase {
  readonly type: 'cgroup';
  readonly root: Cgroup;
}

/** time_namespaces(7): offsets of CLOCK_MONOTONIC and CLOCK_BOOTTIME, µs. */
export interface TimeNs extends NsBase {
  readonly type: 'time';
  monotonicOffset: number;
  boottimeOffset: number;
}

/** ipc_namespaces(7): System V IPC and POSIX message queues (no state modelled). */
export interface IpcNs extends NsBase {
  readonly type: 'ipc';
}

/** Any namespace. */
export type Namespace = UserNs | PidNs | UtsNs | MntNs | NetNs | CgroupNs | TimeNs | IpcNs;

/** The namespaces one process is in, one of each type (task_struct->nsproxy plus cred->user_ns). */
export interface NsSet {
  user: UserNs;
  pid: PidNs;
  uts: UtsNs;
  mnt: MntNs;
  net: NetNs;
  cgroup: CgroupNs;
  time: TimeNs;
  ipc: IpcNs;
}

/** Hands out namespace inode numbers deterministically. */
export class NsInodes {
  #next = FIRST_DYNAMIC_NS_INO;
  /** The next free inode number (proc_alloc_inum). */
  alloc(): number {
    return this.#next++;
  }
}

/** Is `inner` equal to `outer` or nested inside it? */
export function userNsWithin(inner: UserNs, outer: UserNs): boolean {
  for (let u: UserNs | undefined = inner; u; u = u.parent) if (u === outer) return true;
  return false;
}

/** Map an ID through a uid_map/gid_map from the parent namespace into the child; undefined if unmapped. */
export function mapIn(map: ReadonlyArray<[number, number, number]>, outside: number): number | undefined {
  for (const [inside, out, len] of map) if (outside >= out && outside < out + len) return inside + (outside - out);
  return undefined;
}

/** Map an ID from inside a namespace to its parent; undefined if unmapped. */
export function mapOut(map: ReadonlyArray<[number, number, number]>, inside: number): number | undefined {
  for (const [ins, out, len] of map) if (inside >= ins && inside < ins + len) return out + (inside - ins);
  return undefined;
}

/** The overflow UID/GID shown for unmapped IDs (/proc/sys/kernel/overflowuid, user_namespaces(7)). */
export const OVERFLOW_ID = 65534;

/** A global (initial-namespace) ID as seen from user namespace `ns` (overflow if unmapped at any level). */
export function idInNs(ns: UserNs, globalId: number, which: 'uid' | 'gid'): number {
  const chain: UserNs[] = [];
  for (let u: UserNs | undefined = ns; u && u.parent; u = u.parent) chain.unshift(u);
  let id = globalId;
  for (const u of chain) {
    const m = mapIn(which === 'uid' ? u.uidMap : u.gidMap, id);
    if (m === undefined) return OVERFLOW_ID;
    id = m;
  }
  return id;
}

/** An ID written from inside `ns` mapped to the global one (undefined if unmapped). */
export function idToGlobal(ns: UserNs, id: number, which: 'uid' | 'gid'): number | undefined {
  let cur: number | undefined = id;
  for (let u: UserNs | undefined = ns; u && u.parent && cur !== undefined; u = u.parent) {
    cur = mapOut(which === 'uid' ? u.uidMap : u.gidMap, cur);
  }
  return cur;
}
