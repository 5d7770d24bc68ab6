/** cat(1): concatenate files (or stdin) to stdout; -n numbers lines, -E marks ends with $, -A shows tabs too. */
import type { Command } from '../../types.ts';
import { has, parseOrUsage, readInputs } from './util.ts';

export const cat: Command = {
  name: 'cat',
  summary: 'concatenate files and print on the standard output',
  help: `Usage: cat [OPTION]... [FILE]...
Concatenate FILE(s) to standard output.

With no FILE, or when FILE is -, read standard input.

  -A, --show-all           equivalent to -vET
  -b, --number-nonblank    number nonempty output lines, overrides -n
  -E, --show-ends          display $ at end of each line
  -n, --number             number all output lines
  -s, --squeeze-blank      suppress repeated empty output lines
  -T, --show-tabs          display TAB characters as ^I
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'cat', { flags: 'AbEnsTuv', long: { 'show-all': 'A', 'number-nonblank': 'b', 'show-ends': 'E', number: 'n', 'squeeze-blank': 's', 'show-tabs': 'T' } });
    if (typeof p === 'number') return p;
    const ends = has(p, 'E') || has(p, 'A');
    const tabs = has(p, 'T') || has(p, 'A');
    const numberAll = has(p, 'n');
    const numberNonBlank = has(p, 'b');
    const squeeze = has(p, 's');
    let failed = false;
    let n = 0;
    for (const path of p.operands.length ? p.operands : ['-']) {
      const r = await readInputs(ctx, 'cat', [path], ctx.busybox ? (p2, why) => `cat: can't open '${p2}': ${why}` : undefined);
      failed ||= r.failed;
      for (const { text } of r.texts) {
        if (!ends && !tabs && !numberAll && !numberNonBlank && !squeeze) {
          ctx.stdout.write(text);
          continue;
        }
        const parts = text.split('\n');
        const endsWithNl = text.endsWith('\n');
        if (endsWithNl) parts.pop();
        let out = '';
        let blankRun = false;
        parts.forEach((line, i) => {
          if (squeeze && line === '') {
            if (blankRun) return;
            blankRun = true;
          } else blankRun = false;
          let l = tabs ? line.replace(/\t/g, '^I') : line;
          if (numberNonBlank ? line !== '' : numberAll) l = `${String(++n).padStart(6)}\t${l}`;
          const nl = i < parts.length - 1 || endsWithNl;
          out += l + (nl ? (ends ? '$\n' : '\n') : '');
        });
        ctx.stdout.write(out);
      }
      await ctx.checkpoint();
    }
    return failed ? 1 : 0;
  },
};
