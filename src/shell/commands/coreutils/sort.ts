/** sort(1) (-n -r -u -k FIELD -t SEP -h -f) and uniq(1) (-c -d -u), in the C locale's bytewise order. */
import type { Command } from '../../types.ts';
import { fromText } from '../../../model/fs/data.ts';
import { has, lines, parseOrUsage, readInputs } from './util.ts';

function field(line: string, k: { start: number; end?: number } | undefined, sep: string | undefined): string {
  if (!k) return line;
  const parts = sep !== undefined ? line.split(sep) : line.trim().split(/\s+/);
  return parts.slice(k.start - 1, k.end ?? k.start - 1 + (k.end === undefined ? parts.length : 1)).join(sep ?? ' ');
}

const SUFFIX: Record<string, number> = { K: 1, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6 };

function humanValue(s: string): number {
  const m = /^\s*([+-]?\d*\.?\d+)([KkMGTPE]?)/.exec(s);
  return m ? Number(m[1]) * 1024 ** (SUFFIX[m[2]] ?? 0) : 0;
}

function numValue(s: string): number {
  const m = /^\s*[+-]?(\d+\.?\d*|\.\d+)/.exec(s);
  return m ? Number(m[0]) : 0;
}

export const sort: Command = {
  name: 'sort',
  summary: 'sort lines of text files',
  help: `Usage: sort [OPTION]... [FILE]...
Write sorted concatenation of all FILE(s) to standard output.

  -f, --ignore-case           fold lower case to upper case characters
  -h, --human-numeric-sort    compare human readable numbers (e.g., 2K 1G)
  -n, --numeric-sort          compare according to string numerical value
  -r, --reverse               reverse the result of comparisons
  -k, --key=KEYDEF            sort via a key; KEYDEF gives location and type
  -t, --field-separator=SEP   use SEP instead of non-blank to blank transition
  -u, --unique                output only the first of an equal run
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'sort', { flags: 'fhnruVbs', withArg: 'kto', long: { 'ignore-case': 'f', 'human-numeric-sort': 'h', 'numeric-sort': 'n', reverse: 'r', 'key=': 'k', 'field-separator=': 't', unique: 'u' } }, 2);
    if (typeof p === 'number') return p;
    const r = await readInputs(ctx, 'sort', p.operands);
    if (r.failed) return 2;
    const all = r.texts.flatMap((t) => lines(t.text));
    const kdef = p.values.get('k');
    let key: { start: number; end?: number } | undefined;
    let keyFlags = '';
    if (kdef) {
      const m = /^(\d+)(?:\.\d+)?([a-zA-Z]*)(?:,(\d+)(?:\.\d+)?([a-zA-Z]*))?$/.exec(kdef);
      if (!m) {
        ctx.stderr.write(`sort: invalid number at field start: invalid count at start of '${kdef}'\n`);
        return 2;
      }
      key = { start: Number(m[1]), end: m[3] ? Number(m[3]) : undefined };
      keyFlags = (m[2] ?? '') + (m[4] ?? '');
    }
    const numeric = has(p, 'n') || keyFlags.includes('n');
    const human = has(p, 'h') || keyFlags.includes('h');
    const fold = has(p, 'f') || keyFlags.includes('f');
    const reverse = has(p, 'r') || keyFlags.includes('r');
    const sep = p.values.get('t');
    const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    const keyCmp = (a: string, b: string): number => {
      const x = field(a, key, sep);
      const y = field(b, key, sep);
      if (numeric) return numValue(x) - numValue(y);
      if (human) return humanValue(x) - humanValue(y);
      return fold ? cmpStr(x.toUpperCase(), y.toUpperCase()) : cmpStr(x, y);
    };
    const sorted = [...all].sort((a, b) => {
      const c = keyCmp(a, b);
      if (c !== 0) return reverse ? -c : c;
      if (has(p, 'u')) return 0;
      const d = cmpStr(a, b);
      return reverse ? -d : d;
    });
    const out = has(p, 'u') ? sorted.filter((l, i) => i === 0 || keyCmp(sorted[i - 1], l) !== 0) : sorted;
    ctx.stdout.write(out.map((l) => l + '\n').join(''));
    return 0;
  },
};

export const uniq: Command = {
  name: 'uniq',
  summary: 'report or omit repeated lines',
  help: `Usage: uniq [OPTION]... [INPUT [OUTPUT]]
Filter adjacent matching lines from INPUT (or standard input),
writing to OUTPUT (or standard output).

  -c, --count           prefix lines by the number of occurrences
  -d, --repeated        only print duplicate lines, one for each group
  -u, --unique          only print unique lines
  -i, --ignore-case     ignore differences in case when comparing
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'uniq', { flags: 'cdui', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' } });
    if (typeof p === 'number') return p;
    const r = await readInputs(ctx, 'uniq', p.operands.slice(0, 1));
    if (r.failed) return 1;
    const all = lines(r.texts[0]?.text ?? '');
    const same = (a: string, b: string): boolean => (has(p, 'i') ? a.toLowerCase() === b.toLowerCase() : a === b);
    let out = '';
    for (let i = 0; i < all.length; ) {
      let j = i + 1;
      while (j < all.length && same(all[i], all[j])) j++;
      const n = j - i;
      if ((!has(p, 'd') || n > 1) && (!has(p, 'u') || n === 1)) out += (has(p, 'c') ? `${String(n).padStart(7)} ` : '') + all[i] + '\n';
      i = j;
    }
    if (p.operands[1]) ctx.sys.writeFile(p.operands[1], fromText(out));
    else ctx.stdout.write(out);
    return 0;
  },
};
