/**
 * A small subset of Go's text/template, enough for `docker inspect -f` and
 * `docker ps --format`: `{{.A.B}}`, `{{json .A}}`, `{{.}}`, `{{index .A "k"}}`,
 * `{{upper .A}}`, `{{lower .A}}`, `{{join .A ","}}`, `{{len .A}}`, `{{println .A}}`, and the
 * `table` prefix. Values print as Go's fmt %v prints them (maps as map[k:v],
 * slices as [a b], nil as <no value>) — docker/cli templates/templates.go.
 */

/** Thrown for templates this subset cannot run; the CLI prints it like Docker's template errors. */
export class TemplateError extends Error {}

type Value = unknown;

/** fmt's %v for JSON-shaped values. */
export function goFormat(v: Value): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (Array.isArray(v)) return '[' + v.map(goFormat).join(' ') + ']';
  if (typeof v === 'object') {
    const keys = Object.keys(v as object).sort();
    return 'map[' + keys.map((k) => `${k}:${goFormat((v as Record<string, Value>)[k])}`).join(' ') + ']';
  }
  return String(v);
}

function lookup(root: Value, path: string): Value {
  if (path === '.') return root;
  let cur: Value = root;
  for (const part of path.slice(1).split('.')) {
    if (cur === null || typeof cur !== 'object') throw new TemplateError(`template: :1: can't evaluate field ${part} in type ${typeof cur}`);
    const rec = cur as Record<string, Value>;
    if (!(part in rec)) {
      if (Array.isArray(cur)) throw new TemplateError(`template: :1: can't evaluate field ${part} in type []interface {}`);
      cur = undefined;
      continue;
    }
    cur = rec[part];
  }
  return cur;
}

function tokenize(expr: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(expr); m; m = re.exec(expr)) out.push(m[1] !== undefined ? JSON.stringify(JSON.parse(`"${m[1]}"`)) : m[2]);
  return out;
}

function arg(root: Value, tok: string): Value {
  if (tok.startsWith('"')) return JSON.parse(tok);
  if (tok.startsWith('.')) return lookup(root, tok);
  if (/^-?\d+$/.test(tok)) return Number(tok);
  throw new TemplateError(`template: :1: function "${tok}" not defined`);
}

function evalAction(root: Value, expr: string): string {
  const toks = tokenize(expr.trim());
  if (toks.length === 0) throw new TemplateError('template: :1: missing value for command');
  const [head, ...rest] = toks;
  const args = () => rest.map((t) => arg(root, t));
  switch (head) {
    case 'json':
      return JSON.stringify(args()[0] ?? null);
    case 'len': {
      const v = args()[0];
      if (Array.isArray(v) || typeof v === 'string') return String(v.length);
      if (v && typeof v === 'object') return String(Object.keys(v).length);
      throw new TemplateError(`template: :1:${expr.indexOf('len') + 3}: executing "" at <len ${rest[0]}>: error calling len: len of type ${v === null || v === undefined ? '<nil>' : typeof v}`);
    }
    case 'upper':
      return goFormat(args()[0]).toUpperCase();
    case 'lower':
      return goFormat(args()[0]).toLowerCase();
    case 'println':
      return args().map(goFormat).join(' ') + '\n';
    case 'join': {
      const [list, sep] = args();
      return Array.isArray(list) ? list.map(goFormat).join(String(sep)) : goFormat(list);
    }
    case 'index': {
      const [obj, ...keys] = args();
      let cur: Value = obj;
      for (const k of keys) cur = cur && typeof cur === 'object' ? (cur as Record<string, Value>)[String(k)] : undefined;
      return goFormat(cur);
    }
    default:
      if (rest.length) throw new TemplateError(`template: :1: function "${head}" not defined`);
      return goFormat(arg(root, head));
  }
}

/** Render `tmpl` against `data`. */
export function render(tmpl: string, data: Value): string {
  let out = '';
  let i = 0;
  while (i < tmpl.length) {
    const open = tmpl.indexOf('{{', i);
    if (open < 0) {
      out += tmpl.slice(i);
      break;
    }
    out += tmpl.slice(i, open);
    const close = tmpl.indexOf('}}', open);
    if (close < 0) throw new TemplateError('template: :1: unclosed action');
    out += evalAction(data, tmpl.slice(open + 2, close).replace(/^-\s*/, '').replace(/\s*-$/, ''));
    i = close + 2;
  }
  return out;
}

/** Docker's escape handling for --format: `\t` and `\n` typed literally become tab/newline. */
export function unescapeFormat(f: string): string {
  return f.replace(/\\t/g, '\t').replace(/\\n/g, '\n');
}

/** Parse-time check, as text/template.Parse does before any data: unclosed actions and unknown functions. */
export function checkTemplate(tmpl: string): string | undefined {
  try {
    render(tmpl, {});
    return undefined;
  } catch (e) {
    if (e instanceof TemplateError) return `template parsing error: ${e.message}`;
    throw e;
  }
}
