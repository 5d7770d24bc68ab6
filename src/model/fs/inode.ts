/**
 * In-memory inodes (inode(7)): what MemoryFs stores. A directory's entries
 * map names to inodes, so hard links are two entries pointing at one Inode
 * and nlink counts them, as in ext4 and tmpfs.
 */
import type { FileData } from './data.ts';
import { EMPTY } from './data.ts';
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
export function statOf(n: Inode, dev: number, size: number): Stat {
  return {
    type: n.type, mode: n.mode, uid: n.uid, gid: n.gid, size, nlink: n.nlink,
    ino: n.ino, dev, rdev: n.rdev, mtime: n.mtime, ctime: n.ctime,
  };
}
