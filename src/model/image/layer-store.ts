/**
 * Docker's layer store (moby daemon/internal/layer/layer_store.go, facts
 * §2.5, §3.3) on top of the snapshotter: read-only layers named by ChainID
 * with metadata under /var/lib/docker/image/overlay2/layerdb/sha256/<chain>/
 * {diff,parent,size,cache-id}, stored once however many images share them
 * (reference counted), and container read-write layers with their "-init"
 * layer under layerdb/mounts/<container-id>/{mount-id,init-id,parent}.
 */
import { fail } from '../errors.ts';
import type { FileSystem } from '../fs/types.ts';
import type { Digest } from './digest.ts';
import { digestOf, hexOf } from './digest.ts';
import type { Change } from './changeset.ts';
import { applyLayer, diffEntries, dockerChanges, isWhiteout, OPAQUE_XATTR } from './changeset.ts';
import { exists, mkdirp, pjoin, rmTree, treeUsage } from './fs-util.ts';
import type { Mount, Overlay2Snapshotter } from './snapshotter.ts';
import type { TarEntry } from './tar.ts';

/** A read-only layer (moby roLayer). */
export interface RoLayer {
  readonly chainId: Digest;
  readonly diffId: Digest;
  readonly parent: Digest | undefined;
  /** Bytes of the layer's own files (moby DiffSize: st_size of non-directories). */
  readonly size: number;
  /** overlay2 directory id of the layer. */
  readonly cacheId: string;
  /** Length of the layer's uncompressed tar (its blob size). */
  readonly tarSize: number;
  /** The layer's exact tar entries, kept like moby's tar-split so push/save reproduce the same bytes. */
  readonly entries: () => TarEntry[];
}

/** A container's read-write layer (moby mountedLayer). */
export interface RwLayer {
  readonly containerId: string;
  readonly mountId: string;
  readonly initId: string;
  readonly parent: Digest | undefined;
  readonly mounts: readonly Mount[];
  /** Host paths Docker reports as GraphDriver.Data. */
  readonly graphDriver: { readonly LowerDir: string; readonly MergedDir: string; readonly UpperDir: string; readonly WorkDir: string };
}

/** Files and directories Docker's init layer pre-creates (moby daemon/initlayer/setup_unix.go, facts §3.3). */
export const INIT_PATHS: ReadonlyArray<readonly [string, 'dir' | 'file' | string]> = [
  ['/dev/pts', 'dir'], ['/dev/shm', 'dir'], ['/proc', 'dir'], ['/sys', 'dir'], ['/.dockerenv', 'file'],
  ['/etc/resolv.conf', 'file'], ['/etc/hosts', 'file'], ['/etc/hostname', 'file'], ['/dev/console', 'file'], ['/etc/mtab', '/proc/mounts'],
];

const enc = new TextEncoder();

interface InitEntry {
  path: string;
  kind: 'dir' | 'file' | 'symlink';
  target?: string;
  mode: number;
  uid: number;
  gid: number;
  mtime?: number;
}

/** The layer store of one Docker host. */
export class LayerStore {
  readonly snapshotter: Overlay2Snapshotter;
  readonly root: string;
  #fs: FileSystem;
  #layers = new Map<Digest, RoLayer & { refs: number }>();
  #rw = new Map<string, RwLayer>();
  #extract = 0;
  #mountsDirReady = false;
  #initCache = new Map<string, InitEntry[]>();

  constructor(snapshotter: Overlay2Snapshotter, root = '/var/lib/docker/image/overlay2') {
    this.snapshotter = snapshotter;
    this.#fs = snapshotter.fs;
    this.root = root;
  }

  /** The layer with this ChainID, if stored. */
  get(chainId: Digest): RoLayer | undefined {
    return this.#layers.get(chainId);
  }

  /** Every stored read-only layer. */
  all(): RoLayer[] {
    return [...this.#layers.values()];
  }

  /** ChainID a layer with `diffId` gets on top of `parent` (config.md §Layer ChainID). */
  static chainOf(parent: Digest | undefined, diffId: Digest): Digest {
    return parent ? digestOf(`${parent} ${diffId}`) : diffId;
  }

  /**
   * Register a layer (moby layerStore.Register): if its ChainID is already
   * stored, only take a reference; else unpack the entries into a new
   * overlay2 dir (prepare → apply → commit(chainID)) and write layerdb.
   */
  register(diffId: Digest, tarSize: number, entries: () => TarEntry[], parent?: Digest): RoLayer {
    if (parent && !this.#layers.has(parent)) fail('ENOENT', parent, `layer does not exist: ${parent}`);
    const chainId = LayerStore.chainOf(parent, diffId);
    const have = this.#layers.get(chainId);
    if (have) { have.refs++; return have; }
    const key = `extract-${++this.#extract} ${chainId}`;
    this.snapshotter.prepare(key, parent ?? '');
    try {
      applyLayer(this.#fs, this.snapshotter.diffDir(key), entries());
    } catch (e) {
      this.snapshotter.remove(key);
      throw e;
    }
    this.snapshotter.commit(chainId, key);
    if (parent) this.#layers.get(parent)!.refs++;
    const layer = { chainId, diffId, parent, size: this.snapshotter.usage(chainId).size, cacheId: this.snapshotter.idOf(chainId), tarSize, entries, refs: 1 };
    this.#layers.set(chainId, layer);
    const dir = pjoin(this.root, `layerdb/sha256/${hexOf(chainId)}`);
    mkdirp(this.#fs, dir, 0o755);
    this.#fs.write(`${dir}/diff`, enc.encode(diffId), { mode: 0o644 });
    this.#fs.write(`${dir}/size`, enc.encode(String(layer.size)), { mode: 0o644 });
    this.#fs.write(`${dir}/cache-id`, enc.encode(layer.cacheId), { mode: 0o644 });
    if (parent) this.#fs.write(`${dir}/parent`, enc.encode(parent), { mode: 0o644 });
    return layer;
  }

  /**
   * Drop one reference (moby layerStore.Release); a layer without
   * references is deleted, then (when `cascade`) its parent released in
   * turn. Rollback uses cascade=false since it releases each layer it took.
   */
  release(chainId: Digest, cascade = true): void {
    const l = this.#layers.get(chainId);
    if (!l) return;
    if (--l.refs > 0) return;
    this.#layers.delete(chainId);
    this.snapshotter.remove(chainId);
    rmTree(this.#fs, pjoin(this.root, `layerdb/sha256/${hexOf(chainId)}`));
    if (l.parent && cascade) this.release(l.parent);
    else if (l.parent) this.#layers.get(l.parent)!.refs--;
  }

  /**
   * A container's RW layer (moby CreateRWLayer + initMount): a committed
   * "<mount-id>-init" layer holding the init paths the image lacks, then
   * the active snapshot `containerId` on top of it.
   */
  createRw(containerId: string, imageChain: Digest | undefined, mountId: string): RwLayer {
    if (this.#rw.has(containerId)) fail('EEXIST', containerId, `mount ${containerId} already exists`);
    if (imageChain && !this.#layers.has(imageChain)) fail('ENOENT', imageChain, `layer does not exist: ${imageChain}`);
    const initId = `${mountId}-init`;
    if (this.snapshotter.has(initId)) fail('EEXIST', initId, `snapshot ${initId}: already exists`);
    if (this.snapshotter.has(containerId)) fail('EEXIST', containerId, `snapshot ${containerId}: already exists`);
    this.snapshotter.prepare(initId, imageChain ?? '', { id: initId });
    let mounts: Mount[];
    try {
      this.#populateInit(initId, imageChain);
      this.snapshotter.commit(initId, initId);
      mounts = this.snapshotter.prepare(containerId, initId, { id: mountId });
    } catch (e) {
      this.snapshotter.remove(initId);
      throw e;
    }
    if (imageChain) this.#layers.get(imageChain)!.refs++;
    const dir = this.snapshotter.dirOf(containerId);
    const rw: RwLayer = {
      containerId, mountId, initId, parent: imageChain, mounts,
      graphDriver: { LowerDir: this.snapshotter.lowerDirs(containerId).join(':'), MergedDir: `${dir}/merged`, UpperDir: `${dir}/diff`, WorkDir: `${dir}/work` },
    };
    this.#rw.set(containerId, rw);
    const m = pjoin(this.root, `layerdb/mounts/${containerId}`);
    if (!this.#mountsDirReady) { mkdirp(this.#fs, pjoin(this.root, 'layerdb/mounts'), 0o755); this.#mountsDirReady = true; }
    this.#fs.mkdir(m, 0o755);
    this.#fs.write(`${m}/mount-id`, enc.encode(mountId), { mode: 0o644 });
    this.#fs.write(`${m}/init-id`, enc.encode(initId), { mode: 0o644 });
    if (imageChain) this.#fs.write(`${m}/parent`, enc.encode(imageChain), { mode: 0o644 });
    return rw;
  }

  /**
   * What the init layer holds for an image: each init path the merged
   * image lacks, after its missing parents copied up with their metadata
   * (moby runs initFunc on the mounted init layer). Computed once per image.
   */
  #initEntries(imageChain: Digest | undefined, lowers: readonly string[]): InitEntry[] {
    const cached = this.#initCache.get(imageChain ?? '');
    if (cached) return cached;
    const fs = this.#fs;
    const out: InitEntry[] = [];
    const made = new Set<string>();
    for (const [path, kind] of INIT_PATHS) {
      if (mergedLstat(fs, lowers, path)) continue;
      const parts = path.split('/').filter(Boolean);
      for (let i = 1; i < parts.length; i++) {
        const rel = `/${parts.slice(0, i).join('/')}`;
        if (made.has(rel)) continue;
        made.add(rel);
        const st = mergedLstat(fs, lowers, rel);
        out.push({ path: rel, kind: 'dir', mode: st?.mode ?? 0o755, uid: st?.uid ?? 0, gid: st?.gid ?? 0, mtime: st?.mtime });
      }
      made.add(path);
      out.push(kind === 'dir' || kind === 'file' ? { path, kind, mode: 0o755, uid: 0, gid: 0 } : { path, kind: 'symlink', target: kind, mode: 0o777, uid: 0, gid: 0 });
    }
    this.#initCache.set(imageChain ?? '', out);
    return out;
  }

  #populateInit(initKey: string, imageChain: Digest | undefined): void {
    const fs = this.#fs;
    const diff = this.snapshotter.diffDir(initKey);
    for (const e of this.#initEntries(imageChain, this.snapshotter.lowerDirs(initKey))) {
      const p = diff + e.path;
      if (e.kind === 'dir') {
        fs.mkdir(p, e.mode);
        if (e.uid || e.gid) fs.chown(p, e.uid, e.gid);
      } else if (e.kind === 'file') fs.write(p, new Uint8Array(0), { mode: e.mode });
      else fs.symlink(e.target ?? '', p);
    }
    for (const e of [...this.#initEntries(imageChain, [])].reverse()) if (e.mtime !== undefined) fs.utimes(diff + e.path, e.mtime);
  }

  /** The container's RW layer, if any. */
  getRw(containerId: string): RwLayer | undefined {
    return this.#rw.get(containerId);
  }

  /** Remove a container's RW and init layers (moby ReleaseRWLayer). */
  removeRw(containerId: string): void {
    const rw = this.#rw.get(containerId) ?? fail('ENOENT', containerId, `mount does not exist: ${containerId}`);
    this.snapshotter.remove(containerId);
    this.snapshotter.remove(rw.initId);
    this.#rw.delete(containerId);
    rmTree(this.#fs, pjoin(this.root, `layerdb/mounts/${containerId}`));
    if (rw.parent) this.release(rw.parent);
  }

  /** `docker diff`: the container's changes against its init + image layers. */
  changes(containerId: string): Change[] {
    this.getRw(containerId) ?? fail('ENOENT', containerId, `mount does not exist: ${containerId}`);
    const fs = this.#fs;
    return dockerChanges({ fs, dir: this.snapshotter.diffDir(containerId) }, this.snapshotter.lowerDirs(containerId).map((dir) => ({ fs, dir })));
  }

  /** Bytes in the container's upper dir (`docker ps -s`, system df "Containers" size). */
  rwSize(containerId: string): number {
    return treeUsage(this.#fs, this.snapshotter.diffDir(containerId)).size;
  }

  /** The container's changes as layer tar entries (what `docker commit` archives). */
  rwEntries(containerId: string): TarEntry[] {
    return diffEntries(this.#fs, this.snapshotter.diffDir(containerId));
  }
}

/** lstat of `rel` in the merged view of diff dirs (uppermost first): whiteouts hide, opaque dirs stop the search. */
export function mergedLstat(fs: FileSystem, lowers: readonly string[], rel: string): ReturnType<FileSystem['lstat']> | undefined {
  const parts = rel.split('/').filter(Boolean);
  for (const l of lowers) {
    let p = l;
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      p = `${p}/${parts[i]}`;
      if (!exists(fs, p)) { ok = false; break; }
      const st = fs.lstat(p);
      if (isWhiteout(st)) return undefined;
      if (i < parts.length - 1 && st.type !== 'dir') return undefined;
      if (i < parts.length - 1 && fs.getxattr(p, OPAQUE_XATTR) === 'y') {
        // an opaque dir: the rest of the path can only be in this layer
        let q = p;
        for (let j = i + 1; j < parts.length; j++) {
          q = `${q}/${parts[j]}`;
          if (!exists(fs, q)) return undefined;
        }
        const st2 = fs.lstat(q);
        return isWhiteout(st2) ? undefined : st2;
      }
    }
    if (ok) return fs.lstat(p);
  }
  return undefined;
}
