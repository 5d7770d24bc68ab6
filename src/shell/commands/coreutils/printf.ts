/** printf(1): format and print data; the format is reused while arguments remain. */
import type { Command } from '../../types.ts';
import { backslashEscapes } from './echo.ts';

function toNumber(s: string | undefined, errs: string[]): number {
  if (s === undefined || s === '') return 0;
  if (/^['"]/.test(s)) return s.codePointAt(1) ?? 0;
  const t = s.trim();
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(t)) return parseInt(t, 16);
  if (/^[+-]?0[0-7]+$/.test(t)) return parseInt(t, 8);
  if (/^[+-]?\d+$/.test(t)) return Number(t);
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  errs.push(`printf: ${s}: invalid number`);
  const lead = /^[+-]?\d+/.exec(t);
  return lead ? Number(lead[0]) : 0;
}

/** One pass of the format over `args` (starting at index `ai`); returns output, new index, whether a conversion consumed anything. */
export function formatOnce(fmt: string, args: readonly string[], ai: number, errs: string[]): { out: string; ai: number; used: boolean; stop: boolean } {
  let out = '';
  let used = false;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c === '\\') {
      const m = /^\\(0[0-7]{0,3}|[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/s.exec(fmt.slice(i))!;
      const seq = m[1];
      if (/^[0-7]/.test(seq)) out += String.fromCharCode(parseInt(seq, 8));
      else out += backslashEscapes('\\' + seq).text;
      i += m[0].length - 1;
      continue;
    }
    if (c !== '%') {
      out += c;
      continue;
    }
    const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([sbcdiouxXfeEgGq%])/.exec(fmt.slice(i));
    if (!m) {
      errs.push(`printf: ${fmt.slice(i, i + 2)}: invalid format character`);
      return { out, ai, used, stop: true };
    }
    i += m[0].length - 1;
    const conv = m[4];
    if (conv === '%') {
      out += '%';
      continue;
    }
    const flags = m[1];
    const width = m[2] === '*' ? toNumber(args[ai++], errs) : m[2] ? Number(m[2]) : 0;
    const prec = m[3] === '*' ? toNumber(args[ai++], errs) : m[3] !== undefined ? Number(m[3]) : undefined;
    const arg = args[ai];
    if (ai < args.length) used = true;
    ai++;
    let s: string;
    switch (conv) {
      case 's': s = arg ?? ''; if (prec !== undefined) s = s.slice(0, prec); break;
      case 'b': {
        const r = backslashEscapes(arg ?? '');
        s = r.text;
        if (r.stop) return { out: out + pad(s, width, flags), ai, used, stop: true };
        break;
      }
      case 'q': s = /^[\w@%+=:,./-]+$/.test(arg ?? '') ? arg! : `'${(arg ?? '').replace(/'/g, `'\\''`)}'`; break;
      case 'c': s = (arg ?? '').slice(0, 1); break;
      case 'd': case 'i': {
        const n = Math.trunc(toNumber(arg, errs));
        s = String(Math.abs(n));
        if (prec !== undefined) s = s.padStart(prec, '0');
        s = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + s;
        break;
      }
      case 'o': case 'u': case 'x': case 'X': {
        let n = Math.trunc(toNumber(arg, errs));
        if (n < 0) n = Number(BigInt.asUintN(64, BigInt(n)));
        s = n.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
        if (conv === 'X') s = s.toUpperCase();
        if (prec !== undefined) s = s.padStart(prec, '0');
        if (flags.includes('#') && n !== 0) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + s;
        break;
      }
      default: {
        const n = toNumber(arg, errs);
        const p = prec ?? 6;
        s = conv === 'f' ? n.toFixed(p) : conv === 'e' || conv === 'E' ? n.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2') : String(Number(n.toPrecision(p || 1)));
        if (conv === 'E' || conv === 'G') s = s.toUpperCase();
        if (n >= 0 && flags.includes('+')) s = '+' + s;
      }
    }
    out += pad(s, width, flags, /[diouxXfeEgG]/.test(conv));
  }
  return { out, ai, used, stop: false };
}

function pad(s: string, width: number, flags: string, numeric = false): string {
  if (s.length >= width) return s;
  if (flags.includes('-')) return s.padEnd(width);
  if (numeric && flags.includes('0')) {
    const sign = /^[+ -]/.test(s) ? s[0] : '';
    return sign + s.slice(sign.length).padStart(width - sign.length, '0');
  }
  return s.padStart(width);
}

/** printf FORMAT [ARGUMENT]... */
export const printf: Command = {
  name: 'printf',
  summary: 'format and print data',
  help: `Usage: printf FORMAT [ARGUMENT]...
  or:  printf OPTION
Print ARGUMENT(s) according to FORMAT.

FORMAT controls the output as in C printf.  Interpreted sequences are:
  \\"      double quote
  \\\\      backslash
  \\n      new line
  \\t      horizontal tab
  %%      a single %
  %b      ARGUMENT as a string with '\\' escapes interpreted
  %q      ARGUMENT in a format that can be reused as shell input
and all C format specifications ending with one of diouxXfeEgGcs.
`,
  async run(ctx) {
    const args = ctx.argv.slice(1);
    if (args[0] === '--') args.shift();
    if (!args.length) {
      ctx.stderr.write('printf: usage: printf [-v var] format [arguments]\n');
      return 2;
    }
    const fmt = args[0];
    const rest = args.slice(1);
    const errs: string[] = [];
    let ai = 0;
    let out = '';
    for (let guard = 0; guard < 100000; guard++) {
      const r = formatOnce(fmt, rest, ai, errs);
      out += r.out;
      ai = r.ai;
      if (r.stop || !r.used || ai >= rest.length) break;
      await ctx.checkpoint();
    }
    ctx.stdout.write(out);
    for (const e of errs) ctx.stderr.write(`sh: ${e}\n`);
    return errs.length ? 1 : 0;
  },
};
