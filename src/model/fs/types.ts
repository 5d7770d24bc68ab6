/**
 * The words of the model's filesystems, defined before any implementation.
 *
 * A FileSystem is one mounted filesystem (an ext4-like disk, a tmpfs, an
 * overlay, procfs...). Paths given to it are absolute *inside that filesystem*
 * ("/etc/motd"), already normalised, with every intermediate component an
 * existing directory of this filesystem: walking mounts and following
 * symlinks is the VFS's job (kernel/vfs.ts), as in Linux's namei. Operations
 * never follow a symlink in the last component (they are the l* variants).
 *
 * Failures throw SysError with Linux's errno (ENOENT, ENOTDIR, EISDIR,
 * EEXIST, ENOTEMPTY, EXDEV, EROFS, EPERM, EINVAL). A failed operation leaves
 * the filesystem exactly as it was (validate first, mutate last).
 */
import type { FileData } from './data.ts';

/** st_mode's file type, as `ls -l` and stat(1) name them. */
export type FileType = 'file' | 'dir' | 'symlink' | 'chardev' | 'blockdev' | 'fifo' | 'socket';

/** stat(2) as the model keeps it. Times are virtual realtime microseconds. */
export interface Stat {
  readonly type: FileType;
  /** Permission bits including setuid/setgid/sticky (mode & 0o7777). */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  /** st_size in bytes (symlink: length of the target). */
  readonly size: number;
  readonly nlink: number;
  readonly ino: number;
  /** Device id of the filesystem holding the inode (st_dev). */
  readonly dev: number;
  /** Device number for char/block devices, as [major, minor]. Whiteouts are [0, 0]. */
  readonly rdev: readonly [number, number];
  readonly mtime: number;
  readonly ctime: number;
}

/** Options of an open(2)+write(2) done in one call. */
export interface WriteOptions {
  /** O_APPEND: add to the end instead of truncating. */
  readonly append?: boolean;
  /** O_EXCL with O_CREAT: fail with EEXIST if the name exists. */
  readonly exclusive?: boolean;
  /** Mode for a newly created file (default 0o644). */
  readonly mode?: number;
  readonly uid?: number;
  readonly gid?: number;
}

/** Everything a filesystem must do; one contract suite (filesystem.contract.ts) runs against each implementation. */
export interface FileSystem {
  /** Type as /proc/mounts shows it: "ext4", "tmpfs", "overlay", "proc", "cgroup2"... */
  readonly fstype: string;
  /** st_dev of this filesystem. */
  readonly dev: number;
  /** Read-only filesystems throw EROFS on every mutation. */
  readonly readonly: boolean;

  lstat(path: string): Stat;
  /** Names in a directory, sorted (bytewise), without "." and "..". */
  readdir(path: string): string[];
  /** Whole content of a regular file (may be virtual: a size and a seed). */
  read(path: string): FileData;
  /** open(O_WRONLY|O_CREAT[|O_APPEND|O_TRUNC]) then write: creates, truncates or appends. */
  write(path: string, data: FileData, opts?: WriteOptions): void;
  /** open(O_WRONLY) without writing: on an overlay this alone copies the file up. */
  openForWrite(path: string): void;
  truncate(path: string, size: number): void;
  mkdir(path: string, mode?: number, owner?: { uid: number; gid: number }): void;
  rmdir(path: string): void;
  unlink(path: string): void;
  /** rename(2): replaces a file or an empty directory at `to`; EXDEV where the filesystem cannot (overlay dirs). */
  rename(from: string, to: string): void;
  /** link(2): a hard link, sharing the inode. */
  link(existing: string, path: string): void;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  mknod(path: string, type: 'chardev' | 'blockdev' | 'fifo', rdev: readonly [number, number], mode?: number): void;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  /** utimensat(2) with a virtual realtime in microseconds (what `touch` does). */
  utimes(path: string, mtime: number): void;
  getxattr(path: string, name: string): string | undefined;
  setxattr(path: string, name: string, value: string): void;
  listxattr(path: string): string[];
  /** Optional fast path: lstat that returns undefined instead of throwing ENOENT/ENOTDIR (overlay lookups miss often). */
  tryLstat?(path: string): Stat | undefined;
  /**
   * Optional change counter: differs after any mutation (a failed one may bump it
   * too). Lets a filesystem stacked on this one (overlay) cache lookups; absent = never cache.
   */
  readonly generation?: number;
  /** Bytes and inodes stored by this filesystem itself (an overlay reports its upper dir only, like du on upperdir). */
  usage(): { bytes: number; inodes: number };
}
