/**
 * A guest's disk as the guest sees it: one ext4-like filesystem. Underneath,
 * it is the OS's base tree, shared by every VM created from that image, with
 * this VM's writes in its own layer: what a qcow2 overlay over a backing file
 * is, per file instead of per 64 KiB cluster. So a thousand guests cost one
 * base tree, and what a guest writes is exactly what its qcow2 file grows by.
 */
import type { FileData } from '../fs/data.ts';
import { MemoryFs } from '../fs/memory-fs.ts';
import { OverlayFs } from '../fs/overlay-fs.ts';
import type { FileSystem, Stat, WriteOptions } from '../fs/types.ts';

/** The guest's root filesystem: shared base + private writes, reported as one disk. */
export class GuestDiskFs implements FileSystem {
  readonly fstype: string;
  readonly dev: number;
  readonly readonly = false;
  readonly #base: FileSystem;
  readonly #o: OverlayFs;

  constructor(base: FileSystem, opts: { dev: number; now: () => number; capacityBytes: number }) {
    this.#base = base;
    this.fstype = base.fstype;
    this.dev = opts.dev;
    const upper = new MemoryFs({ dev: opts.dev, now: opts.now, fstype: base.fstype, capacityBytes: Math.max(0, opts.capacityBytes - base.usage().bytes) });
    const work = new MemoryFs({ dev: opts.dev, now: opts.now });
    this.#o = new OverlayFs({ lowers: [base], upper, work, dev: opts.dev, now: opts.now });
  }

  /** Bytes this guest has written (its own layer). */
  written(): number {
    return this.#o.usage().bytes;
  }

  get generation(): number | undefined {
    return this.#o.generation;
  }

  lstat(p: string): Stat { return this.#o.lstat(p); }
  tryLstat(p: string): Stat | undefined { return this.#o.tryLstat ? this.#o.tryLstat(p) : undefined; }
  readdir(p: string): string[] { return this.#o.readdir(p); }
  read(p: string): FileData { return this.#o.read(p); }
  write(p: string, d: FileData, o?: WriteOptions): void { this.#o.write(p, d, o); }
  openForWrite(p: string): void { this.#o.openForWrite(p); }
  truncate(p: string, n: number): void { this.#o.truncate(p, n); }
  mkdir(p: string, mode?: number, owner?: { uid: number; gid: number }): void { this.#o.mkdir(p, mode, owner); }
  rmdir(p: string): void { this.#o.rmdir(p); }
  unlink(p: string): void { this.#o.unlink(p); }
  rename(a: string, b: string): void { this.#o.rename(a, b); }
  link(a: string, b: string): void { this.#o.link(a, b); }
  symlink(t: string, p: string): void { this.#o.symlink(t, p); }
  readlink(p: string): string { return this.#o.readlink(p); }
  mknod(p: string, t: 'chardev' | 'blockdev' | 'fifo', r: readonly [number, number], m?: number): void { this.#o.mknod(p, t, r, m); }
  chmod(p: string, m: number): void { this.#o.chmod(p, m); }
  chown(p: string, u: number, g: number): void { this.#o.chown(p, u, g); }
  utimes(p: string, t: number): void { this.#o.utimes(p, t); }
  getxattr(p: string, n: string): string | undefined { return this.#o.getxattr(p, n); }
  setxattr(p: string, n: string, v: string): void { this.#o.setxattr(p, n, v); }
  listxattr(p: string): string[] { return this.#o.listxattr(p); }
  /** A disk reports everything on it: the base image's files and this guest's writes. */
  usage(): { bytes: number; inodes: number } {
    const a = this.#base.usage();
    const b = this.#o.usage();
    return { bytes: a.bytes + b.bytes, inodes: a.inodes + b.inodes };
  }
}
