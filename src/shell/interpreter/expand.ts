/**
 * Word expansion (XCU 2.6): tilde, parameter, command substitution and
 * arithmetic, then field splitting on IFS (2.6.5) and pathname expansion
 * (2.6.6) for the unquoted parts only; quote removal falls out of the
 * representation (quoted text is escaped in the glob pattern).
 */
import type { Script, Word, WordPart } from '../parse/ast.ts';
import type { Sys } from '../../model/kernel/types.ts';
import { compile, escapeGlob, glob, hasGlob, unescapeGlob } from './pattern.ts';
import { evaluate } from './arith.ts';
import type { ArithVars } from './arith.ts';
import { BraceError, braceWord } from './brace.ts';

/** An expansion failed (`${X?}`, `set -u`, bad arithmetic): the shell prints `sh: MESSAGE`, status 1. */
export class ExpandError extends Error {}

/** What expansion needs from the shell. */
export interface ExpandHost extends ArithVars {
  readonly sys: Sys;
  readonly nounset: boolean;
  positional(): readonly string[];
  /** Run `$(…)` in a subshell and return its output (trailing newlines are stripped by the caller). */
  commandSubst(body: Script): Promise<string>;
  /** Guard on expansion size (`$(yes)`, `${#…}` bombs): throws when the limit is passed. */
  readonly maxExpansion: number;
}

interface Field {
  text: string;
  pattern: string;
  glob: boolean;
}

class Fields {
  readonly out: Field[] = [];
  cur: Field | undefined;
  #pendingBreak = false;
  readonly #ifs: string;
  constructor(ifs: string) {
    this.#ifs = ifs;
  }
  ensure(): Field {
    if (this.#pendingBreak) this.breakField();
    this.cur ??= { text: '', pattern: '', glob: false };
    return this.cur;
  }
  quoted(text: string): void {
    const f = this.ensure();
    f.text += text;
    f.pattern += escapeGlob(text);
  }
  literal(text: string): void {
    const f = this.ensure();
    f.text += text;
    f.pattern += text;
    if (hasGlob(text)) f.glob = true;
  }
  /** Unquoted expansion result: split on IFS (2.6.5), glob characters stay active. */
  split(value: string): void {
    const ifs = this.#ifs;
    for (const c of value) {
      if (!ifs.includes(c)) {
        const f = this.ensure();
        f.text += c;
        f.pattern += c === '\\' ? '\\\\' : c;
        if (c === '*' || c === '?' || c === '[') f.glob = true;
      } else if (' \t\n'.includes(c)) {
        if (this.cur) this.#pendingBreak = true;
      } else {
        this.#pendingBreak = false;
        this.ensure();
        this.breakField();
      }
    }
  }
  breakField(): void {
    this.#pendingBreak = false;
    if (this.cur) this.out.push(this.cur);
    this.cur = undefined;
  }
}

/** Expand words into argv fields: split, globbed, quotes removed. */
export async function expandWords(words: readonly Word[], host: ExpandHost): Promise<string[]> {
  const result: string[] = [];
  const ifs = host.get('IFS') ?? ' \t\n';
  let variants: (readonly WordPart[])[];
  for (const w of words) {
    try {
      variants = braceWord(w.parts);
    } catch (e) {
      if (e instanceof BraceError) throw new ExpandError(e.message);
      throw e;
    }
    for (const parts of variants) await expandOne(parts, result, host, ifs);
  }
  return result;
}

async function expandOne(wordParts: readonly WordPart[], result: string[], host: ExpandHost, ifs: string): Promise<void> {
  {
    const fields = new Fields(ifs);
    await addParts(withTilde(wordParts, host), fields, host, false);
    fields.breakField();
    for (const f of fields.out) {
      if (f.glob) {
        const matches = glob(f.pattern, host.sys);
        if (matches.length) {
          result.push(...matches);
          continue;
        }
        result.push(unescapeGlob(f.pattern));
      } else result.push(f.text);
    }
  }
}

/** Expand one word to a single string without splitting or globbing (assignments, redirection targets, here-documents, case words). */
export async function expandString(w: Word, host: ExpandHost): Promise<string> {
  const fields = new Fields('');
  await addParts(withTilde(w.parts, host), fields, host, true);
  fields.breakField();
  return fields.out.map((f) => f.text).join('');
}

/** Expand a word as a pattern (case items, `${X#pat}`): quoted parts match literally. */
export async function expandPattern(w: Word, host: ExpandHost): Promise<string> {
  const fields = new Fields('');
  await addParts(withTilde(w.parts, host), fields, host, false);
  fields.breakField();
  return fields.out.map((f) => f.pattern).join('');
}

function withTilde(parts: readonly WordPart[], host: ExpandHost): readonly WordPart[] {
  const first = parts[0];
  if (!first || first.type !== 'lit' || first.quoted || !first.value.startsWith('~')) return parts;
  const m = /^~([^/]*)/.exec(first.value)!;
  let home: string | undefined;
  if (m[1] === '') home = host.get('HOME');
  else if (m[1] === 'root') home = '/root';
  if (home === undefined) return parts;
  return [{ type: 'lit', value: home, quoted: true }, { type: 'lit', value: first.value.slice(m[0].length), quoted: false }, ...parts.slice(1)];
}

async function addParts(parts: readonly WordPart[], fields: Fields, host: ExpandHost, inQuotes: boolean): Promise<void> {
  for (const p of parts) {
    switch (p.type) {
      case 'lit':
        if (p.quoted || inQuotes) fields.quoted(p.value);
        else fields.literal(p.value);
        break;
      case 'dq': {
        const onlyAt = p.parts.length === 1 && p.parts[0].type === 'param' && p.parts[0].name === '@' && !p.parts[0].op;
        if (onlyAt) {
          const params = host.positional();
          params.forEach((v, i) => {
            if (i > 0) fields.breakField();
            fields.quoted(v);
          });
        } else {
          fields.ensure();
          await addParts(p.parts, fields, host, true);
        }
        break;
      }
      case 'param': {
        const v = await paramValue(p, host);
        check(v, host);
        if (inQuotes) fields.quoted(v);
        else fields.split(v);
        break;
      }
      case 'cmdsub': {
        const v = (await host.commandSubst(p.body)).replace(/\n+$/, '');
        check(v, host);
        if (inQuotes) fields.quoted(v);
        else fields.split(v);
        break;
      }
      case 'arith': {
        const expr = await expandString(p.expr, host);
        const v = String(evaluate(expr, host));
        if (inQuotes) fields.quoted(v);
        else fields.split(v);
        break;
      }
    }
  }
}

function check(v: string, host: ExpandHost): void {
  if (v.length > host.maxExpansion) throw new ExpandError(`expansion too large (more than ${host.maxExpansion} bytes)`);
}

async function paramValue(p: Extract<WordPart, { type: 'param' }>, host: ExpandHost): Promise<string> {
  const name = p.name;
  const v = name === '@' || name === '*' ? (host.positional().length || name === '*' ? host.positional().join(name === '*' ? (host.get('IFS') ?? ' ').slice(0, 1) : ' ') : undefined) : host.get(name);
  const arg = async (): Promise<string> => (p.arg ? expandString(p.arg, host) : '');
  switch (p.op) {
    case undefined:
      if (v === undefined && host.nounset && name !== '@' && name !== '*') throw new ExpandError(`${name}: unbound variable`);
      return v ?? '';
    case 'len':
      if (name === '@' || name === '*') return String(host.positional().length);
      if (v === undefined && host.nounset) throw new ExpandError(`${name}: unbound variable`);
      return String([...(v ?? '')].length);
    case ':-': return v ? v : arg();
    case '-': return v !== undefined ? v : arg();
    case ':+': return v ? arg() : '';
    case '+': return v !== undefined ? arg() : '';
    case ':=':
    case '=': {
      if (p.op === ':=' ? v : v !== undefined) return v ?? '';
      if (!/^[A-Za-z_]/.test(name)) throw new ExpandError(`$${name}: cannot assign in this way`);
      const a = await arg();
      host.set(name, a);
      return a;
    }
    case ':?':
    case '?': {
      if (p.op === ':?' ? v : v !== undefined) return v ?? '';
      const msg = await arg();
      throw new ExpandError(`${name}: ${msg || 'parameter null or not set'}`);
    }
    case ':': {
      // ${X:offset[:length]} (bash): arithmetic offsets, negative ones count from the end
      const s = [...(v ?? '')];
      const spec = await expandString(p.arg!, host);
      const colon = spec.indexOf(':');
      let off = Number(evaluate(colon < 0 ? spec : spec.slice(0, colon), host));
      if (off < 0) off = Math.max(0, s.length + off);
      let end = s.length;
      if (colon >= 0) {
        const n = Number(evaluate(spec.slice(colon + 1), host));
        end = n < 0 ? s.length + n : off + n;
        if (end < off) throw new ExpandError(`${spec.slice(colon + 1).trim()}: substring expression < 0`);
      }
      return s.slice(off, end).join('');
    }
    case '/':
    case '//':
    case '/#':
    case '/%': {
      const s = v ?? '';
      const pat = p.arg ? await expandPattern(p.arg, host) : '';
      const repl = p.repl ? await expandString(p.repl, host) : '';
      return replacePattern(s, pat, repl, p.op);
    }
    default: {
      const s = v ?? '';
      const pat = p.arg ? await expandPattern(p.arg, host) : '';
      return removePattern(s, pat, p.op);
    }
  }
}

/** bash's `${X/pat/repl}` (first, longest match), `//` (all), `/#` (anchored at start), `/%` (at end). */
function replacePattern(s: string, pattern: string, repl: string, op: '/' | '//' | '/#' | '/%'): string {
  if (!pattern) return s;
  const re = compile(pattern);
  if (!re) return s;
  const longestAt = (i: number, mustEnd: boolean): number => {
    for (let j = s.length; j > i; j--) if ((!mustEnd || j === s.length) && re.test(s.slice(i, j))) return j;
    return -1;
  };
  if (op === '/#') {
    const j = longestAt(0, false);
    return j < 0 ? s : repl + s.slice(j);
  }
  if (op === '/%') {
    for (let i = 0; i < s.length; i++) if (re.test(s.slice(i))) return s.slice(0, i) + repl;
    return s;
  }
  let out = '';
  let i = 0;
  while (i < s.length) {
    const j = longestAt(i, false);
    if (j < 0) {
      out += s[i++];
      continue;
    }
    out += repl;
    i = j;
    if (op === '/') return out + s.slice(i);
  }
  return out;
}

/** `${X#pat}` `${X##pat}` `${X%pat}` `${X%%pat}`: remove the shortest/longest matching prefix/suffix. */
function removePattern(s: string, pattern: string, op: '#' | '##' | '%' | '%%'): string {
  const re = compile(pattern);
  if (!re) return s;
  const n = s.length;
  if (op === '#') { for (let i = 0; i <= n; i++) if (re.test(s.slice(0, i))) return s.slice(i); }
  if (op === '##') { for (let i = n; i >= 0; i--) if (re.test(s.slice(0, i))) return s.slice(i); }
  if (op === '%') { for (let i = n; i >= 0; i--) if (re.test(s.slice(i))) return s.slice(0, i); }
  if (op === '%%') { for (let i = 0; i <= n; i++) if (re.test(s.slice(i))) return s.slice(0, i); }
  return s;
}
