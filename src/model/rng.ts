/**
 * A seeded pseudo-random generator (mulberry32) for everything real systems
 * draw at random: container IDs, overlay2 short links, MAC addresses. Each
 * World owns one, so the same script gives the same IDs everywhere.
 */
export class Rng {
  #state: number;
  constructor(seed: number | string = 1) {
    let s = typeof seed === 'number' ? seed : 0;
    if (typeof seed === 'string') for (let i = 0; i < seed.length; i++) s = Math.imul(s ^ seed.charCodeAt(i), 0x5bd1e995) >>> 0;
    this.#state = s >>> 0 || 0x9e3779b9;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** `n` lowercase hex digits, e.g. a 64-digit container ID. */
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(16)];
    return s;
  }
  /** `n` characters from [A-Z0-9], like overlay2's short link names (idLength = 26). */
  upperAlnum(n: number): string {
    const a = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    let s = '';
    for (let i = 0; i < n; i++) s += a[this.int(a.length)];
    return s;
  }
}
