/**
 * `docker save` / `docker load` as Docker ≥ 25 writes them (facts §2.9,
 * §2.11; moby daemon/internal/image/tarexport): an OCI image layout —
 * `oci-layout`, `index.json` (one descriptor per tag, annotated with
 * io.containerd.image.name and org.opencontainers.image.ref.name),
 * `blobs/sha256/<hex>` holding manifests, configs and *uncompressed*
 * layers — plus the legacy `manifest.json` and `repositories`.
 * Archives are built in memory, so images with large (virtual) files are
 * refused with a clear error instead of materialising gigabytes.
 */
import { fail } from '../errors.ts';
import { fromText, isVirtual } from '../fs/data.ts';
import type { Digest } from './digest.ts';
import { digestOf, hexOf } from './digest.ts';
import type { Descriptor, ImageConfig, ImageIndex, Manifest } from './image.ts';
import { canonicalJson, jsonBytes, manifestFor, MEDIA } from './image.ts';
import type { ImageStore, LayerSource } from './image-store.ts';
import { familiar, parseRef } from './reference.ts';
import type { TarEntry } from './tar.ts';
import { readTar, tarBytes } from './tar.ts';

/** Largest single virtual file a saved image may hold (illustrative model limit). */
export const SAVE_MAX_FILE = 8 << 20;
/** Largest total layer data a save may hold (illustrative model limit; the archive lives in memory). */
export const SAVE_MAX_TOTAL = 64 << 20;

const mb = (n: number): string => `${(n / 1e6).toFixed(1)}MB`;

function entriesForLayer(l: LayerSource, ref: string): TarEntry[] {
  const entries = l.entries();
  for (const e of entries) {
    if (e.data && isVirtual(e.data) && e.data.size > SAVE_MAX_FILE) {
      fail('EFBIG', ref, `cannot save ${ref}: /${e.path} is ${mb(e.data.size)}; this model writes archives in memory and refuses files over ${mb(SAVE_MAX_FILE)}`);
    }
  }
  return entries;
}

/** Write the archive for `refs` (names or IDs) from `store`. */
export function saveImages(store: ImageStore, refs: readonly string[]): Uint8Array {
  const blobs = new Map<Digest, Uint8Array>();
  const index: Descriptor[] = [];
  const legacy: Array<{ Config: string; RepoTags: string[]; Layers: string[] }> = [];
  const repositories: Record<string, Record<string, string>> = {};
  let mtime = 0;
  for (const ref of refs) {
    const img = store.resolve(ref) ?? fail('ENOENT', ref, `No such image: ${ref}`);
    const sources = store.layerSources(img.id);
    const total = sources.reduce((s, l) => s + l.tarSize, 0);
    if (total > SAVE_MAX_TOTAL) fail('EFBIG', ref, `cannot save ${ref}: its layers hold ${mb(total)}; this model writes archives in memory and refuses more than ${mb(SAVE_MAX_TOTAL)}`);
    const layerDescs: Descriptor[] = sources.map((l) => {
      const bytes = tarBytes(entriesForLayer(l, ref));
      const d = digestOf(bytes);
      if (d !== l.diffId) fail('EIO', ref, `layer ${l.diffId} re-archived as ${d}`);
      blobs.set(d, bytes);
      return { mediaType: MEDIA.layer, digest: d, size: bytes.length };
    });
    blobs.set(img.id, img.configBytes);
    const manifestBytes = jsonBytes(manifestFor({ mediaType: MEDIA.config, digest: img.id, size: img.configBytes.length }, layerDescs));
    const md = digestOf(manifestBytes);
    blobs.set(md, manifestBytes);
    const named = parseRef(ref) && !/^(sha256:)?[0-9a-f]{6,64}$/.test(ref) ? familiar(ref)! : undefined;
    const tags = named ? [named] : img.repoTags;
    const base = { mediaType: MEDIA.manifest, digest: md, size: manifestBytes.length };
    if (tags.length === 0) index.push(base);
    for (const t of tags) {
      const p = parseRef(t)!;
      const full = p.repository.includes('/') && /[.:]/.test(p.repository.split('/')[0]) ? t : `docker.io/${p.repository.includes('/') ? '' : 'library/'}${t}`;
      index.push({ ...base, annotations: { 'io.containerd.image.name': full, 'org.opencontainers.image.ref.name': p.tag ?? 'latest' } });
      (repositories[p.repository] ??= {})[p.tag ?? 'latest'] = hexOf(img.config.rootfs.diff_ids.at(-1) ?? '');
    }
    legacy.push({ Config: `blobs/sha256/${hexOf(img.id)}`, RepoTags: [...tags], Layers: layerDescs.map((d) => `blobs/sha256/${hexOf(d.digest)}`) });
    mtime = Math.max(mtime, Math.floor(img.created / 1e6));
  }
  const file = (path: string, data: Uint8Array): TarEntry => ({ path, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime, data });
  const dir = (path: string): TarEntry => ({ path, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime });
  const indexJson: ImageIndex = { schemaVersion: 2, mediaType: MEDIA.index, manifests: index };
  const entries: TarEntry[] = [
    dir('blobs'), dir('blobs/sha256'),
    ...[...blobs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([d, b]) => file(`blobs/sha256/${hexOf(d)}`, b)),
    file('index.json', jsonBytes(indexJson)),
    file('manifest.json', fromText(canonicalJson(legacy))),
    file('oci-layout', fromText(canonicalJson({ imageLayoutVersion: '1.0.0' }))),
    ...(Object.keys(repositories).length ? [file('repositories', fromText(canonicalJson(repositories)))] : []),
  ];
  return tarBytes(entries);
}

function json<T>(files: Map<string, Uint8Array>, path: string): T {
  const b = files.get(path) ?? fail('EINVAL', path, `invalid archive: missing ${path}`);
  try {
    return JSON.parse(new TextDecoder().decode(b)) as T;
  } catch {
    fail('EINVAL', path, `invalid archive: ${path} is not JSON`);
  }
}

/**
 * `docker load`: read an archive written by saveImages or by Docker
 * (manifest.json is what Docker's loader follows; index.json alone is
 * accepted too). Layers must be uncompressed tars whose digest is the
 * config's diff ID. Returns Docker's lines ("Loaded image: alpine:3.22" or
 * "Loaded image ID: sha256:…").
 */
export function loadImages(store: ImageStore, archive: Uint8Array): string[] {
  let entries: TarEntry[];
  try {
    entries = readTar(archive);
  } catch {
    fail('EINVAL', undefined, 'archive/tar: invalid tar header');
  }
  const files = new Map<string, Uint8Array>();
  for (const e of entries) if (e.type === 'file' && e.data && !isVirtual(e.data)) files.set(e.path.replace(/^\.\//, ''), e.data);
  type Item = { config: string; layers: string[]; tags: string[] };
  let items: Item[];
  if (files.has('manifest.json')) {
    items = json<Array<{ Config: string; RepoTags: string[] | null; Layers: string[] }>>(files, 'manifest.json')
      .map((m) => ({ config: m.Config, layers: m.Layers, tags: m.RepoTags ?? [] }));
  } else {
    const idx = json<ImageIndex>(files, 'index.json');
    items = idx.manifests.map((d) => {
      const m = json<Manifest>(files, `blobs/sha256/${hexOf(d.digest)}`);
      const name = d.annotations?.['io.containerd.image.name'];
      return { config: `blobs/sha256/${hexOf(m.config.digest)}`, layers: m.layers.map((l) => `blobs/sha256/${hexOf(l.digest)}`), tags: name ? [familiar(name) ?? name] : [] };
    });
  }
  // Validate everything first, then add (a failed load leaves the store untouched).
  const plans = items.map((it) => {
    const configBytes = files.get(it.config) ?? fail('EINVAL', it.config, `invalid archive: missing ${it.config}`);
    const config = json<ImageConfig>(files, it.config);
    if (config.rootfs?.diff_ids?.length !== it.layers.length) fail('EINVAL', it.config, 'invalid archive: layer count does not match rootfs.diff_ids');
    const layers: LayerSource[] = it.layers.map((p, i) => {
      const bytes = files.get(p) ?? fail('EINVAL', p, `invalid archive: missing ${p}`);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) fail('EINVAL', p, `unsupported layer ${p}: compressed layers are not modelled`);
      const d = digestOf(bytes);
      if (d !== config.rootfs.diff_ids[i]) fail('EINVAL', p, `invalid diffID for layer ${i}: calculated ${d}, expected ${config.rootfs.diff_ids[i]}`);
      const parsed = readTar(bytes);
      return { diffId: d, tarSize: bytes.length, entries: () => parsed };
    });
    return { config, configBytes, layers, tags: it.tags };
  });
  const lines: string[] = [];
  for (const p of plans) {
    const before = p.tags.map((t) => store.resolve(t)?.id);
    const rec = store.add(p.config, p.layers, { tags: p.tags });
    p.tags.forEach((t, i) => {
      if (before[i] && before[i] !== rec.id) lines.push(`The image ${t} already exists, renaming the old one with ID ${before[i]} to empty string`);
      lines.push(`Loaded image: ${t}`);
    });
    if (!p.tags.length) lines.push(`Loaded image ID: ${rec.id}`);
  }
  return lines;
}
