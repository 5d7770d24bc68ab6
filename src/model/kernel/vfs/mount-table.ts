/**
 * One mount namespace's list of mounts (mount_namespaces(7)). A mount is
 * attached at a canonical path of the namespace; a later mount at the same
 * path hides the earlier one (stacking), and the longest mount point that
 * prefixes a path owns it. Bind mounts keep the same FileSystem with another
 * root inside it, so a socket or file seen through either is the same file.
 */
import type { FileSystem } from '../../fs/types.ts';
import { isWithin } from '../../fs/path.ts';

/** One entry of /proc/self/mountinfo. */
export interface Mount {
  readonly id: number;
  parentId: number;
  /** Where it is attached, as a canonical path of the namespace. */
  point: string;
  readonly fs: FileSystem;
  /** The directory of `fs` that appears at `point` ("/" unless a bind mount). */
  readonly root: string;
  readonly source: string;
  readonly fstype: string;
  /** Per-mount and superblock options, as mount(8) prints them. */
  readonly options: readonly string[];
  readonly readonly: boolean;
}

/** Mount IDs are global (like the kernel's mnt_id IDA): start near real ones. */
let nextMountId = 21;

/** Allocate the next mount ID. */
export function allocMountId(): number {
  return nextMountId++;
}

/** The mount list of one namespace, in mount order. */
export class MountTable {
  mounts: Mount[];
  constructor(mounts: Mount[] = []) {
    this.mounts = mounts;
  }

  /** A copy for a new mount namespace (CLONE_NEWNS): same filesystems, new mount IDs. */
  clone(): MountTable {
    const ids = new Map<number, number>();
    for (const m of this.mounts) ids.set(m.id, allocMountId());
    return new MountTable(this.mounts.map((m) => ({ ...m, id: ids.get(m.id)!, parentId: ids.get(m.parentId) ?? m.parentId })));
  }

  /**
   * The mount that owns canonical path `p`: the deepest mount point on the
   * way, unless a later mount at or above that point (not its ancestor)
   * covers it, as the old root does after pivot_root(".", ".").
   */
  find(p: string): Mount {
    const byPoint = this.#index();
    const hit = this.#found.get(p);
    if (hit) return hit;
    const m = this.#find(p, byPoint);
    if (this.#found.size > 4096) this.#found.clear();
    this.#found.set(p, m);
    return m;
  }

  /** Is any mount attached exactly at canonical path `p`? (If not, `p` lives on the same mount as its parent directory.) */
  hasMountAt(p: string): boolean {
    const byPoint = this.#index();
    // Lengths first: most names on a walk match no mount point's length, and a length needs no string hashing.
    return this.#pointLengths.has(p.length) && byPoint.has(p);
  }

  /** find() results by path, valid until the list changes. */
  #found = new Map<string, Mount>();

  #find(p: string, byPoint: Map<string, number[]>): Mount {
    // Candidate mount points are "/" and every prefix of p: a few map lookups instead of a scan.
    const cands: number[] = [...(byPoint.get('/') ?? [])];
    for (let j = p.indexOf('/', 1); ; j = p.indexOf('/', j + 1)) {
      const prefix = j < 0 ? p : p.slice(0, j);
      if (prefix !== '/' && prefix !== '') {
        const at = byPoint.get(prefix);
        if (at) for (const i of at) cands.push(i);
      }
      if (j < 0) break;
    }
    let best: Mount | undefined;
    let bestI = -1;
    for (const i of cands) {
      const m = this.mounts[i];
      const covered = cands.some((y) => y > i && !this.isAncestor(this.mounts[y], m));
      if (covered) continue;
      if (!best || m.point.length > best.point.length || (m.point.length === best.point.length && i > bestI)) {
        best = m;
        bestI = i;
      }
    }
    if (!best) throw new Error(`no mount covers ${p}`);
    return best;
  }

  #indexed: Mount[] | undefined;
  #indexedLength = -1;
  #byPoint = new Map<string, number[]>();
  #byId = new Map<number, Mount>();
  #pointLengths = new Set<number>();

  /** Mount indices by point, rebuilt when the list changes (add, detach, pivot_root replace the array or its length). */
  #index(): Map<string, number[]> {
    if (this.#indexed === this.mounts && this.#indexedLength === this.mounts.length) return this.#byPoint;
    this.#byPoint = new Map();
    this.#found = new Map();
    this.#pointLengths = new Set(this.mounts.map((m) => m.point.length));
    this.#byId = new Map(this.mounts.map((m) => [m.id, m]));
    this.mounts.forEach((m, i) => {
      const l = this.#byPoint.get(m.point);
      if (l) l.push(i);
      else this.#byPoint.set(m.point, [i]);
    });
    this.#indexed = this.mounts;
    this.#indexedLength = this.mounts.length;
    return this.#byPoint;
  }

  /** Is `a` a parent (transitively) of `m`? */
  isAncestor(a: Mount, m: Mount): boolean {
    if (m.parentId === a.id) return true;
    this.#index();
    const byId = this.#byId;
    for (let x = byId.get(m.parentId), n = 0; x && n < 64; x = byId.get(x.parentId), n++) {
      if (x === a) return true;
      if (x.parentId === x.id) break;
    }
    return false;
  }

  /** The mount attached exactly at `p` that is on top, if any. */
  topAt(p: string): Mount | undefined {
    let top: Mount | undefined;
    for (const m of this.mounts) if (m.point === p) top = m;
    return top;
  }

  /** Mounts strictly below `m` (attached inside it, later in the list). */
  below(m: Mount): Mount[] {
    const out: Mount[] = [];
    const ids = new Set([m.id]);
    for (const x of this.mounts) {
      if (x !== m && ids.has(x.parentId)) {
        ids.add(x.id);
        out.push(x);
      }
    }
    return out;
  }

  /** Replace a mount entry in place (mount -o remount). */
  replace(old: Mount, next: Mount): void {
    const i = this.mounts.indexOf(old);
    if (i < 0) return;
    this.mounts = [...this.mounts.slice(0, i), next, ...this.mounts.slice(i + 1)];
  }

  /** Attach a mount on top. */
  add(m: Mount): void {
    const current = this.#indexed === this.mounts && this.#indexedLength === this.mounts.length;
    this.mounts.push(m);
    if (!current) return;
    // Extend the index instead of rebuilding it (runc mounts a dozen filesystems per container).
    const l = this.#byPoint.get(m.point);
    if (l) l.push(this.mounts.length - 1);
    else this.#byPoint.set(m.point, [this.mounts.length - 1]);
    this.#byId.set(m.id, m);
    this.#pointLengths.add(m.point.length);
    this.#found = new Map();
    this.#indexedLength = this.mounts.length;
  }

  /** Detach `m` and everything mounted inside it (umount2 MNT_DETACH). */
  detach(m: Mount): void {
    const gone = new Set([m, ...this.below(m)]);
    this.mounts = this.mounts.filter((x) => !gone.has(x));
  }
}

/** Path `p` of the namespace → path inside the mount's filesystem. */
export function pathInMount(m: Mount, p: string): string {
  const rest = m.point === '/' ? p : p.slice(m.point.length);
  if (m.root === '/') return rest === '' ? '/' : rest;
  return rest === '' || rest === '/' ? m.root : m.root + rest;
}
