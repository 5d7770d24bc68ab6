/**
 * Finds every <Claim> in an MDX source, with its line number, so the claim
 * suite and claims.json read the chapters themselves (no second list to keep
 * in sync). Only the attribute forms writers are told to use are accepted:
 * name="text", name={`template without ${}`}, name={["a", "b"]}. Anything else
 * is a ClaimSyntaxError naming file and line.
 */
export interface ClaimSource {
  readonly file: string;
  /** 1-based line of the `<Claim` tag. */
  readonly line: number;
  readonly id: string;
  readonly scenario: string;
  readonly title: string | undefined;
  /** What the reader's Reproduce button types, one command line per line. */
  readonly run: string;
  /** A script run after `run` in the same world; every line must exit 0. */
  readonly check: string;
  readonly sources: readonly string[];
  /** The statement, as written between the tags (MDX source). */
  readonly statement: string;
}

export class ClaimSyntaxError extends Error {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'ClaimSyntaxError';
    this.file = file;
    this.line = line;
  }
}

type Attr = string | readonly string[];

const TAG = /<Claim(?=[\s>/])/g;

/** Every <Claim> of one MDX file, in source order. */
export function parseClaims(file: string, source: string): ClaimSource[] {
  const claims: ClaimSource[] = [];
  for (const m of source.matchAll(TAG)) {
    const start = m.index;
    const line = lineAt(source, start);
    const { attrs, end, selfClosing } = parseAttributes(file, source, start + m[0].length, line);
    let statement = '';
    if (!selfClosing) {
      const close = source.indexOf('</Claim>', end);
      if (close < 0) throw new ClaimSyntaxError(file, line, '<Claim> is never closed with </Claim>');
      statement = source.slice(end, close).trim();
    }
    claims.push(toClaim(file, line, attrs, statement));
  }
  return claims;
}

function toClaim(file: string, line: number, attrs: Map<string, Attr>, statement: string): ClaimSource {
  const text = (name: string, required: boolean): string | undefined => {
    const v = attrs.get(name);
    if (v === undefined) {
      if (required) throw new ClaimSyntaxError(file, line, `<Claim> needs the prop "${name}"`);
      return undefined;
    }
    if (typeof v !== 'string') throw new ClaimSyntaxError(file, line, `<Claim> prop "${name}" must be a string`);
    return v;
  };
  const sources = attrs.get('sources') ?? [];
  if (typeof sources === 'string') throw new ClaimSyntaxError(file, line, '<Claim> prop "sources" must be an array of source ids, e.g. sources={["facts-1"]}');
  const id = text('id', true)!;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new ClaimSyntaxError(file, line, `<Claim> id "${id}" must be kebab-case (a-z, 0-9, -)`);
  const known = new Set(['id', 'scenario', 'title', 'run', 'check', 'sources']);
  for (const k of attrs.keys()) if (!known.has(k)) throw new ClaimSyntaxError(file, line, `<Claim> has an unknown prop "${k}" (known: ${[...known].join(', ')})`);
  return {
    file, line, id,
    scenario: text('scenario', true)!,
    title: text('title', false),
    run: dedent(text('run', true)!),
    check: dedent(text('check', true)!),
    sources,
    statement,
  };
}

function parseAttributes(file: string, s: string, i: number, line: number): { attrs: Map<string, Attr>; end: number; selfClosing: boolean } {
  const attrs = new Map<string, Attr>();
  for (;;) {
    while (i < s.length && /\s/.test(s[i])) i++;
    if (s.startsWith('/>', i)) return { attrs, end: i + 2, selfClosing: true };
    if (s[i] === '>') return { attrs, end: i + 1, selfClosing: false };
    const name = /^[A-Za-z_][\w-]*/.exec(s.slice(i, i + 64))?.[0];
    if (!name) throw new ClaimSyntaxError(file, lineAt(s, i), `unexpected "${s.slice(i, i + 12)}" in <Claim> (opened on line ${line})`);
    i += name.length;
    if (s[i] !== '=') throw new ClaimSyntaxError(file, lineAt(s, i), `<Claim> prop "${name}" needs a value`);
    i++;
    if (attrs.has(name)) throw new ClaimSyntaxError(file, lineAt(s, i), `<Claim> prop "${name}" is given twice`);
    const [value, next] = parseValue(file, s, i, name);
    attrs.set(name, value);
    i = next;
  }
}

function parseValue(file: string, s: string, i: number, name: string): [Attr, number] {
  const q = s[i];
  if (q === '"' || q === "'") {
    const end = s.indexOf(q, i + 1);
    if (end < 0) throw new ClaimSyntaxError(file, lineAt(s, i), `unterminated string in prop "${name}"`);
    return [s.slice(i + 1, end), end + 1];
  }
  if (q === '{' && s[i + 1] === '`') {
    let j = i + 2;
    let out = '';
    for (; j < s.length && s[j] !== '`'; j++) {
      if (s[j] === '\\') { out += s[++j]; continue; }
      if (s[j] === '$' && s[j + 1] === '{') throw new ClaimSyntaxError(file, lineAt(s, j), `prop "${name}": \${…} interpolation is not allowed; write \\\${ for a literal shell \${`);
      out += s[j];
    }
    if (s[j] !== '`' || s[j + 1] !== '}') throw new ClaimSyntaxError(file, lineAt(s, i), `prop "${name}": template literal must be closed with \`}`);
    return [out, j + 2];
  }
  if (q === '{' && s[i + 1] === '[') {
    const end = s.indexOf(']}', i);
    if (end < 0) throw new ClaimSyntaxError(file, lineAt(s, i), `prop "${name}": array must end with ]}`);
    try {
      const v: unknown = JSON.parse(s.slice(i + 1, end + 1));
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return [v as string[], end + 2];
    } catch { /* fall through to the error below */ }
    throw new ClaimSyntaxError(file, lineAt(s, i), `prop "${name}" must be an array of double-quoted strings`);
  }
  throw new ClaimSyntaxError(file, lineAt(s, i), `prop "${name}" must be "text", {\`script\`} or {["a", "b"]}`);
}

function lineAt(s: string, index: number): number {
  let n = 1;
  for (let k = s.indexOf('\n'); k >= 0 && k < index; k = s.indexOf('\n', k + 1)) n++;
  return n;
}

/** Strip the common indentation and the blank first/last lines of a template literal. */
export function dedent(text: string): string {
  const lines = text.replace(/^\s*\n/, '').replace(/\n\s*$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}
