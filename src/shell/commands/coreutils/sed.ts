/**
 * sed(1), the everyday subset: s/RE/REPL/[gpiN], p, d, q, =, a/i/c TEXT, y,
 * addresses (N, $, /RE/, ranges, !), -n, -e, -E/-r, -i (in place), -s.
 * Errors in GNU's words: `sed: -e expression #1, char 3: unterminated `s' command`.
 */
import type { Command } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import { fromText, toText } from '../../../model/fs/data.ts';
import { posixToJs } from './regex.ts';
import { has, parseOrUsage } from './util.ts';

type Addr = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };

interface SedCmd {
  a1?: Addr;
  a2?: Addr;
  negate: boolean;
  op: string;
  re?: RegExp;
  repl?: string;
  global?: boolean;
  print?: boolean;
  nth?: number;
  text?: string;
  from?: string;
  to?: string;
  /** range state */
  active?: boolean;
}

class SedError extends Error {}

function parseScript(script: string, extended: boolean): SedCmd[] {
  const cmds: SedCmd[] = [];
  let i = 0;
  const err = (msg: string): never => {
    throw new SedError(`-e expression #1, char ${i}: ${msg}`);
  };
  const readDelimited = (delim: string): string => {
    let out = '';
    while (i < script.length && script[i] !== delim) {
      if (script[i] === '\\' && i + 1 < script.length) {
        if (script[i + 1] === delim) out += delim;
        else if (script[i + 1] === 'n') out += '\n';
        else out += script[i] + script[i + 1];
        i += 2;
      } else out += script[i++];
    }
    if (i >= script.length) return err(`unterminated \`s' command`);
    i++;
    return out;
  };
  const mkRe = (src: string, flags = ''): RegExp => {
    try {
      return new RegExp(posixToJs(src, extended), flags);
    } catch {
      return err('Invalid regular expression');
    }
  };
  let last: RegExp | undefined;
  const readAddr = (): Addr | undefined => {
    if (/\d/.test(script[i] ?? '')) {
      const m = /^\d+/.exec(script.slice(i))!;
      i += m[0].length;
      return { kind: 'line', n: Number(m[0]) };
    }
    if (script[i] === '$') {
      i++;
      return { kind: 'last' };
    }
    if (script[i] === '/' || script[i] === '\\') {
      const delim = script[i] === '\\' ? script[++i] : '/';
      i++;
      const src = readDelimited(delim);
      const re = src === '' && last ? last : mkRe(src);
      last = re;
      return { kind: 're', re };
    }
    return undefined;
  };
  while (i < script.length) {
    while (/[\s;]/.test(script[i] ?? '')) i++;
    if (i >= script.length) break;
    const cmd: SedCmd = { negate: false, op: '' };
    cmd.a1 = readAddr();
    if (cmd.a1 && script[i] === ',') {
      i++;
      cmd.a2 = readAddr() ?? err('unexpected `,\'');
    }
    while (script[i] === ' ') i++;
    if (script[i] === '!') {
      cmd.negate = true;
      i++;
    }
    while (script[i] === ' ') i++;
    const op = script[i++];
    if (op === undefined) err('missing command');
    cmd.op = op;
    if (op === 's') {
      const delim = script[i++];
      const src = readDelimited(delim);
      cmd.repl = readDelimited(delim);
      let flags = '';
      while (i < script.length && /[gpiI0-9]/.test(script[i])) {
        const f = script[i++];
        if (f === 'g') cmd.global = true;
        else if (f === 'p') cmd.print = true;
        else if (f === 'i' || f === 'I') flags += 'i';
        else cmd.nth = Number(f);
      }
      cmd.re = src === '' && last ? last : mkRe(src, flags);
      last = cmd.re;
    } else if (op === 'y') {
      const delim = script[i++];
      cmd.from = readDelimited(delim);
      cmd.to = readDelimited(delim);
      if ([...cmd.from].length !== [...cmd.to].length) err('strings for `y\' command are different lengths');
    } else if (op === 'a' || op === 'i' || op === 'c') {
      if (script[i] === '\\') i++;
      if (script[i] === '\n') i++;
      while (script[i] === ' ') i++;
      const end = script.indexOf('\n', i);
      cmd.text = script.slice(i, end < 0 ? script.length : end);
      i = end < 0 ? script.length : end;
    } else if (op === '{' || op === '}') {
      err(`unknown command: \`${op}'`);
    } else if (!'pdqQ=nNhHgGxlz'.includes(op)) {
      err(`unknown command: \`${op}'`);
    }
    cmds.push(cmd);
  }
  return cmds;
}

function matchAddr(a: Addr, line: string, n: number, lastLine: boolean): boolean {
  if (a.kind === 'line') return n === a.n;
  if (a.kind === 'last') return lastLine;
  a.re.lastIndex = 0;
  return a.re.test(line);
}

function selected(c: SedCmd, line: string, n: number, lastLine: boolean): boolean {
  let hit: boolean;
  if (!c.a1) hit = true;
  else if (!c.a2) hit = matchAddr(c.a1, line, n, lastLine);
  else if (c.active) {
    hit = true;
    if (c.a2.kind === 'line' ? n >= c.a2.n : matchAddr(c.a2, line, n, lastLine)) c.active = false;
  } else if (matchAddr(c.a1, line, n, lastLine)) {
    hit = true;
    c.active = !(c.a2.kind === 'line' && c.a2.n <= n) && !(c.a2.kind === 'last' && lastLine);
  } else hit = false;
  return hit !== c.negate;
}

function substitute(c: SedCmd, line: string): { text: string; done: boolean } {
  const re = new RegExp(c.re!.source, c.re!.flags.replace('g', '') + 'g');
  let count = 0;
  let done = false;
  const text = line.replace(re, (...m: unknown[]) => {
    count++;
    const groups = m.slice(0, -2).filter((_x, k) => k < m.length - 2) as (string | undefined)[];
    if (c.nth ? count !== c.nth : !c.global && count > 1) return groups[0] ?? '';
    done = true;
    return c.repl!.replace(/\\([0-9&\\n])|&/g, (all, g: string | undefined) => {
      if (all === '&') return groups[0] ?? '';
      if (g === '&') return '&';
      if (g === '\\') return '\\';
      if (g === 'n') return '\n';
      return groups[Number(g)] ?? '';
    });
  });
  return { text, done };
}

function runSed(cmds: SedCmd[], input: string, quiet: boolean): string {
  const lines = input.split('\n');
  const trailingNl = input.endsWith('\n');
  if (trailingNl) lines.pop();
  let out = '';
  for (const c of cmds) c.active = false;
  outer: for (let n = 1; n <= lines.length; n++) {
    let line = lines[n - 1];
    const lastLine = n === lines.length;
    let append = '';
    let deleted = false;
    for (const c of cmds) {
      if (!selected(c, line, n, lastLine)) continue;
      switch (c.op) {
        case 's': {
          const r = substitute(c, line);
          line = r.text;
          if (r.done && c.print) out += line + '\n';
          break;
        }
        case 'y':
          line = [...line].map((ch) => {
            const k = [...c.from!].indexOf(ch);
            return k < 0 ? ch : [...c.to!][k];
          }).join('');
          break;
        case 'p': out += line + '\n'; break;
        case 'd': deleted = true; break;
        case '=': out += `${n}\n`; break;
        case 'a': append += c.text + '\n'; break;
        case 'i': out += c.text + '\n'; break;
        case 'c': deleted = true; if (!c.a2 || !c.active) out += c.text + '\n'; break;
        case 'q':
          if (!quiet) out += line + '\n';
          out += append;
          break outer;
        case 'Q': break outer;
      }
      if (deleted) break;
    }
    if (!deleted && !quiet) out += line + (lastLine && !trailingNl ? '' : '\n');
    out += append;
  }
  return out;
}

export const sed: Command = {
  name: 'sed',
  summary: 'stream editor for filtering and transforming text',
  help: `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
  -e script, --expression=script
                 add the script to the commands to be executed
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
  -s, --separate
                 consider files as separate rather than as a single
                 continuous long stream.
`,
  async run(ctx) {
    const argv = ctx.argv.map((a) => (a === '--in-place' ? '-i' : a));
    const inPlace = argv.some((a, i) => i > 0 && /^-[nErs]*i/.test(a));
    const cleaned = argv.map((a, i) => (i > 0 && /^-[nErs]*i/.test(a) ? a.replace(/i.*$/, '') || '-s' : a)).filter((a) => a !== '-');
    const p = parseOrUsage({ ...ctx, argv: cleaned }, 'sed', { flags: 'nErsu', withArg: 'ef', long: { quiet: 'n', silent: 'n', 'expression=': 'e', 'regexp-extended': 'E', separate: 's' } });
    if (typeof p === 'number') return p;
    const operands = [...p.operands];
    const script = p.values.has('e') ? p.values.get('e')! : operands.shift();
    if (script === undefined) {
      ctx.stderr.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n');
      return 1;
    }
    let cmds: SedCmd[];
    try {
      cmds = parseScript(script, has(p, 'E') || has(p, 'r'));
    } catch (e) {
      if (e instanceof SedError) {
        ctx.stderr.write(`sed: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
    const quiet = has(p, 'n');
    if (inPlace) {
      if (!operands.length) {
        ctx.stderr.write('sed: no input files\n');
        return 1;
      }
      let status = 0;
      for (const f of operands) {
        try {
          const text = toText(ctx.sys.readFile(f), 16 * 1024 * 1024);
          ctx.sys.writeFile(f, fromText(runSed(cmds, text, quiet)));
        } catch (e) {
          if (!isSysError(e)) throw e;
          ctx.stderr.write(`sed: can't read ${f}: ${e.strerror}\n`);
          status = 2;
        }
      }
      return status;
    }
    let input = '';
    let status = 0;
    for (const f of operands.length ? operands : ['-']) {
      try {
        input += f === '-' ? await ctx.stdin.readAll() : toText(ctx.sys.readFile(f), 16 * 1024 * 1024);
      } catch (e) {
        if (!isSysError(e)) throw e;
        ctx.stderr.write(`sed: can't read ${f}: ${e.strerror}\n`);
        status = 2;
      }
    }
    ctx.stdout.write(runSed(cmds, input, quiet));
    return status;
  },
};
