/**
 * A content-addressed blob store (containerd content store, OCI image
 * layout blobs/<alg>/<hex>): bytes are kept once per digest. Layer blobs
 * may be kept as a *tar spec* (their entries plus a known digest and size)
 * so a gigabyte of virtual file data is never turned into real bytes.
 */
import { fail } from '../errors.ts';
import type { Digest } from './digest.ts';
import { digestOf } from './digest.ts';
import type { Descriptor } from './image.ts';
import { MEDIA } from './image.ts';
import { layerDigest } from './layer-digest.ts';
import type { TarEntry } from './tar.ts';
import { readTar, tarBytes } from './tar.ts';

/** What is stored for one digest. */
export type Blob =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'tar'; readonly size: number; readonly entries: () => TarEntry[] };

/** Content-addressed storage keyed by digest. */
export class BlobStore {
  #blobs = new Map<Digest, Blob>();
  #bytes = 0;

  /** Store bytes; the same content is stored once. */
  put(bytes: Uint8Array, mediaType: string): Descriptor {
    const digest = digestOf(bytes);
    if (!this.#blobs.has(digest)) {
      this.#blobs.set(digest, { kind: 'bytes', bytes });
      this.#bytes += bytes.length;
    }
    return { mediaType, digest, size: bytes.length };
  }

  /** Store an uncompressed layer by its entries; `known` skips hashing (baked built-in digests). */
  putTar(entries: () => TarEntry[], known?: { diffId: Digest; tarSize: number }): Descriptor {
    const { diffId, tarSize } = known ?? layerDigest(entries());
    if (!this.#blobs.has(diffId)) {
      this.#blobs.set(diffId, { kind: 'tar', size: tarSize, entries });
      this.#bytes += tarSize;
    }
    return { mediaType: MEDIA.layer, digest: diffId, size: tarSize };
  }

  /** Is this digest stored? */
  has(digest: string): boolean {
    return this.#blobs.has(digest as Digest);
  }

  /** The stored blob; ENOENT when missing. */
  get(digest: string): Blob {
    return this.#blobs.get(digest as Digest) ?? fail('ENOENT', digest, `blob ${digest}: not found`);
  }

  /** Size in bytes of a stored blob. */
  size(digest: string): number {
    const b = this.get(digest);
    return b.kind === 'bytes' ? b.bytes.length : b.size;
  }

  /** The blob's bytes (a tar spec is rendered: only for small layers). */
  bytes(digest: string): Uint8Array {
    const b = this.get(digest);
    return b.kind === 'bytes' ? b.bytes : tarBytes(b.entries());
  }

  /** A layer blob's tar entries (parsed when stored as bytes). */
  entries(digest: string): TarEntry[] {
    const b = this.get(digest);
    return b.kind === 'tar' ? b.entries() : readTar(b.bytes);
  }

  /** Remove a blob (garbage collection). */
  delete(digest: string): void {
    if (!this.#blobs.has(digest as Digest)) return;
    this.#bytes -= this.size(digest);
    this.#blobs.delete(digest as Digest);
  }

  /** Every stored digest, sorted. */
  digests(): Digest[] {
    return [...this.#blobs.keys()].sort();
  }

  /** Total bytes stored (each digest once). */
  get totalBytes(): number {
    return this.#bytes;
  }
}
