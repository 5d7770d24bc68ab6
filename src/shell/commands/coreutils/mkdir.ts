/** mkdir(1) (-p, -m MODE) and touch(1) (create, or update mtime from the virtual clock). */
import type { Command } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import { EMPTY } from '../../../model/fs/data.ts';
import { has, parseOrUsage } from './util.ts';

export const mkdir: Command = {
  name: 'mkdir',
  summary: 'make directories',
  help: `Usage: mkdir [OPTION]... DIRECTORY...
Create the DIRECTORY(ies), if they do not already exist.

  -m, --mode=MODE   set file mode (as in chmod), not a=rwx - umask
  -p, --parents     no error if existing, make parent directories as needed
  -v, --verbose     print a message for each created directory
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'mkdir', { flags: 'pv', withArg: 'm', long: { parents: 'p', verbose: 'v', 'mode=': 'm' } });
    if (typeof p === 'number') return p;
    if (!p.operands.length) {
      ctx.stderr.write("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
      return 1;
    }
    const modeArg = p.values.get('m');
    const mode = modeArg !== undefined ? parseInt(modeArg, 8) : 0o755;
    if (Number.isNaN(mode)) {
      ctx.stderr.write(`mkdir: invalid mode '${modeArg}'\n`);
      return 1;
    }
    let status = 0;
    for (const dir of p.operands) {
      const targets: string[] = [];
      if (has(p, 'p')) {
        const parts = dir.split('/');
        for (let i = 1; i <= parts.length; i++) {
          const prefix = parts.slice(0, i).join('/');
          if (prefix && prefix !== '.' && prefix !== '..') targets.push(prefix);
        }
      } else targets.push(dir);
      for (const t of targets) {
        try {
          if (has(p, 'p')) {
            try {
              if (ctx.sys.stat(t).type === 'dir') continue;
            } catch {
              // missing: create it
            }
          }
          ctx.sys.mkdir(t, mode);
          if (has(p, 'v')) ctx.stdout.write(`mkdir: created directory '${t}'\n`);
        } catch (e) {
          if (!isSysError(e)) throw e;
          ctx.stderr.write(`mkdir: ${ctx.busybox ? "can't" : 'cannot'} create directory '${t}': ${e.strerror}\n`);
          status = 1;
          break;
        }
      }
    }
    return status;
  },
};

export const touch: Command = {
  name: 'touch',
  summary: 'change file timestamps (create empty files)',
  help: `Usage: touch [OPTION]... FILE...
Update the access and modification times of each FILE to the current time.

A FILE argument that does not exist is created empty, unless -c is supplied.

  -c, --no-create        do not create any files
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'touch', { flags: 'cam', withArg: 'dtr', long: { 'no-create': 'c', 'date=': 'd', 'reference=': 'r' } });
    if (typeof p === 'number') return p;
    if (!p.operands.length) {
      ctx.stderr.write("touch: missing file operand\nTry 'touch --help' for more information.\n");
      return 1;
    }
    let status = 0;
    for (const f of p.operands) {
      try {
        let exists = true;
        try {
          ctx.sys.stat(f);
        } catch {
          exists = false;
        }
        if (!exists) {
          if (has(p, 'c')) continue;
          ctx.sys.writeFile(f, EMPTY, { append: true });
        } else ctx.sys.utimes(f, ctx.sys.realtime());
      } catch (e) {
        if (!isSysError(e)) throw e;
        ctx.stderr.write(`touch: cannot touch '${f}': ${e.strerror}\n`);
        status = 1;
      }
    }
    return status;
  },
};
