/** cut(1) (-d -f -c -s, ranges like 1,3-5,7-) and tr(1) (sets with ranges, classes and escapes; -d -s -c). */
import type { Command } from '../../types.ts';
import { has, lines, parseOrUsage, readInputs } from './util.ts';

/** Parse a LIST like "1,3-5,7-" into a membership test (1-based). */
function parseList(list: string): ((i: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (!m[1] && !m[3])) return undefined;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    if (a < 1) return undefined;
    ranges.push([a, b]);
  }
  return (i) => ranges.some(([a, b]) => i >= a && i <= b);
}

export const cut: Command = {
  name: 'cut',
  summary: 'remove sections from each line of files',
  help: `Usage: cut OPTION... [FILE]...
Print selected parts of lines from each FILE to standard output.

  -b, --bytes=LIST        select only these bytes
  -c, --characters=LIST   select only these characters
  -d, --delimiter=DELIM   use DELIM instead of TAB for field delimiter
  -f, --fields=LIST       select only these fields
  -s, --only-delimited    do not print lines not containing delimiters
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'cut', { flags: 's', withArg: 'bcdf', long: { 'bytes=': 'b', 'characters=': 'c', 'delimiter=': 'd', 'fields=': 'f', 'only-delimited': 's' } });
    if (typeof p === 'number') return p;
    const f = p.values.get('f');
    const c = p.values.get('c') ?? p.values.get('b');
    if (!f && !c) {
      ctx.stderr.write("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
      return 1;
    }
    const sel = parseList((f ?? c)!);
    if (!sel) {
      ctx.stderr.write(`cut: invalid field value '${f ?? c}'\nTry 'cut --help' for more information.\n`);
      return 1;
    }
    const d = p.values.get('d') ?? '\t';
    if (d.length !== 1) {
      ctx.stderr.write("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n");
      return 1;
    }
    const r = await readInputs(ctx, 'cut', p.operands);
    let out = '';
    for (const t of r.texts) {
      for (const line of lines(t.text)) {
        if (c) {
          out += [...line].filter((_ch, i) => sel(i + 1)).join('') + '\n';
          continue;
        }
        if (!line.includes(d)) {
          if (!has(p, 's')) out += line + '\n';
          continue;
        }
        out += line.split(d).filter((_x, i) => sel(i + 1)).join(d) + '\n';
      }
    }
    ctx.stdout.write(out);
    return r.failed ? 1 : 0;
  },
};

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \t\n\r\f\v', blank: ' \t', punct: '!-/:-@[-`{-~', xdigit: '0-9A-Fa-f',
};

/** Expand a tr SET (escapes, [:class:], a-z ranges) into its characters. */
export function expandSet(set: string): string[] {
  let s = set.replace(/\[:([a-z]+):\]/g, (m, n: string) => CLASSES[n] ?? m);
  s = s.replace(/\\([0-7]{1,3}|.)/g, (_m, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', t: '\t', r: '\r', '\\': '\\', f: '\f', v: '\v', a: '\x07', b: '\b' } as Record<string, string>)[e] ?? e));
  const chars = [...s];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      const a = chars[i].codePointAt(0)!;
      const b = chars[i + 2].codePointAt(0)!;
      for (let x = a; x <= b; x++) out.push(String.fromCodePoint(x));
      i += 2;
    } else out.push(chars[i]);
  }
  return out;
}

export const tr: Command = {
  name: 'tr',
  summary: 'translate or delete characters',
  help: `Usage: tr [OPTION]... STRING1 [STRING2]
Translate, squeeze, and/or delete characters from standard input,
writing to standard output.

  -c, -C, --complement    use the complement of STRING1
  -d, --delete            delete characters in STRING1, do not translate
  -s, --squeeze-repeats   replace each sequence of a repeated character
                            that is listed in the last specified SET,
                            with a single occurrence of that character
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'tr', { flags: 'cCds', long: { complement: 'c', delete: 'd', 'squeeze-repeats': 's' } });
    if (typeof p === 'number') return p;
    const [s1, s2] = p.operands;
    if (s1 === undefined || (!has(p, 'd') && !has(p, 's') && s2 === undefined)) {
      ctx.stderr.write(s1 === undefined ? "tr: missing operand\nTry 'tr --help' for more information.\n" : `tr: missing operand after '${s1}'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`);
      return 1;
    }
    const set1 = new Set(expandSet(s1));
    const complement = has(p, 'c') || has(p, 'C');
    const in1 = (ch: string): boolean => set1.has(ch) !== complement;
    const list1 = expandSet(s1);
    const list2 = s2 !== undefined ? expandSet(s2) : [];
    const text = await ctx.stdin.readAll();
    let out = '';
    const squeezeSet = new Set(has(p, 'd') ? list2 : s2 !== undefined ? list2 : list1);
    let last = '';
    for (const ch of text) {
      let o: string | undefined = ch;
      if (has(p, 'd') && in1(ch)) o = undefined;
      else if (!has(p, 'd') && s2 !== undefined && in1(ch)) {
        const i = complement ? list2.length - 1 : list1.lastIndexOf(ch);
        o = list2[Math.min(i, list2.length - 1)] ?? ch;
      }
      if (o === undefined) continue;
      if (has(p, 's') && o === last && (squeezeSet.has(o) || (complement && !has(p, 'd') && s2 === undefined && in1(o)))) continue;
      out += o;
      last = o;
    }
    ctx.stdout.write(out);
    return 0;
  },
};
