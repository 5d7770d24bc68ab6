/** mv(1): rename(2); across filesystems (EXDEV) copy the tree like `cp -a` then remove the source, as mv does. */
import type { Command, CommandContext } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import { baseName, copyPath, sourcesAndTarget } from './copy.ts';
import { has, parseOrUsage } from './util.ts';

async function removeTree(ctx: CommandContext, path: string): Promise<void> {
  const st = ctx.sys.lstat(path);
  if (st.type === 'dir') {
    for (const n of ctx.sys.readdir(path)) await removeTree(ctx, `${path}/${n}`);
    ctx.sys.rmdir(path);
  } else ctx.sys.unlink(path);
}

export const mv: Command = {
  name: 'mv',
  summary: 'move (rename) files',
  help: `Usage: mv [OPTION]... [-T] SOURCE DEST
  or:  mv [OPTION]... SOURCE... DIRECTORY
Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.

  -f, --force                  do not prompt before overwriting
  -n, --no-clobber             do not overwrite an existing file
  -v, --verbose                explain what is being done
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'mv', { flags: 'fnvi', long: { force: 'f', 'no-clobber': 'n', verbose: 'v' } });
    if (typeof p === 'number') return p;
    const st = sourcesAndTarget(ctx, 'mv', p.operands);
    if (!st) return 1;
    let status = 0;
    for (const src of st.sources) {
      const dst = st.intoDir ? `${st.target.replace(/\/+$/, '')}/${baseName(src)}` : st.target;
      try {
        ctx.sys.lstat(src);
      } catch (e) {
        if (!isSysError(e)) throw e;
        ctx.stderr.write(`mv: cannot stat '${src}': ${e.strerror}\n`);
        status = 1;
        continue;
      }
      if (has(p, 'n')) {
        try {
          ctx.sys.lstat(dst);
          continue;
        } catch {
          // free
        }
      }
      try {
        ctx.sys.rename(src, dst);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.code !== 'EXDEV') {
          ctx.stderr.write(`mv: cannot move '${src}' to '${dst}': ${e.strerror}\n`);
          status = 1;
          continue;
        }
        const ok = await copyPath(ctx, src, dst, { recursive: true, preserve: true, noDereference: true, noClobber: false, name: 'mv' });
        if (!ok) {
          status = 1;
          continue;
        }
        try {
          await removeTree(ctx, src);
        } catch (e2) {
          if (!isSysError(e2)) throw e2;
          ctx.stderr.write(`mv: cannot remove '${src}': ${e2.strerror}\n`);
          status = 1;
          continue;
        }
      }
      if (has(p, 'v')) ctx.stdout.write(`renamed '${src}' -> '${dst}'\n`);
    }
    return status;
  },
};
