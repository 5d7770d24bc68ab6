/** env(1) (print, or run a command with NAME=VALUE added, -i, -u), printenv(1), which(1) and clear(1). */
import type { Command } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import { resolveCommand, runProgram } from '../../interpreter/exec.ts';
import { hostOf } from '../../interpreter/exec.ts';

export const env: Command = {
  name: 'env',
  summary: 'run a program in a modified environment',
  help: `Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]
Set each NAME to VALUE in the environment and run COMMAND.

  -i, --ignore-environment  start with an empty environment
  -u, --unset=NAME          remove variable from the environment
`,
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const e = new Map(ctx.env);
    while (args.length) {
      const a = args[0];
      if (a === '-i' || a === '-' || a === '--ignore-environment') {
        e.clear();
        args.shift();
      } else if (a === '-u' || a.startsWith('--unset=')) {
        args.shift();
        e.delete(a === '-u' ? args.shift() ?? '' : a.slice(8));
      } else if (/^[^=]+=/.test(a)) {
        const eq = a.indexOf('=');
        e.set(a.slice(0, eq), a.slice(eq + 1));
        args.shift();
      } else if (a === '--') {
        args.shift();
        break;
      } else break;
    }
    if (!args.length) {
      ctx.stdout.write([...e].map(([k, v]) => `${k}=${v}\n`).join(''));
      return 0;
    }
    const r = resolveCommand(ctx.sys, args[0], e.get('PATH'));
    if ('error' in r) {
      ctx.stderr.write(`env: '${args[0]}': ${r.status === 127 ? 'No such file or directory' : r.error}\n`);
      return r.status;
    }
    try {
      ctx.sys.exec(args, e);
    } catch (err) {
      if (!isSysError(err)) throw err;
    }
    return runProgram(hostOf(ctx), ctx.sys, args, e, { stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr });
  },
};

export const printenv: Command = {
  name: 'printenv',
  summary: 'print all or part of environment',
  help: `Usage: printenv [OPTION]... [VARIABLE]...
Print the values of the specified environment VARIABLE(s).
If no VARIABLE is specified, print name and value pairs for them all.
`,
  async run(ctx) {
    const names = ctx.argv.slice(1);
    if (!names.length) {
      ctx.stdout.write([...ctx.env].map(([k, v]) => `${k}=${v}\n`).join(''));
      return 0;
    }
    let status = 0;
    for (const n of names) {
      const v = ctx.env.get(n);
      if (v === undefined) status = 1;
      else ctx.stdout.write(v + '\n');
    }
    return status;
  },
};

export const which: Command = {
  name: 'which',
  summary: 'locate a command',
  help: `Usage: which [-a] filename ...
Print the full path of each filename found in PATH.
`,
  async run(ctx) {
    const all = ctx.argv.includes('-a');
    const names = ctx.argv.slice(1).filter((a) => a !== '-a');
    let status = 0;
    for (const n of names) {
      const found: string[] = [];
      if (n.includes('/')) {
        const r = resolveCommand(ctx.sys, n, undefined);
        if ('path' in r) found.push(n);
      } else {
        for (const d of (ctx.env.get('PATH') ?? '').split(':')) {
          const r = resolveCommand(ctx.sys, `${d || '.'}/${n}`, undefined);
          if ('path' in r) {
            found.push(r.path);
            if (!all) break;
          }
        }
      }
      if (!found.length) status = 1;
      for (const f of found) ctx.stdout.write(f + '\n');
    }
    return status;
  },
};

export const clear: Command = {
  name: 'clear',
  summary: 'clear the terminal screen',
  help: 'Usage: clear [options]\n\nOptions:\n  -x       do not try to clear scrollback\n',
  async run(ctx) {
    ctx.stdout.write('\x1b[H\x1b[2J');
    return 0;
  },
};
