/** tee(1) (-a), seq(1) (FIRST INCREMENT LAST, -s -w) and yes(1) (bounded by the pipe and output limits). */
import type { Command } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import { fromText } from '../../../model/fs/data.ts';
import { has, parseOrUsage } from './util.ts';

export const tee: Command = {
  name: 'tee',
  summary: 'read from standard input and write to standard output and files',
  help: `Usage: tee [OPTION]... [FILE]...
Copy standard input to each FILE, and also to standard output.

  -a, --append              append to the given FILEs, do not overwrite
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'tee', { flags: 'ai', long: { append: 'a' } });
    if (typeof p === 'number') return p;
    const text = await ctx.stdin.readAll();
    let status = 0;
    for (const f of p.operands) {
      try {
        ctx.sys.writeFile(f, fromText(text), { append: has(p, 'a') });
      } catch (e) {
        if (!isSysError(e)) throw e;
        ctx.stderr.write(`tee: ${f}: ${e.strerror}\n`);
        status = 1;
      }
    }
    ctx.stdout.write(text);
    return status;
  },
};

export const seq: Command = {
  name: 'seq',
  summary: 'print a sequence of numbers',
  help: `Usage: seq [OPTION]... LAST
  or:  seq [OPTION]... FIRST LAST
  or:  seq [OPTION]... FIRST INCREMENT LAST
Print numbers from FIRST to LAST, in steps of INCREMENT.

  -s, --separator=STRING   use STRING to separate numbers (default: \\n)
  -w, --equal-width        equalize width by padding with leading zeroes
`,
  async run(ctx) {
    // negative numbers are operands, not options (seq -5 -1 -10)
    const ops: string[] = [];
    let equal = false;
    let sepArg: string | undefined;
    const args = ctx.argv.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-w' || a === '--equal-width') equal = true;
      else if (a === '-s') sepArg = args[++i] ?? '';
      else if (a.startsWith('--separator=')) sepArg = a.slice(12);
      else if (/^-s./.test(a)) sepArg = a.slice(2);
      else if (/^-[^\d.]/.test(a)) {
        ctx.stderr.write(`seq: invalid option -- '${a[1]}'\nTry 'seq --help' for more information.\n`);
        return 1;
      } else ops.push(a);
    }
    if (!ops.length) {
      ctx.stderr.write("seq: missing operand\nTry 'seq --help' for more information.\n");
      return 1;
    }
    const nums = ops.map(Number);
    const bad = ops.find((o, i) => Number.isNaN(nums[i]) || o.trim() === '');
    if (bad !== undefined) {
      ctx.stderr.write(`seq: invalid floating point argument: '${bad}'\nTry 'seq --help' for more information.\n`);
      return 1;
    }
    const [first, inc, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
    if (inc === 0) {
      ctx.stderr.write(`seq: invalid Zero increment value: '${ops[1]}'\nTry 'seq --help' for more information.\n`);
      return 1;
    }
    const decimals = Math.max(...ops.map((o) => (o.includes('.') ? o.split('.')[1].length : 0)));
    const sep = sepArg ?? '\n';
    const width = equal ? Math.max(first.toFixed(decimals).length, last.toFixed(decimals).length) : 0;
    let chunk = '';
    let any = false;
    for (let i = 0; ; i++) {
      const v = first + i * inc;
      if (inc > 0 ? v > last + 1e-9 : v < last - 1e-9) break;
      let s = v.toFixed(decimals);
      if (width) s = s.startsWith('-') ? '-' + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0');
      chunk += (any ? sep : '') + s;
      any = true;
      if (chunk.length > 65536) {
        ctx.stdout.write(chunk);
        chunk = '';
        await ctx.checkpoint();
      }
    }
    ctx.stdout.write(chunk + (any ? '\n' : ''));
    return 0;
  },
};

export const yes: Command = {
  name: 'yes',
  summary: 'output a string repeatedly until killed',
  help: `Usage: yes [STRING]...
  or:  yes OPTION
Repeatedly output a line with all specified STRING(s), or 'y'.
`,
  async run(ctx) {
    const line = (ctx.argv.length > 1 ? ctx.argv.slice(1).join(' ') : 'y') + '\n';
    const block = line.repeat(Math.max(1, Math.floor(8192 / line.length)));
    for (;;) {
      ctx.stdout.write(block);
      await ctx.checkpoint();
    }
  },
};
