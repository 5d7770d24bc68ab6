/**
 * test(1) and [ (XCU test: the argument-count rules for 0–4 arguments, then
 * -a/-o/!/( ) precedence), with bash's error texts:
 * `sh: test: abc: integer expression expected` (status 2).
 */
import type { Command, CommandContext } from '../../types.ts';
import type { Sys } from '../../../model/kernel/types.ts';
import type { Stat } from '../../../model/fs/types.ts';

/** A malformed test expression (bash prints it after `NAME: `, status 2). */
export class TestError extends Error {}

export const UNARY: ReadonlySet<string> = new Set(['-e', '-f', '-d', '-L', '-h', '-r', '-w', '-x', '-s', '-z', '-n', '-b', '-c', '-p', '-S', '-t', '-g', '-u', '-k', '-O', '-G', '-a']);
export const BINARY: ReadonlySet<string> = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef', '<', '>']);

function stat(sys: Sys, p: string, follow = true): Stat | undefined {
  try {
    return follow ? sys.stat(p) : sys.lstat(p);
  } catch {
    return undefined;
  }
}

function int(s: string): bigint {
  const t = s.trim();
  if (!/^[+-]?\d+$/.test(t)) throw new TestError(`${s}: integer expression expected`);
  return BigInt(t);
}

/** A unary primary (-f FILE, -z STRING…). */
export function unary(sys: Sys, op: string, a: string): boolean {
  switch (op) {
    case '-z': return a.length === 0;
    case '-n': return a.length > 0;
    case '-t': return false;
    case '-L': case '-h': return stat(sys, a, false)?.type === 'symlink';
  }
  const st = stat(sys, a);
  if (!st) return false;
  const root = sys.uid === 0;
  switch (op) {
    case '-e': case '-a': return true;
    case '-f': return st.type === 'file';
    case '-d': return st.type === 'dir';
    case '-b': return st.type === 'blockdev';
    case '-c': return st.type === 'chardev';
    case '-p': return st.type === 'fifo';
    case '-S': return st.type === 'socket';
    case '-s': return st.size > 0;
    case '-g': return (st.mode & 0o2000) !== 0;
    case '-u': return (st.mode & 0o4000) !== 0;
    case '-k': return (st.mode & 0o1000) !== 0;
    case '-O': return st.uid === sys.uid;
    case '-G': return st.gid === sys.gid;
    case '-r': return root || access(sys, st, 4);
    case '-w': return root || access(sys, st, 2);
    case '-x': return root ? (st.mode & 0o111) !== 0 || st.type === 'dir' : access(sys, st, 1);
  }
  return false;
}

function access(sys: Sys, st: Stat, bit: number): boolean {
  const shift = st.uid === sys.uid ? 6 : st.gid === sys.gid ? 3 : 0;
  return ((st.mode >> shift) & bit) !== 0;
}

/** A binary primary (= != -eq -lt -nt…). */
export function binary(sys: Sys, a: string, op: string, b: string): boolean {
  switch (op) {
    case '=': case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '-eq': return int(a) === int(b);
    case '-ne': return int(a) !== int(b);
    case '-lt': return int(a) < int(b);
    case '-le': return int(a) <= int(b);
    case '-gt': return int(a) > int(b);
    case '-ge': return int(a) >= int(b);
    case '-nt': return (stat(sys, a)?.mtime ?? -1) > (stat(sys, b)?.mtime ?? -1);
    case '-ot': return (stat(sys, a)?.mtime ?? Infinity) < (stat(sys, b)?.mtime ?? Infinity);
    case '-ef': {
      const x = stat(sys, a);
      const y = stat(sys, b);
      return !!x && !!y && x.ino === y.ino && x.dev === y.dev;
    }
  }
  throw new TestError(`${op}: binary operator expected`);
}

/** Evaluate test's arguments (without the closing `]`). */
export function evaluateTest(sys: Sys, args: readonly string[]): boolean {
  const n = args.length;
  if (n === 0) return false;
  if (n === 1) return args[0] !== '';
  if (n === 2) {
    if (args[0] === '!') return args[1] === '';
    if (UNARY.has(args[0])) return unary(sys, args[0], args[1]);
    throw new TestError(`${args[0]}: unary operator expected`);
  }
  if (n === 3) {
    if (BINARY.has(args[1])) return binary(sys, args[0], args[1], args[2]);
    if (args[0] === '!') return !evaluateTest(sys, args.slice(1));
    if (args[0] === '(' && args[2] === ')') return evaluateTest(sys, [args[1]]);
    if (args[1] === '-a' || args[1] === '-o') return expr(sys, args);
    throw new TestError(`${args[1]}: binary operator expected`);
  }
  if (n === 4) {
    if (args[0] === '!') return !evaluateTest(sys, args.slice(1));
    if (args[0] === '(' && args[3] === ')') return evaluateTest(sys, args.slice(1, 3));
  }
  return expr(sys, args);
}

/** The general grammar: or := and (-o and)*; and := not (-a not)*; not := ! not | ( or ) | primary. */
function expr(sys: Sys, args: readonly string[]): boolean {
  let i = 0;
  const or = (): boolean => {
    let v = and();
    while (args[i] === '-o') {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  const and = (): boolean => {
    let v = not();
    while (args[i] === '-a') {
      i++;
      const r = not();
      v = v && r;
    }
    return v;
  };
  const not = (): boolean => {
    if (args[i] === '!') {
      i++;
      return !not();
    }
    if (args[i] === '(') {
      i++;
      const v = or();
      if (args[i] !== ')') throw new TestError(`\`)' expected`);
      i++;
      return v;
    }
    if (i >= args.length) throw new TestError('argument expected');
    if (UNARY.has(args[i]) && i + 1 < args.length) {
      i += 2;
      return unary(sys, args[i - 2], args[i - 1]);
    }
    if (BINARY.has(args[i + 1] ?? '') && i + 2 < args.length) {
      i += 3;
      return binary(sys, args[i - 3], args[i - 2], args[i - 1]);
    }
    return args[i++] !== '';
  };
  const v = or();
  if (i < args.length) throw new TestError(`${args[i]}: unexpected operator`);
  return v;
}

async function runTest(ctx: CommandContext, name: string, args: readonly string[]): Promise<number> {
  try {
    return evaluateTest(ctx.sys, args) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      ctx.stderr.write(`sh: ${name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

const HELP = `Usage: test EXPRESSION
  or:  test
  or:  [ EXPRESSION ]
Exit with the status determined by EXPRESSION.

  ( EXPRESSION )               EXPRESSION is true
  ! EXPRESSION                 EXPRESSION is false
  EXPRESSION1 -a EXPRESSION2   both EXPRESSION1 and EXPRESSION2 are true
  EXPRESSION1 -o EXPRESSION2   either EXPRESSION1 or EXPRESSION2 is true
  -n STRING                    the length of STRING is nonzero
  -z STRING                    the length of STRING is zero
  STRING1 = STRING2            the strings are equal
  STRING1 != STRING2           the strings are not equal
  INTEGER1 -eq INTEGER2        INTEGER1 is equal to INTEGER2 (also -ge -gt -le -lt -ne)
  FILE1 -nt FILE2              FILE1 is newer (modification date) than FILE2
  -d FILE                      FILE exists and is a directory
  -e FILE                      FILE exists
  -f FILE                      FILE exists and is a regular file
  -L FILE                      FILE exists and is a symbolic link
  -r FILE / -w FILE / -x FILE  FILE exists and read / write / execute permission is granted
  -s FILE                      FILE exists and has a size greater than zero
`;

/** test EXPRESSION */
export const test: Command = {
  name: 'test',
  summary: 'check file types and compare values',
  help: HELP,
  run: (ctx) => runTest(ctx, 'test', ctx.argv.slice(1)),
};

/** [ EXPRESSION ] */
export const bracket: Command = {
  name: '[',
  summary: 'check file types and compare values (test)',
  help: HELP,
  async run(ctx) {
    const args = ctx.argv.slice(1);
    if (args.at(-1) !== ']') {
      ctx.stderr.write("sh: [: missing `]'\n");
      return 2;
    }
    return runTest(ctx, '[', args.slice(0, -1));
  },
};
