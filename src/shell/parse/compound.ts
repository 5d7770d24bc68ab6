/**
 * Compound commands of the grammar (XCU 2.9.4): if, for (and bash's
 * arithmetic for), while/until, case, bash's `[[ ... ]]` and `function NAME`.
 * Each takes the parser positioned on its reserved word.
 */
import type { CaseItem, Command, Script, Word } from './ast.ts';
import { arithEnd, Incomplete, unexpected } from './lexer.ts';
import { isReserved, lexerAt, NAME, tokenText } from './parser.ts';
import type { Parser } from './parser.ts';

/** `[[ … ]]`: operators inside become words the conditional evaluator reads. */
export function parseCond(p: Parser): Command {
  p.next();
  const words: Word[] = [];
  for (;;) {
    const t = p.next();
    if (t.kind === 'eof') throw new Incomplete();
    if (t.kind === 'newline') continue;
    if (isReserved(t, ']]')) break;
    if (t.kind === 'word') words.push(t.word);
    else if (['&&', '||', '(', ')', '<', '>'].includes(t.value) && t.fd === undefined) words.push({ parts: [{ type: 'lit', value: t.value, quoted: false }], raw: t.value });
    else throw unexpected(t.value);
  }
  if (!words.length) throw unexpected(']]');
  return { type: 'cond', words, redirs: [] };
}

/** bash's `function NAME [()] BODY`. */
export function parseFunctionKeyword(p: Parser): Command {
  p.next();
  const n = p.next();
  if (n.kind === 'eof') throw new Incomplete();
  if (n.kind !== 'word') throw unexpected(tokenText(n));
  const paren = p.peek();
  if (paren.kind === 'op' && paren.value === '(') {
    p.next();
    p.expectOp(')');
  }
  p.skipNewlines();
  return { type: 'func', name: n.word.raw, body: p.command(), redirs: [] };
}

/** `if LIST; then LIST; [elif LIST; then LIST;]... [else LIST;] fi` (XCU 2.9.4.4). */
export function parseIf(p: Parser): Command {
  p.next();
  const clauses: { cond: Script; body: Script }[] = [];
  let orElse: Script | undefined;
  const cond = p.body(['then']);
  p.expect('then');
  clauses.push({ cond, body: p.body(['elif', 'else', 'fi']) });
  for (;;) {
    const t = p.peek();
    if (isReserved(t, 'elif')) {
      p.next();
      const c = p.body(['then']);
      p.expect('then');
      clauses.push({ cond: c, body: p.body(['elif', 'else', 'fi']) });
    } else if (isReserved(t, 'else')) {
      p.next();
      orElse = p.body(['fi']);
    } else break;
  }
  p.expect('fi');
  return { type: 'if', clauses, orElse, redirs: [] };
}

/** `for NAME [in WORD...]; do LIST; done` (XCU 2.9.4.2), or bash's `for ((...))`. */
export function parseFor(p: Parser): Command {
  p.next();
  const paren = p.peek();
  if (paren.kind === 'op' && paren.value === '(' && p.lx.src[paren.end] === '(') return parseCfor(p, paren.end + 1);
  const n = p.next();
  if (n.kind === 'eof') throw new Incomplete();
  if (n.kind !== 'word' || !NAME.test(n.word.raw)) throw unexpected(tokenText(n));
  let items: Word[] | undefined;
  p.skipNewlines();
  const t = p.peek();
  if (isReserved(t, 'in')) {
    p.next();
    items = [];
    for (;;) {
      const w = p.peek();
      if (w.kind !== 'word') break;
      p.next();
      items.push(w.word);
    }
    const sep = p.peek();
    if (sep.kind === 'eof') throw new Incomplete();
    if (sep.kind === 'op' && sep.value === ';') p.next();
    else if (sep.kind !== 'newline') throw unexpected(tokenText(sep));
  } else if (t.kind === 'op' && t.value === ';') p.next();
  p.skipNewlines();
  p.expect('do');
  const body = p.body(['done']);
  p.expect('done');
  return { type: 'for', name: n.word.raw, items, body, redirs: [] };
}

/** `for (( init; cond; step ))` starting just inside the `((`. */
function parseCfor(p: Parser, from: number): Command {
  const src = p.lx.src;
  const end = arithEnd(src, from);
  if (end < 0) throw unexpected('(');
  const text = src.slice(from, end);
  const parts: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ';' && depth === 0) {
      parts.push(text.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(text.slice(last));
  if (parts.length !== 3) throw unexpected('((');
  p.lx.pos = end + 2;
  p.peeked = undefined;
  const [init, cond, step] = parts.map((t) => ({ parts: lexerAt(t, 0, p.depth + 1).readQuoted(undefined), raw: t }));
  const sep = p.peek();
  if (sep.kind === 'op' && sep.value === ';') p.next();
  p.skipNewlines();
  p.expect('do');
  const body = p.body(['done']);
  p.expect('done');
  return { type: 'cfor', init, cond, step, body, redirs: [] };
}

/** `while|until LIST; do LIST; done` (XCU 2.9.4.5-6). */
export function parseWhile(p: Parser): Command {
  const until = isReserved(p.next(), 'until');
  const cond = p.body(['do']);
  p.expect('do');
  const body = p.body(['done']);
  p.expect('done');
  return { type: 'while', until, cond, body, redirs: [] };
}

/** `case WORD in [(]PATTERN[|PATTERN]...) LIST;; ... esac` (XCU 2.9.4.3). */
export function parseCase(p: Parser): Command {
  p.next();
  const w = p.next();
  if (w.kind === 'eof') throw new Incomplete();
  if (w.kind !== 'word') throw unexpected(tokenText(w));
  p.skipNewlines();
  p.expect('in');
  const items: CaseItem[] = [];
  for (;;) {
    p.skipNewlines();
    const t = p.peek();
    if (t.kind === 'eof') throw new Incomplete();
    if (isReserved(t, 'esac')) {
      p.next();
      break;
    }
    if (t.kind === 'op' && t.value === '(') p.next();
    const patterns: Word[] = [];
    for (;;) {
      const pat = p.next();
      if (pat.kind === 'eof') throw new Incomplete();
      if (pat.kind !== 'word') throw unexpected(tokenText(pat));
      patterns.push(pat.word);
      const bar = p.peek();
      if (bar.kind === 'op' && bar.value === '|') p.next();
      else break;
    }
    p.expectOp(')');
    const body = p.list((x) => isReserved(x, 'esac') || (x.kind === 'op' && x.value === ';;'));
    items.push({ patterns, body });
    const end = p.peek();
    if (end.kind === 'eof') throw new Incomplete();
    if (end.kind === 'op' && end.value === ';;') p.next();
    else if (!isReserved(end, 'esac')) throw unexpected(tokenText(end));
  }
  return { type: 'case', word: w.word, items, redirs: [] };
}
