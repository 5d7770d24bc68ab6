/**
 * A recursive-descent parser for the POSIX shell grammar (XCU 2.10) plus the
 * everyday bash bits (`function f`, `&>`, `time`, `$'…'`). parse() never
 * throws: it returns a tree, `incomplete` (the terminal shows PS2 `> `) or a
 * syntax error in bash's words.
 */
import type { AndOr, Assign, Command, ParseResult, Pipeline, Redir, RedirOp, Script, Word } from './ast.ts';
import { arithEnd, Incomplete, Lexer, ParseError, unexpected } from './lexer.ts';
import { parseCase, parseCond, parseFor, parseFunctionKeyword, parseIf, parseWhile } from './compound.ts';
import type { Token } from './lexer.ts';

const REDIR_OPS = new Set(['<', '>', '>>', '>|', '<>', '>&', '<&', '&>', '&>>', '<<', '<<-']);
/** A shell NAME (XCU 3.235). */
export const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Guard against pathological nesting (`((((((…`): bash has no limit, our stack does. */
const MAX_DEPTH = 200;

/** Parse a whole script. */
export function parse(source: string): ParseResult {
  try {
    return { kind: 'ok', script: parseOrThrow(source) };
  } catch (e) {
    if (e instanceof Incomplete) return { kind: 'incomplete' };
    if (e instanceof ParseError) return { kind: 'error', message: e.message };
    if (e instanceof RangeError) return { kind: 'error', message: 'syntax error: expression too deeply nested' };
    throw e;
  }
}

function parseOrThrow(source: string, depth = 0): Script {
  const p = new Parser(source, 0, depth);
  const script = p.list(() => false);
  const t = p.peek();
  if (t.kind !== 'eof') throw unexpected(tokenText(t));
  p.finish();
  return script;
}

/** A lexer whose `$(…)` and backquotes parse with nested parsers (depth-limited). */
export function lexerAt(src: string, pos: number, depth: number): Lexer {
  return new Lexer(
    src,
    pos,
    (s, at) => {
      const sub = new Parser(s, at, depth + 1);
      const script = sub.list((t) => t.kind === 'op' && t.value === ')');
      const end = sub.peek();
      if (end.kind === 'eof') throw new Incomplete();
      sub.finish();
      return { script, end: end.start };
    },
    (s) => parseOrThrow(s, depth + 1),
  );
}

/** How bash names a token in `syntax error near unexpected token`. */
export function tokenText(t: Token): string {
  if (t.kind === 'op') return t.value;
  if (t.kind === 'word') return t.word.raw;
  return 'newline';
}

/** Is `t` one of the reserved `words` (an unquoted literal word)? */
export function isReserved(t: Token, ...words: string[]): boolean {
  if (t.kind !== 'word' || t.word.parts.length !== 1) return false;
  const p = t.word.parts[0];
  return p.type === 'lit' && !p.quoted && words.includes(p.value);
}

const RESERVED = ['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', '{', '}', '!', 'in', 'function'];

interface PendingHeredoc {
  readonly redir: Redir;
  readonly delim: string;
  readonly strip: boolean;
  readonly quoted: boolean;
}

/** The recursive-descent parser; compound.ts parses the compound commands through its public methods. */
export class Parser {
  /** The token source (compound.ts reads `lx.src`/`lx.pos` for `for ((`). */
  readonly lx: Lexer;
  /** One token of lookahead, read but not consumed. */
  peeked: Token | undefined;
  #pending: PendingHeredoc[] = [];
  /** Nesting of `$(…)` parsers (bounded by MAX_DEPTH). */
  readonly depth: number;
  #nest = 0;

  constructor(src: string, pos: number, depth: number) {
    if (depth > MAX_DEPTH) throw new ParseError('syntax error: expression too deeply nested');
    this.depth = depth;
    this.lx = lexerAt(src, pos, depth);
  }

  peek(): Token {
    this.peeked ??= this.lx.token();
    return this.peeked;
  }

  next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    if (t.kind === 'newline' && this.#pending.length) this.#readHeredocs();
    return t;
  }

  /** At end of input: a here-document still waiting for its body means more input is needed. */
  finish(): void {
    if (this.#pending.length) throw new Incomplete();
  }

  /** Consume newlines (the grammar's linebreak). */
  skipNewlines(): void {
    while (this.peek().kind === 'newline') this.next();
  }

  /** Consume reserved word `word`, or fail (incomplete at end of input). */
  expect(word: string): void {
    const t = this.peek();
    if (t.kind === 'eof') throw new Incomplete();
    if (!isReserved(t, word)) throw unexpected(tokenText(t));
    this.next();
  }

  /** Consume operator `op`, or fail (incomplete at end of input). */
  expectOp(op: string): void {
    const t = this.peek();
    if (t.kind === 'eof') throw new Incomplete();
    if (t.kind !== 'op' || t.value !== op) throw unexpected(tokenText(t));
    this.next();
  }

  /** A list of and-or lists, stopping before a token `stop` accepts (or end of input). */
  list(stop: (t: Token) => boolean): Script {
    const items: AndOr[] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (t.kind === 'eof' || stop(t)) return items;
      const ao = this.#andOr();
      const sep = this.peek();
      if (sep.kind === 'op' && (sep.value === ';' || sep.value === '&')) {
        this.next();
        items.push(sep.value === '&' ? { ...ao, background: true } : ao);
      } else if (sep.kind === 'newline') {
        this.next();
        items.push(ao);
      } else if (sep.kind === 'eof' || stop(sep)) {
        items.push(ao);
        return items;
      } else throw unexpected(tokenText(sep));
    }
  }

  /** A non-empty list ended by one of the reserved `words` (or other `stop` tokens). */
  body(words: string[], stopOp?: string): Script {
    const script = this.list((t) => isReserved(t, ...words) || (stopOp !== undefined && t.kind === 'op' && t.value === stopOp));
    const t = this.peek();
    if (t.kind === 'eof') throw new Incomplete();
    if (!script.length) throw unexpected(tokenText(t));
    return script;
  }

  #andOr(): AndOr {
    const first = this.#pipeline();
    const rest: { op: '&&' | '||'; pipeline: Pipeline }[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || (t.value !== '&&' && t.value !== '||')) break;
      this.next();
      this.skipNewlines();
      rest.push({ op: t.value, pipeline: this.#pipeline() });
    }
    return { first, rest, background: false };
  }

  #pipeline(): Pipeline {
    const start = this.peek().start;
    let time = false;
    let negate = false;
    if (isReserved(this.peek(), 'time')) {
      time = true;
      this.next();
    }
    if (isReserved(this.peek(), '!')) {
      negate = true;
      this.next();
    }
    const commands = [this.command()];
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || t.value !== '|') break;
      this.next();
      this.skipNewlines();
      commands.push(this.command());
    }
    const raw = this.lx.src.slice(start, this.peeked ? this.peeked.start : this.lx.pos).trim();
    return { negate, time, commands, raw };
  }

  /** One command: simple, compound or a function definition. */
  command(): Command {
    if (++this.#nest + this.depth > MAX_DEPTH) throw new ParseError('syntax error: expression too deeply nested');
    try {
      return this.commandInner();
    } finally {
      this.#nest--;
    }
  }

  commandInner(): Command {
    const t = this.peek();
    if (t.kind === 'eof') throw new Incomplete();
    if (t.kind === 'word') {
      if (isReserved(t, 'if')) return this.redirs(parseIf(this));
      if (isReserved(t, 'for')) return this.redirs(parseFor(this));
      if (isReserved(t, 'while', 'until')) return this.redirs(parseWhile(this));
      if (isReserved(t, 'case')) return this.redirs(parseCase(this));
      if (isReserved(t, '{')) {
        this.next();
        const body = this.body(['}']);
        this.expect('}');
        return this.redirs({ type: 'group', body, redirs: [] });
      }
      if (isReserved(t, 'function')) return parseFunctionKeyword(this);
      if (isReserved(t, '[[')) return this.redirs(parseCond(this));
      if (isReserved(t, ...RESERVED.filter((w) => w !== 'in'))) throw unexpected(t.word.raw);
    }
    if (t.kind === 'op' && t.value === '(' && this.lx.src[t.end] === '(') {
      const end = arithEnd(this.lx.src, t.end + 1);
      if (end >= 0) {
        const text = this.lx.src.slice(t.end + 1, end);
        this.lx.pos = end + 2;
        this.peeked = undefined;
        return this.redirs({ type: 'arith', expr: { parts: lexerAt(text, 0, this.depth + 1).readQuoted(undefined), raw: text }, redirs: [] });
      }
    }
    if (t.kind === 'op' && t.value === '(') {
      this.next();
      const body = this.body([], ')');
      this.expectOp(')');
      return this.redirs({ type: 'subshell', body, redirs: [] });
    }
    if (t.kind === 'op' && !REDIR_OPS.has(t.value)) throw unexpected(t.value);
    if (t.kind === 'newline') throw unexpected('newline');
    return this.#simple();
  }

  /** Redirections after a compound command. */
  redirs(cmd: Command): Command {
    const redirs: Redir[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || !REDIR_OPS.has(t.value)) break;
      redirs.push(this.#redir());
    }
    return redirs.length ? { ...cmd, redirs: [...cmd.redirs, ...redirs] } : cmd;
  }

  #redir(): Redir {
    const t = this.next();
    if (t.kind !== 'op') throw unexpected(tokenText(t));
    const w = this.peek();
    if (w.kind !== 'word') throw unexpected(tokenText(w));
    this.next();
    const redir: Redir = { fd: t.fd, op: t.value as RedirOp, target: w.word };
    if (t.value === '<<' || t.value === '<<-') {
      const quoted = /['"\\]/.test(w.word.raw);
      this.#pending.push({ redir, delim: unquote(w.word), strip: t.value === '<<-', quoted });
    }
    return redir;
  }

  #readHeredocs(): void {
    const lx = this.lx;
    const s = lx.src;
    for (const h of this.#pending.splice(0)) {
      const lines: string[] = [];
      for (;;) {
        if (lx.pos >= s.length) throw new Incomplete();
        const nl = s.indexOf('\n', lx.pos);
        let line = s.slice(lx.pos, nl < 0 ? s.length : nl);
        if (h.strip) line = line.replace(/^\t+/, '');
        if (nl < 0 && line !== h.delim) throw new Incomplete();
        lx.pos = nl < 0 ? s.length : nl + 1;
        if (line === h.delim) break;
        lines.push(line);
      }
      const text = lines.length ? lines.join('\n') + '\n' : '';
      h.redir.heredoc = h.quoted
        ? { parts: [{ type: 'lit', value: text, quoted: true }], raw: text }
        : { parts: lexerAt(text, 0, this.depth + 1).readQuoted(undefined), raw: text };
    }
  }

  #simple(): Command {
    const assigns: Assign[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && REDIR_OPS.has(t.value)) {
        redirs.push(this.#redir());
        continue;
      }
      if (t.kind !== 'word') break;
      if (!words.length) {
        const a = assignment(t.word);
        if (a) {
          this.next();
          assigns.push(a);
          continue;
        }
      }
      this.next();
      words.push(t.word);
      if (words.length === 1 && !assigns.length && !redirs.length) {
        const paren = this.peek();
        if (paren.kind === 'op' && paren.value === '(') {
          if (!NAME.test(t.word.raw) && !/^[A-Za-z_:.][\w:.-]*$/.test(t.word.raw)) throw unexpected('(');
          this.next();
          this.expectOp(')');
          this.skipNewlines();
          return { type: 'func', name: t.word.raw, body: this.command(), redirs: [] };
        }
      }
    }
    if (!assigns.length && !words.length && !redirs.length) throw unexpected(tokenText(this.peek()));
    const after = this.peek();
    if (after.kind === 'op' && after.value === '(') throw unexpected('(');
    return { type: 'simple', assigns, words, redirs };
  }

}



/** `NAME=value` as the first words of a simple command (XCU 2.9.1). */
function assignment(w: Word): Assign | undefined {
  const first = w.parts[0];
  if (!first || first.type !== 'lit' || first.quoted) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.value);
  if (!m) return undefined;
  const rest = first.value.slice(m[0].length);
  const parts = rest ? [{ ...first, value: rest }, ...w.parts.slice(1)] : w.parts.slice(1);
  return { name: m[1], value: { parts, raw: w.raw.slice(m[0].length) } };
}

/** The here-document delimiter: the word with its quotes removed (XCU 2.7.4). */
function unquote(w: Word): string {
  let out = '';
  for (const p of w.parts) {
    if (p.type === 'lit') out += p.value;
    else if (p.type === 'dq') out += p.parts.map((x) => (x.type === 'lit' ? x.value : '')).join('');
    else out += w.raw;
  }
  return out;
}
