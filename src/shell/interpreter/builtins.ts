/**
 * Shell builtins (bash(1) "SHELL BUILTIN COMMANDS", XCU 2.14): commands
 * that change the shell itself (cd, export, set, exit…) run in the shell's
 * own process. echo, printf, test and [ are builtins too, as in bash and
 * ash, sharing their code with the programs of the same name.
 */
import { isSysError } from '../../model/errors.ts';
import { toText } from '../../model/fs/data.ts';
import type { Command } from '../types.ts';
import { echo } from '../commands/coreutils/echo.ts';
import { printf } from '../commands/coreutils/printf.ts';
import { test, bracket } from '../commands/coreutils/test.ts';
import { trueCmd, falseCmd } from '../commands/coreutils/true.ts';
import { makeContext, runCommand, runExternal } from './exec.ts';
import { readLine } from './io.ts';
import { evaluate, ArithError } from './arith.ts';
import type { Shell, Stdio } from './shell.ts';
import { ExitSignal, LoopSignal, ReturnSignal } from './signals.ts';
import { jobBuiltins } from './builtins-jobs.ts';
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
  return def((sh, argv, io) => runCommand(cmd, makeContext(sh.host, sh.sys, argv, sh.environment(), io, sh.background)));
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function cd(sh: Shell, argv: string[], io: Stdio): number {
  const args = argv.slice(1).filter((a) => a !== '-L' && a !== '-P');
  if (args.length > 1) {
    sh.error(io, 'cd: too many arguments');
    return 1;
  }
  let dir: string | undefined = args[0];
  let print = false;
  if (dir === undefined) {
    dir = sh.get('HOME');
    if (!dir) {
      sh.error(io, 'cd: HOME not set');
      return 1;
    }
  } else if (dir === '-') {
    dir = sh.get('OLDPWD');
    if (!dir) {
      sh.error(io, 'cd: OLDPWD not set');
      return 1;
    }
    print = true;
  }
  const old = safeCwd(sh);
  if (dir === undefined) return 1;
  try {
    sh.sys.chdir(dir);
  } catch (e) {
    if (isSysError(e)) {
      sh.error(io, `cd: ${dir}: ${e.strerror}`);
      return 1;
    }
    throw e;
  }
  const now = safeCwd(sh);
  sh.set('OLDPWD', old);
  sh.set('PWD', now);
  if (print) io.stdout.write(now + '\n');
  return 0;
}

function safeCwd(sh: Shell): string {
  try {
    return sh.sys.getcwd();
  } catch {
    return '/';
  }
}

function shellQuote(v: string): string {
  return `"${v.replace(/(["\\$`])/g, '\\$1')}"`;
}

function exportBuiltin(sh: Shell, argv: string[], io: Stdio): number {
  const args = argv.slice(1);
  let unexport = false;
  if (args[0] === '-n') {
    unexport = true;
    args.shift();
  }
  if (args[0] === '-p') args.shift();
  if (!args.length) {
    for (const [k, v] of [...sh.vars].sort(([a], [b]) => (a < b ? -1 : 1))) if (v.exported) io.stdout.write(`declare -x ${k}=${shellQuote(v.value)}\n`);
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME.test(name)) {
      sh.error(io, `export: \`${a}': not a valid identifier`);
      status = 1;
      continue;
    }
    const cur = sh.vars.get(name);
    if (eq >= 0) sh.vars.set(name, { value: a.slice(eq + 1), exported: !unexport });
    else if (cur) cur.exported = !unexport;
    else if (!unexport) sh.vars.set(name, { value: '', exported: true });
  }
  return status;
}

function setBuiltin(sh: Shell, argv: string[], io: Stdio): number {
  const args = argv.slice(1);
  if (!args.length) {
    for (const [k, v] of [...sh.vars].sort(([a], [b]) => (a < b ? -1 : 1))) io.stdout.write(`${k}=${/^[\w./:-]*$/.test(v.value) ? v.value : `'${v.value.replace(/'/g, `'\\''`)}'`}\n`);
    return 0;
  }
  const optNames: Record<string, 'errexit' | 'xtrace' | 'nounset' | 'pipefail'> = { e: 'errexit', x: 'xtrace', u: 'nounset', errexit: 'errexit', xtrace: 'xtrace', nounset: 'nounset', pipefail: 'pipefail' };
  while (args.length) {
    const a = args[0];
    if (a === '--') {
      args.shift();
      sh.positional = args.splice(0);
      return 0;
    }
    if ((a === '-o' || a === '+o') && args.length > 1) {
      const o = optNames[args[1]];
      if (!o) {
        sh.error(io, `set: ${args[1]}: invalid option name`);
        return 2;
      }
      sh.opts[o] = a === '-o';
      args.splice(0, 2);
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      for (const c of a.slice(1)) {
        const o = optNames[c];
        if (o) sh.opts[o] = a[0] === '-';
        else if (!'fhmbBCHPTvn'.includes(c)) {
          sh.error(io, `set: ${a[0]}${c}: invalid option`);
          io.stderr.write('set: usage: set [-abefhkmnptuvxBCHP] [-o option-name] [--] [arg ...]\n');
          return 2;
        }
      }
      args.shift();
      continue;
    }
    sh.positional = args.splice(0);
  }
  return 0;
}

async function source(sh: Shell, argv: string[], io: Stdio): Promise<number> {
  const file = argv[1];
  if (file === undefined) {
    sh.error(io, `${argv[0]}: filename argument required`);
    io.stderr.write(`${argv[0]}: usage: ${argv[0]} filename [arguments]\n`);
    return 2;
  }
  let text: string;
  try {
    let path = file;
    if (!file.includes('/')) {
      for (const dir of (sh.get('PATH') ?? '').split(':')) {
        try {
          if (sh.sys.stat(`${dir}/${file}`).type === 'file') {
            path = `${dir}/${file}`;
            break;
          }
        } catch {
          // keep looking
        }
      }
    }
    text = toText(sh.sys.readFile(path), 1024 * 1024);
  } catch (e) {
    if (isSysError(e)) {
      sh.error(io, `${file}: ${e.strerror}`);
      return 1;
    }
    throw e;
  }
  const saved = sh.positional;
  if (argv.length > 2) sh.positional = argv.slice(2);
  sh.sourceDepth++;
  try {
    return await sh.runSource(text, io);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    sh.sourceDepth--;
    if (argv.length > 2) sh.positional = saved;
  }
}

function numArg(sh: Shell, io: Stdio, name: string, v: string | undefined, dflt: number): number | undefined {
  if (v === undefined) return dflt;
  if (!/^-?\d+$/.test(v)) {
    sh.error(io, `${name}: ${v}: numeric argument required`);
    return undefined;
  }
  return Number(v);
}

async function readBuiltin(sh: Shell, argv: string[], io: Stdio): Promise<number> {
  const args = argv.slice(1);
  let raw = false;
  while (args[0]?.startsWith('-') && args[0].length > 1) {
    const o = args.shift()!;
    if (o === '-r') raw = true;
    else if (o === '-p') io.stderr.write(args.shift() ?? '');
    else if (o === '-s') continue;
    else {
      sh.error(io, `read: ${o}: invalid option`);
      return 2;
    }
  }
  let line = await readLine(io.stdin);
  if (line === undefined) {
    for (const n of args.length ? args : ['REPLY']) sh.set(n, '');
    return 1;
  }
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const names = args.length ? args : ['REPLY'];
  if (!args.length) {
    sh.set('REPLY', line);
    return 0;
  }
  const ifs = sh.get('IFS') ?? ' \t\n';
  const ws = ifs.replace(/[^ \t\n]/g, '');
  let rest = line.replace(new RegExp(`^[${esc(ws)}]+`), '');
  for (let i = 0; i < names.length; i++) {
    if (i === names.length - 1) {
      sh.set(names[i], rest.replace(new RegExp(`[${esc(ws)}]+$`), ''));
      break;
    }
    const m = new RegExp(`[${esc(ifs)}]`).exec(rest);
    const word = m ? rest.slice(0, m.index) : rest;
    rest = m ? rest.slice(m.index + 1).replace(new RegExp(`^[${esc(ws)}]+`), '') : '';
    sh.set(names[i], word);
  }
  return 0;
}

function esc(s: string): string {
  return s.replace(/[\]\\^-]/g, '\\$&') || '\\s';
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
  ['readonly', def(exportBuiltin, true)],
  ['unset', def((sh, argv) => {
    const fn = argv[1] === '-f';
    for (const n of argv.slice(1).filter((a) => a !== '-f' && a !== '-v')) fn ? sh.funcs.delete(n) : sh.vars.delete(n);
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
  ['trap', def(() => 0, true)],
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
  ['hash', def(() => 0)],
  ...jobBuiltins(def),
  ...infoBuiltins(def, () => BUILTINS),
]);

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
