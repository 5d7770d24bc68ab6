/**
 * Small host-filesystem helpers the storage code needs (mkdir -p, rm -rf,
 * du of a layer dir) written against the FileSystem interface only.
 */
import { isSysError } from '../errors.ts';
import type { FileSystem } from '../fs/types.ts';

/** Join absolute path pieces ("/a" + "b/c" → "/a/b/c"). */
export function pjoin(dir: string, rel: string): string {
  if (!rel) return dir;
  return dir === '/' ? `/${rel}` : `${dir}/${rel}`;
}

/** Does the path exist (lstat without following)? */
export function exists(fs: FileSystem, path: string): boolean {
  try {
    fs.lstat(path);
    return true;
  } catch (e) {
    if (isSysError(e, 'ENOENT') || isSysError(e, 'ENOTDIR')) return false;
    throw e;
  }
}

/** mkdir -p with `mode` for the directories it creates (the fs layer's one implementation). */
export { mkdirp } from '../fs/walk.ts';

/** rm -rf: remove a tree bottom-up; a missing path is fine. */
export function rmTree(fs: FileSystem, path: string): void {
  if (!exists(fs, path)) return;
  if (fs.lstat(path).type === 'dir') {
    for (const n of fs.readdir(path)) rmTree(fs, pjoin(path, n));
    fs.rmdir(path);
  } else fs.unlink(path);
}

/** Visit every path under `dir` (not `dir` itself), parents before children, names sorted. */
export function walkTree(fs: FileSystem, dir: string, fn: (rel: string, abs: string) => void, rel = ''): void {
  for (const n of fs.readdir(dir)) {
    const r = rel ? `${rel}/${n}` : n;
    const abs = pjoin(dir, n);
    fn(r, abs);
    if (fs.lstat(abs).type === 'dir') walkTree(fs, abs, fn, r);
  }
}

/**
 * Bytes and inodes of a layer directory as moby's directory.Size counts
 * them (daemon/graphdriver/overlay2 DiffSize): st_size of every
 * non-directory, hard links counted once.
 */
export function treeUsage(fs: FileSystem, dir: string): { size: number; inodes: number } {
  const seen = new Set<number>();
  let size = 0;
  let inodes = 0;
  walkTree(fs, dir, (_r, abs) => {
    const st = fs.lstat(abs);
    if (seen.has(st.ino)) return;
    seen.add(st.ino);
    inodes++;
    if (st.type !== 'dir') size += st.size;
  });
  return { size, inodes };
}
