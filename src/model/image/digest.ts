/**
 * Content digests as the OCI descriptor spec writes them: `sha256:<64 lowercase hex>`
 * (image-spec descriptor.md §Digests, facts §2.10). Hashing is synchronous
 * (@noble/hashes) so the model stays deterministic and worker-friendly.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** A digest string `algorithm:encoded`; the model only produces sha256. */
export type Digest = `sha256:${string}`;

const DIGEST_RE = /^sha256:[0-9a-f]{64}$/;
const enc = new TextEncoder();

/** `sha256:<hex>` of the exact bytes (descriptor.md: digest = alg + ":" + hex(H(bytes))). */
export function digestOf(bytes: Uint8Array | string): Digest {
  const b = typeof bytes === 'string' ? enc.encode(bytes) : bytes;
  return `sha256:${bytesToHex(sha256(b))}`;
}

/** True for a well-formed sha256 digest (descriptor.md grammar, lowercase hex). */
export function isDigest(s: string): s is Digest {
  return DIGEST_RE.test(s);
}

/** The 64 hex digits after `sha256:` (what Docker prints with --no-trunc minus the prefix). */
export function hexOf(d: string): string {
  return d.startsWith('sha256:') ? d.slice(7) : d;
}

/** First 12 hex digits, as `docker images` / `docker ps` show IDs (moby stringid.TruncateID). */
export function shortId(d: string): string {
  return hexOf(d).slice(0, 12);
}

/** An incremental sha256: feed chunks (e.g. a tar stream), then read the digest and byte count. */
export class Hasher {
  #h = sha256.create();
  #bytes = 0;
  /** Add bytes to the stream. */
  update(chunk: Uint8Array): this {
    this.#h.update(chunk);
    this.#bytes += chunk.length;
    return this;
  }
  /** Bytes fed so far. */
  get bytes(): number {
    return this.#bytes;
  }
  /** Finish: `sha256:<hex>` of everything fed. The hasher cannot be reused. */
  digest(): Digest {
    return `sha256:${bytesToHex(this.#h.digest())}`;
  }
}
