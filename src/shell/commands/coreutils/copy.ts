/**
 * The copying engine of cp(1) and mv(1) (when rename(2) says EXDEV): files
 * share their FileData (the model's copy is O(1), like a reflink), symlinks
 * and device nodes are recreated, -p/-a keep mode, owner and mtime.
 */
import type { CommandContext } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';

export interface CopyOptions {
  readonly recursive: boolean;
  /** -p / -a: keep mode, ownership, timestamps. */
  readonly preserve: boolean;
  /** -P / -d / -a / -r: copy symlinks as symlinks. */
  readonly noDereference: boolean;
  readonly noClobber: boolean;
  readonly name: 'cp' | 'mv';
}

/** Copy `src` to `dst` (dst is the final path); reports errors itself, returns false if any. */
export async function copyPath(ctx: CommandContext, src: string, dst: string, o: CopyOptions, top = true): Promise<boolean> {
  const sys = ctx.sys;
  let st;
  try {
    st = o.noDereference ? sys.lstat(src) : sys.stat(src);
  } catch (e) {
    if (!isSysError(e)) throw e;
    ctx.stderr.write(`${o.name}: cannot stat '${src}': ${e.strerror}\n`);
    return false;
  }
  await ctx.checkpoint();
  try {
    if (st.type === 'dir') {
      if (!o.recursive) {
        ctx.stderr.write(`${o.name}: -r not specified; omitting directory '${src}'\n`);
        return false;
      }
      let exists = false;
      try {
        exists = sys.stat(dst).type === 'dir';
      } catch {
        // create it
      }
      if (!exists) sys.mkdir(dst, st.mode & 0o7777);
      let ok = true;
      for (const name of sys.readdir(src)) {
        if (!(await copyPath(ctx, `${src}/${name}`, `${dst}/${name}`, o, false))) ok = false;
      }
      if (o.preserve) keep(ctx, dst, st);
      return ok;
    }
    if (o.noClobber) {
      try {
        sys.lstat(dst);
        return true;
      } catch {
        // free name
      }
    }
    if (st.type === 'symlink') {
      removeIfExists(ctx, dst);
      sys.symlink(sys.readlink(src), dst);
      return true;
    }
    if (st.type === 'chardev' || st.type === 'blockdev' || st.type === 'fifo') {
      if (!o.recursive && !o.preserve) {
        sys.writeFile(dst, sys.readFile(src), { mode: st.mode & 0o777 });
        return true;
      }
      removeIfExists(ctx, dst);
      sys.mknod(dst, st.type, st.rdev, st.mode & 0o7777);
      if (o.preserve) keep(ctx, dst, st);
      return true;
    }
    const data = sys.readFile(src);
    let existed = true;
    try {
      sys.stat(dst);
    } catch {
      existed = false;
    }
    sys.writeFile(dst, data, { mode: st.mode & 0o777 });
    if (!existed && !o.preserve) sys.chmod(dst, st.mode & 0o777);
    if (o.preserve) keep(ctx, dst, st);
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    ctx.stderr.write(top && e.code === 'ENOENT' ? `${o.name}: cannot create regular file '${dst}': ${e.strerror}\n` : `${o.name}: cannot create '${dst}': ${e.strerror}\n`);
    return false;
  }
}

function keep(ctx: CommandContext, dst: string, st: { mode: number; uid: number; gid: number; mtime: number }): void {
  try {
    ctx.sys.chmod(dst, st.mode & 0o7777);
    ctx.sys.chown(dst, st.uid, st.gid);
    ctx.sys.utimes(dst, st.mtime);
  } catch {
    // best effort, like cp -p without privileges
  }
}

function removeIfExists(ctx: CommandContext, path: string): void {
  try {
    ctx.sys.lstat(path);
  } catch {
    return;
  }
  ctx.sys.unlink(path);
}

/** Is `path` an existing directory (following symlinks)? */
export function isDir(ctx: CommandContext, path: string): boolean {
  try {
    return ctx.sys.stat(path).type === 'dir';
  } catch {
    return false;
  }
}

export function baseName(p: string): string {
  const s = p.replace(/\/+$/, '');
  return s.slice(s.lastIndexOf('/') + 1) || '/';
}

/** Split operands into sources and the destination; report GNU's missing-operand errors. */
export function sourcesAndTarget(ctx: CommandContext, name: string, operands: readonly string[]): { sources: string[]; target: string; intoDir: boolean } | undefined {
  if (!operands.length) {
    ctx.stderr.write(`${name}: missing file operand\nTry '${name} --help' for more information.\n`);
    return undefined;
  }
  if (operands.length === 1) {
    ctx.stderr.write(`${name}: missing destination file operand after '${operands[0]}'\nTry '${name} --help' for more information.\n`);
    return undefined;
  }
  const target = operands[operands.length - 1];
  const sources = operands.slice(0, -1);
  const intoDir = isDir(ctx, target);
  if (sources.length > 1 && !intoDir) {
    ctx.stderr.write(`${name}: target '${target}' is not a directory\n`);
    return undefined;
  }
  return { sources, target, intoDir };
}
