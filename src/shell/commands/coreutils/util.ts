/**
 * What the coreutils share: getopt_long(3)-style option parsing with GNU's
 * error texts (`ls: invalid option -- 'z'` + `Try 'ls --help' …`), reading
 * operands or stdin, and turning SysErrors into `cmd: path: strerror`.
 */
import type { CommandContext } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import { toText } from '../../../model/fs/data.ts';

export interface OptSpec {
  /** Short flags without argument, e.g. "laAhidR1Fn". */
  readonly flags?: string;
  /** Short options taking an argument, e.g. "n". */
  readonly withArg?: string;
  /** Long option → short letter (or itself when there is no short form); suffix "=" when it takes an argument. */
  readonly long?: Readonly<Record<string, string>>;
  /** Stop at the first operand (like POSIXLY_CORRECT; for xargs, find -exec…). */
  readonly stopAtOperand?: boolean;
}

export interface Parsed {
  /** Flags seen, by short letter or long name, in order (repeats kept for counting). */
  readonly flags: string[];
  readonly values: Map<string, string>;
  readonly operands: string[];
}

/** Thrown for a bad option; the message is the first line GNU prints. */
export class UsageError extends Error {}

/** Parse argv[1..] like getopt_long(3) with permutation (options may follow operands). */
export function parseArgs(argv: readonly string[], spec: OptSpec): Parsed {
  const flags: string[] = [];
  const values = new Map<string, string>();
  const operands: string[] = [];
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && spec.long) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const matches = Object.keys(spec.long).filter((k) => k.replace(/=$/, '') === name || k.startsWith(name));
      const exact = matches.find((k) => k.replace(/=$/, '') === name);
      const key = exact ?? (matches.length === 1 ? matches[0] : undefined);
      if (!key) throw new UsageError(matches.length > 1 ? `option '${a}' is ambiguous` : `unrecognized option '${a}'`);
      const short = spec.long[key];
      if (key.endsWith('=')) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) throw new UsageError(`option '--${key.slice(0, -1)}' requires an argument`);
        values.set(short, v);
      } else flags.push(short);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (spec.withArg?.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) throw new UsageError(`option requires an argument -- '${c}'`);
          values.set(c, v);
          break;
        }
        if (!spec.flags?.includes(c)) throw new UsageError(`invalid option -- '${c}'`);
        flags.push(c);
      }
      continue;
    }
    operands.push(a);
    if (spec.stopAtOperand) {
      operands.push(...args.slice(i + 1));
      break;
    }
  }
  return { flags, values, operands };
}

/** Parse, or print GNU's usage error and return the status to exit with. */
export function parseOrUsage(ctx: CommandContext, name: string, spec: OptSpec, status = 1): Parsed | number {
  try {
    return parseArgs(ctx.argv, spec);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    ctx.stderr.write(`${name}: ${e.message}\nTry '${name} --help' for more information.\n`);
    return status;
  }
}

/** `name: path: strerror` for a SysError (rethrows anything else). */
export function report(ctx: CommandContext, name: string, e: unknown, path?: string): void {
  if (isSysError(e)) {
    ctx.stderr.write(`${name}: ${path ?? e.path ?? ''}${path ?? e.path ? ': ' : ''}${e.strerror}\n`);
    return;
  }
  throw e;
}

/** Read a file operand as text; `-` is stdin. Throws SysError. */
export async function readOperand(ctx: CommandContext, path: string): Promise<string> {
  if (path === '-') return ctx.stdin.readAll();
  const st = ctx.sys.stat(path);
  if (st.type === 'dir') {
    const e = new Error('Is a directory') as Error & { isDir: true };
    throw Object.assign(e, { isDir: true });
  }
  return toText(ctx.sys.readFile(path), 16 * 1024 * 1024);
}

/** Each input (operands, or stdin when there are none) as text, reporting unreadable ones as `name: path: strerror`; returns texts and whether any failed. */
export async function readInputs(ctx: CommandContext, name: string, operands: readonly string[], message?: (path: string, strerror: string) => string): Promise<{ texts: { path: string; text: string }[]; failed: boolean }> {
  const texts: { path: string; text: string }[] = [];
  let failed = false;
  for (const p of operands.length ? operands : ['-']) {
    try {
      texts.push({ path: p, text: await readOperand(ctx, p) });
    } catch (e) {
      failed = true;
      const why = (e as { isDir?: boolean }).isDir ? 'Is a directory' : isSysError(e) ? e.strerror : undefined;
      if (why === undefined) throw e;
      ctx.stderr.write((message ? message(p, why) : `${name}: ${p}: ${why}`) + '\n');
    }
  }
  return { texts, failed };
}

/** Count the occurrences of a flag. */
export function has(p: Parsed, flag: string): boolean {
  return p.flags.includes(flag);
}

/** Split text into lines without the final newline's empty entry. */
export function lines(text: string): string[] {
  if (!text) return [];
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}
