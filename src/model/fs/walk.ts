/**
 * Tree walks over any FileSystem: a depth-first, name-sorted visit (what
 * `find` prints with sorted readdir), and a metadata-preserving copy — what
 * mv(1) falls back to after rename(2) gives EXDEV, and cp -a does.
 */
import { fail } from '../errors.ts';
import { isWithin, join } from './path.ts';
import type { FileSystem, Stat } from './types.ts';

/** lstat returning undefined for a missing name; uses the filesystem's own non-throwing tryLstat when it has one (lookups miss often, and exceptions are slow). */
export function tryLstat(fs: FileSystem, path: string): Stat | undefined {
  if (fs.tryLstat) return fs.tryLstat(path);
  try {
    return fs.lstat(path);
  } catch {
    return undefined;
  }
}

/** mkdir -p inside one filesystem: create each missing directory of `path` with `mode`. */
export function mkdirp(fs: FileSystem, path: string, mode = 0o755): void {
  let cur = '';
  for (const part of path.split('/').filter(Boolean)) {
    cur += `/${part}`;
    if (!tryLstat(fs, cur)) fs.mkdir(cur, mode);
  }
}

/** Visit `dir` and everything under it, parents before children, siblings in readdir order; fn returning false skips a directory's contents. */
export function walk(fs: FileSystem, dir: string, fn: (path: string, stat: Stat) => boolean | void): void {
  const st = fs.lstat(dir);
  if (fn(dir, st) === false || st.type !== 'dir') return;
  for (const name of fs.readdir(dir)) walk(fs, join(dir, name), fn);
}

/** Every path under `dir` (inclusive) with its stat, in walk order. */
export function listTree(fs: FileSystem, dir = '/'): Array<[string, Stat]> {
  const out: Array<[string, Stat]> = [];
  walk(fs, dir, (p, st) => { out.push([p, st]); });
  return out;
}

/**
 * Copy the tree at `srcPath` to `dstPath` (which must not exist), keeping
 * type, mode, owner, mtime, xattrs, symlink targets, device numbers and hard
 * links inside the tree (cp -a, coreutils copy.c). Directory times are set
 * after their contents, so they survive the copy.
 */
export function copyTree(src: FileSystem, srcPath: string, dst: FileSystem, dstPath: string): void {
  if (src === dst && isWithin(srcPath, dstPath)) fail('EINVAL', dstPath); // cp: cannot copy a directory into itself
  const linked = new Map<number, string>();
  copyOne(src, srcPath, dst, dstPath, linked);
}

function copyOne(src: FileSystem, from: string, dst: FileSystem, to: string, linked: Map<number, string>): void {
  const st = src.lstat(from);
  if (st.type !== 'dir' && st.nlink > 1) {
    const first = linked.get(st.ino);
    if (first !== undefined) { dst.link(first, to); return; }
    linked.set(st.ino, to);
  }
  switch (st.type) {
    case 'dir':
      dst.mkdir(to, st.mode, { uid: st.uid, gid: st.gid });
      for (const name of src.readdir(from)) copyOne(src, join(from, name), dst, join(to, name), linked);
      break;
    case 'file':
      dst.write(to, src.read(from), { exclusive: true, mode: st.mode, uid: st.uid, gid: st.gid });
      break;
    case 'symlink':
      dst.symlink(src.readlink(from), to);
      break;
    case 'chardev': case 'blockdev': case 'fifo':
      dst.mknod(to, st.type, st.rdev, st.mode);
      break;
    case 'socket':
      return; // cp -a recreates sockets with mknod; the model's mknod has no socket type: skipped
  }
  copyMetadata(src, from, st, dst, to);
}

/** Owner, mode, xattrs and mtime of `from` onto `to` (copy-up and cp -a both do this last). */
export function copyMetadata(src: FileSystem, from: string, st: Stat, dst: FileSystem, to: string, skipXattr?: (name: string) => boolean): void {
  dst.chown(to, st.uid, st.gid);
  if (st.type !== 'symlink') dst.chmod(to, st.mode);
  for (const name of src.listxattr(from)) {
    if (skipXattr?.(name)) continue;
    dst.setxattr(to, name, src.getxattr(from, name)!);
  }
  dst.utimes(to, st.mtime);
}
