/**
 * bash's brace expansion (bash(1) "Brace Expansion"), done before every other
 * expansion on the unquoted text of a word: `a{b,c}d` → `abd acd`,
 * `{1..5}`, `{01..10}`, `{a..e}`, `{1..10..3}`. A group must sit inside one
 * unquoted literal (the common case: `mkdir -p app/{src,test}`).
 */
import type { WordPart } from '../parse/ast.ts';

/** Largest number of words one brace expression may produce (illustrative guard against `{1..99999999}`). */
export const MAX_BRACE_WORDS = 100_000;

export class BraceError extends Error {}

/** Expand the first brace group of a literal string, recursively; undefined when there is none. */
export function expandBraces(text: string): string[] | undefined {
  for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
    if (text[open - 1] === '$') continue;
    let depth = 0;
    let close = -1;
    const commas: number[] = [];
    for (let j = open; j < text.length; j++) {
      const c = text[j];
      if (c === '\\') {
        j++;
        continue;
      }
      if (c === '{') depth++;
      else if (c === '}') {
        if (--depth === 0) {
          close = j;
          break;
        }
      } else if (c === ',' && depth === 1) commas.push(j);
    }
    if (close < 0) return undefined;
    const pre = text.slice(0, open);
    const post = text.slice(close + 1);
    const body = text.slice(open + 1, close);
    let alts: string[] | undefined;
    if (commas.length) {
      alts = [];
      let from = open + 1;
      for (const c of [...commas, close]) {
        alts.push(text.slice(from, c));
        from = c + 1;
      }
    } else alts = sequence(body);
    if (!alts) continue;
    const out: string[] = [];
    for (const a of alts) {
      for (const x of expandBraces(pre + a + post) ?? [pre + a + post]) {
        out.push(x);
        if (out.length > MAX_BRACE_WORDS) throw new BraceError(`brace expansion: more than ${MAX_BRACE_WORDS} words`);
      }
    }
    return out;
  }
  return undefined;
}

function sequence(body: string): string[] | undefined {
  const num = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body);
  if (num) {
    const a = Number(num[1]);
    const b = Number(num[2]);
    const step = Math.abs(Number(num[3] ?? 1)) || 1;
    const width = /^-?0\d/.test(num[1]) || /^-?0\d/.test(num[2]) ? Math.max(num[1].length, num[2].length) : 0;
    if (Math.abs(b - a) / step > MAX_BRACE_WORDS) throw new BraceError(`brace expansion: more than ${MAX_BRACE_WORDS} words`);
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) {
      const s = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), '0');
      out.push(v < 0 ? '-' + s : s);
    }
    return out;
  }
  const chr = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(body);
  if (chr) {
    const a = chr[1].charCodeAt(0);
    const b = chr[2].charCodeAt(0);
    const step = Math.abs(Number(chr[3] ?? 1)) || 1;
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) out.push(String.fromCharCode(v));
    return out;
  }
  return undefined;
}

/** Brace-expand a word's parts: each result is a part list (only unquoted literals are looked at). */
export function braceWord(parts: readonly WordPart[]): (readonly WordPart[])[] {
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (p.type !== 'lit' || p.quoted || !p.value.includes('{')) continue;
    const alts = expandBraces(p.value);
    if (!alts) continue;
    const out: (readonly WordPart[])[] = [];
    for (const a of alts) {
      const next = [...parts.slice(0, k), { ...p, value: a }, ...parts.slice(k + 1)];
      out.push(...braceWord(next.slice(0, k + 1)).map((head) => [...head, ...next.slice(k + 1)]));
    }
    return out;
  }
  return [parts];
}
