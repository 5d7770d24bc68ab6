/** rm(1) and rmdir(1), with GNU's messages (`rm: cannot remove 'x': No such file or directory`). */
import type { Command, CommandContext } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import { has, parseOrUsage } from './util.ts';

async function removeTree(ctx: CommandContext, path: string): Promise<boolean> {
  const sys = ctx.sys;
  let ok = true;
  for (const name of sys.readdir(path)) {
    const child = path.endsWith('/') ? path + name : `${path}/${name}`;
    await ctx.checkpoint();
    if (!(await removeOne(ctx, child, true, true))) ok = false;
  }
  if (!ok) return false;
  try {
    sys.rmdir(path);
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    ctx.stderr.write(`rm: cannot remove '${path}': ${e.strerror}\n`);
    return false;
  }
}

async function removeOne(ctx: CommandContext, path: string, recursive: boolean, force: boolean, dirOk = false): Promise<boolean> {
  const sys = ctx.sys;
  let st;
  try {
    st = sys.lstat(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (force && e.code === 'ENOENT') return true;
    ctx.stderr.write(ctx.busybox ? `rm: can't remove '${path}': ${e.strerror}\n` : `rm: cannot remove '${path}': ${e.strerror}\n`);
    return false;
  }
  try {
    if (st.type === 'dir') {
      if (recursive) return await removeTree(ctx, path);
      if (dirOk) {
        sys.rmdir(path);
        return true;
      }
      ctx.stderr.write(ctx.busybox ? `rm: '${path}' is a directory\n` : `rm: cannot remove '${path}': Is a directory\n`);
      return false;
    }
    sys.unlink(path);
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    ctx.stderr.write(`rm: cannot remove '${path}': ${e.strerror}\n`);
    return false;
  }
}

export const rm: Command = {
  name: 'rm',
  summary: 'remove files or directories',
  help: `Usage: rm [OPTION]... [FILE]...
Remove (unlink) the FILE(s).

  -f, --force           ignore nonexistent files and arguments, never prompt
  -r, -R, --recursive   remove directories and their contents recursively
  -d, --dir             remove empty directories
  -v, --verbose         explain what is being done
      --no-preserve-root  do not treat '/' specially
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'rm', { flags: 'frRdvi', long: { force: 'f', recursive: 'r', dir: 'd', verbose: 'v', 'no-preserve-root': 'no-preserve-root' } });
    if (typeof p === 'number') return p;
    const recursive = has(p, 'r') || has(p, 'R');
    const force = has(p, 'f');
    if (!p.operands.length) {
      if (force) return 0;
      ctx.stderr.write("rm: missing operand\nTry 'rm --help' for more information.\n");
      return 1;
    }
    let status = 0;
    for (const path of p.operands) {
      const base = path.replace(/\/+$/, '').split('/').pop();
      if (base === '.' || base === '..') {
        ctx.stderr.write(`rm: refusing to remove '.' or '..' directory: skipping '${path}'\n`);
        status = 1;
        continue;
      }
      if (recursive && !has(p, 'no-preserve-root') && isRoot(ctx, path)) {
        ctx.stderr.write(`rm: it is dangerous to operate recursively on '${path}'\nrm: use --no-preserve-root to override this failsafe\n`);
        status = 1;
        continue;
      }
      if (!(await removeOne(ctx, path, recursive, force, has(p, 'd')))) status = 1;
      else if (has(p, 'v')) ctx.stdout.write(`removed '${path}'\n`);
    }
    return status;
  },
};

function isRoot(ctx: CommandContext, path: string): boolean {
  try {
    return ctx.sys.realpath(path) === '/';
  } catch {
    return false;
  }
}

export const rmdir: Command = {
  name: 'rmdir',
  summary: 'remove empty directories',
  help: `Usage: rmdir [OPTION]... DIRECTORY...
Remove the DIRECTORY(ies), if they are empty.

  -p, --parents   remove DIRECTORY and its ancestors
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'rmdir', { flags: 'pv', long: { parents: 'p', verbose: 'v' } });
    if (typeof p === 'number') return p;
    if (!p.operands.length) {
      ctx.stderr.write("rmdir: missing operand\nTry 'rmdir --help' for more information.\n");
      return 1;
    }
    let status = 0;
    for (const dir of p.operands) {
      let d = dir.replace(/\/+$/, '') || '/';
      for (;;) {
        try {
          ctx.sys.rmdir(d);
        } catch (e) {
          if (!isSysError(e)) throw e;
          ctx.stderr.write(`rmdir: failed to remove '${d}': ${e.strerror}\n`);
          status = 1;
          break;
        }
        if (!has(p, 'p') || !d.includes('/')) break;
        d = d.slice(0, d.lastIndexOf('/'));
        if (!d) break;
      }
    }
    return status;
  },
};
