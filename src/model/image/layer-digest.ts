/**
 * Diff ID and size of a layer given as tar entries: sha256 over the exact
 * uncompressed tar stream (image-spec config.md §Layer DiffID, facts §2.4),
 * streamed so virtual file data is never held whole in memory.
 */
import type { Digest } from './digest.ts';
import { digestOf, Hasher } from './digest.ts';
import { canonicalJson } from './image.ts';
import { isVirtual } from '../fs/data.ts';
import type { TarEntry } from './tar.ts';
import { writeTar } from './tar.ts';

/** DiffID and tar byte length of a layer. */
export interface LayerDigest {
  readonly diffId: Digest;
  /** Length of the uncompressed tar in bytes (the OCI descriptor size of an uncompressed layer blob). */
  readonly tarSize: number;
}

/** Hash the tar stream of `entries` (already in archive order). */
export function layerDigest(entries: readonly TarEntry[]): LayerDigest {
  const h = new Hasher();
  const n = writeTar(entries, (c) => h.update(c));
  return { diffId: h.digest(), tarSize: n };
}

/**
 * A cheap fingerprint of a layer *definition*: sha256 over its entries'
 * metadata with each file's content named by (seed, size, tail) when virtual or
 * by its own sha256 when real. Equal fingerprints + the same virtual-data
 * generator ⇒ equal tar bytes, so tests can check big baked layers without
 * generating a gigabyte.
 */
export function layerSpecId(entries: readonly TarEntry[]): Digest {
  const h = new Hasher();
  const enc = new TextEncoder();
  for (const e of entries) {
    const { data, ...meta } = e;
    const content = data === undefined ? null : isVirtual(data) ? { seed: data.seed, size: data.size, tail: data.tail?.length ? digestOf(data.tail) : undefined } : { sha256: digestOf(data) };
    h.update(enc.encode(`${canonicalJson({ ...meta, content })}\n`));
  }
  return h.digest();
}
