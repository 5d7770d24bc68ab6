/**
 * The engine's ImageBackend on the image engineer's ImageStore
 * (src/model/image): images, the layer store's RW layers with their -init
 * layer, changes, commit as a new layer (tar changeset → diff ID), and pull
 * from the World's registry — or, until a registry is wired, from the
 * built-in image definitions (which is where the World's registry gets them).
 */
import type { FileSystem } from '../fs/types.ts';
import type { ImageStore, ImageRecord, LayerSource } from '../image/image-store.ts';
import type { ImageConfig } from '../image/image.ts';
import { BUILTIN_IMAGES, resolveImage } from '../image/builtin.ts';
import { diffEntries } from '../image/changeset.ts';
import { layerDigest } from '../image/layer-digest.ts';
import { digestOf } from '../image/digest.ts';
import { familiar, parseRef } from '../image/reference.ts';
import { loadImages, saveImages } from '../image/oci-layout.ts';
import { isSysError } from '../errors.ts';
import type { Registry } from '../image/registry.ts';
import type { Change, HistoryRow, ImageBackend, ImageInfo, Progress, RwLayer } from './ports.ts';
import { ApiError } from './types.ts';

/** The World's registry (src/model/image/registry.ts). */
export type RegistryPort = Pick<Registry, 'pull' | 'push' | 'resolve'>;

function info(r: ImageRecord): ImageInfo {
  return { id: r.id, repoTags: r.repoTags, repoDigests: r.repoDigests, config: r.config, size: r.size, created: r.created };
}

function apiError(e: unknown): never {
  if (isSysError(e)) {
    const msg = e.message;
    if (e.code === 'ENOENT') throw new ApiError(404, msg);
    if (e.code === 'EBUSY') throw new ApiError(409, msg);
    throw new ApiError(400, msg);
  }
  throw e;
}

/** Built-in definition for `ref`, if any (what the World's registry serves by default). */
function builtinFor(ref: string) {
  const p = parseRef(ref);
  if (!p) return undefined;
  return BUILTIN_IMAGES.find((d) => d.repository === p.repository && p.tag !== undefined && d.tags.includes(p.tag));
}

/** ImageBackend over an ImageStore. */
export class StoreImageBackend implements ImageBackend {
  readonly store: ImageStore;
  readonly fs: FileSystem;
  registry: RegistryPort | undefined;

  constructor(store: ImageStore, registry?: RegistryPort) {
    this.store = store;
    this.fs = store.fs;
    this.registry = registry;
  }

  find(ref: string): ImageInfo | undefined {
    const r = this.store.resolve(ref);
    return r ? info(r) : undefined;
  }

  list(): ImageInfo[] {
    return this.store.list().map(info);
  }

  pull(ref: string, progress: Progress): ImageInfo & { readonly pulledBytes?: number } {
    const name = familiar(ref);
    const p = parseRef(ref);
    if (!name || !p) throw new ApiError(400, `invalid reference format`);
    const repoPath = p.repository.includes('/') ? p.repository : `library/${p.repository}`;
    if (this.registry) {
      const found = this.registry.resolve(ref);
      if (found && found.config.os !== 'linux') throw new ApiError(400, `image operating system "${found.config.os}" cannot be used on this platform`);
      let res: ReturnType<Registry['pull']>;
      try {
        res = this.registry.pull(ref, this.store);
      } catch (e) {
        apiError(e);
      }
      progress(`${res.tag}: Pulling from ${res.repository.includes('/') ? res.repository : `library/${res.repository}`}`);
      for (const l of res.layers) progress(`${l.id}: ${l.status}`);
      progress(`Digest: ${res.digest}`);
      progress(res.upToDate ? `Status: Image is up to date for ${name}` : `Status: Downloaded newer image for ${name}`);
      return { ...info(res.image), pulledBytes: res.bytes };
    }
    const def = builtinFor(ref);
    if (!def) throw new ApiError(404, `pull access denied for ${p.repository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
    const img = resolveImage(def);
    const before = this.store.resolve(name);
    const layers: LayerSource[] = img.layers.map((l) => ({ diffId: l.diffId, tarSize: l.tarSize, entries: l.entries }));
    const manifest = digestOf(JSON.stringify({ schemaVersion: 2, config: img.config.rootfs, layers: layers.map((l) => l.diffId) }));
    progress(`${p.tag}: Pulling from ${repoPath}`);
    const fresh = !before || before.config.rootfs.diff_ids.join() !== img.config.rootfs.diff_ids.join();
    if (fresh) for (const l of layers) progress(`${l.diffId.slice(7, 19)}: Pull complete`);
    const rec = this.store.add(img.config, layers, { tags: def.tags.map((t) => `${def.repository}:${t}`), repoDigest: `${def.repository}@${manifest}` });
    progress(`Digest: ${manifest}`);
    progress(fresh ? `Status: Downloaded newer image for ${name}` : `Status: Image is up to date for ${name}`);
    return info(rec);
  }

  push(ref: string, progress: Progress): void {
    if (!this.registry) throw new ApiError(500, 'no registry configured');
    const p = parseRef(ref);
    if (!p) throw new ApiError(400, 'invalid reference format');
    if (!this.store.resolve(ref)) throw new ApiError(404, `An image does not exist locally with the tag: ${p.repository}`);
    let res: ReturnType<Registry['push']>;
    try {
      res = this.registry.push(ref, this.store);
      // The pushing host now knows the image by its manifest digest too, as moby's push_v2.go records it (ReferenceStore.AddDigest): `docker images --digests` shows it.
      const img = this.store.resolve(ref)!;
      this.store.add(img.config, this.store.layerSources(img.id), { repoDigest: `${res.repository}@${res.digest}` });
    } catch (e) {
      apiError(e);
    }
    const full = p.repository.includes('/') ? (p.repository.split('/')[0].includes('.') ? p.repository : `docker.io/${p.repository}`) : `docker.io/library/${p.repository}`;
    progress(`The push refers to repository [${full}]`);
    for (const l of res.layers) progress(`${l.id}: ${l.status}`);
    progress(`${res.tag}: digest: ${res.digest} size: ${res.manifestSize}`);
  }

  tag(source: string, target: string): void {
    try {
      this.store.tag(target, source);
    } catch (e) {
      apiError(e);
    }
  }

  remove(ref: string, force: boolean, inUse: (imageId: string) => { id: string; running: boolean } | undefined): string[] {
    try {
      return this.store.remove(ref, { force, inUse: (id) => inUse(id) });
    } catch (e) {
      apiError(e);
    }
  }

  history(ref: string): HistoryRow[] {
    try {
      return this.store.history(ref);
    } catch (e) {
      apiError(e);
    }
  }

  prepare(containerId: string, mountId: string, imageId: string): RwLayer {
    const img = this.store.resolve(imageId);
    if (!img) throw new ApiError(404, `No such image: ${imageId}`);
    const rw = this.store.layers.createRw(containerId, img.chainIds.at(-1), mountId);
    const m = rw.mounts[0];
    return {
      options: m.options,
      lowerDirs: rw.graphDriver.LowerDir.split(':'),
      upperDir: rw.graphDriver.UpperDir,
      workDir: rw.graphDriver.WorkDir,
      mergedDir: rw.graphDriver.MergedDir,
    };
  }

  release(containerId: string): void {
    this.store.layers.removeRw(containerId);
  }

  rwSize(containerId: string): number {
    return this.store.layers.rwSize(containerId);
  }

  changes(containerId: string): Change[] {
    return this.store.layers.changes(containerId);
  }

  commit(containerId: string, parentImageId: string, config: ImageConfig, repoTag: string | undefined, emptyLayer = false): ImageInfo {
    const parent = this.store.layerSources(parentImageId);
    const layers = [...parent];
    if (!emptyLayer) {
      const rw = this.store.layers.getRw(containerId);
      if (!rw) throw new ApiError(404, `No such container: ${containerId}`);
      const entries = diffEntries(this.fs, this.store.snapshotter.diffDir(containerId));
      const d = layerDigest(entries);
      layers.push({ diffId: d.diffId, tarSize: d.tarSize, entries: () => entries });
    }
    const cfg: ImageConfig = { ...config, rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) } };
    try {
      return info(this.store.add(cfg, layers, repoTag ? { tags: [repoTag] } : {}));
    } catch (e) {
      apiError(e);
    }
  }

  diskUsage(active: ReadonlySet<string>): { total: number; active: number; size: number; reclaimable: number } {
    return this.store.df(active);
  }

  graphDriver(ref: string): Record<string, string> | null {
    const img = this.store.resolve(ref);
    if (!img || img.chainIds.length === 0) return null;
    const dirs = [...img.chainIds].reverse().map((c) => `${this.store.root}/overlay2/${this.store.layers.get(c)?.cacheId ?? ''}`);
    const top = dirs[0];
    return {
      ...(dirs.length > 1 ? { LowerDir: dirs.slice(1).map((d) => `${d}/diff`).join(':') } : {}),
      MergedDir: `${top}/merged`,
      UpperDir: `${top}/diff`,
      WorkDir: `${top}/work`,
    };
  }

  sizes(ref: string): { size: number; sharedSize: number; uniqueSize: number } {
    return this.store.sizes(ref);
  }

  save(refs: readonly string[]): Uint8Array {
    for (const r of refs) if (!this.store.resolve(r)) throw new ApiError(404, `reference does not exist`);
    try {
      return saveImages(this.store, refs);
    } catch (e) {
      apiError(e);
    }
  }

  load(tar: Uint8Array): string[] {
    try {
      return loadImages(this.store, tar);
    } catch (e) {
      apiError(e);
    }
  }
}
