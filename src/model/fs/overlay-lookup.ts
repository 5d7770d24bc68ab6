/**
 * overlayfs lookup (fs/overlayfs/namei.c ovl_lookup, Documentation/filesystems/
 * overlayfs.rst; facts §1.2–1.3): a name is looked up in the upper layer, then
 * in each lower layer top-down. The first non-directory wins; directories
 * merge until an opaque one; a whiteout (char device 0/0) ends the search.
 * Layers may themselves hold whiteouts and opaque dirs (Docker's lower diff
 * dirs do), so the same rules apply at every level.
 */
import { fail } from '../errors.ts';
import { canonical, compareNames, isCanonical, splitParent } from './path.ts';
import type { FileSystem, Stat } from './types.ts';
import { tryLstat } from './walk.ts';

/** xattr marking an opaque directory (value "y"). */
export const OPAQUE_XATTR = 'trusted.overlay.opaque';
/** xattr the kernel sets on copy-up naming the lower origin (used for persistent st_ino). */
export const ORIGIN_XATTR = 'trusted.overlay.origin';
/** xattr on an upper dir holding entries that carry an origin (copied up or moved in). */
export const IMPURE_XATTR = 'trusted.overlay.impure';
/** overlayfs's private xattrs: hidden from listxattr and not copied up (ovl_is_private_xattr). */
export const isPrivateXattr = (name: string): boolean => name.startsWith('trusted.overlay.');

/** A whiteout: a character device with device number 0/0 (overlayfs.rst "whiteouts and opaque directories"). */
export function isWhiteout(st: Stat): boolean {
  return st.type === 'chardev' && st.rdev[0] === 0 && st.rdev[1] === 0;
}

/** A directory of the merged view: does it exist in the upper layer, and which lower layers' dirs merge into it. */
export interface DirState {
  readonly path: string;
  readonly upper: boolean;
  /** Indices into the lower list (0 = topmost), visible (not cut off by an opaque dir). */
  readonly lowers: readonly number[];
}

/** One name of the merged view, positive or negative. */
export interface Entry {
  readonly path: string;
  readonly parent: DirState;
  /** The upper object (never a whiteout). */
  readonly upper: Stat | undefined;
  /** Lower objects making up the entry: a non-dir has at most one (only without upper); a dir lists each merged lower dir. */
  readonly lowers: ReadonlyArray<{ readonly layer: number; readonly stat: Stat }>;
  /** The upper layer holds a whiteout at this name. */
  readonly upperWhiteout: boolean;
  /** The upper dir is opaque. */
  readonly opaque: boolean;
  /** ovl_lower_positive: the name exists (not as a whiteout) in the parent's lower dirs, so removing it needs a whiteout. */
  readonly lowerPositive: boolean;
}

/** The object the merged view shows for an entry, if any. */
export function top(e: Entry): Stat | undefined {
  return e.upper ?? e.lowers[0]?.stat;
}

/** The layers an overlay looks names up in. */
export interface Layers {
  readonly upper: FileSystem | undefined;
  readonly lowers: readonly FileSystem[];
}

/** Look `name` up in directory `dir` of the merged view (ovl_lookup for one component). */
export function lookupChild(l: Layers, dir: DirState, name: string): Entry {
  const path = dir.path === '/' ? `/${name}` : `${dir.path}/${name}`;
  let upper: Stat | undefined;
  let upperWhiteout = false;
  let opaque = false;
  if (dir.upper && l.upper) {
    const st = tryLstat(l.upper, path);
    if (st && isWhiteout(st)) upperWhiteout = true;
    else if (st) {
      upper = st;
      opaque = st.type === 'dir' && l.upper.getxattr(path, OPAQUE_XATTR) === 'y';
    }
  }
  const lowers: Array<{ layer: number; stat: Stat }> = [];
  let stop = upperWhiteout || opaque || (upper !== undefined && upper.type !== 'dir');
  let lowerPositive: boolean | undefined;
  for (const i of dir.lowers) {
    const st = tryLstat(l.lowers[i], path);
    if (!st) continue;
    lowerPositive ??= !isWhiteout(st);
    if (stop || isWhiteout(st)) break;
    if (st.type !== 'dir') {
      if (!upper && lowers.length === 0) lowers.push({ layer: i, stat: st });
      break;
    }
    lowers.push({ layer: i, stat: st });
    if (l.lowers[i].getxattr(path, OPAQUE_XATTR) === 'y') stop = true;
  }
  return { path, parent: dir, upper, lowers, upperWhiteout, opaque, lowerPositive: lowerPositive ?? false };
}

/** The root of the merged view: upper root plus every lower root. */
export function rootEntry(l: Layers): Entry {
  const lowers = l.lowers.map((fs, layer) => ({ layer, stat: fs.lstat('/') }));
  const parent: DirState = { path: '/', upper: l.upper !== undefined, lowers: lowers.map((x) => x.layer) };
  return { path: '/', parent, upper: l.upper?.lstat('/'), lowers, upperWhiteout: false, opaque: false, lowerPositive: false };
}

/** The directory state of a positive directory entry, for looking up its children. */
export function dirState(e: Entry): DirState {
  return { path: e.path, upper: e.upper !== undefined, lowers: e.lowers.map((x) => x.layer) };
}

/** Resolve an absolute path component by component; ENOENT/ENOTDIR as namei would. Returns the (possibly negative) last entry. */
export function resolve(l: Layers, path: string, cache?: Map<string, Entry>): Entry {
  if (!isCanonical(path)) return resolve(l, canonical(path), cache);
  const hit = cache?.get(path);
  if (hit) return hit;
  let e: Entry;
  if (path === '/') {
    e = rootEntry(l);
  } else {
    const [parentPath, name] = splitParent(path);
    const parent = resolve(l, parentPath, cache);
    const t = top(parent);
    if (!t) fail('ENOENT', path);
    if (t.type !== 'dir') fail('ENOTDIR', path);
    e = lookupChild(l, dirState(parent), name);
  }
  cache?.set(path, e);
  return e;
}

/** Resolve and require a positive entry. */
export function resolveExisting(l: Layers, path: string, cache?: Map<string, Entry>): Entry & { readonly stat: Stat } {
  const e = resolve(l, path, cache);
  const stat = top(e) ?? fail('ENOENT', path);
  return { ...e, stat };
}

/**
 * Names of a merged directory (overlayfs.rst "readdir"): upper first, then
 * each lower; a name already seen is not re-added; whiteouts hide the name
 * below and are hidden themselves.
 */
export function mergedNames(l: Layers, e: Entry): string[] {
  const layers: FileSystem[] = [];
  if (e.upper && l.upper) layers.push(l.upper);
  for (const x of e.lowers) layers.push(l.lowers[x.layer]);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const fs of layers) {
    for (const name of fs.readdir(e.path)) {
      if (seen.has(name)) continue;
      seen.add(name);
      const st = tryLstat(fs, e.path === '/' ? `/${name}` : `${e.path}/${name}`);
      if (st && !isWhiteout(st)) out.push(name);
    }
  }
  return layers.length === 1 ? out : out.sort(compareNames);
}

/** Parent path of an entry's path. */
export function parentOf(path: string): string {
  return splitParent(path)[0];
}
