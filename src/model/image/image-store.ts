/**
 * The ImageStore of one Docker host: images by name:tag and by ID, their
 * layers in the layer store (shared layers stored and counted once), the
 * rows `docker images`, `docker history` and `docker system df` print, and
 * `docker rmi`. On disk it mirrors moby's image/overlay2/{imagedb,layerdb,
 * repositories.json} (facts §3.3).
 */
import { fail } from '../errors.ts';
import type { FileSystem } from '../fs/types.ts';
import type { Rng } from '../rng.ts';
import type { Digest } from './digest.ts';
import { hexOf, shortId } from './digest.ts';
import type { ImageConfig } from './image.ts';
import { canonicalJson, chainIds, configProblem, imageIdOf, jsonBytes, parseTime } from './image.ts';
import { mkdirp, pjoin, rmTree } from './fs-util.ts';
import { LayerStore } from './layer-store.ts';
import { familiar, parseRef } from './reference.ts';
import { Overlay2Snapshotter } from './snapshotter.ts';
import type { HistoryRow, ImageRow, ImagesDf } from './image-reports.ts';
import { imageHistory, imageRows, imagesDf, imageSizes } from './image-reports.ts';

export type { HistoryRow, ImageRow, ImagesDf } from './image-reports.ts';
import type { TarEntry } from './tar.ts';

/** A layer to add: its diff ID, tar length and exact entries. */
export interface LayerSource {
  readonly diffId: Digest;
  readonly tarSize: number;
  readonly entries: () => TarEntry[];
}

/** An image in the store. */
export interface ImageRecord {
  readonly id: Digest;
  readonly config: ImageConfig;
  readonly configBytes: Uint8Array;
  /** ChainID of each layer, base first. */
  readonly chainIds: readonly Digest[];
  readonly repoTags: readonly string[];
  readonly repoDigests: readonly string[];
  /** config.created as realtime µs (0 when absent). */
  readonly created: number;
  /** Sum of the layers' sizes (moby roLayer.Size: the layer plus its parents). */
  readonly size: number;
  /** Local parent image (docker commit / classic build), as moby keeps in imagedb/metadata/…/parent. */
  readonly parent?: Digest;
}

/** A container using an image: a running one is a hard conflict, a stopped one yields to --force. */
export interface ContainerUse {
  readonly id: string;
  readonly running: boolean;
}

interface Rec {
  id: Digest;
  config: ImageConfig;
  configBytes: Uint8Array;
  chainIds: Digest[];
  repoTags: string[];
  repoDigests: string[];
  created: number;
  size: number;
  parent?: Digest;
}

/** Images and layers of one host. */
export class ImageStore {
  readonly fs: FileSystem;
  readonly snapshotter: Overlay2Snapshotter;
  readonly layers: LayerStore;
  readonly root: string;
  #images = new Map<Digest, Rec>();

  constructor(opts: { fs: FileSystem; rng: Rng; now: () => number; root?: string }) {
    this.fs = opts.fs;
    this.root = opts.root ?? '/var/lib/docker';
    this.snapshotter = new Overlay2Snapshotter({ fs: opts.fs, rng: opts.rng, now: opts.now, root: `${this.root}/overlay2` });
    this.layers = new LayerStore(this.snapshotter, `${this.root}/image/overlay2`);
  }

  /**
   * Add an image (pull, load, commit, build): validate the config against
   * the layers, register each layer (existing chain IDs are only
   * referenced), store the config under imagedb and apply the tags.
   */
  add(config: ImageConfig, layers: readonly LayerSource[], opts: { tags?: readonly string[]; repoDigest?: string; parent?: string } = {}): ImageRecord {
    const problem = configProblem(config);
    if (problem) fail('EINVAL', undefined, problem);
    const diffIds = config.rootfs.diff_ids;
    if (diffIds.length !== layers.length || layers.some((l, i) => l.diffId !== diffIds[i])) fail('EINVAL', undefined, 'layers do not match rootfs.diff_ids');
    const tags = (opts.tags ?? []).map((t) => familiar(t) ?? fail('EINVAL', t, 'invalid reference format'));
    const parentId = opts.parent ? (this.#find(opts.parent) ?? fail('ENOENT', opts.parent, `No such image: ${opts.parent}`)).id : undefined;
    const configBytes = jsonBytes(config);
    const id = imageIdOf(config);
    let rec = this.#images.get(id);
    if (!rec) {
      let parent: Digest | undefined;
      const taken: Digest[] = [];
      try {
        for (const l of layers) {
          parent = this.layers.register(l.diffId, l.tarSize, l.entries, parent).chainId;
          taken.push(parent);
        }
      } catch (e) {
        // Leave the store as if never attempted: drop the references this call took, top first.
        for (const c of taken.reverse()) this.layers.release(c, false);
        throw e;
      }
      // The image holds a reference on its top layer only (moby pulls release each lower layer once the next is registered on it);
      // keeping the lower ones left them on disk after docker rmi.
      for (const c of taken.slice(0, -1)) this.layers.release(c, false);
      const ids = chainIds(diffIds);
      const top = ids.at(-1);
      rec = { id, config, configBytes, chainIds: ids, repoTags: [], repoDigests: [], created: parseTime(config.created), size: top ? this.#stackSize(top) : 0, ...(parentId ? { parent: parentId } : {}) };
      this.#images.set(id, rec);
      const dir = pjoin(this.root, 'image/overlay2/imagedb/content/sha256');
      mkdirp(this.fs, dir, 0o700);
      this.fs.write(`${dir}/${hexOf(id)}`, configBytes, { mode: 0o600 });
      if (parentId) {
        const meta = pjoin(this.root, `image/overlay2/imagedb/metadata/sha256/${hexOf(id)}`);
        mkdirp(this.fs, meta, 0o700);
        this.fs.write(`${meta}/parent`, new TextEncoder().encode(parentId), { mode: 0o600 });
      }
    }
    if (opts.repoDigest && !rec.repoDigests.includes(opts.repoDigest)) rec.repoDigests.push(opts.repoDigest);
    for (const t of tags) this.tag(t, id);
    if (!tags.length) this.#writeRepositories();
    return this.#view(rec);
  }

  #stackSize(chain: Digest): number {
    let size = 0;
    for (let l = this.layers.get(chain); l; l = l.parent ? this.layers.get(l.parent) : undefined) size += l.size;
    return size;
  }

  #view(r: Rec): ImageRecord {
    return { ...r, repoTags: [...r.repoTags], repoDigests: [...r.repoDigests], chainIds: [...r.chainIds] };
  }

  /** Point `ref` (name[:tag]) at an image, moving it off any other image (docker tag). */
  tag(ref: string, target: string): void {
    const name = familiar(ref);
    if (!name || name.includes('@')) fail('EINVAL', ref, `invalid reference format`);
    const rec = this.#find(target) ?? fail('ENOENT', target, `No such image: ${target}`);
    for (const r of this.#images.values()) r.repoTags = r.repoTags.filter((t) => t !== name);
    rec.repoTags.push(name);
    this.#writeRepositories();
  }

  #find(ref: string): Rec | undefined {
    const full = ref.startsWith('sha256:') ? ref : undefined;
    if (full) return this.#images.get(full as Digest);
    if (/^[0-9a-f]{1,64}$/.test(ref)) {
      const hits = [...this.#images.values()].filter((r) => hexOf(r.id).startsWith(ref));
      if (hits.length === 1 && !this.#byName(ref)) return hits[0];
    }
    return this.#byName(ref);
  }

  #byName(ref: string): Rec | undefined {
    const p = parseRef(ref);
    if (!p) return undefined;
    if (p.digest) return [...this.#images.values()].find((r) => r.repoDigests.includes(`${p.repository}@${p.digest}`));
    const name = `${p.repository}:${p.tag}`;
    return [...this.#images.values()].find((r) => r.repoTags.includes(name));
  }

  /** Look an image up by name[:tag], name@digest, full ID or unique ID prefix. */
  resolve(ref: string): ImageRecord | undefined {
    const r = this.#find(ref);
    return r ? this.#view(r) : undefined;
  }

  /** Every image, newest first. */
  list(): ImageRecord[] {
    return [...this.#images.values()].sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1)).map((r) => this.#view(r));
  }

  /** The layers of an image as sources (for push, save): exact entries kept since they were added. */
  layerSources(ref: string): LayerSource[] {
    const r = this.#find(ref) ?? fail('ENOENT', ref, `No such image: ${ref}`);
    return r.chainIds.map((c) => {
      const l = this.layers.get(c)!;
      return { diffId: l.diffId, tarSize: l.tarSize, entries: l.entries };
    });
  }

  /**
   * `docker rmi` (moby daemon/images image_delete.go): untag `ref`; when it was the last tag (or `ref` is an ID)
   * delete the image and release its layers. Returns the lines Docker
   * prints ("Untagged: …", "Deleted: sha256:…"). `inUse(id)` names a
   * container using the image: a conflict unless forced.
   */
  remove(ref: string, opts: { force?: boolean; inUse?: (id: Digest) => string | ContainerUse | undefined } = {}): string[] {
    const r = this.#find(ref) ?? fail('ENOENT', ref, `No such image: ${ref}`);
    const byName = this.#byName(ref) === r && !/^(sha256:)?[0-9a-f]{1,64}$/.test(ref);
    const out: string[] = [];
    if (byName && r.repoTags.length > 1) {
      const name = familiar(ref)!;
      r.repoTags = r.repoTags.filter((t) => t !== name);
      this.#writeRepositories();
      return [`Untagged: ${name}`];
    }
    if (!byName && r.repoTags.length > 1 && !opts.force) {
      fail('EBUSY', ref, `conflict: unable to delete ${shortId(r.id)} (must be forced) - image is referenced in multiple repositories`);
    }
    const hasChild = [...this.#images.values()].some((x) => x.parent === r.id);
    if (hasChild && !byName) fail('EBUSY', ref, `conflict: unable to delete ${shortId(r.id)} (cannot be forced) - image has dependent child images`);
    if (hasChild) {
      // untagging is all that happens: the image stays for its children
      r.repoTags = [];
      this.#writeRepositories();
      return [`Untagged: ${familiar(ref)!}`];
    }
    const u = opts.inUse?.(r.id);
    const user: ContainerUse | undefined = typeof u === 'string' ? { id: u, running: true } : u;
    if (user && byName && !opts.force) {
      fail('EBUSY', ref, `conflict: unable to remove repository reference "${ref}" (must force) - container ${shortId(user.id)} is using its referenced image ${shortId(r.id)}`);
    }
    if (user && !byName && user.running) {
      fail('EBUSY', ref, `conflict: unable to delete ${shortId(r.id)} (cannot be forced) - image is being used by running container ${shortId(user.id)}`);
    }
    if (user && !byName && !opts.force) {
      fail('EBUSY', ref, `conflict: unable to delete ${shortId(r.id)} (must be forced) - image is being used by stopped container ${shortId(user.id)}`);
    }
    if (user?.running) {
      // forced by name: the tag goes, the image stays (a running container is a hard conflict)
      const name = familiar(ref)!;
      r.repoTags = r.repoTags.filter((t) => t !== name);
      this.#writeRepositories();
      return [`Untagged: ${name}`];
    }
    for (const t of r.repoTags) out.push(`Untagged: ${t}`);
    for (const d of r.repoDigests) out.push(`Untagged: ${d}`);
    this.#images.delete(r.id);
    rmTree(this.fs, pjoin(this.root, `image/overlay2/imagedb/content/sha256/${hexOf(r.id)}`));
    rmTree(this.fs, pjoin(this.root, `image/overlay2/imagedb/metadata/sha256/${hexOf(r.id)}`));
    out.push(`Deleted: ${r.id}`);
    const before = new Set(this.layers.all().map((l) => l.chainId));
    const top = r.chainIds.at(-1);
    if (top) this.layers.release(top);
    const after = new Set(this.layers.all().map((l) => l.chainId));
    for (const c of [...r.chainIds].reverse()) if (before.has(c) && !after.has(c)) out.push(`Deleted: ${c}`);
    this.#writeRepositories();
    return out;
  }

  /** `docker images` rows: one per tag, `<none>` for untagged (dangling) images; newest first. */
  rows(): ImageRow[] {
    return imageRows(this);
  }

  /** `docker history` rows, newest first (see image-reports.ts). */
  history(ref: string): HistoryRow[] {
    return imageHistory(this, ref);
  }

  /** `docker system df` Images line; `activeIds` are images used by at least one container. Shared layers count once. */
  df(activeIds: ReadonlySet<string> = new Set()): ImagesDf {
    return imagesDf(this, activeIds);
  }

  /** `docker system df -v` per-image SIZE / SHARED SIZE / UNIQUE SIZE. */
  sizes(ref: string): { size: number; sharedSize: number; uniqueSize: number } {
    return imageSizes(this, ref);
  }

  #writeRepositories(): void {
    const repos: Record<string, Record<string, string>> = {};
    for (const r of this.#images.values()) {
      for (const t of [...r.repoTags, ...r.repoDigests]) {
        const repo = t.includes('@') ? t.slice(0, t.indexOf('@')) : t.slice(0, t.lastIndexOf(':'));
        (repos[repo] ??= {})[t] = r.id;
      }
    }
    const dir = pjoin(this.root, 'image/overlay2');
    mkdirp(this.fs, dir, 0o700);
    this.fs.write(`${dir}/repositories.json`, new TextEncoder().encode(canonicalJson({ Repositories: repos })), { mode: 0o600 });
  }
}
