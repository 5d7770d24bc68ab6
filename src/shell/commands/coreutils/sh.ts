/**
 * sh / bash / ash as programs (bash(1) INVOCATION): `-c STRING [NAME [ARG…]]`,
 * a script file, a script on stdin, or, on a terminal, an interactive shell
 * the session hands the reader's lines to.
 */
import type { Command, CommandContext } from '../../types.ts';
import { toText } from '../../../model/fs/data.ts';
import { isSysError } from '../../../model/errors.ts';
import { MAX_NESTING, Shell } from '../../interpreter/shell.ts';
import { ExitSignal, ReturnSignal } from '../../interpreter/signals.ts';
import { isTerminal } from '../../interpreter/io.ts';
import { hostOf, inheritedDepth } from '../../interpreter/exec.ts';
import { flavorOf } from '../../interpreter/flavor.ts';

async function runSh(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  const name = ctx.argv[0] ?? 'sh';
  const opts = { errexit: false, xtrace: false, nounset: false };
  let command: string | undefined;
  let stdinScript = false;
  while (args.length && /^[-+][a-zA-Z]+$/.test(args[0])) {
    const a = args.shift()!;
    for (const c of a.slice(1)) {
      if (c === 'c') command = '';
      else if (c === 'e') opts.errexit = a[0] === '-';
      else if (c === 'x') opts.xtrace = a[0] === '-';
      else if (c === 'u') opts.nounset = a[0] === '-';
      else if (c === 's') stdinScript = true;
      else if (c === 'i' || c === 'l') continue;
      else {
        ctx.stderr.write(`${name}: -${c}: invalid option\n`);
        return 2;
      }
    }
  }
  if (args[0] === '--') args.shift();
  if (inheritedDepth(ctx.sys) >= MAX_NESTING) {
    ctx.stderr.write(`${name}: maximum nesting level exceeded (${MAX_NESTING})\n`);
    return 126;
  }
  const flavor = flavorOf(ctx.sys, name, ctx.env);
  const host = hostOf(ctx);
  const make = (argv0: string, positional: string[]): Shell => {
    const sh = new Shell({ sys: ctx.sys, host, env: ctx.env, argv0, args: positional, flavor });
    sh.depth = inheritedDepth(ctx.sys);
    Object.assign(sh.opts, opts);
    return sh;
  };
  const io = { stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr };
  let source: string;
  let sh: Shell;
  if (command !== undefined) {
    if (!args.length) {
      ctx.stderr.write(`${name}: -c: option requires an argument\n`);
      return 2;
    }
    source = args[0];
    sh = make(args[1] ?? name, args.slice(2));
  } else if (args.length && !stdinScript) {
    try {
      source = toText(ctx.sys.readFile(args[0]), 1024 * 1024);
    } catch (e) {
      if (isSysError(e)) {
        ctx.stderr.write(`${name}: ${args[0]}: ${e.strerror}\n`);
        return 127;
      }
      throw e;
    }
    sh = make(args[0], args.slice(1));
  } else if (isTerminal(ctx.stdin)) {
    return ctx.interact(ctx.sys, ctx.argv, ctx.env);
  } else {
    source = await ctx.stdin.readAll();
    sh = make(name, args);
  }
  let status: number;
  try {
    status = await sh.runSource(source, io);
  } catch (e) {
    if (e instanceof ExitSignal || e instanceof ReturnSignal) status = e.status;
    else throw e;
  }
  return sh.finish(status, io);
}

const HELP = (name: string): string => `Usage:	${name} [option] ...
	${name} [option] script-file ...
Shell options:
	-c command	read commands from the command string
	-e		exit immediately if a command exits with a non-zero status
	-s		read commands from standard input
	-u		treat unset variables as an error
	-x		print commands and their arguments as they are executed
`;

/** The shell as a program, under each name it is installed as. */
export const shells: Command[] = (['sh', 'bash', 'ash', 'dash'] as const).map((name) => ({
  name,
  summary: name === 'bash' ? 'GNU Bourne-Again SHell' : name === 'ash' ? 'BusyBox ash, the Almquist shell' : 'command interpreter (shell)',
  help: HELP(name),
  run: runSh,
}));
