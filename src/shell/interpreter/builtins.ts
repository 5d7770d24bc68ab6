/**
 * Shell builtins (bash(1) "SHELL BUILTIN COMMANDS", XCU 2.14): commands
 * that change the shell itself (cd, export, set, exit…) run in the shell's
 * own process. echo, printf, test and [ are builtins too, as in bash and
 * ash, sharing their code with the programs of the same name.
 */
import type { Command } from '../types.ts';
import { echo } from '../commands/coreutils/echo.ts';
import { printf } from '../commands/coreutils/printf.ts';
import { test, bracket } from '../commands/coreutils/test.ts';
import { trueCmd, falseCmd } from '../commands/coreutils/true.ts';
import { makeContext, runCommand, runExternal } from './exec.ts';
import { evaluate, ArithError } from './arith.ts';
import type { Shell, Stdio } from './shell.ts';
import { ExitSignal, LoopSignal, ReturnSignal } from './signals.ts';
import { jobBuiltins } from './builtins-jobs.ts';
import { cd, exportBuiltin, numArg, readBuiltin, safeCwd, setBuiltin, source } from './builtins-env.ts';
import { infoBuiltins } from './builtins-info.ts';

/** A builtin: runs in the shell's process. Special builtins keep prefix assignments (XCU 2.14). */
export interface Builtin {
  (sh: Shell, argv: string[], io: Stdio): Promise<number>;
  special?: boolean;
}

function def(fn: (sh: Shell, argv: string[], io: Stdio) => Promise<number> | number, special = false): Builtin {
  const b: Builtin = async (sh, argv, io) => fn(sh, argv, io);
  b.special = special;
  return b;
}

/** A program that is also a builtin: same code, run in the shell's process. */
function fromCommand(cmd: Command): Builtin {
  return def((sh, argv, io) => runCommand(cmd, makeContext(sh.host, sh.sys, argv, sh.environment(), io, sh.background), true));
}

/** Every builtin by name. */
export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  [':', def(() => 0, true)],
  ['true', fromCommand(trueCmd)],
  ['false', fromCommand(falseCmd)],
  ['echo', fromCommand(echo)],
  ['printf', fromCommand(printf)],
  ['test', fromCommand(test)],
  ['[', fromCommand(bracket)],
  ['cd', def(cd)],
  ['pwd', def((sh, _a, io) => (io.stdout.write(safeCwd(sh) + '\n'), 0))],
  ['export', def(exportBuiltin, true)],
  ['readonly', def((sh, argv, io) => declare(sh, ['declare', '-r', ...argv.slice(1)], io), true)],
  ['declare', def(declare)],
  ['typeset', def(declare)],
  ['unset', def((sh, argv) => {
    const fn = argv[1] === '-f';
    for (const n of argv.slice(1).filter((a) => a !== '-f' && a !== '-v')) fn ? sh.funcs.delete(n) : sh.vars.delete(n);
    sh.hash.clear();
    return 0;
  }, true)],
  ['set', def(setBuiltin, true)],
  ['shift', def((sh, argv, io) => {
    const n = numArg(sh, io, 'shift', argv[1], 1);
    if (n === undefined) return 1;
    if (n > sh.positional.length || n < 0) return 1;
    sh.positional = sh.positional.slice(n);
    return 0;
  }, true)],
  ['source', def(source, true)],
  ['.', def(source, true)],
  ['exit', def((sh, argv, io) => {
    const n = numArg(sh, io, 'exit', argv[1], sh.status);
    if (sh.interactive && sh.flavor === 'bash') io.stderr.write('exit\n');
    throw new ExitSignal((n ?? 2) & 255);
  }, true)],
  ['return', def((sh, argv, io) => {
    if (sh.depth === 0 && sh.sourceDepth === 0) {
      sh.error(io, "return: can only `return' from a function or sourced script");
      return 1;
    }
    const n = numArg(sh, io, 'return', argv[1], sh.status);
    throw new ReturnSignal((n ?? 2) & 255);
  }, true)],
  ['break', def((sh, argv, io) => loopControl(sh, argv, io, 'break'), true)],
  ['continue', def((sh, argv, io) => loopControl(sh, argv, io, 'continue'), true)],
  ['local', def((sh, argv, io) => {
    const frame = sh.localFrames.at(-1);
    if (!frame) {
      sh.error(io, 'local: can only be used in a function');
      return 1;
    }
    for (const a of argv.slice(1)) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a : a.slice(0, eq);
      if (!frame.has(name)) frame.set(name, sh.vars.get(name) && { ...sh.vars.get(name)! });
      sh.vars.set(name, { value: eq < 0 ? '' : a.slice(eq + 1), exported: false });
    }
    return 0;
  })],
  ['read', def(readBuiltin)],
  ['eval', def(async (sh, argv, io) => (argv.length > 1 ? nested(sh, io, 'eval', () => sh.runSource(argv.slice(1).join(' '), io)) : 0), true)],
  ['exec', def(async (sh, argv, io) => {
    if (argv.length < 2) return 0;
    const st = await runExternal(sh, argv.slice(1), sh.environment(), io, true);
    throw new ExitSignal(st);
  }, true)],
  ['let', def((sh, argv, io) => {
    let v = 0n;
    try {
      for (const e of argv.slice(1)) v = evaluate(e, sh);
    } catch (e) {
      if (e instanceof ArithError) {
        sh.error(io, `let: ${e.message}`);
        return 1;
      }
      throw e;
    }
    return v === 0n ? 1 : 0;
  })],
  ['trap', def(trap, true)],
  ['alias', def((sh, argv, io) => {
    const q = (v: string): string => `'${v.replace(/'/g, `'\\''`)}'`;
    if (argv.length < 2) {
      for (const [k, v] of [...sh.aliases].sort()) io.stdout.write(`alias ${k}=${q(v)}\n`);
      return 0;
    }
    let status = 0;
    for (const a of argv.slice(1)) {
      const eq = a.indexOf('=');
      if (eq > 0) sh.aliases.set(a.slice(0, eq), a.slice(eq + 1));
      else if (sh.aliases.has(a)) io.stdout.write(`alias ${a}=${q(sh.aliases.get(a)!)}\n`);
      else {
        sh.error(io, `alias: ${a}: not found`);
        status = 1;
      }
    }
    return status;
  })],
  ['unalias', def((sh, argv, io) => {
    if (argv[1] === '-a') {
      sh.aliases.clear();
      return 0;
    }
    let status = 0;
    for (const a of argv.slice(1)) {
      if (!sh.aliases.delete(a)) {
        sh.error(io, `unalias: ${a}: not found`);
        status = 1;
      }
    }
    return status;
  })],
  ['umask', def((_sh, argv, io) => (argv.length < 2 && io.stdout.write('0022\n'), 0))],
  ['hash', def((sh, argv, io) => {
    if (argv[1] === '-r') sh.hash.clear();
    else if (argv.length < 2) {
      if (!sh.hash.size) io.stderr.write('hash: hash table empty\n');
      else io.stdout.write('hits\tcommand\n' + [...sh.hash.values()].map((p) => `   1\t${p}\n`).join(''));
    }
    return 0;
  })],
  ...jobBuiltins(def),
  ...infoBuiltins(def, () => BUILTINS),
]);

/**
 * declare / typeset [-xrigp] [NAME[=VALUE]…] (bash): set variables, local inside a
 * function; -x exports. -r, -i and -g are accepted (read-only and integer
 * attributes are not enforced in this model).
 */
function declare(sh: Shell, argv: string[], io: Stdio): number {
  const args = argv.slice(1);
  const flags = new Set<string>();
  while (args[0]?.startsWith('-') || args[0]?.startsWith('+')) for (const c of args.shift()!.slice(1)) flags.add(c);
  if (!args.length || flags.has('p')) {
    const names = args.length ? args : [...sh.vars.keys()].sort();
    for (const n of names) {
      const v = sh.vars.get(n);
      if (v) io.stdout.write(`declare -${v.exported ? 'x' : '-'} ${n}="${v.value.replace(/(["\\$`])/g, '\\$1')}"\n`);
    }
    return 0;
  }
  const frame = flags.has('g') ? undefined : sh.localFrames.at(-1);
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      sh.error(io, `${argv[0]}: \`${a}': not a valid identifier`);
      return 1;
    }
    if (frame && !frame.has(name)) frame.set(name, sh.vars.get(name) && { ...sh.vars.get(name)! });
    const old = sh.vars.get(name);
    sh.vars.set(name, { value: eq < 0 ? (old?.value ?? '') : a.slice(eq + 1), exported: flags.has('x') || (!frame && (old?.exported ?? false)) });
    if (name === 'PATH') sh.hash.clear();
  }
  return 0;
}

const SIGNAL_NAMES = new Set(['EXIT', 'HUP', 'INT', 'QUIT', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'CHLD', 'CONT', 'STOP', 'TSTP', 'ERR', 'DEBUG', 'RETURN']);

/** trap [-p] [ACTION] [SIGNAL…] (bash(1)): EXIT actions run when the shell ends; other signals are recorded (the model does not deliver them to shells). */
function trap(sh: Shell, argv: string[], io: Stdio): number {
  const args = argv.slice(1).filter((a) => a !== '--');
  const print = (names: Iterable<string>): void => {
    for (const n of names) {
      const v = sh.traps.get(n);
      if (v !== undefined) io.stdout.write(`trap -- '${v.replace(/'/g, `'\\''`)}' ${n}\n`);
    }
  };
  if (!args.length || args[0] === '-p') {
    print(args.length > 1 ? args.slice(1) : [...sh.traps.keys()]);
    return 0;
  }
  if (args[0] === '-l') {
    io.stdout.write([...SIGNAL_NAMES].filter((n) => !['EXIT', 'ERR', 'DEBUG', 'RETURN'].includes(n)).map((n) => `SIG${n}`).join(' ') + '\n');
    return 0;
  }
  const [action, ...sigs] = args.length === 1 ? ['-', args[0]] : args;
  let status = 0;
  for (const raw of sigs) {
    const name = raw === '0' ? 'EXIT' : raw.toUpperCase().replace(/^SIG/, '');
    if (!SIGNAL_NAMES.has(name)) {
      sh.error(io, `trap: ${raw}: invalid signal specification`);
      status = 1;
      continue;
    }
    if (action === '-') sh.traps.delete(name);
    else sh.traps.set(name, action);
  }
  return status;
}

function loopControl(sh: Shell, argv: string[], io: Stdio, kind: 'break' | 'continue'): number {
  const n = numArg(sh, io, kind, argv[1], 1);
  if (n === undefined) return 1;
  if (n < 1) {
    sh.error(io, `${kind}: ${argv[1]}: loop count out of range`);
    return 1;
  }
  if (sh.loopDepth === 0) {
    sh.error(io, `${kind}: only meaningful in a \`for', \`while', or \`until' loop`);
    return 0;
  }
  throw new LoopSignal(kind, Math.min(n, sh.loopDepth));
}

/** eval/source nesting counts against the same limit as functions (no stack overflow from `x='eval $x'`). */
async function nested(sh: Shell, io: Stdio, what: string, fn: () => Promise<number>): Promise<number> {
  if (sh.depth >= 1000) {
    sh.error(io, `${what}: maximum nesting level exceeded (1000)`);
    return 1;
  }
  sh.depth++;
  try {
    await sh.checkpoint();
    return await fn();
  } finally {
    sh.depth--;
  }
}
