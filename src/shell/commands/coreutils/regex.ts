/**
 * POSIX regular expressions (regex(7)) translated to JavaScript RegExp:
 * basic (BRE: `\(` `\)` `\{` `\}` `\|` `\+` `\?` as GNU allows) and extended
 * (ERE), with bracket classes like [[:digit:]]. Used by grep and sed.
 */

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s', blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f',
};

/** RegExp source for a POSIX pattern. Throws SyntaxError (via RegExp) on bad input. */
export function posixToJs(pattern: string, extended: boolean): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '[') {
      let j = i + 1;
      let body = '';
      if (pattern[j] === '^') {
        body += '^';
        j++;
      }
      if (pattern[j] === ']') {
        body += '\\]';
        j++;
      }
      for (; j < pattern.length && pattern[j] !== ']'; j++) {
        const cls = /^\[:([a-z]+):\]/.exec(pattern.slice(j));
        if (cls) {
          body += CLASSES[cls[1]] ?? '';
          j += cls[0].length - 1;
        } else if (pattern[j] === '\\') body += '\\\\';
        else if (pattern[j] === '[') body += '\\[';
        else body += pattern[j];
      }
      if (j >= pattern.length) throw new SyntaxError('Unmatched [, [^, [:, [., or [=');
      out += `[${body}]`;
      i = j;
      continue;
    }
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i];
      if (!extended && '(){}|+?'.includes(n)) out += n;
      else if (n === '<' || n === '>') out += '\\b';
      else if ('wWsSbB'.includes(n) || /[1-9]/.test(n)) out += '\\' + n;
      else if (n === 'n') out += '\\n';
      else if (n === 't') out += '\\t';
      else out += '\\' + n.replace(/[A-Za-z0-9]/, (x) => x).replace(/^([A-Za-z0-9])$/, '$1');
      continue;
    }
    if (!extended && '(){}|+?'.includes(c)) {
      out += '\\' + c;
      continue;
    }
    if (c === '*' && (out === '' || out.endsWith('(') || out.endsWith('|') || out === '^')) {
      out += '\\*';
      continue;
    }
    if (c === '{' && extended && !/^\{\d*(,\d*)?\}/.test(pattern.slice(i))) {
      out += '\\{';
      continue;
    }
    if (c === '/') {
      out += '\\/';
      continue;
    }
    out += c;
  }
  return out;
}

/** Escape a fixed string (grep -F) for RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
