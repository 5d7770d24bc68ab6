/** grep(1): BRE by default, -E, -F, -i -v -c -n -q -r -o -l -h -H -w -x -e; status 0 match, 1 none, 2 error. */
import type { Command } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import { toText } from '../../../model/fs/data.ts';
import { escapeRe, posixToJs } from './regex.ts';
import { has, parseOrUsage } from './util.ts';

export const grep: Command = {
  name: 'grep',
  summary: 'print lines that match patterns',
  help: `Usage: grep [OPTION]... PATTERNS [FILE]...
Search for PATTERNS in each FILE.
Example: grep -i 'hello world' menu.h main.c

  -E, --extended-regexp     PATTERNS are extended regular expressions
  -F, --fixed-strings       PATTERNS are strings
  -e, --regexp=PATTERNS     use PATTERNS for matching
  -i, --ignore-case         ignore case distinctions in patterns and data
  -w, --word-regexp         match only whole words
  -x, --line-regexp         match only whole lines
  -v, --invert-match        select non-matching lines
  -c, --count               print only a count of selected lines per FILE
  -l, --files-with-matches  print only names of FILEs with selected lines
  -n, --line-number         print line number with output lines
  -H, --with-filename       print file name with output lines
  -h, --no-filename         suppress the file name prefix on output
  -o, --only-matching       show only nonempty parts of lines that match
  -q, --quiet, --silent     suppress all normal output
  -r, --recursive           search directories recursively
  -s, --no-messages         suppress error messages
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'grep', {
      flags: 'EFGivcnqrRolLhHwxs',
      withArg: 'em',
      long: { 'extended-regexp': 'E', 'fixed-strings': 'F', 'regexp=': 'e', 'ignore-case': 'i', 'invert-match': 'v', count: 'c', 'line-number': 'n', quiet: 'q', silent: 'q', recursive: 'r', 'only-matching': 'o', 'files-with-matches': 'l', 'files-without-match': 'L', 'with-filename': 'H', 'no-filename': 'h', 'word-regexp': 'w', 'line-regexp': 'x', 'no-messages': 's', 'max-count=': 'm', 'color=': 'color', colour: 'color' },
    }, 2);
    if (typeof p === 'number') return p;
    const operands = [...p.operands];
    const patterns = p.values.has('e') ? [p.values.get('e')!] : operands.length ? [operands.shift()!] : undefined;
    if (!patterns) {
      ctx.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    let re: RegExp;
    try {
      const srcs = patterns.flatMap((x) => x.split('\n')).map((x) => (has(p, 'F') ? escapeRe(x) : posixToJs(x, has(p, 'E'))));
      let src = srcs.map((s) => `(?:${s})`).join('|');
      if (has(p, 'w')) src = `(?<![\\w])(?:${src})(?![\\w])`;
      if (has(p, 'x')) src = `^(?:${src})$`;
      re = new RegExp(src, has(p, 'i') ? 'gi' : 'g');
    } catch {
      ctx.stderr.write('grep: Unmatched ( or \\(\n');
      return 2;
    }
    const recursive = has(p, 'r') || has(p, 'R');
    const files = operands.length ? operands : recursive ? ['.'] : ['-'];
    const withName = has(p, 'H') || (!has(p, 'h') && (files.length > 1 || recursive));
    const max = p.values.has('m') ? Number(p.values.get('m')) : Infinity;
    let matchedAny = false;
    let error = false;
    const search = async (name: string, text: string): Promise<boolean> => {
      const ls = text.split('\n');
      if (ls[ls.length - 1] === '') ls.pop();
      let count = 0;
      let out = '';
      for (let i = 0; i < ls.length && count < max; i++) {
        const line = ls[i];
        re.lastIndex = 0;
        const hit = re.test(line);
        if (hit === has(p, 'v')) continue;
        count++;
        if (has(p, 'q') || has(p, 'l') || has(p, 'L') || has(p, 'c')) continue;
        const prefix = (withName ? `${name}:` : '') + (has(p, 'n') ? `${i + 1}:` : '');
        if (has(p, 'o') && !has(p, 'v')) {
          re.lastIndex = 0;
          for (const m of line.matchAll(re)) if (m[0]) out += prefix + m[0] + '\n';
        } else out += prefix + line + '\n';
      }
      if (has(p, 'c')) out += (withName ? `${name}:` : '') + count + '\n';
      if (has(p, 'l') && count) out += name + '\n';
      if (has(p, 'L') && !count) out += name + '\n';
      if (!has(p, 'q')) ctx.stdout.write(out);
      await ctx.checkpoint();
      return count > 0;
    };
    const visit = async (path: string): Promise<void> => {
      if (path === '-') {
        if (await search('(standard input)', await ctx.stdin.readAll())) matchedAny = true;
        return;
      }
      try {
        const st = ctx.sys.stat(path);
        if (st.type === 'dir') {
          if (!recursive) {
            if (!has(p, 's')) ctx.stderr.write(`grep: ${path}: Is a directory\n`);
            return;
          }
          for (const n of ctx.sys.readdir(path)) await visit(path.endsWith('/') ? path + n : `${path}/${n}`);
          return;
        }
        if (st.type !== 'file') return;
        const data = ctx.sys.readFile(path);
        if (await search(path, toText(data, 16 * 1024 * 1024))) matchedAny = true;
      } catch (e) {
        if (!isSysError(e)) throw e;
        error = true;
        if (!has(p, 's')) ctx.stderr.write(`grep: ${path}: ${e.strerror}\n`);
      }
    };
    for (const f of files) {
      await visit(f);
      if (matchedAny && has(p, 'q')) return 0;
    }
    return error && !(has(p, 'q') && matchedAny) ? 2 : matchedAny ? 0 : 1;
  },
};

