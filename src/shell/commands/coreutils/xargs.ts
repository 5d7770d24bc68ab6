/** xargs(1): build command lines from stdin (-n MAX, -I REPL, -0, -d DELIM, -r, -t); default command echo. */
import type { Command } from '../../types.ts';
import { runChild } from '../../interpreter/exec.ts';
import { parseOrUsage, has } from './util.ts';

/** Split xargs input: blanks and newlines separate, quotes and backslashes group (POSIX xargs). */
export function splitArgs(text: string): string[] | string {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return `unmatched ${c === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option`;
      cur += text.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return out;
}

export const xargs: Command = {
  name: 'xargs',
  summary: 'build and execute command lines from standard input',
  help: `Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...
Run COMMAND with arguments INITIAL-ARGS and more arguments read from input.

  -0, --null                   items are separated by a null, not whitespace
  -d, --delimiter=CHARACTER    items in input stream are separated by CHARACTER
  -I R                         same as --replace=R
  -n, --max-args=MAX-ARGS      use at most MAX-ARGS arguments per command line
  -r, --no-run-if-empty        if there are no arguments, then do not run COMMAND
  -t, --verbose                print commands before executing them
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'xargs', { flags: '0rtx', withArg: 'nIdLP', long: { null: '0', 'delimiter=': 'd', 'max-args=': 'n', 'no-run-if-empty': 'r', verbose: 't', 'replace=': 'I' }, stopAtOperand: true });
    if (typeof p === 'number') return p;
    const cmd = p.operands.length ? p.operands : ['echo'];
    const text = await ctx.stdin.readAll();
    let items: string[];
    if (has(p, '0')) items = text.split('\0').filter((x, i, a) => x !== '' || i < a.length - 1);
    else if (p.values.has('d')) items = text.split(p.values.get('d')!.replace('\\n', '\n')).filter((x, i, a) => !(x === '' && i === a.length - 1));
    else if (p.values.has('I')) items = text.split('\n').filter((l) => l.trim() !== '').map((l) => l.trim());
    else {
      const s = splitArgs(text);
      if (typeof s === 'string') {
        ctx.stderr.write(`xargs: ${s}\n`);
        return 1;
      }
      items = s;
    }
    if (!items.length && (has(p, 'r') || p.values.has('I'))) return 0;
    const repl = p.values.get('I');
    const max = repl !== undefined ? 1 : p.values.has('n') ? Math.max(1, Number(p.values.get('n'))) : p.values.has('L') ? Number(p.values.get('L')) : Infinity;
    const batches: string[][] = [];
    if (!items.length) batches.push([]);
    for (let i = 0; i < items.length; i += max === Infinity ? items.length : max) batches.push(items.slice(i, i + (max === Infinity ? items.length : max)));
    let status = 0;
    for (const b of batches) {
      const argv = repl !== undefined ? cmd.map((a) => a.replaceAll(repl, b[0] ?? '')) : [...cmd, ...b];
      if (has(p, 't')) ctx.stderr.write(argv.join(' ') + '\n');
      const st = await runChild(ctx, argv, { stdin: { readAll: async () => '' } });
      await ctx.checkpoint();
      if (st === 255) {
        ctx.stderr.write(`xargs: ${cmd[0]}: exited with status 255; aborting\n`);
        return 124;
      }
      if (st === 127 || st === 126) return st;
      if (st !== 0) status = 123;
    }
    return status;
  },
};
