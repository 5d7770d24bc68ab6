/** wc(1): lines, words, bytes (-l -w -c -m), GNU's column widths and the `total` line. */
import type { Command } from '../../types.ts';
import { fromText } from '../../../model/fs/data.ts';
import { has, parseOrUsage, readInputs } from './util.ts';

export const wc: Command = {
  name: 'wc',
  summary: 'print newline, word, and byte counts for each file',
  help: `Usage: wc [OPTION]... [FILE]...
Print newline, word, and byte counts for each FILE, and a total line if
more than one FILE is specified.  A word is a nonempty sequence of non white
space delimited by white space characters or by start or end of input.

  -c, --bytes            print the byte counts
  -m, --chars            print the character counts
  -l, --lines            print the newline counts
  -w, --words            print the word counts
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'wc', { flags: 'cmlwL', long: { bytes: 'c', chars: 'm', lines: 'l', words: 'w' } });
    if (typeof p === 'number') return p;
    const any = ['l', 'w', 'c', 'm'].some((f) => has(p, f));
    const show = { l: !any || has(p, 'l'), w: !any || has(p, 'w'), m: has(p, 'm'), c: !any || has(p, 'c') };
    const rows: { counts: number[]; name: string | undefined }[] = [];
    const total = [0, 0, 0, 0];
    let status = 0;
    const files = p.operands.length ? p.operands : ['-'];
    for (const f of files) {
      const r = await readInputs(ctx, 'wc', [f]);
      if (r.failed) {
        status = 1;
        continue;
      }
      const t = r.texts[0].text;
      const counts = [(t.match(/\n/g) ?? []).length, (t.match(/\S+/g) ?? []).length, [...t].length, fromText(t).length];
      counts.forEach((c, i) => (total[i] += c));
      rows.push({ counts, name: p.operands.length ? f : undefined });
    }
    if (files.length > 1) rows.push({ counts: total, name: 'total' });
    const pick = (c: number[]): number[] => [show.l ? c[0] : -1, show.w ? c[1] : -1, show.m ? c[2] : -1, show.c ? c[3] : -1].filter((x) => x >= 0);
    const single = pick([1, 1, 1, 1]).length === 1 && rows.length === 1;
    const width = single ? 0 : p.operands.length ? Math.max(1, ...rows.flatMap((r) => pick(r.counts).map((n) => String(n).length))) : 7;
    for (const r of rows) ctx.stdout.write(pick(r.counts).map((n) => String(n).padStart(width)).join(' ') + (r.name !== undefined ? ` ${r.name}` : '') + '\n');
    return status;
  },
};
