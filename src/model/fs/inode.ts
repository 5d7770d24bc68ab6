/**
 * In-memory inodes (inode(7)): what MemoryFs stores. A directory's entries
 * map names to inodes, so hard links are two entries pointing at one Inode
 * and nlink counts them, as in ext4 and tmpfs.
 */
import { fail } from '../errors.ts';
import type { FileData } from './data.ts';
import { EMPTY, concat, dataSize, isVirtual } from './data.ts';
import type { FileType, Stat } from './types.ts';

/** One inode; `data` for regular files, `target` for symlinks, `entries` for directories. */
export interface Inode {
  readonly ino: number;
  readonly type: FileType;
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
  mtime: number;
  ctime: number;
  rdev: readonly [number, number];
  data: FileData;
  target: string;
  entries: Map<string, Inode> | undefined;
  /** Extended attributes (xattr(7)); undefined until the first setxattr, to keep empty trees small. */
  xattrs: Map<string, string> | undefined;
}

/** Real bytes the model will allocate for one file (zero fill, appending to real data); above it EFBIG. Illustrative model limit. */
export const MAX_MATERIALISED_BYTES = 64 * 1024 * 1024;

/** ext4 reports a directory's st_size as its block size (4096). */
const DIR_SIZE = 4096;

const NO_DEV: readonly [number, number] = [0, 0];

/** A fresh inode with nlink 1 (2 for a directory: its entry and its own "."). */
export function newInode(ino: number, type: FileType, mode: number, uid: number, gid: number, now: number): Inode {
  return {
    ino, type, mode: mode & 0o7777, uid, gid,
    nlink: type === 'dir' ? 2 : 1,
    mtime: now, ctime: now, rdev: NO_DEV,
    data: EMPTY, target: '',
    entries: type === 'dir' ? new Map() : undefined,
    xattrs: undefined,
  };
}

/** stat(2) of an inode on device `dev`. */
export function statOf(n: Inode, dev: number): Stat {
  return {
    type: n.type, mode: n.mode, uid: n.uid, gid: n.gid, size: sizeOf(n), nlink: n.nlink,
    ino: n.ino, dev, rdev: n.rdev, mtime: n.mtime, ctime: n.ctime,
  };
}

const utf8 = new TextEncoder();

/** Path components of an absolute path ("/a/b" → ["a", "b"]). */
export function components(path: string): string[] {
  return path.split('/').filter((p) => p !== '');
}

/**
 * Follow the components of `path` before index `end` ("/a//b/" → a, b) from
 * `root`, as components() would list them but without allocating arrays
 * (lookups are the model's hottest path): the inode, or why not (ENOENT for a
 * missing name, ENOTDIR when a component to descend from is not a directory).
 */
export function walkFrom(root: Inode, path: string, end = path.length): Inode | 'ENOENT' | 'ENOTDIR' {
  let n = root;
  let i = 0;
  while (i < end) {
    if (path.charCodeAt(i) === 47) {
      i++;
      continue;
    }
    let j = path.indexOf('/', i);
    if (j < 0 || j > end) j = end;
    if (!n.entries) return 'ENOTDIR';
    const next = n.entries.get(path.slice(i, j));
    if (!next) return 'ENOENT';
    n = next;
    i = j + 1;
  }
  return n;
}

/** Where the last component of `path` starts and ends (trailing slashes ignored); start === end for "/" or "". */
export function lastComponent(path: string): [start: number, end: number] {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
  if (end === 0) return [0, 0];
  return [path.lastIndexOf('/', end - 1) + 1, end];
}

/** st_size: data length, DIR_SIZE, or the symlink target's length in bytes. */
export function sizeOf(n: Inode): number {
  if (n.type === 'file') return dataSize(n.data);
  if (n.type === 'dir') return DIR_SIZE;
  if (n.type === 'symlink') return utf8.encode(n.target).length;
  return 0;
}

/** O_APPEND content; EFBIG instead of materialising gigabytes (virtual + virtual, or real + huge virtual). */
export function joinData(a: FileData, b: FileData, path: string): FileData {
  const keepsVirtual = isVirtual(a) && !isVirtual(b);
  if (!keepsVirtual && dataSize(a) + dataSize(b) > MAX_MATERIALISED_BYTES && dataSize(a) > 0 && dataSize(b) > 0) fail('EFBIG', path);
  return concat(a, b);
}
