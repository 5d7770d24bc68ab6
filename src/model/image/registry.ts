/**
 * A registry inside the model (the World has one; it answers for docker.io,
 * mcr.microsoft.com and any other host name): manifests by tag and by
 * digest, content-addressed blobs, and push/pull that move only the blobs
 * the other side lacks (OCI distribution-spec). Layers are stored
 * uncompressed (`application/vnd.oci.image.layer.v1.tar`, digest = diff
 * ID, as `docker save` stores them, facts §2.11); for the built-in images
 * the bytes counted as moved are the compressed sizes published for the
 * real images (facts §8.4) where known, otherwise the tar size.
 */
import { fail } from '../errors.ts';
import { BlobStore } from './blob-store.ts';
import type { ImageDef } from './builtin.ts';
import { allLayers, BUILTIN_IMAGES, resolveImage } from './builtin.ts';
import { BAKED } from './builtin/baked.ts';
import type { Digest } from './digest.ts';
import { shortId } from './digest.ts';
import type { Descriptor, ImageConfig, Manifest } from './image.ts';
import { jsonBytes, manifestFor, MEDIA } from './image.ts';
import type { ImageRecord, ImageStore, LayerSource } from './image-store.ts';
import { LayerStore } from './layer-store.ts';
import { parseRef } from './reference.ts';

/** One layer line of `docker pull` / `docker push`. */
export interface LayerProgress {
  /** First 12 hex digits of the layer blob digest, as Docker prints it. */
  readonly id: string;
  readonly status: 'Already exists' | 'Pull complete' | 'Layer already exists' | 'Pushed' | `Mounted from ${string}`;
  readonly bytes: number;
}

/** What a pull did. */
export interface PullResult {
  readonly repository: string;
  readonly tag: string;
  readonly digest: Digest;
  readonly layers: readonly LayerProgress[];
  /** Bytes moved: missing layers (compressed size where known) + config + manifest; 0 when up to date. */
  readonly bytes: number;
  readonly upToDate: boolean;
  readonly image: ImageRecord;
}

/** What a push did. */
export interface PushResult {
  readonly repository: string;
  readonly tag: string;
  readonly digest: Digest;
  /** Size of the manifest JSON (`<tag>: digest: sha256:… size: N`). */
  readonly manifestSize: number;
  readonly layers: readonly LayerProgress[];
  readonly bytes: number;
}

interface Repo {
  tags: Map<string, Digest>;
}

/** The model's registry. */
export class Registry {
  readonly blobs = new BlobStore();
  #repos = new Map<string, Repo>();
  #transfer = new Map<Digest, number>();
  #lazy = new Map<string, ImageDef>();
  /** Which repositories hold each layer blob (for "Layer already exists" vs "Mounted from"). */
  #blobRepos = new Map<Digest, Set<string>>();
  /** Built-in layers not materialised yet, by diff ID (from the baked table): a push can mount them. */
  #lazyLayers = new Map<string, string>();

  /** A registry that serves the built-in images (resolved lazily, so construction costs nothing). */
  constructor(opts: { builtins?: boolean } = {}) {
    if (opts.builtins ?? true) {
      for (const d of BUILTIN_IMAGES) {
        for (const t of d.tags) this.#lazy.set(`${d.repository}:${t}`, d);
        for (const l of allLayers(d)) {
          const baked = BAKED[l.key];
          if (baked && !this.#lazyLayers.has(baked.diffId)) this.#lazyLayers.set(baked.diffId, `${d.repository}:${d.tags[0]}`);
        }
      }
    }
  }

  #materialise(name: string): void {
    const def = this.#lazy.get(name);
    if (!def) return;
    const r = resolveImage(def);
    const sources = r.layers.map((l) => ({ diffId: l.diffId, tarSize: l.tarSize, entries: l.entries }));
    r.layers.forEach((l) => { if (l.def.transferSize) this.#transfer.set(l.diffId, l.def.transferSize); });
    for (const t of def.tags) {
      this.#lazy.delete(`${def.repository}:${t}`);
      this.#putImage(def.repository, t, r.config, sources);
    }
  }

  #putImage(repository: string, tag: string, config: ImageConfig, layers: readonly LayerSource[]): { digest: Digest; size: number } {
    const cfg = this.blobs.put(jsonBytes(config), MEDIA.config);
    const descs: Descriptor[] = layers.map((l) => this.blobs.putTar(l.entries, { diffId: l.diffId, tarSize: l.tarSize }));
    for (const d of descs) {
      const set = this.#blobRepos.get(d.digest) ?? new Set<string>();
      set.add(repository);
      this.#blobRepos.set(d.digest, set);
    }
    const m = this.blobs.put(jsonBytes(manifestFor(cfg, descs)), MEDIA.manifest);
    const repo = this.#repos.get(repository) ?? { tags: new Map() };
    repo.tags.set(tag, m.digest);
    this.#repos.set(repository, repo);
    return { digest: m.digest, size: m.size };
  }

  /** Find a manifest by `name[:tag]` or `name@digest`. */
  resolve(ref: string): { repository: string; tag: string; digest: Digest; manifest: Manifest; config: ImageConfig } | undefined {
    const p = parseRef(ref);
    if (!p) return undefined;
    if (p.tag) this.#materialise(`${p.repository}:${p.tag}`);
    const repo = this.#repos.get(p.repository);
    const digest = (p.digest as Digest | undefined) ?? repo?.tags.get(p.tag ?? 'latest');
    if (!repo || !digest || !this.blobs.has(digest)) return undefined;
    if (p.digest && ![...repo.tags.values()].includes(digest)) return undefined;
    const manifest = JSON.parse(new TextDecoder().decode(this.blobs.bytes(digest))) as Manifest;
    const config = JSON.parse(new TextDecoder().decode(this.blobs.bytes(manifest.config.digest))) as ImageConfig;
    return { repository: p.repository, tag: p.tag ?? p.digest ?? 'latest', digest, manifest, config };
  }

  /** Tags of a repository (distribution-spec tags/list), sorted. */
  tags(repository: string): string[] {
    for (const k of [...this.#lazy.keys()]) if (k.startsWith(`${repository}:`)) this.#materialise(k);
    return [...(this.#repos.get(repository)?.tags.keys() ?? [])].sort();
  }

  #transferSize(d: Descriptor): number {
    return this.#transfer.get(d.digest) ?? d.size;
  }

  /**
   * `docker pull`: fetch the manifest and config, then only the layers
   * whose chain ID the host lacks. A manifest for another OS than
   * `platform` (default linux/amd64) is refused with Docker's message.
   */
  pull(ref: string, store: ImageStore, opts: { platform?: string } = {}): PullResult {
    const r = this.resolve(ref);
    const p = parseRef(ref);
    if (!p) fail('EINVAL', ref, 'invalid reference format');
    if (!r) fail('ENOENT', ref, `pull access denied for ${p.repository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
    const platform = opts.platform ?? 'linux/amd64';
    if (platform !== 'any' && `${r.config.os}/${r.config.architecture}` !== platform) {
      fail('ENOENT', ref, `no matching manifest for ${platform} in the manifest list entries`);
    }
    const repoDigest = `${r.repository}@${r.digest}`;
    const local = store.resolve(repoDigest);
    const tagged = p.tag ? [`${r.repository}:${p.tag}`] : [];
    if (local) {
      const image = store.add(local.config, store.layerSources(local.id), { tags: tagged, repoDigest });
      return { repository: r.repository, tag: r.tag, digest: r.digest, layers: [], bytes: 0, upToDate: true, image };
    }
    let parent: Digest | undefined;
    let bytes = this.blobs.size(r.digest) + r.manifest.config.size;
    const layers: LayerProgress[] = r.manifest.layers.map((d, i) => {
      parent = LayerStore.chainOf(parent, r.config.rootfs.diff_ids[i]);
      const have = store.layers.get(parent) !== undefined;
      const n = have ? 0 : this.#transferSize(d);
      bytes += n;
      return { id: shortId(d.digest), status: have ? 'Already exists' : 'Pull complete', bytes: n };
    });
    const sources = r.manifest.layers.map((d, i) => ({ diffId: r.config.rootfs.diff_ids[i], tarSize: d.size, entries: () => this.blobs.entries(d.digest) }));
    const image = store.add(r.config, sources, { tags: tagged, repoDigest });
    return { repository: r.repository, tag: r.tag, digest: r.digest, layers, bytes, upToDate: false, image };
  }

  /** `docker push name:tag`: upload the blobs the registry lacks, then the manifest under the tag. */
  push(ref: string, store: ImageStore): PushResult {
    const p = parseRef(ref);
    if (!p || !p.tag) fail('EINVAL', ref, 'invalid reference format');
    const img = store.resolve(`${p.repository}:${p.tag}`) ?? fail('ENOENT', ref, `An image does not exist locally with the tag: ${p.repository}`);
    this.#materialise(`${p.repository}:${p.tag}`);
    const sources = store.layerSources(img.id);
    let bytes = 0;
    const layers: LayerProgress[] = sources.map((s): LayerProgress => {
      const lazy = this.#lazyLayers.get(s.diffId);
      if (!this.blobs.has(s.diffId) && lazy) this.#materialise(lazy);
      const repos = this.#blobRepos.get(s.diffId);
      if (repos?.has(p.repository)) return { id: shortId(s.diffId), status: 'Layer already exists', bytes: 0 };
      if (repos?.size) return { id: shortId(s.diffId), status: `Mounted from ${remotePath([...repos].sort()[0])}`, bytes: 0 };
      bytes += s.tarSize;
      return { id: shortId(s.diffId), status: 'Pushed', bytes: s.tarSize };
    }).reverse();
    const cfgNew = !this.blobs.has(img.id);
    const { digest, size } = this.#putImage(p.repository, p.tag, img.config, sources);
    bytes += (cfgNew ? img.configBytes.length : 0) + size;
    return { repository: p.repository, tag: p.tag, digest, manifestSize: size, layers, bytes };
  }
}

/** Repository path as the registry shows it: official images live under "library/" on docker.io. */
export function remotePath(repository: string): string {
  const first = repository.split('/')[0];
  if (repository.includes('/') && /[.:]/.test(first)) return repository.slice(first.length + 1);
  return repository.includes('/') ? repository : `library/${repository}`;
}

/** The fully qualified name Docker prints after a pull: docker.io/library/alpine:3.22. */
export function qualifiedName(repository: string, tag: string): string {
  const first = repository.split('/')[0];
  if (repository.includes('/') && /[.:]/.test(first)) return `${repository}:${tag}`;
  return `docker.io/${remotePath(repository)}:${tag}`;
}

/**
 * The lines `docker pull` leaves on a terminal (one final status per
 * layer, as the TTY progress display ends), or, for `docker run`, the
 * same without the final reference line. `defaultTag` adds Docker's
 * "Using default tag: latest" for a pull without a tag.
 */
export function pullLines(r: PullResult, opts: { command?: 'pull' | 'run'; defaultTag?: boolean } = {}): string[] {
  const name = `${r.repository}:${r.tag}`;
  const out: string[] = [];
  if (opts.defaultTag && (opts.command ?? 'pull') === 'pull') out.push('Using default tag: latest');
  out.push(`${r.tag}: Pulling from ${remotePath(r.repository)}`);
  for (const l of r.layers) out.push(`${l.id}: ${l.status}`);
  out.push(`Digest: ${r.digest}`);
  out.push(r.upToDate ? `Status: Image is up to date for ${name}` : `Status: Downloaded newer image for ${name}`);
  if ((opts.command ?? 'pull') === 'pull') out.push(qualifiedName(r.repository, r.tag));
  return out;
}

/** The lines `docker push` prints (layers top first, then the digest line). */
export function pushLines(r: PushResult): string[] {
  const first = r.repository.split('/')[0];
  const repo = r.repository.includes('/') && /[.:]/.test(first) ? r.repository : `docker.io/${remotePath(r.repository)}`;
  return [`The push refers to repository [${repo}]`, ...r.layers.map((l) => `${l.id}: ${l.status}`), `${r.tag}: digest: ${r.digest} size: ${r.manifestSize}`];
}
