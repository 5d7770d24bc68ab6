/**
 * overlayfs directory operations, after fs/overlayfs/dir.c (facts §1.3–1.7):
 * creating a name (ovl_create_object, ovl_create_over_whiteout), removing one
 * (ovl_do_remove, ovl_remove_and_whiteout) and renaming (ovl_rename without
 * redirect_dir). Each validates in the merged view first, then copies up what
 * it needs and changes the upper layer only.
 */
import { fail } from '../errors.ts';
import type { CopyUpContext } from './overlay-copy-up.ts';
import { clearWhiteouts, ensureUpper, hasOrigin, markImpure } from './overlay-copy-up.ts';
import type { Entry } from './overlay-lookup.ts';
import { OPAQUE_XATTR, parentOf, top } from './overlay-lookup.ts';
import { isWithin } from './path.ts';
import type { FileSystem, Stat } from './types.ts';
import { tryLstat } from './walk.ts';

/** The overlay as the directory operations see it. */
export interface OverlayOps {
  readonly lowers: readonly FileSystem[];
  readonly journal?: string[];
  /** ovl_whiteout: a whiteout for unlink/rmdir (shared inode, overlay-work.ts). */
  whiteout(up: FileSystem, path: string): void;
  /** The upper layer, or EROFS (no upperdir, or a read-only mount). */
  writable(path: string): FileSystem;
  resolve(path: string): Entry;
  existing(path: string): Entry & { readonly stat: Stat };
  /** Merged readdir of a directory entry. */
  names(e: Entry): string[];
}

function copyCtx(o: OverlayOps, upper: FileSystem): CopyUpContext {
  return { upper, lowers: o.lowers, journal: o.journal };
}

/** A whiteout as the upper filesystem makes it for rename(RENAME_WHITEOUT): a char device 0/0, mode 0, owned by root. */
function renameWhiteout(up: FileSystem, path: string): void {
  up.mknod(path, 'chardev', [0, 0], 0);
}

/**
 * Create a new name `e` (validated as absent): copy up the parent, replace an
 * upper whiteout (ovl_create_over_whiteout), and put the whiteout back if
 * `make` fails.
 */
export function createObject(o: OverlayOps, e: Entry, make: (up: FileSystem) => void): void {
  const up = o.writable(e.path);
  ensureUpper(copyCtx(o, up), e.parent.path);
  if (e.upperWhiteout) up.unlink(e.path);
  try {
    make(up);
  } catch (err) {
    if (e.upperWhiteout) o.whiteout(up, e.path);
    throw err;
  }
}

/** EEXIST if the merged view has the name (the VFS checks this before the filesystem sees the call). */
function absent(o: OverlayOps, path: string): Entry {
  const e = o.resolve(path);
  if (top(e) || path === '/') fail('EEXIST', path);
  return e;
}

/**
 * ovl_mkdir: over an upper whiteout the new dir is made opaque
 * (ovl_create_over_whiteout). ovl_create_upper's "just an optimization" opaque
 * on a new dir in a merged parent is skipped when offline changes are allowed
 * (no index, metacopy, redirect_dir, xino=on: Docker's options), so current
 * kernels leave such dirs plain.
 */
export function mkdirObject(o: OverlayOps, path: string, mode: number, owner?: { uid: number; gid: number }): void {
  const e = absent(o, path);
  createObject(o, e, (up) => {
    up.mkdir(path, mode, owner);
    if (e.upperWhiteout) up.setxattr(path, OPAQUE_XATTR, 'y');
  });
}

/** ovl_symlink: only the new link is created; its target is not copied up. */
export function symlinkObject(o: OverlayOps, target: string, path: string): void {
  createObject(o, absent(o, path), (up) => up.symlink(target, path));
}

/** ovl_mknod: EPERM for a 0/0 char device, which would read as a whiteout. */
export function mknodObject(o: OverlayOps, path: string, type: 'chardev' | 'blockdev' | 'fifo', rdev: readonly [number, number], mode?: number): void {
  const e = absent(o, path);
  o.writable(path);
  if (type === 'chardev' && rdev[0] === 0 && rdev[1] === 0) fail('EPERM', path);
  createObject(o, e, (up) => up.mknod(path, type, rdev, mode));
}

/** ovl_link: copy the source up first (with index=off this breaks its other lower hard links), then link in the upper. */
export function linkObject(o: OverlayOps, existing: string, path: string): void {
  const up = o.writable(path);
  const src = o.existing(existing);
  const e = absent(o, path);
  if (src.stat.type === 'dir') fail('EPERM', existing);
  ensureUpper(copyCtx(o, up), existing);
  createObject(o, e, () => {
    up.link(existing, path);
    if (hasOrigin(up, path)) markImpure(up, parentOf(path)); // ovl_create_or_link: linking an origin file marks the new parent impure
  });
}

/**
 * ovl_do_remove: rmdir needs the merged dir empty (ovl_check_empty_dir). A
 * name some lower layer has is replaced by a whiteout (ovl_remove_and_whiteout;
 * an upper dir's leftover whiteouts go first, as ovl_clear_empty does); an
 * upper-only name is simply removed (ovl_remove_upper).
 */
export function removeObject(o: OverlayOps, path: string, dir: boolean): void {
  if (dir && path === '/') fail('EBUSY', path);
  const up = o.writable(path);
  const e = o.existing(path);
  if (dir && e.stat.type !== 'dir') fail('ENOTDIR', path);
  if (!dir && e.stat.type === 'dir') fail('EISDIR', path);
  if (dir && o.names(e).length > 0) fail('ENOTEMPTY', path);
  ensureUpper(copyCtx(o, up), e.parent.path);
  if (e.upper?.type === 'dir') {
    clearWhiteouts(up, path);
    up.rmdir(path);
  } else if (e.upper) {
    up.unlink(path);
  }
  if (e.lowerPositive) o.whiteout(up, path);
}

/**
 * ovl_rename: the VFS checks first (EINVAL/ENOTEMPTY when one path is an
 * ancestor of the other, ENOTDIR, EISDIR, same inode does nothing), then a dir that is lower or merged gives EXDEV (ovl_can_move
 * without redirect_dir), then a non-empty target dir ENOTEMPTY. A file is
 * copied up and renamed; a lower-backed old name gets a whiteout
 * (RENAME_WHITEOUT); a pure-upper dir moved into a merged parent becomes opaque.
 */
export function renameObject(o: OverlayOps, from: string, to: string): void {
  const up = o.writable(from);
  if (from === '/' || to === '/') fail('EBUSY', from === '/' ? from : to);
  const found = o.resolve(from); // both parents are looked up before the old name itself (do_renameat2)
  const dst = o.resolve(to);
  const src = { ...found, stat: top(found) ?? fail('ENOENT', from) };
  const old = top(dst);
  if (from === to) return;
  if (isWithin(from, to)) fail('EINVAL', to);
  if (isWithin(to, from)) fail('ENOTEMPTY', to);
  const isDir = src.stat.type === 'dir';
  if (isDir) {
    if (old && old.type !== 'dir') fail('ENOTDIR', to);
  } else if (old?.type === 'dir') {
    fail('EISDIR', to);
  }
  if (src.upper && dst.upper && src.upper.ino === dst.upper.ino) return;
  if (isDir && src.lowers.length > 0) fail('EXDEV', from);
  if (old?.type === 'dir' && o.names(dst).length > 0) fail('ENOTEMPTY', to);
  const c = copyCtx(o, up);
  ensureUpper(c, parentOf(from));
  ensureUpper(c, parentOf(to));
  if (!isDir) ensureUpper(c, from);
  if (src.lowerPositive && dst.upperWhiteout) {
    exchange(up, from, to); // "Switch whiteouts" (RENAME_EXCHANGE): the target's whiteout moves to the old name
  } else {
    if (dst.upperWhiteout) up.unlink(to);
    else if (dst.upper?.type === 'dir') clearWhiteouts(up, to);
    up.rename(from, to);
    if (src.lowerPositive) renameWhiteout(up, from);
  }
  if (isDir && !src.opaque && dst.parent.lowers.length > 0) up.setxattr(to, OPAQUE_XATTR, 'y');
  if (hasOrigin(up, to)) markImpure(up, parentOf(to)); // ovl_rename: the new parent now holds an entry with an origin
}

/** renameat2(RENAME_EXCHANGE) in the upper layer, done as three renames through a free temporary name. */
function exchange(up: FileSystem, a: string, b: string): void {
  let tmp = `${parentOf(a) === '/' ? '' : parentOf(a)}/#xchg`;
  while (tryLstat(up, tmp)) tmp += '_';
  up.rename(b, tmp);
  up.rename(a, b);
  up.rename(tmp, a);
}
