/**
 * The page cache: file data read or written stays in RAM, once per file,
 * however many processes or containers read it. Files are identified by
 * their content identity (a virtual file's seed and size, or the very byte
 * array a filesystem holds), so one lower-layer library read by 100
 * containers through their overlays is cached once (claim shared-libraries).
 * Pages are charged to the cgroup that first touched them, as memcg does
 * (cgroup-v2.rst "Memory Ownership").
 */
import type { FileData } from '../../fs/data.ts';
import { dataSize, isVirtual } from '../../fs/data.ts';
import type { Kernel } from '../kernel.ts';
import type { Cgroup } from '../cgroup/cgroup.ts';

interface Entry {
  readonly bytes: number;
  readonly cgroup: Cgroup;
}

/** Page-cache accounting for one kernel. */
export class PageCache {
  readonly #k: Kernel;
  readonly #entries = new Map<string, Entry>();
  readonly #ids = new WeakMap<Uint8Array, number>();
  #nextId = 1;
  #total = 0;

  constructor(k: Kernel) {
    this.#k = k;
  }

  /** Bytes cached in total (/proc/meminfo Cached). */
  get total(): number {
    return this.#total;
  }

  /** Number of distinct files cached. */
  get files(): number {
    return this.#entries.size;
  }

  #key(data: FileData): string {
    if (isVirtual(data)) return `v:${data.seed}:${data.size}`;
    let id = this.#ids.get(data);
    if (id === undefined) this.#ids.set(data, (id = this.#nextId++));
    return `b:${id}`;
  }

  /** A file's data was read or written by a process in `cg`: cache it if it is not already. */
  touch(data: FileData, cg: Cgroup): void {
    const bytes = roundPages(dataSize(data));
    if (bytes === 0) return;
    const key = this.#key(data);
    if (this.#entries.has(key)) return;
    this.#makeRoom(bytes);
    this.#entries.set(key, { bytes, cgroup: cg });
    cg.fileBytes += bytes;
    cg.count({ file: bytes });
    this.#total += bytes;
    this.#k.notePeak(cg);
  }

  /** Is this data cached? */
  has(data: FileData): boolean {
    return this.#entries.has(this.#key(data));
  }

  /** Drop cached pages charged inside `cg`'s subtree until `need` bytes are freed (memcg reclaim); returns bytes freed. */
  reclaim(cg: Cgroup | undefined, need: number): number {
    let freed = 0;
    for (const [key, e] of this.#entries) {
      if (freed >= need) break;
      if (cg && ![...e.cgroup.upwards()].includes(cg)) continue;
      this.#entries.delete(key);
      e.cgroup.fileBytes -= e.bytes;
      e.cgroup.count({ file: -e.bytes });
      this.#total -= e.bytes;
      freed += e.bytes;
    }
    return freed;
  }

  /** echo 3 > /proc/sys/vm/drop_caches. */
  dropAll(): void {
    this.reclaim(undefined, Infinity);
  }

  /** Keep cache + used memory within RAM by evicting the oldest pages. */
  #makeRoom(bytes: number): void {
    const over = this.#k.memoryUsedBytes() + bytes - this.#k.memTotalBytes();
    if (over > 0) this.reclaim(undefined, over);
  }
}

/** Round up to 4 KiB pages (PAGE_SIZE on x86_64). */
export function roundPages(n: number): number {
  return Math.ceil(n / 4096) * 4096;
}
