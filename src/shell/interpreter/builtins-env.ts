/**
 * Builtins that change the shell's own state (bash(1) SHELL BUILTIN
 * COMMANDS): cd, export, set, source, read. They must run in the shell's
 * process: a child could not change its parent's directory or variables.
 */
import { isSysError } from '../../model/errors.ts';
import { toText } from '../../model/fs/data.ts';
import { readLine } from './io.ts';
import type { Shell, Stdio } from './shell.ts';
import { MAX_NESTING } from './shell.ts';
import { ReturnSignal } from './signals.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** cd [DIR|-]: chdir(2), then PWD and OLDPWD. */
export function cd(sh: Shell, argv: string[], io: Stdio): number {
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
      sh.error(io, sh.flavor === 'ash' ? `cd: can't cd to ${dir}: ${e.strerror}` : `cd: ${dir}: ${e.strerror}`);
      return sh.flavor === 'ash' ? 2 : 1;
    }
    throw e;
  }
  const now = safeCwd(sh);
  sh.set('OLDPWD', old);
  sh.set('PWD', now);
  if (print) io.stdout.write(now + '\n');
  return 0;
}

/** getcwd(2), or / when the directory is gone. */
export function safeCwd(sh: Shell): string {
  try {
    return sh.sys.getcwd();
  } catch {
    return '/';
  }
}

function shellQuote(v: string): string {
  return `"${v.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** export [-n] [-p] NAME[=VALUE]…: mark variables for the environment of children. */
export function exportBuiltin(sh: Shell, argv: string[], io: Stdio): number {
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
    if (name === 'PATH') sh.hash.clear();
    if (eq >= 0) sh.vars.set(name, { value: a.slice(eq + 1), exported: !unexport });
    else if (cur) cur.exported = !unexport;
    else if (!unexport) sh.vars.set(name, { value: '', exported: true });
  }
  return status;
}

/** set [-eux] [-o NAME] [--] [ARG…]: options and positional parameters. */
export function setBuiltin(sh: Shell, argv: string[], io: Stdio): number {
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

/** source / . FILE [ARG…]: run a file in this shell (PATH is searched for names without a slash). */
export async function source(sh: Shell, argv: string[], io: Stdio): Promise<number> {
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
  if (sh.depth >= MAX_NESTING) {
    sh.error(io, `${file}: maximum source nesting level exceeded (${MAX_NESTING})`);
    return 1;
  }
  const saved = sh.positional;
  if (argv.length > 2) sh.positional = argv.slice(2);
  sh.sourceDepth++;
  sh.depth++;
  try {
    return await sh.runSource(text, io);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    sh.depth--;
    sh.sourceDepth--;
    if (argv.length > 2) sh.positional = saved;
  }
}

/** A numeric argument of exit/return/shift/break, or bash's `numeric argument required`. */
export function numArg(sh: Shell, io: Stdio, name: string, v: string | undefined, dflt: number): number | undefined {
  if (v === undefined) return dflt;
  if (!/^-?\d+$/.test(v)) {
    sh.error(io, `${name}: ${v}: numeric argument required`);
    return undefined;
  }
  return Number(v);
}

/** read [-r] [-p PROMPT] NAME…: one line of stdin, split on IFS. */
export async function readBuiltin(sh: Shell, argv: string[], io: Stdio): Promise<number> {
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
