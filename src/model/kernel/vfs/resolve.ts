/**
 * Path resolution (path_resolution(7), the kernel's namei): walk a path one
 * component at a time from the process's root or cwd, crossing mounts,
 * following symlinks (ELOOP after 40), never going above the process's root
 * with "..", and requiring every intermediate component to be a directory.
 */
import type { FileSystem, Stat } from '../../fs/types.ts';
import { fail, isSysError } from '../../errors.ts';
import { splitPath } from '../../fs/path.ts';
import type { Mount, MountTable } from './mount-table.ts';
import { pathInMount } from './mount-table.ts';
import { SyntheticFs } from './synthetic-fs.ts';

/** Linux's MAXSYMLINKS: symlinks followed in one resolution. */
export const MAX_SYMLINKS = 40;

/** The view a process resolves paths in: its mount table, root and cwd. */
export interface PathContext {
  readonly table: MountTable;
  readonly root: string;
  readonly cwd: string;
}

/** A canonical path of the namespace and where it lives. */
export interface Located {
  /** Canonical path in the mount namespace (symlinks resolved up to the last component). */
  readonly path: string;
  readonly mount: Mount;
  readonly fs: FileSystem;
  /** Path inside `fs`. */
  readonly fsPath: string;
  /** lstat of the final component; undefined if it does not exist. */
  readonly stat: Stat | undefined;
  /**
   * The directory holding the final name, when the walk ended by looking that
   * name up in it (no magic-link jump, no trailing "." or ".."): its canonical
   * path and stat, what resolving dirname(path) again would give.
   */
  readonly parent?: { readonly path: string; readonly stat: Stat };
}

/** Find the mount and filesystem path for a canonical namespace path. */
export function locate(table: MountTable, path: string): { mount: Mount; fs: FileSystem; fsPath: string } {
  const mount = table.find(path);
  return { mount, fs: mount.fs, fsPath: pathInMount(mount, path) };
}

/** lstat of a canonical namespace path; undefined if it does not exist (other errors are thrown). */
function lstatOrUndefined(table: MountTable, path: string): Stat | undefined {
  const { fs, fsPath } = locate(table, path);
  return lstatIn(fs, fsPath);
}

/** lstat inside one filesystem; undefined for ENOENT, other errors thrown. */
function lstatIn(fs: FileSystem, fsPath: string): Stat | undefined {
  try {
    return fs.lstat(fsPath);
  } catch (e) {
    if (isSysError(e, 'ENOENT')) return undefined;
    throw e;
  }
}

/**
 * lstat of a name inside a directory already found to be one of the same
 * filesystem: a miss can only be ENOENT (no intermediate component can be a
 * non-directory), so the filesystem's non-throwing tryLstat gives the same
 * answer without an exception per missing name.
 */
function lstatChild(fs: FileSystem, fsPath: string): Stat | undefined {
  return fs.tryLstat ? fs.tryLstat(fsPath) : lstatIn(fs, fsPath);
}

/** Join a canonical dir and one name. */
function child(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

/** Parent of a canonical path, never above `root`. */
function parentWithin(p: string, root: string): string {
  if (p === root || p === '/') return p;
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

/**
 * Resolve `input` for a process. `follow`: follow a symlink in the last
 * component. `mustExist`: ENOENT if the last component is missing (otherwise
 * the result has `stat: undefined`, for creating calls).
 */
export function resolve(ctx0: PathContext, input: string, opts: { follow: boolean; mustExist: boolean }): Located {
  if (input === '') fail('ENOENT', input);
  // A magic link (/proc/PID/root) switches the walk into another mount namespace.
  let ctx: PathContext = ctx0;
  let cur = input.startsWith('/') ? ctx.root : ctx.cwd;
  // The components still to walk are parts[k..]; a symlink's target replaces the walked ones.
  let parts = splitPath(input);
  let k = 0;
  const wantDir = input.endsWith('/') || input.endsWith('/.') || input.endsWith('/..');
  let links = 0;
  // Where `cur` lives: a name with no mount attached at it is on its parent's mount (MountTable.hasMountAt),
  // so the walk carries the mount along instead of searching the table at every step.
  let mount = ctx.table.find(cur);
  let fsPath = pathInMount(mount, cur);
  let stat: Stat | undefined = lstatIn(mount.fs, fsPath);
  // The directory the last name was looked up in, while the last step was such a lookup; kept only
  // while every directory above `cur` was walked here too (the walk began at "/" in ctx0), so that it
  // is exactly what resolving dirname(path) from "/" would find.
  let parent: { path: string; stat: Stat } | undefined;
  let fromTop = cur === '/';
  const moveTo = (p: string): void => {
    parent = undefined;
    cur = p;
    mount = ctx.table.find(p);
    fsPath = pathInMount(mount, p);
    stat = lstatIn(mount.fs, fsPath);
  };
  while (k < parts.length) {
    const name = parts[k++];
    const last = k === parts.length;
    if (name === '.') {
      continue;
    }
    if (name === '..') {
      moveTo(parentWithin(cur, ctx.root));
      continue;
    }
    parent = undefined;
    if (stat === undefined) fail('ENOENT', input);
    if (stat.type !== 'dir') fail('ENOTDIR', input);
    const next = child(cur, name);
    let nextMount = mount;
    let nextFsPath: string;
    let st: Stat | undefined;
    if (ctx.table.hasMountAt(next)) {
      nextMount = ctx.table.find(next);
      nextFsPath = pathInMount(nextMount, next);
      st = lstatIn(nextMount.fs, nextFsPath);
    } else {
      nextFsPath = child(fsPath, name);
      st = lstatChild(mount.fs, nextFsPath);
    }
    if (st === undefined) {
      if (!last || opts.mustExist) fail('ENOENT', input);
      return { path: next, mount: nextMount, fs: nextMount.fs, fsPath: nextFsPath, stat: undefined, parent: fromTop ? { path: cur, stat } : undefined };
    }
    if (st.type === 'symlink' && (!last || opts.follow || wantDir)) {
      if (++links > MAX_SYMLINKS) fail('ELOOP', input);
      const fs = nextMount.fs;
      const jump = fs instanceof SyntheticFs ? fs.magic(nextFsPath) : undefined;
      if (jump) {
        ctx = { table: jump.table, root: ctx.root, cwd: ctx.cwd };
        fromTop = false;
        moveTo(jump.path);
        if (k === parts.length && stat) return { path: cur, mount, fs: mount.fs, fsPath, stat };
        continue;
      }
      const target = fs.readlink(nextFsPath);
      if (isMagicLink(target, fs)) {
        // nsfs "magic" links (/proc/PID/ns/*) resolve to the namespace itself.
        return { path: next, mount: nextMount, fs, fsPath: nextFsPath, stat: st };
      }
      parts = [...splitPath(target), ...parts.slice(k)];
      k = 0;
      if (target === '' ) fail('ENOENT', input);
      if (target.startsWith('/')) {
        moveTo(ctx.root);
        fromTop &&= ctx.root === '/';
      } else {
        stat = lstatIn(mount.fs, fsPath);
      }
      continue;
    }
    if (fromTop) parent = { path: cur, stat };
    cur = next;
    mount = nextMount;
    fsPath = nextFsPath;
    stat = st;
  }
  if (stat === undefined) fail('ENOENT', input);
  if (wantDir && stat.type !== 'dir') fail('ENOTDIR', input);
  return { path: cur, mount, fs: mount.fs, fsPath, stat, parent };
}

/** /proc/PID/ns/TYPE links read "type:[inode]" and are not followed as paths. */
export function isMagicLink(target: string, fs: FileSystem): boolean {
  return fs.fstype === 'proc' && /^[a-z_]+:\[\d+\]$/.test(target);
}
