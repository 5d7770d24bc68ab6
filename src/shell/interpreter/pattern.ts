/**
 * Shell pattern matching (XCU 2.13 "Pattern Matching Notation") and pathname
 * expansion (globbing, glob(7)): `*`, `?`, `[...]` with `!`/`^` negation and
 * character classes. A backslash makes the next character literal; the
 * expander escapes quoted text that way so `"*"` never globs.
 */
import type { Sys } from '../../model/kernel/types.ts';

/** Backslash-escape the pattern characters in `text` (quoted text in a pattern). */
export function escapeGlob(text: string): string {
  return text.replace(/[\\*?[\]]/g, (c) => '\\' + c);
}

/** True if the pattern has an unescaped `*`, `?` or `[`. */
export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** Remove the escaping backslashes (a pattern that matched nothing stays as typed). */
export function unescapeGlob(pattern: string): string {
  return pattern.replace(/\\(.)/gs, '$1');
}

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~', blank: ' \\t', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f',
};

/** Regular-expression source for a shell pattern (unanchored). */
export function patternSource(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) out += reEscape(pattern[++i]);
    else if (c === '*') out += '[\\s\\S]*';
    else if (c === '?') out += '[\\s\\S]';
    else if (c === '[') {
      const end = bracketEnd(pattern, i);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      let neg = false;
      if (body[0] === '!' || body[0] === '^') {
        neg = true;
        body = body.slice(1);
      }
      let set = '';
      for (let j = 0; j < body.length; j++) {
        const cls = /^\[:([a-z]+):\]/.exec(body.slice(j));
        if (cls && CLASSES[cls[1]]) {
          set += CLASSES[cls[1]];
          j += cls[0].length - 1;
        } else if (body[j] === '\\' && j + 1 < body.length) set += reEscape(body[++j]);
        else if (body[j] === '-' && j > 0 && j < body.length - 1) set += '-';
        else set += reEscape(body[j]);
      }
      out += `[${neg ? '^' : ''}${set}]`;
      i = end;
    } else out += reEscape(c);
  }
  return out;
}

function bracketEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '!' || p[j] === '^') j++;
  if (p[j] === ']') j++;
  for (; j < p.length; j++) {
    if (p[j] === '[' && p[j + 1] === ':') {
      const close = p.indexOf(':]', j + 2);
      if (close > 0) j = close + 1;
    } else if (p[j] === ']') return j;
  }
  return -1;
}

function reEscape(c: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(c) ? '\\' + c : c;
}

/** The anchored RegExp for a pattern, or undefined when the pattern cannot match anything (e.g. a reversed range [z-a]). */
export function compile(pattern: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${patternSource(pattern)})$`);
  } catch {
    return undefined;
  }
}

/** Does the whole of `text` match the shell pattern? (case, [[ ]], find -name) */
export function matchPattern(pattern: string, text: string): boolean {
  try {
    return new RegExp(`^(?:${patternSource(pattern)})$`).test(text);
  } catch {
    return pattern === text;
  }
}

/** Pathname expansion of one pattern, in the process's view of the filesystem; sorted, or [] if nothing matches. */
export function glob(pattern: string, sys: Sys): string[] {
  const absolute = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let paths: string[] = [absolute ? '/' : ''];
  for (const seg of segs) {
    if (seg === '') continue;
    const next: string[] = [];
    for (const base of paths) {
      if (!hasGlob(seg)) {
        next.push(join(base, unescapeGlob(seg)));
        continue;
      }
      let names: string[];
      try {
        names = sys.readdir(base === '' ? '.' : base);
      } catch {
        continue;
      }
      const re = compile(seg);
      if (!re) continue;
      const dotOk = seg.startsWith('.') || seg.startsWith('\\.');
      for (const n of names) if ((dotOk || !n.startsWith('.')) && re.test(n)) next.push(join(base, n));
    }
    paths = next;
    if (!paths.length) return [];
  }
  const exists = paths.filter((p) => {
    try {
      sys.lstat(p);
      return true;
    } catch {
      return false;
    }
  });
  return exists.sort();
}

function join(base: string, name: string): string {
  if (base === '') return name;
  return base.endsWith('/') ? base + name : `${base}/${name}`;
}
