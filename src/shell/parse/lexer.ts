/**
 * The shell's tokenizer (XCU 2.3 "Token Recognition"): operators, newlines
 * and words. Words are read with their quoting and nested expansions
 * (`$(…)`, `` `…` ``, `${…}`, `$((…))`) into WordParts. Running off the end
 * of the input inside a construct throws Incomplete (the terminal shows PS2).
 */
import type { Script, Word, WordPart, ParamOp } from './ast.ts';

/** Input ended inside a quote, substitution or compound command: more lines are needed. */
export class Incomplete extends Error {
  constructor() {
    super('incomplete input');
  }
}

/** A syntax error, worded like bash's. */
export class ParseError extends Error {}

/** bash: "syntax error near unexpected token `X'". */
export function unexpected(token: string): ParseError {
  return new ParseError(`syntax error near unexpected token \`${token}'`);
}

export type Token =
  | { readonly kind: 'eof'; readonly start: number; readonly end: number }
  | { readonly kind: 'newline'; readonly start: number; readonly end: number }
  | { readonly kind: 'op'; readonly value: string; readonly fd: number | undefined; readonly start: number; readonly end: number }
  | { readonly kind: 'word'; readonly word: Word; readonly start: number; readonly end: number };

/** Parses `$( … )` starting at `pos` (just after the parenthesis); returns the list and the index of the closing `)`. */
export type SubParser = (src: string, pos: number) => { script: Script; end: number };
/** Parses a whole string (backquote body) as a script. */
export type WholeParser = (src: string) => Script;

const OPERATORS = ['&>>', '<<-', '&&', '||', ';;', '<<', '>>', '&>', '>&', '<&', '<>', '>|', ';', '&', '|', '(', ')', '<', '>'];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const SPECIAL_PARAMS = new Set(['?', '$', '!', '#', '@', '*', '-', '0']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

export class Lexer {
  readonly src: string;
  pos: number;
  readonly #sub: SubParser;
  readonly #whole: WholeParser;

  constructor(src: string, pos: number, sub: SubParser, whole: WholeParser) {
    this.src = src;
    this.pos = pos;
    this.#sub = sub;
    this.#whole = whole;
  }

  /** Skip blanks, `\`-newline continuations and a comment (up to, not including, the newline). */
  skipBlanks(): void {
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && s[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  /** Read the next token. */
  token(): Token {
    this.skipBlanks();
    const s = this.src;
    const start = this.pos;
    if (start >= s.length) return { kind: 'eof', start, end: start };
    if (s[start] === '\n') {
      this.pos++;
      return { kind: 'newline', start, end: this.pos };
    }
    // IO_NUMBER: digits immediately followed by < or >
    const io = /^(\d+)(?=[<>])/.exec(s.slice(start, start + 12));
    let fd: number | undefined;
    let at = start;
    if (io) {
      fd = Number(io[1]);
      at += io[1].length;
    }
    for (const op of OPERATORS) {
      if (s.startsWith(op, at)) {
        if (fd !== undefined && !(op.startsWith('<') || op.startsWith('>'))) break;
        this.pos = at + op.length;
        return { kind: 'op', value: op, fd, start, end: this.pos };
      }
    }
    const parts = this.#readParts((c) => META.has(c));
    return { kind: 'word', word: { parts, raw: s.slice(start, this.pos) }, start, end: this.pos };
  }

  /** Read word parts until `stop(c)` is true for an unquoted character (or end of input). */
  #readParts(stop: (c: string) => boolean): WordPart[] {
    const s = this.src;
    const out: WordPart[] = [];
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (stop(c)) break;
      if (c === '\\') {
        if (this.pos + 1 >= s.length) throw new Incomplete();
        if (s[this.pos + 1] === '\n') {
          this.pos += 2;
          continue;
        }
        pushLit(out, s[this.pos + 1], true);
        this.pos += 2;
      } else if (c === "'") {
        const end = s.indexOf("'", this.pos + 1);
        if (end < 0) throw new Incomplete();
        pushLit(out, s.slice(this.pos + 1, end), true);
        this.pos = end + 1;
      } else if (c === '"') {
        this.pos++;
        const parts = this.readQuoted('"');
        out.push({ type: 'dq', parts });
      } else if (c === '`') {
        out.push(this.#readBackquote(false));
      } else if (c === '$') {
        out.push(this.#readDollar(false));
      } else {
        pushLit(out, c, false);
        this.pos++;
      }
    }
    return out;
  }

  /**
   * The inside of double quotes (end = '"') or a here-document / arithmetic
   * body (end = undefined: up to the end of input). Backslash escapes only
   * `$`, `` ` ``, `\`, newline and (in double quotes) `"`.
   */
  readQuoted(end: '"' | undefined): WordPart[] {
    const s = this.src;
    const out: WordPart[] = [];
    const escapable = end ? '$`"\\\n' : '$`\\\n';
    for (;;) {
      if (this.pos >= s.length) {
        if (end) throw new Incomplete();
        return out;
      }
      const c = s[this.pos];
      if (c === end) {
        this.pos++;
        return out;
      }
      if (c === '\\' && this.pos + 1 < s.length && escapable.includes(s[this.pos + 1])) {
        if (s[this.pos + 1] !== '\n') pushLit(out, s[this.pos + 1], true);
        this.pos += 2;
      } else if (c === '\\' && this.pos + 1 >= s.length && end) {
        throw new Incomplete();
      } else if (c === '$') {
        const p = this.#readDollar(true);
        if (p.type === 'lit') pushLit(out, p.value, true);
        else out.push(p);
      } else if (c === '`') {
        out.push(this.#readBackquote(true));
      } else {
        pushLit(out, c, true);
        this.pos++;
      }
    }
  }

  #readBackquote(inDq: boolean): WordPart {
    const s = this.src;
    let i = this.pos + 1;
    let inner = '';
    for (;;) {
      if (i >= s.length) throw new Incomplete();
      const c = s[i];
      if (c === '`') break;
      if (c === '\\' && i + 1 < s.length && ('$`\\' + (inDq ? '"' : '')).includes(s[i + 1])) {
        inner += s[i + 1];
        i += 2;
      } else {
        inner += c;
        i++;
      }
    }
    this.pos = i + 1;
    return { type: 'cmdsub', body: this.#whole(inner) };
  }

  #readDollar(inDq: boolean): WordPart {
    const s = this.src;
    const next = s[this.pos + 1];
    if (next === '{') {
      this.pos += 2;
      return this.#readBrace();
    }
    if (next === '(') {
      if (s[this.pos + 2] === '(') {
        const end = arithEnd(s, this.pos + 3);
        if (end >= 0) {
          const text = s.slice(this.pos + 3, end);
          this.pos = end + 2;
          const sub = new Lexer(text, 0, this.#sub, this.#whole);
          return { type: 'arith', expr: { parts: sub.readQuoted(undefined), raw: text } };
        }
      }
      const { script, end } = this.#sub(s, this.pos + 2);
      if (end >= s.length) throw new Incomplete();
      if (s[end] !== ')') throw unexpected(s[end] === '\n' ? 'newline' : s[end]);
      this.pos = end + 1;
      return { type: 'cmdsub', body: script };
    }
    if (next === "'" && !inDq) {
      const { value, end } = ansiC(s, this.pos + 2);
      this.pos = end;
      return { type: 'lit', value, quoted: true };
    }
    if (next !== undefined && NAME_START.test(next)) {
      let i = this.pos + 1;
      while (i < s.length && NAME_CHAR.test(s[i])) i++;
      const name = s.slice(this.pos + 1, i);
      this.pos = i;
      return { type: 'param', name };
    }
    if (next !== undefined && (/[0-9]/.test(next) || SPECIAL_PARAMS.has(next))) {
      this.pos += 2;
      return { type: 'param', name: next };
    }
    this.pos++;
    return { type: 'lit', value: '$', quoted: false };
  }

  /** After `${`: `${#name}`, `${name}`, `${name OP word}`. */
  #readBrace(): WordPart {
    const s = this.src;
    if (this.pos >= s.length) throw new Incomplete();
    let len = false;
    if (s[this.pos] === '#' && s[this.pos + 1] !== '}' && s[this.pos + 1] !== undefined) {
      len = true;
      this.pos++;
    }
    let i = this.pos;
    if (NAME_START.test(s[i] ?? '')) while (i < s.length && NAME_CHAR.test(s[i])) i++;
    else if (/[0-9]/.test(s[i] ?? '')) while (i < s.length && /[0-9]/.test(s[i])) i++;
    else if (SPECIAL_PARAMS.has(s[i] ?? '')) i++;
    const name = s.slice(this.pos, i);
    this.pos = i;
    if (i >= s.length) throw new Incomplete();
    if (s[i] === '}') {
      if (!name) throw badSubstitution(s, i);
      this.pos++;
      return len ? { type: 'param', name, op: 'len' } : { type: 'param', name };
    }
    const op = (['::-', ':-', ':=', ':+', ':?', '##', '%%', '//', '/#', '/%', '-', '=', '+', '?', '#', '%', '/', ':'] as const).find((o) => s.startsWith(o, i));
    if (!name || len || !op || op === '::-') throw badSubstitution(s, i);
    this.pos = i + op.length;
    if (op.startsWith('/')) {
      // ${X/pattern/replacement}: the pattern ends at the first unquoted `/`
      const pattern = this.#braceWord((c) => c === '/');
      let repl: Word | undefined;
      if (s[this.pos] === '/') {
        this.pos++;
        repl = this.#braceWord(() => false);
      }
      if (this.pos >= s.length) throw new Incomplete();
      this.pos++;
      return { type: 'param', name, op, arg: pattern, repl };
    }
    const arg = this.#braceWord(() => false);
    if (this.pos >= s.length) throw new Incomplete();
    this.pos++;
    return { type: 'param', name, op: op as ParamOp, arg };
  }

  /** A word inside `${…}` up to the closing brace (nested braces balanced) or an unquoted character `stop` accepts. */
  #braceWord(stop: (c: string) => boolean): Word {
    const start = this.pos;
    let depth = 0;
    const parts = this.#readParts((c) => {
      if (c === '{') depth++;
      if (c === '}') return depth-- === 0;
      return depth === 0 && stop(c);
    });
    if (this.pos >= this.src.length) throw new Incomplete();
    return { parts, raw: this.src.slice(start, this.pos) };
  }
}

function badSubstitution(s: string, i: number): ParseError {
  let j = i;
  while (j < s.length && s[j] !== '}' && s[j] !== '\n') j++;
  let k = i;
  while (k > 0 && !s.startsWith('${', k)) k--;
  return new ParseError(`${s.slice(k, j + 1)}: bad substitution`);
}

/** Index of the `))` closing an arithmetic expansion that starts at `from`, or -1 if the `$((` is really `$( (`. */
export function arithEnd(s: string, from: number): number {
  let depth = 0;
  for (let j = from; j < s.length; j++) {
    const c = s[j];
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return s[j + 1] === ')' ? j : -1;
      depth--;
    }
  }
  throw new Incomplete();
}

/** bash's `$'…'` (ANSI-C quoting): \n \t \\ \' \e \xHH \0NNN. */
function ansiC(s: string, from: number): { value: string; end: number } {
  let out = '';
  let i = from;
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
  for (;;) {
    if (i >= s.length) throw new Incomplete();
    const c = s[i];
    if (c === "'") return { value: out, end: i + 1 };
    if (c === '\\' && i + 1 < s.length) {
      const n = s[i + 1];
      const hex = /^x([0-9a-fA-F]{1,2})/.exec(s.slice(i + 1, i + 4));
      const oct = /^([0-7]{1,3})/.exec(s.slice(i + 1, i + 4));
      if (simple[n] !== undefined) { out += simple[n]; i += 2; }
      else if (hex) { out += String.fromCharCode(parseInt(hex[1], 16)); i += 1 + hex[0].length; }
      else if (oct) { out += String.fromCharCode(parseInt(oct[1], 8)); i += 1 + oct[0].length; }
      else { out += '\\' + n; i += 2; }
    } else {
      out += c;
      i++;
    }
  }
}

function pushLit(out: WordPart[], value: string, quoted: boolean): void {
  const last = out[out.length - 1];
  if (last && last.type === 'lit' && last.quoted === quoted) out[out.length - 1] = { type: 'lit', value: last.value + value, quoted };
  else out.push({ type: 'lit', value, quoted });
}
