/**
 * Shell arithmetic (XCU 2.6.4, bash "ARITHMETIC EVALUATION"): signed 64-bit
 * integers in C precedence, variables by name, assignment operators,
 * pre/post increment, `?:` and `,`. Errors use bash's words:
 * `1/0: division by 0 (error token is "0")`.
 */

export class ArithError extends Error {}

/** How arithmetic reads and writes shell variables. */
export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { t: 'num'; v: bigint } | { t: 'id'; v: string } | { t: 'op'; v: string };

const OPS = ['<<=', '>>=', '**', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=',
  '+', '-', '*', '/', '%', '<', '>', '&', '^', '|', '!', '~', '?', ':', '=', '(', ')', ','];

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    const num = /^(0[xX][0-9a-fA-F]+|[0-9]+#[0-9a-zA-Z@_]+|[0-9]+)/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: parseNumber(num[1]) });
      i += num[1].length;
      if (/[A-Za-z_]/.test(src[i] ?? '')) throw new ArithError(`${src.trim()}: value too great for base (error token is "${src.slice(i - num[1].length).trim()}")`);
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) { out.push({ t: 'id', v: id[0] }); i += id[0].length; continue; }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ArithError(`${src.trim()}: syntax error: invalid arithmetic operator (error token is "${src.slice(i).trim()}")`);
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

function parseNumber(s: string): bigint {
  if (/^0[xX]/.test(s)) return BigInt(s);
  const based = /^([0-9]+)#(.+)$/.exec(s);
  if (based) {
    const base = Number(based[1]);
    let v = 0n;
    for (const ch of based[2]) v = v * BigInt(base) + BigInt(parseInt(ch, 36));
    return v;
  }
  if (s.length > 1 && s.startsWith('0')) {
    if (/[89]/.test(s)) throw new ArithError(`${s}: value too great for base (error token is "${s}")`);
    return BigInt('0o' + s.slice(1));
  }
  return BigInt(s);
}

const BIN: Record<string, number> = {
  ',': 1, '||': 4, '&&': 5, '|': 6, '^': 7, '&': 8, '==': 9, '!=': 9, '<': 10, '>': 10, '<=': 10, '>=': 10,
  '<<': 11, '>>': 11, '+': 12, '-': 12, '*': 13, '/': 13, '%': 13, '**': 14,
};
const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

/** Evaluate `src` (already parameter-expanded) and return the value as a decimal string. */
export function evaluate(src: string, vars: ArithVars, depth = 0): bigint {
  if (depth > 64) throw new ArithError(`${src}: expression recursion level exceeded`);
  if (!src.trim()) return 0n;
  const toks = lex(src);
  let i = 0;
  const err = (): never => {
    const rest = toks.slice(i).map((t) => String(t.v)).join('');
    throw new ArithError(rest ? `${src.trim()}: syntax error in expression (error token is "${rest}")` : `${src.trim()}: syntax error: operand expected (error token is "${src.trim()}")`);
  };
  const valueOf = (name: string): bigint => {
    const v = vars.get(name);
    if (v === undefined || v.trim() === '') return 0n;
    return evaluate(v, vars, depth + 1);
  };
  const peek = (): Tok | undefined => toks[i];
  const isOp = (v: string): boolean => toks[i]?.t === 'op' && toks[i].v === v;

  function unary(): bigint {
    const t = peek();
    if (!t) return err();
    if (t.t === 'op') {
      if (t.v === '(') {
        i++;
        const v = expr(0);
        if (!isOp(')')) err();
        i++;
        return v;
      }
      if (t.v === '++' || t.v === '--') {
        i++;
        const id = peek();
        if (id?.t !== 'id') return err();
        i++;
        const v = wrap(valueOf(id.v) + (t.v === '++' ? 1n : -1n));
        vars.set(id.v, String(v));
        return v;
      }
      if (t.v === '-' || t.v === '+' || t.v === '!' || t.v === '~') {
        i++;
        const v = unary();
        return t.v === '-' ? wrap(-v) : t.v === '+' ? v : t.v === '!' ? (v === 0n ? 1n : 0n) : wrap(~v);
      }
      return err();
    }
    i++;
    if (t.t === 'num') return t.v;
    if (isOp('++') || isOp('--')) {
      const old = valueOf(t.v);
      vars.set(t.v, String(wrap(old + (toks[i].v === '++' ? 1n : -1n))));
      i++;
      return old;
    }
    const a = peek();
    if (a?.t === 'op' && ASSIGN.has(a.v)) {
      i++;
      const rhs = expr(2);
      const v = a.v === '=' ? rhs : binary(a.v.slice(0, -1), valueOf(t.v), rhs);
      vars.set(t.v, String(v));
      return v;
    }
    return valueOf(t.v);
  }

  function binary(op: string, a: bigint, b: bigint): bigint {
    switch (op) {
      case '+': return wrap(a + b);
      case '-': return wrap(a - b);
      case '*': return wrap(a * b);
      case '/': case '%':
        if (b === 0n) throw new ArithError(`${src.trim()}: division by 0 (error token is "${String(toks[i - 1]?.v ?? '0')}")`);
        return wrap(op === '/' ? a / b : a % b);
      case '**':
        if (b < 0n) throw new ArithError(`${src.trim()}: exponent less than 0 (error token is "${b}")`);
        return wrap(a ** (b > 64n ? 64n : b));
      case '<<': return wrap(a << (b & 63n));
      case '>>': return wrap(a >> (b & 63n));
      case '<': return a < b ? 1n : 0n;
      case '>': return a > b ? 1n : 0n;
      case '<=': return a <= b ? 1n : 0n;
      case '>=': return a >= b ? 1n : 0n;
      case '==': return a === b ? 1n : 0n;
      case '!=': return a !== b ? 1n : 0n;
      case '&': return a & b;
      case '^': return a ^ b;
      case '|': return a | b;
      case ',': return b;
      default: return err();
    }
  }

  function expr(min: number): bigint {
    let left = unary();
    for (;;) {
      const t = peek();
      if (!t || t.t !== 'op') {
        if (t) err();
        return left;
      }
      if (t.v === '?' && min <= 3) {
        i++;
        const a = expr(0);
        if (!isOp(':')) err();
        i++;
        const b = expr(3);
        left = left !== 0n ? a : b;
        continue;
      }
      const p = BIN[t.v];
      if (p === undefined || p < min) return left;
      i++;
      if (t.v === '&&' || t.v === '||') {
        const right = expr(p + 1);
        left = t.v === '&&' ? (left !== 0n && right !== 0n ? 1n : 0n) : (left !== 0n || right !== 0n ? 1n : 0n);
      } else left = binary(t.v, left, expr(t.v === '**' ? p : p + 1));
    }
  }

  const v = expr(0);
  if (i < toks.length) err();
  return v;
}
