/**
 * A filesystem computed from kernel state on every access, like procfs,
 * sysfs and cgroupfs (Documentation/filesystems/proc.rst: "a pseudo-filesystem
 * which provides an interface to kernel data structures"). Nodes are
 * functions: a directory lists and looks up children, a file renders its text
 * when read and may accept writes, a symlink computes its target.
 */
import type { FileSystem, Stat, WriteOptions } from '../../fs/types.ts';
import type { FileData } from '../../fs/data.ts';
import { fromText, toText } from '../../fs/data.ts';
import { fail } from '../../errors.ts';
import { splitPath } from '../../fs/path.ts';
import type { MountTable } from './mount-table.ts';

/** A synthetic directory. */
export interface DirNode {
  readonly kind: 'dir';
  readonly mode?: number;
  readonly uid?: number;
  list(): string[];
  lookup(name: string): Node | undefined;
  mkdir?(name: string): void;
  rmdir?(name: string): void;
}

/** A synthetic file: rendered on read, parsed on write. */
export interface FileNode {
  readonly kind: 'file';
  readonly mode?: number;
  read(): string;
  /** Absent: EACCES for everyone but the kernel (writes to a 0444 file). */
  write?(text: string, append: boolean): void;
}

/** A synthetic symlink (/proc/self, /proc/PID/exe, ns/*). */
export interface LinkNode {
  readonly kind: 'symlink';
  target(): string;
  /**
   * A "magic" link (/proc/PID/root, /proc/PID/cwd): following it continues
   * in another process's mount namespace at that path (proc(5)), instead of
   * resolving the target text.
   */
  magic?(): { readonly table: MountTable; readonly path: string };
}

/** Any node of a synthetic filesystem. */
export type Node = DirNode | FileNode | LinkNode;

/** Small helper: a directory from a fixed record of children (values may be thunks). */
export function dir(children: () => Record<string, Node>, extra: Partial<Omit<DirNode, 'kind'>> = {}): DirNode {
  return {
    kind: 'dir',
    list: () => Object.keys(children()).sort(),
    lookup: (n) => children()[n],
    ...extra,
  };
}

/** A read-only file. */
export function file(read: () => string, mode = 0o444): FileNode {
  return { kind: 'file', mode, read };
}

/** A writable file. */
export function rwfile(read: () => string, write: (text: string, append: boolean) => void, mode = 0o644): FileNode {
  return { kind: 'file', mode, read, write };
}

/** A symlink. */
export function link(target: () => string): LinkNode {
  return { kind: 'symlink', target };
}

/** Hash a path to a stable inode number. */
function inoOf(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 1_000_000 + 1;
}

/** A FileSystem over synthetic nodes. Mutations other than writes to writable files fail like the real pseudo-filesystems. */
export class SyntheticFs implements FileSystem {
  readonly fstype: string;
  readonly dev: number;
  readonly readonly = false;
  readonly #root: DirNode;
  readonly #now: () => number;

  constructor(opts: { fstype: string; dev: number; root: DirNode; now: () => number }) {
    this.fstype = opts.fstype;
    this.dev = opts.dev;
    this.#root = opts.root;
    this.#now = opts.now;
  }

  /** The node at `path`, ENOENT/ENOTDIR like a real lookup. */
  node(path: string): Node {
    let n: Node = this.#root;
    for (const part of splitPath(path)) {
      if (n.kind !== 'dir') fail('ENOTDIR', path);
      const next: Node | undefined = n.lookup(part);
      if (!next) fail('ENOENT', path);
      n = next;
    }
    return n;
  }

  lstat(path: string): Stat {
    const n = this.node(path);
    const t = this.#now();
    const base = { uid: 0, gid: 0, nlink: 1, ino: inoOf(path), dev: this.dev, rdev: [0, 0] as const, mtime: t, ctime: t };
    if (n.kind === 'dir') return { ...base, type: 'dir', mode: n.mode ?? 0o555, uid: n.uid ?? 0, size: 0, nlink: 2 };
    if (n.kind === 'symlink') return { ...base, type: 'symlink', mode: 0o777, size: n.target().length };
    return { ...base, type: 'file', mode: n.mode ?? 0o444, size: 0 };
  }

  readdir(path: string): string[] {
    const n = this.node(path);
    if (n.kind !== 'dir') fail('ENOTDIR', path);
    return n.list();
  }

  read(path: string): FileData {
    const n = this.node(path);
    if (n.kind === 'dir') fail('EISDIR', path);
    if (n.kind === 'symlink') fail('EINVAL', path);
    return fromText(n.read());
  }

  write(path: string, data: FileData, opts?: WriteOptions): void {
    const n = this.#writable(path);
    const text = toText(data);
    // write(2) of zero bytes never reaches the file's handler (the shell's O_TRUNC open writes nothing).
    if (text === '') return;
    n.write!(text, opts?.append ?? false);
  }

  openForWrite(path: string): void {
    this.#writable(path);
  }

  truncate(path: string): void {
    this.#writable(path);
  }

  #writable(path: string): FileNode {
    let n: Node;
    try {
      n = this.node(path);
    } catch (e) {
      // open(O_CREAT) of a new name in procfs/cgroupfs: not allowed.
      if (e instanceof Error && (e as { code?: string }).code === 'ENOENT') fail('EACCES', path);
      throw e;
    }
    if (n.kind === 'dir') fail('EISDIR', path);
    if (n.kind !== 'file' || !n.write) fail('EACCES', path);
    return n;
  }

  mkdir(path: string): void {
    const [parent, name] = this.#split(path);
    if (parent.lookup(name)) fail('EEXIST', path);
    if (!parent.mkdir) fail('EPERM', path);
    parent.mkdir(name);
  }

  rmdir(path: string): void {
    const [parent, name] = this.#split(path);
    const n = parent.lookup(name);
    if (!n) fail('ENOENT', path);
    if (n.kind !== 'dir') fail('ENOTDIR', path);
    if (!parent.rmdir) fail('EPERM', path);
    parent.rmdir(name);
  }

  #split(path: string): [DirNode, string] {
    const parts = splitPath(path);
    if (parts.length === 0) fail('EBUSY', path);
    const name = parts.pop()!;
    const parent = this.node('/' + parts.join('/'));
    if (parent.kind !== 'dir') fail('ENOTDIR', path);
    return [parent, name];
  }

  unlink(path: string): void {
    const n = this.node(path);
    fail(n.kind === 'dir' ? 'EISDIR' : 'EPERM', path);
  }
  rename(from: string): void {
    this.node(from);
    fail('EPERM', from);
  }
  link(existing: string): void {
    this.node(existing);
    fail('EPERM', existing);
  }
  symlink(_target: string, path: string): void {
    fail('EPERM', path);
  }
  /** Where a magic link leads (another mount namespace), if `path` is one. */
  magic(path: string): { readonly table: MountTable; readonly path: string } | undefined {
    const n = this.node(path);
    return n.kind === 'symlink' && n.magic ? n.magic() : undefined;
  }

  readlink(path: string): string {
    const n = this.node(path);
    if (n.kind !== 'symlink') fail('EINVAL', path);
    return n.target();
  }
  mknod(path: string): void {
    fail('EPERM', path);
  }
  chmod(path: string): void {
    this.node(path);
    fail('EPERM', path);
  }
  chown(path: string): void {
    this.node(path);
    fail('EPERM', path);
  }
  utimes(path: string): void {
    this.node(path);
  }
  getxattr(path: string): string | undefined {
    this.node(path);
    return undefined;
  }
  setxattr(path: string): void {
    this.node(path);
    fail('EOPNOTSUPP', path);
  }
  listxattr(path: string): string[] {
    this.node(path);
    return [];
  }
  usage(): { bytes: number; inodes: number } {
    return { bytes: 0, inodes: 0 };
  }
}
