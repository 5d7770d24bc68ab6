/**
 * Diff ID and size of a layer given as tar entries: sha256 over the exact
 * uncompressed tar stream (image-spec config.md §Layer DiffID, facts §2.4),
 * streamed so virtual file data is never held whole in memory.
 */
import type { Digest } from './digest.ts';
import { Hasher } from './digest.ts';
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
