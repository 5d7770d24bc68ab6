/** cp(1): -r/-R, -a (archive), -p (preserve), -n, -v; copies share data in the model (like a reflink). */
import type { Command } from '../../types.ts';
import { baseName, copyPath, sourcesAndTarget } from './copy.ts';
import { has, parseOrUsage } from './util.ts';

export const cp: Command = {
  name: 'cp',
  summary: 'copy files and directories',
  help: `Usage: cp [OPTION]... [-T] SOURCE DEST
  or:  cp [OPTION]... SOURCE... DIRECTORY
Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.

  -a, --archive                same as -dR --preserve=all
  -d                           same as --no-dereference --preserve=links
  -f, --force                  if an existing destination file cannot be opened, remove it and try again
  -n, --no-clobber             do not overwrite an existing file
  -P, --no-dereference         never follow symbolic links in SOURCE
  -p                           same as --preserve=mode,ownership,timestamps
  -R, -r, --recursive          copy directories recursively
  -v, --verbose                explain what is being done
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'cp', { flags: 'adfnPpRrvL', long: { archive: 'a', force: 'f', 'no-clobber': 'n', 'no-dereference': 'P', recursive: 'r', verbose: 'v', dereference: 'L' } });
    if (typeof p === 'number') return p;
    const st = sourcesAndTarget(ctx, 'cp', p.operands);
    if (!st) return 1;
    const recursive = has(p, 'r') || has(p, 'R') || has(p, 'a');
    const opts = {
      recursive,
      preserve: has(p, 'a') || has(p, 'p'),
      noDereference: !has(p, 'L') && (has(p, 'a') || has(p, 'd') || has(p, 'P') || recursive),
      noClobber: has(p, 'n'),
      name: 'cp' as const,
    };
    let status = 0;
    for (const src of st.sources) {
      const dst = st.intoDir ? `${st.target.replace(/\/+$/, '')}/${baseName(src)}` : st.target;
      const real = (x: string): string => {
        try {
          return ctx.sys.realpath(x);
        } catch {
          return x;
        }
      };
      const rs = real(src);
      const rd = real(dst.slice(0, dst.lastIndexOf('/')) || '.');
      if (recursive && (rd === rs || rd.startsWith(rs + '/'))) {
        ctx.stderr.write(`cp: cannot copy a directory, '${src}', into itself, '${dst}'\n`);
        status = 1;
        continue;
      }
      if (!(await copyPath(ctx, src, dst, opts))) status = 1;
      else if (has(p, 'v')) ctx.stdout.write(`'${src}' -> '${dst}'\n`);
    }
    return status;
  },
};
