/** ln(1): hard links, -s symbolic links, -f replace, into a directory. */
import type { Command } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import { baseName, isDir } from './copy.ts';
import { has, parseOrUsage } from './util.ts';

export const ln: Command = {
  name: 'ln',
  summary: 'make links between files',
  help: `Usage: ln [OPTION]... [-T] TARGET LINK_NAME
  or:  ln [OPTION]... TARGET
  or:  ln [OPTION]... TARGET... DIRECTORY
Create hard links by default, symbolic links with --symbolic.

  -f, --force                 remove existing destination files
  -n, --no-dereference        treat LINK_NAME as a normal file if it is a symbolic link to a directory
  -s, --symbolic              make symbolic links instead of hard links
  -v, --verbose               print name of each linked file
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'ln', { flags: 'fnsvT', long: { force: 'f', 'no-dereference': 'n', symbolic: 's', verbose: 'v' } });
    if (typeof p === 'number') return p;
    const ops = p.operands;
    if (!ops.length) {
      ctx.stderr.write("ln: missing file operand\nTry 'ln --help' for more information.\n");
      return 1;
    }
    const symbolic = has(p, 's');
    const targets = ops.length === 1 ? ops : ops.slice(0, -1);
    const last = ops.length === 1 ? '.' : ops[ops.length - 1];
    const intoDir = ops.length === 1 || (!has(p, 'T') && !has(p, 'n') && isDir(ctx, last)) || (has(p, 'n') && isDir(ctx, last) && ctx.sys.lstat(last).type === 'dir');
    if (targets.length > 1 && !intoDir) {
      ctx.stderr.write(`ln: target '${last}' is not a directory\n`);
      return 1;
    }
    let status = 0;
    for (const t of targets) {
      const link = intoDir ? `${last.replace(/\/+$/, '')}/${baseName(t)}` : last;
      try {
        if (has(p, 'f')) {
          try {
            if (ctx.sys.lstat(link).type !== 'dir') ctx.sys.unlink(link);
          } catch {
            // nothing to replace
          }
        }
        if (symbolic) ctx.sys.symlink(t, link);
        else ctx.sys.link(t, link);
        if (has(p, 'v')) ctx.stdout.write(`'${link}' -> '${t}'\n`);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (symbolic) ctx.stderr.write(`ln: failed to create symbolic link '${link}': ${e.strerror}\n`);
        else if (e.path === t || e.code === 'ENOENT') ctx.stderr.write(`ln: failed to access '${t}': ${e.strerror}\n`);
        else ctx.stderr.write(`ln: failed to create hard link '${link}' => '${t}': ${e.strerror}\n`);
        status = 1;
      }
    }
    return status;
  },
};
