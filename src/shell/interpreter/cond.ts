/**
 * bash's `[[ … ]]` (bash(1) "CONDITIONAL EXPRESSIONS"): no word splitting or
 * globbing; `==`/`!=` match the right side as a pattern (quoted parts
 * literally), `=~` as an extended regular expression; `&&`, `||`, `!`, `( )`.
 */
import type { Word } from '../parse/ast.ts';
import type { ExpandHost } from './expand.ts';
import { expandPattern, expandString } from './expand.ts';
import { matchPattern } from './pattern.ts';
import { BINARY, TestError, UNARY, binary, unary } from '../commands/coreutils/test.ts';
import { posixToJs } from '../commands/coreutils/regex.ts';

const raw = (w: Word | undefined): string | undefined => (w && w.parts.length === 1 && w.parts[0].type === 'lit' && !w.parts[0].quoted ? w.parts[0].value : undefined);

/** Evaluate the words between `[[` and `]]`; throws TestError for a malformed expression. */
export async function evaluateCond(words: readonly Word[], host: ExpandHost): Promise<boolean> {
  let i = 0;
  const or = async (): Promise<boolean> => {
    let v = await and();
    while (raw(words[i]) === '||') {
      i++;
      const r = await and();
      v = v || r;
    }
    return v;
  };
  const and = async (): Promise<boolean> => {
    let v = await not();
    while (raw(words[i]) === '&&') {
      i++;
      const r = await not();
      v = v && r;
    }
    return v;
  };
  const not = async (): Promise<boolean> => {
    const t = raw(words[i]);
    if (t === '!') {
      i++;
      return !(await not());
    }
    if (t === '(') {
      i++;
      const v = await or();
      if (raw(words[i]) !== ')') throw new TestError("syntax error in conditional expression: expected `)'");
      i++;
      return v;
    }
    return primary();
  };
  const primary = async (): Promise<boolean> => {
    const w = words[i];
    if (!w) throw new TestError('unexpected argument to conditional expression');
    const t = raw(w);
    const next = raw(words[i + 1]);
    if (t && UNARY.has(t) && words[i + 1] && !(next && (BINARY.has(next) || next === '=~'))) {
      i += 2;
      return unary(host.sys, t, await expandString(words[i - 1], host));
    }
    if (next && (BINARY.has(next) || next === '=~') && words[i + 2]) {
      const lhs = await expandString(w, host);
      i += 3;
      const rw = words[i - 1];
      if (next === '==' || next === '=' || next === '!=') {
        const m = matchPattern(await expandPattern(rw, host), lhs);
        return next === '!=' ? !m : m;
      }
      if (next === '=~') {
        try {
          return new RegExp(posixToJs(await expandString(rw, host), true)).test(lhs);
        } catch {
          return false;
        }
      }
      return binary(host.sys, lhs, next, await expandString(rw, host));
    }
    i++;
    return (await expandString(w, host)) !== '';
  };
  const v = await or();
  if (i < words.length) throw new TestError(`syntax error in conditional expression: unexpected token \`${words[i].raw}'`);
  return v;
}
