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
}

/** Find the mount and filesystem path for a canonical namespace path. */
export function locate(table: MountTable, path: string): { mount: Mount; fs: FileSystem; fsPath: string } {
  const mount = table.find(path);
  return { mount, fs: mount.fs, fsPath: pathInMount(mount, path) };
}

function lstatOrUndefined(table: MountTable, path: string): Stat | undefined {
  const { fs, fsPath } = locate(table, path);
  try {
    return fs.lstat(fsPath);
  } catch (e) {
    if (isSysError(e, 'ENOENT')) return undefined;
    throw e;
  }
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
  let rest = splitPath(input);
  const wantDir = input.endsWith('/') || input.endsWith('/.') || input.endsWith('/..');
  let links = 0;
  let stat: Stat | undefined = lstatOrUndefined(ctx.table, cur);
  while (rest.length > 0) {
    const name = rest[0];
    rest = rest.slice(1);
    const last = rest.length === 0;
    if (name === '.') {
      continue;
    }
    if (name === '..') {
      cur = parentWithin(cur, ctx.root);
      stat = lstatOrUndefined(ctx.table, cur);
      continue;
    }
    if (stat === undefined) fail('ENOENT', input);
    if (stat.type !== 'dir') fail('ENOTDIR', input);
    const next = child(cur, name);
    const st = lstatOrUndefined(ctx.table, next);
    if (st === undefined) {
      if (!last || opts.mustExist) fail('ENOENT', input);
      return { path: next, ...locate(ctx.table, next), stat: undefined };
    }
    if (st.type === 'symlink' && (!last || opts.follow || wantDir)) {
      if (++links > MAX_SYMLINKS) fail('ELOOP', input);
      const { fs, fsPath } = locate(ctx.table, next);
      const jump = fs instanceof SyntheticFs ? fs.magic(fsPath) : undefined;
      if (jump) {
        ctx = { table: jump.table, root: ctx.root, cwd: ctx.cwd };
        cur = jump.path;
        stat = lstatOrUndefined(ctx.table, cur);
        if (rest.length === 0 && stat) return { path: cur, ...locate(ctx.table, cur), stat };
        continue;
      }
      const target = fs.readlink(fsPath);
      if (isMagicLink(target, fs)) {
        // nsfs "magic" links (/proc/PID/ns/*) resolve to the namespace itself.
        return { path: next, ...locate(ctx.table, next), stat: st };
      }
      if (target.startsWith('/')) cur = ctx.root;
      rest = [...splitPath(target), ...rest];
      if (target === '' ) fail('ENOENT', input);
      stat = lstatOrUndefined(ctx.table, cur);
      continue;
    }
    cur = next;
    stat = st;
  }
  if (stat === undefined) fail('ENOENT', input);
  if (wantDir && stat.type !== 'dir') fail('ENOTDIR', input);
  return { path: cur, ...locate(ctx.table, cur), stat };
}

/** /proc/PID/ns/TYPE links read "type:[inode]" and are not followed as paths. */
export function isMagicLink(target: string, fs: FileSystem): boolean {
  return fs.fstype === 'proc' && /^[a-z_]+:\[\d+\]$/.test(target);
}
