/**
 * A snapshotter in containerd's words (core/snapshots/snapshotter.go,
 * facts §3.1) stored in Docker's overlay2 layout (daemon/graphdriver/
 * overlay2/overlay.go, facts §3.3).
 *
 * Words: a `key` names an active or view snapshot, a `name` a committed
 * one; they share one key space. An image layer is imported as
 * prepare(key, parentName) → unpack the tar into the upper (diff) dir →
 * commit(chainID, key). A container is prepare(containerKey, imageChainID):
 * its mounts are an overlay whose lowerdirs are the committed chain.
 *
 * On the host filesystem each snapshot is /var/lib/docker/overlay2/<id>/
 * with diff/, link (26-char short id), l/<short> → ../<id>/diff, and, when
 * it has a parent, lower ("l/A:l/B", uppermost first), work/ and merged/.
 * A parent gets an empty `committed` file when its first child is made.
 */
import { fail } from '../errors.ts';
import type { FileSystem } from '../fs/types.ts';
import type { Rng } from '../rng.ts';
import { exists, mkdirp, pjoin, rmTree, treeUsage } from './fs-util.ts';

/** Snapshot kinds (snapshots.Kind; Unknown is never stored). */
export type SnapshotKind = 'active' | 'view' | 'committed';

/** snapshots.Info: parent "" means the empty directory. */
export interface SnapshotInfo {
  readonly kind: SnapshotKind;
  readonly name: string;
  readonly parent: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly created: number;
  readonly updated: number;
}

/** A mount as containerd's mount.Mount: type, source and options (host paths). */
export interface Mount {
  readonly type: 'overlay' | 'bind';
  readonly source: string;
  readonly options: readonly string[];
}

/** snapshots.Usage: resources of the snapshot itself, not its parents. */
export interface Usage {
  readonly size: number;
  readonly inodes: number;
}

/** Options for prepare/view: labels, and the overlay2 directory id (moby passes "<mount-id>-init" for init layers). */
export interface SnapshotOpts {
  readonly labels?: Readonly<Record<string, string>>;
  readonly id?: string;
}

interface Rec {
  kind: SnapshotKind;
  name: string;
  parent: string;
  labels: Record<string, string>;
  created: number;
  updated: number;
  id: string;
  link: string;
  hasCommittedFile: boolean;
}

/** overlay2 maxDepth: "A hard upper limit of 128 lower layers is enforced". */
export const MAX_DEPTH = 128;
/** overlay2 idLength: short link names are 26 characters. */
export const LINK_LENGTH = 26;

/** containerd's Snapshotter over Docker's overlay2 directories on a host FileSystem. */
export class Overlay2Snapshotter {
  readonly root: string;
  readonly fs: FileSystem;
  #rng: Rng;
  #now: () => number;
  #snaps = new Map<string, Rec>();
  #ids = new Set<string>();
  #links = new Set<string>();
  #rootReady = false;

  constructor(opts: { fs: FileSystem; rng: Rng; now: () => number; root?: string }) {
    this.fs = opts.fs;
    this.#rng = opts.rng;
    this.#now = opts.now;
    this.root = opts.root ?? '/var/lib/docker/overlay2';
  }

  #get(key: string): Rec {
    return this.#snaps.get(key) ?? fail('ENOENT', key, `snapshot ${key} does not exist: not found`);
  }

  #chain(parent: string): Rec[] {
    const out: Rec[] = [];
    for (let p = parent; p; p = this.#get(p).parent) out.push(this.#get(p));
    return out;
  }

  #create(kind: 'active' | 'view', key: string, parent: string, opts: SnapshotOpts): Rec {
    if (!key) fail('EINVAL', key, 'invalid key: empty');
    if (this.#snaps.has(key)) fail('EEXIST', key, `snapshot ${key}: already exists`);
    if (parent) {
      const p = this.#get(parent);
      if (p.kind !== 'committed') fail('EINVAL', parent, `parent ${parent} is not committed: invalid argument`);
    }
    const chain = this.#chain(parent);
    if (chain.length > MAX_DEPTH) fail('EINVAL', key, 'max depth exceeded');
    const id = opts.id ?? this.#rng.hex(64);
    const dir = pjoin(this.root, id);
    if (this.#ids.has(id)) fail('EEXIST', dir, `overlay2 dir ${id}: already exists`);
    let link = this.#rng.upperAlnum(LINK_LENGTH);
    while (this.#links.has(link)) link = this.#rng.upperAlnum(LINK_LENGTH);
    // validated: now mutate
    if (!this.#rootReady) {
      if (!exists(this.fs, this.root)) mkdirp(this.fs, this.root, 0o710);
      if (!exists(this.fs, pjoin(this.root, 'l'))) this.fs.mkdir(pjoin(this.root, 'l'), 0o700);
      this.#rootReady = true;
    }
    this.fs.mkdir(dir, 0o701);
    this.#ids.add(id);
    this.#links.add(link);
    this.fs.mkdir(`${dir}/diff`, 0o755);
    this.fs.write(`${dir}/link`, new TextEncoder().encode(link), { mode: 0o644 });
    this.fs.symlink(`../${id}/diff`, pjoin(this.root, `l/${link}`));
    if (parent) {
      this.fs.write(`${dir}/lower`, new TextEncoder().encode(chain.map((r) => `l/${r.link}`).join(':')), { mode: 0o644 });
      this.fs.mkdir(`${dir}/work`, 0o700);
      this.fs.mkdir(`${dir}/merged`, 0o700);
      if (!chain[0].hasCommittedFile) {
        this.fs.write(pjoin(this.root, `${chain[0].id}/committed`), new Uint8Array(0), { mode: 0o600 });
        chain[0].hasCommittedFile = true;
      }
    }
    const now = this.#now();
    const rec: Rec = { kind, name: key, parent, labels: { ...(opts.labels ?? {}) }, created: now, updated: now, id, link, hasCommittedFile: false };
    this.#snaps.set(key, rec);
    return rec;
  }

  /** Prepare: a new active (writable) snapshot on top of committed `parent` ("" = empty). Returns its mounts. */
  prepare(key: string, parent = '', opts: SnapshotOpts = {}): Mount[] {
    this.#create('active', key, parent, opts);
    return this.mounts(key);
  }

  /** View: a read-only snapshot of `parent`; it can never be committed. */
  view(key: string, parent = '', opts: SnapshotOpts = {}): Mount[] {
    this.#create('view', key, parent, opts);
    return this.mounts(key);
  }

  /** Commit the active snapshot `key` as committed `name` (same parent, same directory); `key` disappears. */
  commit(name: string, key: string, opts: { labels?: Readonly<Record<string, string>> } = {}): void {
    const r = this.#get(key);
    if (r.kind !== 'active') fail('EINVAL', key, `snapshot ${key} is not active: failed precondition`);
    if (name !== key && this.#snaps.has(name)) fail('EEXIST', name, `snapshot ${name}: already exists`);
    this.#snaps.delete(key);
    r.kind = 'committed';
    r.name = name;
    r.labels = { ...r.labels, ...(opts.labels ?? {}) };
    r.updated = this.#now();
    this.#snaps.set(name, r);
  }

  /** Remove a snapshot and its directory; EBUSY while it has children. */
  remove(key: string): void {
    const r = this.#get(key);
    for (const s of this.#snaps.values()) if (s.parent === key) fail('EBUSY', key, `cannot remove snapshot with child: failed precondition`);
    this.#snaps.delete(key);
    rmTree(this.fs, pjoin(this.root, `l/${r.link}`));
    rmTree(this.fs, pjoin(this.root, r.id));
    this.#ids.delete(r.id);
    this.#links.delete(r.link);
  }

  /**
   * Mounts of an active or view snapshot. Active with parents: overlay with
   * lowerdir = the parents' l/ links (uppermost first), upperdir = diff,
   * workdir = work, and "index=off" as moby's overlay2 passes it. Active
   * without parent: an rw bind of diff. View of one layer: ro bind.
   */
  mounts(key: string): Mount[] {
    const r = this.#get(key);
    if (r.kind === 'committed') fail('EINVAL', key, `snapshot ${key} is committed: mounts are only for active snapshots`);
    const chain = this.#chain(r.parent);
    const lowers = chain.map((c) => pjoin(this.root, `l/${c.link}`));
    if (r.kind === 'view') {
      if (chain.length === 0) return [{ type: 'bind', source: this.diffDir(key), options: ['ro', 'rbind'] }];
      if (chain.length === 1) return [{ type: 'bind', source: pjoin(this.root, `${chain[0].id}/diff`), options: ['ro', 'rbind'] }];
      return [{ type: 'overlay', source: 'overlay', options: [`lowerdir=${lowers.join(':')}`] }];
    }
    if (chain.length === 0) return [{ type: 'bind', source: this.diffDir(key), options: ['rw', 'rbind'] }];
    const dir = pjoin(this.root, r.id);
    return [{ type: 'overlay', source: 'overlay', options: ['index=off', `lowerdir=${lowers.join(':')}`, `upperdir=${dir}/diff`, `workdir=${dir}/work`] }];
  }

  /** snapshots.Info of a key or name. */
  stat(key: string): SnapshotInfo {
    const r = this.#get(key);
    return { kind: r.kind, name: r.name, parent: r.parent, labels: { ...r.labels }, created: r.created, updated: r.updated };
  }

  /** Does a snapshot with this key/name exist? */
  has(key: string): boolean {
    return this.#snaps.has(key);
  }

  /** Disk used by the snapshot's own diff dir (moby DiffSize; parents excluded). */
  usage(key: string): Usage {
    return treeUsage(this.fs, this.diffDir(key));
  }

  /** Every snapshot, sorted by name, optionally filtered by kind or parent (Walk with filters). */
  walk(fn: (info: SnapshotInfo) => void, filter: { kind?: SnapshotKind; parent?: string } = {}): void {
    const keys = [...this.#snaps.keys()].sort();
    for (const k of keys) {
      const r = this.#snaps.get(k)!;
      if (filter.kind && r.kind !== filter.kind) continue;
      if (filter.parent !== undefined && r.parent !== filter.parent) continue;
      fn(this.stat(k));
    }
  }

  /** The overlay2 directory id (the layerdb cache-id / a container's mount-id). */
  idOf(key: string): string {
    return this.#get(key).id;
  }

  /** Host path of the snapshot's directory, /var/lib/docker/overlay2/<id>. */
  dirOf(key: string): string {
    return pjoin(this.root, this.#get(key).id);
  }

  /** Host path of the snapshot's diff (upper) directory. */
  diffDir(key: string): string {
    return `${this.dirOf(key)}/diff`;
  }

  /** Host paths of the diff dirs under `key`, uppermost first (what GraphDriver.Data.LowerDir lists). */
  lowerDirs(key: string): string[] {
    return this.#chain(this.#get(key).parent).map((c) => pjoin(this.root, `${c.id}/diff`));
  }
}
