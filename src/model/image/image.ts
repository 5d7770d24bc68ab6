/**
 * The OCI image words (image-spec config.md, manifest.md, descriptor.md;
 * facts §2.4–2.10): descriptors with media types, the image config with
 * rootfs.diff_ids and history, the manifest, chain IDs and the image ID.
 */
import type { Digest } from './digest.ts';
import { digestOf } from './digest.ts';

/** Media types of image-spec media-types.md (and Docker's v2 manifest names for display). */
export const MEDIA = {
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layer: 'application/vnd.oci.image.layer.v1.tar',
  layerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  layout: 'application/vnd.oci.image.layout.v1+json',
} as const;

/** A content descriptor (descriptor.md): media type, digest and size of the bytes. */
export interface Descriptor {
  readonly mediaType: string;
  readonly digest: Digest;
  readonly size: number;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly platform?: { readonly architecture: string; readonly os: string };
}

/** `config` of the image config (config.md §Properties: what `docker run` starts from). */
export interface ContainerConfig {
  readonly User?: string;
  readonly ExposedPorts?: Readonly<Record<string, Record<string, never>>>;
  readonly Env?: readonly string[];
  readonly Entrypoint?: readonly string[] | null;
  readonly Cmd?: readonly string[] | null;
  readonly Volumes?: Readonly<Record<string, Record<string, never>>>;
  readonly WorkingDir?: string;
  readonly Labels?: Readonly<Record<string, string>> | null;
  readonly StopSignal?: string;
}

/** One `history` entry; `empty_layer` marks steps like ENV/CMD that made no layer (config.md). */
export interface HistoryEntry {
  readonly created?: string;
  readonly author?: string;
  readonly created_by?: string;
  readonly comment?: string;
  readonly empty_layer?: boolean;
}

/** The image config (`application/vnd.oci.image.config.v1+json`). */
export interface ImageConfig {
  readonly architecture: string;
  readonly os: string;
  readonly 'os.version'?: string;
  readonly variant?: string;
  readonly created?: string;
  readonly author?: string;
  readonly config?: ContainerConfig;
  readonly rootfs: { readonly type: 'layers'; readonly diff_ids: readonly Digest[] };
  readonly history?: readonly HistoryEntry[];
}

/** An image manifest (manifest.md): config descriptor plus layer descriptors, base first. */
export interface Manifest {
  readonly schemaVersion: 2;
  readonly mediaType: typeof MEDIA.manifest;
  readonly config: Descriptor;
  readonly layers: readonly Descriptor[];
  readonly annotations?: Readonly<Record<string, string>>;
}

/** An image index (image-index.md), as index.json of an image layout. */
export interface ImageIndex {
  readonly schemaVersion: 2;
  readonly mediaType: typeof MEDIA.index;
  readonly manifests: readonly Descriptor[];
}

function goEscape(s: string): string {
  return s.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Deterministic JSON: object keys sorted, no spaces, and `<`, `>`, `&` escaped
 * as \u003c \u003e \u0026 the way Go's encoding/json does (visible in real
 * Docker configs: `created_by` shows `\u0026\u0026`). Undefined fields are dropped.
 */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return v === undefined ? 'null' : goEscape(JSON.stringify(v));
  if (Array.isArray(v)) return `[${v.map((x) => canonicalJson(x)).join(',')}]`;
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${goEscape(JSON.stringify(k))}:${canonicalJson(obj[k])}`).join(',')}}`;
}

const enc = new TextEncoder();

/** UTF-8 bytes of canonicalJson(v): what gets stored and hashed. */
export function jsonBytes(v: unknown): Uint8Array {
  return enc.encode(canonicalJson(v));
}

/**
 * ChainIDs of a layer stack (config.md §Layer ChainID, facts §2.5):
 * ChainID(L0) = DiffID(L0); ChainID(L0..Ln) = Digest(ChainID(L0..Ln-1) + " " + DiffID(Ln)).
 */
export function chainIds(diffIds: readonly Digest[]): Digest[] {
  const out: Digest[] = [];
  for (const d of diffIds) out.push(out.length === 0 ? d : digestOf(`${out[out.length - 1]} ${d}`));
  return out;
}

/** ChainID of the whole stack (the top layer's), or undefined for an image with no layers. */
export function chainIdOf(diffIds: readonly Digest[]): Digest | undefined {
  return chainIds(diffIds).at(-1);
}

/** ImageID = sha256 of the config JSON bytes (config.md §ImageID). */
export function imageIdOf(config: ImageConfig): Digest {
  return digestOf(jsonBytes(config));
}

/** Check the REQUIRED config fields and the history/diff_ids agreement (config.md); returns an error text or undefined. */
export function configProblem(c: ImageConfig): string | undefined {
  if (!c.architecture) return 'config: architecture is required';
  if (!c.os) return 'config: os is required';
  if (c.rootfs?.type !== 'layers') return 'config: rootfs.type must be "layers"';
  if (c.history) {
    const nonEmpty = c.history.filter((h) => !h.empty_layer).length;
    if (nonEmpty !== c.rootfs.diff_ids.length) return `config: ${nonEmpty} non-empty history entries but ${c.rootfs.diff_ids.length} diff_ids`;
  }
  return undefined;
}

/** Build the manifest for a config blob and its layer blobs (manifest.md). */
export function manifestFor(config: Descriptor, layers: readonly Descriptor[]): Manifest {
  return { schemaVersion: 2, mediaType: MEDIA.manifest, config, layers };
}

/** RFC 3339 text of a virtual realtime in microseconds, as `created` fields hold it. */
export function rfc3339(us: number): string {
  const ms = Math.floor(us / 1000);
  const frac = String(Math.floor(us % 1_000_000)).padStart(6, '0').replace(/0+$/, '');
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, frac ? `.${frac}Z` : 'Z');
}

/** RFC 3339 text → realtime µs, keeping microseconds (0 when absent or invalid). */
export function parseTime(s: string | undefined): number {
  const t = s ? Date.parse(s) : NaN;
  if (Number.isNaN(t)) return 0;
  const frac = /\.(\d+)Z$/.exec(s ?? '');
  return Math.floor(t / 1000) * 1_000_000 + (frac ? Number(frac[1].padEnd(6, '0').slice(0, 6)) : 0);
}
