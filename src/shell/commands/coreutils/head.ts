/** head(1) and tail(1): -n N / -c N (tail -n +N from line N), `==> f <==` headers for several files. */
import type { Command, CommandContext } from '../../types.ts';
import { parseArgs, readInputs, UsageError } from './util.ts';

function normalizeArgs(argv: readonly string[]): string[] {
  // historical `head -5` / `tail -5` / `tail +5`
  return argv.map((a, i) => (i > 0 && /^-\d+$/.test(a) && !/^-[nc]$/.test(argv[i - 1]) ? `-n${a.slice(1)}` : a));
}

/** Offset just after the n-th newline from the start (or the end of text). */
function afterLines(text: string, n: number): number {
  let at = 0;
  for (let i = 0; i < n; i++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return at;
}

/** Offset where the last n lines start (a missing final newline still ends a line). */
function lastLines(text: string, n: number): number {
  if (n === 0) return text.length;
  let at = text.endsWith('\n') ? text.length - 1 : text.length;
  for (let i = 0; i < n; i++) {
    const nl = text.lastIndexOf('\n', at - 1);
    if (nl < 0) return 0;
    at = nl;
  }
  return at + 1;
}

/** head -n N / -n -N, tail -n N / -n +N, without splitting the whole text (a pipe can hold megabytes). */
function selectLines(text: string, name: 'head' | 'tail', count: number, fromStart: boolean, allBut: boolean): string {
  if (name === 'head') return allBut ? text.slice(0, lastLines(text, count)) : text.slice(0, afterLines(text, count));
  return fromStart ? text.slice(afterLines(text, Math.max(0, count - 1))) : text.slice(lastLines(text, count));
}

async function run(ctx: CommandContext, name: 'head' | 'tail'): Promise<number> {
  let p;
  try {
    p = parseArgs(normalizeArgs(ctx.argv), { flags: 'qvf', withArg: 'nc', long: { 'lines=': 'n', 'bytes=': 'c', quiet: 'q', verbose: 'v', follow: 'f' } });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    ctx.stderr.write(`${name}: ${e.message}\nTry '${name} --help' for more information.\n`);
    return 1;
  }
  const nArg = p.values.get('n');
  const cArg = p.values.get('c');
  const spec = cArg ?? nArg ?? '10';
  const m = /^([+-]?)(\d+)$/.exec(spec);
  if (!m) {
    ctx.stderr.write(`${name}: invalid number of ${cArg !== undefined ? 'bytes' : 'lines'}: '${spec}'\n`);
    return 1;
  }
  const count = Number(m[2]);
  const fromStart = name === 'tail' && m[1] === '+';
  const allBut = name === 'head' && m[1] === '-';
  const files = p.operands.length ? p.operands : ['-'];
  let status = 0;
  let first = true;
  for (const f of files) {
    const r = await readInputs(ctx, name, [f]);
    if (r.failed) {
      status = 1;
      continue;
    }
    const text = r.texts[0].text;
    if ((files.length > 1 && !p.flags.includes('q')) || p.flags.includes('v')) {
      ctx.stdout.write(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
    }
    first = false;
    if (cArg !== undefined) {
      if (name === 'head') ctx.stdout.write(allBut ? text.slice(0, Math.max(0, text.length - count)) : text.slice(0, count));
      else ctx.stdout.write(fromStart ? text.slice(Math.max(0, count - 1)) : text.slice(Math.max(0, text.length - count)));
      continue;
    }
    ctx.stdout.write(selectLines(text, name, count, fromStart, allBut));
  }
  return status;
}

export const head: Command = {
  name: 'head',
  summary: 'output the first part of files',
  help: `Usage: head [OPTION]... [FILE]...
Print the first 10 lines of each FILE to standard output.
With more than one FILE, precede each with a header giving the file name.

  -c, --bytes=[-]NUM       print the first NUM bytes of each file
  -n, --lines=[-]NUM       print the first NUM lines instead of the first 10
  -q, --quiet              never print headers giving file names
  -v, --verbose            always print headers giving file names
`,
  run: (ctx) => run(ctx, 'head'),
};

export const tail: Command = {
  name: 'tail',
  summary: 'output the last part of files',
  help: `Usage: tail [OPTION]... [FILE]...
Print the last 10 lines of each FILE to standard output.
With more than one FILE, precede each with a header giving the file name.

  -c, --bytes=[+]NUM       output the last NUM bytes; or use -c +NUM to output starting with byte NUM
  -n, --lines=[+]NUM       output the last NUM lines, instead of the last 10; or use -n +NUM to skip NUM-1 lines
  -q, --quiet              never output headers giving file names
  -v, --verbose            always output headers giving file names
`,
  run: (ctx) => run(ctx, 'tail'),
};
