/**
 * overlayfs copy-up (fs/overlayfs/copy_up.c ovl_copy_up_one; overlayfs.rst
 * "Non-directories"; facts §1.5): before anything writes to a lower object,
 * its parents are copied up, then the object itself is created in the upper
 * layer with the same owner, mode, mtime, symlink target or device number,
 * data and xattrs. Without metacopy the whole file is copied (here: its
 * FileData is shared, since the model's contents are immutable).
 */
import { fail } from '../errors.ts';
import type { Entry, Layers } from './overlay-lookup.ts';
import { IMPURE_XATTR, ORIGIN_XATTR, isPrivateXattr, isWhiteout, parentOf, resolve, top } from './overlay-lookup.ts';
import type { FileSystem, Stat } from './types.ts';
import { copyMetadata } from './walk.ts';

/** The layers, with a writable upper, and an optional journal recording each path copied up (so a failed operation can undo them). */
export interface CopyUpContext extends Layers {
  readonly upper: FileSystem;
  readonly journal?: string[];
}

/** Make sure `path` (an existing name of the merged view) has an upper object, copying up parents first; throws what the upper throws (ENOSPC). */
export function ensureUpper(l: CopyUpContext, path: string): void {
  const e = resolve(l, path);
  if (e.upper) return;
  if (!top(e)) fail('ENOENT', path);
  if (path !== '/') ensureUpper(l, parentOf(path));
  copyUpOne(l, e);
}

/**
 * Create the upper copy of one object.
 * PRECONDITION: `e` is positive, has no upper object (and no upper whiteout,
 * since it is positive), and its parent directory already exists in the upper layer.
 */
function copyUpOne(l: CopyUpContext, e: Entry): void {
  const { layer, stat: st } = e.lowers[0];
  const src = l.lowers[layer];
  const up = l.upper;
  const parent = parentOf(e.path);
  const parentMtime = up.lstat(parent).mtime;
  switch (st.type) {
    case 'dir':
      up.mkdir(e.path, st.mode, { uid: st.uid, gid: st.gid });
      break;
    case 'file':
      up.write(e.path, src.read(e.path), { exclusive: true, mode: st.mode, uid: st.uid, gid: st.gid });
      break;
    case 'symlink':
      up.symlink(src.readlink(e.path), e.path);
      break;
    case 'chardev': case 'blockdev': case 'fifo':
      up.mknod(e.path, st.type, st.rdev, st.mode);
      break;
    case 'socket':
      fail('EOPNOTSUPP', e.path); // the model's mknod cannot make sockets
  }
  l.journal?.push(e.path);
  copyMetadata(src, e.path, st, up, e.path, isPrivateXattr);
  // ovl_do_copy_up marks the parent "impure" (it may now hold non-pure entries) and records where the copy
  // came from (ovl_set_origin; ovl_getattr uses it for a stable st_ino), except when breaking a lower hard link.
  markImpure(up, parent);
  if (st.type === 'dir' || st.nlink === 1) up.setxattr(e.path, ORIGIN_XATTR, `${st.dev}:${st.ino}:${st.nlink}`);
  // ovl_copy_up_one restores the parent's timestamps: copy-up is not a visible change to the directory.
  up.utimes(parent, parentMtime);
}

/** ovl_set_impure: mark an upper dir as holding entries with a copy-up origin (trusted.overlay.impure=y). */
export function markImpure(up: FileSystem, dir: string): void {
  if (up.getxattr(dir, IMPURE_XATTR) !== 'y') up.setxattr(dir, IMPURE_XATTR, 'y');
}

/** Does this upper object carry a copy-up origin (ovl_type_origin)? */
export function hasOrigin(up: FileSystem, path: string): boolean {
  return up.getxattr(path, ORIGIN_XATTR) !== undefined;
}

/** The lower inode a copied-up object came from, as recorded at copy-up. */
function originOf(up: FileSystem, path: string): { dev: number; ino: number; nlink: number } | undefined {
  const v = up.getxattr(path, ORIGIN_XATTR);
  if (!v) return undefined;
  const [dev, ino, nlink] = v.split(':').map(Number);
  return { dev, ino, nlink };
}

/** Remove, newest first, the objects a failed operation copied up, restoring their parents' times (OverlayFs #atomic). */
export function undoCopyUps(up: FileSystem, journal: readonly string[]): void {
  for (const path of [...journal].reverse()) {
    const parent = parentOf(path);
    const mtime = up.lstat(parent).mtime;
    if (up.lstat(path).type === 'dir') up.rmdir(path);
    else up.unlink(path);
    up.utimes(parent, mtime);
  }
}

/** Remove the whiteouts left in an upper dir that is empty in the merged view (ovl_clear_empty's effect). */
export function clearWhiteouts(up: FileSystem, dir: string): void {
  for (const name of up.readdir(dir)) {
    const p = dir === '/' ? `/${name}` : `${dir}/${name}`;
    if (isWhiteout(up.lstat(p))) up.unlink(p);
  }
}

/**
 * ovl_getattr (fs/overlayfs/inode.c): merged dirs report nlink 1; with all
 * layers on one filesystem st_dev is the overlay's and st_ino the lower
 * origin's for dirs and for files whose lower had nlink 1 (persistent st_ino);
 * otherwise non-directories show the real st_dev and st_ino.
 */
export function overlayStat(e: Entry, ov: { readonly dev: number; readonly samefs: boolean; readonly upper: FileSystem | undefined }): Stat {
  const t = top(e)!;
  const isDir = t.type === 'dir';
  const merged = isDir && (e.upper ? e.lowers.length > 0 : e.lowers.length > 1);
  let ino = t.ino;
  if (ov.samefs && e.upper && isDir && e.lowers.length > 0) ino = e.lowers[0].stat.ino;
  else if (ov.samefs && e.upper && !isDir && ov.upper) {
    const o = originOf(ov.upper, e.path);
    if (o && o.nlink === 1) ino = o.ino;
  }
  return { ...t, ino, dev: ov.samefs || isDir ? ov.dev : t.dev, nlink: merged ? 1 : t.nlink };
}
