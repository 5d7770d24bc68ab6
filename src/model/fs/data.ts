/**
 * File contents. Small files hold real bytes; large ones are *virtual*: a
 * size and a seed from which any byte range can be generated on demand, so a
 * 1 GB image costs bytes, not a gigabyte (design.md, "rules of thumb").
 */
export interface VirtualData {
  readonly virtual: true;
  readonly size: number;
  /** Content identity: two virtual files with the same seed and size have the same bytes. */
  readonly seed: string;
  /**
   * Real bytes appended after the generated head (`>>` onto a 1 GB file): `size`
   * includes them, bytes [0, size - tail.length) come from the seed. Absent = no tail.
   */
  readonly tail?: Uint8Array;
}

/** A regular file's contents: real bytes, or virtual ones generated from a seed. */
export type FileData = Uint8Array | VirtualData;

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The empty content (a new file, a truncated one). */
export const EMPTY: Uint8Array = new Uint8Array(0);

/** Is this content virtual (seed-generated) rather than real bytes? */
export function isVirtual(d: FileData): d is VirtualData {
  return !(d instanceof Uint8Array);
}

/** `size` bytes generated from `seed`: a layer's 1 GB file costs a few bytes of model memory. */
export function virtualData(size: number, seed: string): VirtualData {
  return { virtual: true, size, seed };
}

/** st_size of a content. */
export function dataSize(d: FileData): number {
  return isVirtual(d) ? d.size : d.length;
}

/** UTF-8 bytes of a string (what `echo text > file` writes). */
export function fromText(s: string): Uint8Array {
  return enc.encode(s);
}

/** Decode as UTF-8; virtual data decodes its first `limit` bytes only. */
export function toText(d: FileData, limit = Infinity): string {
  return dec.decode(slice(d, 0, Math.min(dataSize(d), limit)));
}

/** Seed → 32-bit state (FNV-1a), then xorshift32: cheap, deterministic, good enough for filler bytes. */
function seedState(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  return h >>> 0 || 1;
}

/**
 * Bytes [start, end) of the data. Virtual bytes are printable filler derived
 * from the seed and the 4 KiB block index, so any range is O(length).
 */
export function slice(d: FileData, start: number, end: number): Uint8Array {
  if (!isVirtual(d)) return d.subarray(start, end);
  const tail = d.tail;
  if (tail && tail.length > 0) {
    const headSize = d.size - tail.length;
    const s0 = Math.max(0, start);
    const e0 = Math.min(d.size, end);
    if (s0 >= headSize) return tail.subarray(s0 - headSize, Math.max(s0, e0) - headSize);
    const out = new Uint8Array(Math.max(0, e0 - s0));
    out.set(slice(virtualData(headSize, d.seed), s0, e0), 0);
    if (e0 > headSize) out.set(tail.subarray(0, e0 - headSize), headSize - s0);
    return out;
  }
  const s = Math.max(0, start);
  const e = Math.min(d.size, end);
  const out = new Uint8Array(Math.max(0, e - s));
  const base = seedState(d.seed);
  for (let block = Math.floor(s / 4096); block * 4096 < e; block++) {
    let x = (base ^ Math.imul(block + 1, 0x9e3779b1)) >>> 0 || 1;
    const from = Math.max(s, block * 4096);
    for (let off = block * 4096; off < Math.min(e, (block + 1) * 4096); off++) {
      x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
      if (off >= from) out[off - s] = 0x21 + (x % 94);
    }
  }
  return out;
}

/** Concatenate two contents (O_APPEND); appending real bytes to virtual data keeps it virtual (a longer tail). */
export function concat(a: FileData, b: FileData): FileData {
  if (dataSize(b) === 0) return a;
  if (dataSize(a) === 0) return b;
  if (isVirtual(a) && !isVirtual(b)) {
    const old = a.tail ?? EMPTY;
    const tail = new Uint8Array(old.length + b.length);
    tail.set(old, 0);
    tail.set(b, old.length);
    return { virtual: true, size: a.size + b.length, seed: a.seed, tail };
  }
  const x = slice(a, 0, dataSize(a));
  const y = slice(b, 0, dataSize(b));
  const out = new Uint8Array(x.length + y.length);
  out.set(x, 0);
  out.set(y, x.length);
  return out;
}

/** Same bytes? Virtual data compares by identity (seed, size). */
export function sameData(a: FileData, b: FileData): boolean {
  if (isVirtual(a) || isVirtual(b)) {
    if (!(isVirtual(a) && isVirtual(b) && a.seed === b.seed && a.size === b.size)) return false;
    return sameData(a.tail ?? EMPTY, b.tail ?? EMPTY);
  }
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * truncate(2) of a content to `size`: shrinking keeps virtual data virtual (the
 * seed's bytes do not depend on the size); growing appends zero bytes, as
 * reading a file's hole returns zeros.
 */
export function truncateData(d: FileData, size: number): FileData {
  const have = dataSize(d);
  if (size === have) return d;
  if (size > have) return concat(d, new Uint8Array(size - have));
  if (!isVirtual(d)) return d.slice(0, size);
  const headSize = d.size - (d.tail?.length ?? 0);
  if (size <= headSize) return virtualData(size, d.seed);
  return { virtual: true, size, seed: d.seed, tail: d.tail!.slice(0, size - headSize) };
}
