/**
 * Bytes shipped per page of the built site (dist/): HTML, CSS, the
 * JavaScript a page runs before any interaction (its module scripts and
 * their static imports, plus inline scripts) and the terminal bundle that
 * loads on demand (dynamic imports and the worker). Used by the size budget
 * test (npm test) and by `npm run bench`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Bytes { readonly raw: number; readonly gzip: number }
export interface PageSizes {
  readonly page: string;
  readonly html: Bytes;
  readonly css: Bytes;
  /** JS executed before any interaction. */
  readonly initialJs: Bytes;
  /** JS (and the worker) loaded when a terminal starts; zero on pages without one. */
  readonly terminalJs: Bytes;
}

const ZERO: Bytes = { raw: 0, gzip: 0 };

function sizeOf(text: string | Buffer): Bytes {
  const buf = typeof text === 'string' ? Buffer.from(text) : text;
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

function add(a: Bytes, b: Bytes): Bytes {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip };
}

/** Every .html file under dir, as paths relative to it. */
export function htmlPages(dist: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.html')) out.push(relative(dist, p));
    }
  };
  walk(dist);
  return out.sort();
}

const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["'`]([^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;
const WORKER_URL = /["'`]([^"'`]*worker[^"'`]*\.js)["'`]/g;

function resolveAsset(dist: string, from: string, spec: string): string {
  return spec.startsWith('/') ? join(dist, spec) : join(from, '..', spec);
}

/** The module and everything it imports statically (a set of absolute paths). */
function staticClosure(dist: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const m of code.matchAll(STATIC_IMPORT)) staticClosure(dist, resolveAsset(dist, entry, m[1]), seen);
  return seen;
}

/** Modules reached only through dynamic import() or as a worker from `initial`, with their static closures. */
function lazyClosure(dist: string, initial: Set<string>): Set<string> {
  const lazy = new Set<string>();
  const queue = [...initial];
  while (queue.length) {
    const file = queue.pop()!;
    const code = readFileSync(file, 'utf8');
    const targets = [...code.matchAll(DYNAMIC_IMPORT), ...code.matchAll(WORKER_URL)].map((m) => resolveAsset(dist, file, m[1]));
    for (const t of targets) {
      for (const f of staticClosure(dist, t)) {
        if (initial.has(f) || lazy.has(f)) continue;
        lazy.add(f);
        queue.push(f);
      }
    }
  }
  return lazy;
}

/** Sizes of one built page. */
export function pageSizes(dist: string, page: string): PageSizes {
  const html = readFileSync(join(dist, page), 'utf8');
  let css = ZERO;
  for (const m of html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)) css = add(css, sizeOf(readFileSync(join(dist, m[1]))));
  for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) css = add(css, sizeOf(m[1]));
  const initial = new Set<string>();
  let inline = ZERO;
  for (const m of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /src="([^"]+)"/.exec(m[1])?.[1];
    if (src) staticClosure(dist, join(dist, src), initial);
    else if (!/type="application\/(ld\+)?json"/.test(m[1])) inline = add(inline, sizeOf(m[2]));
  }
  let initialJs = inline;
  for (const f of initial) initialJs = add(initialJs, sizeOf(readFileSync(f)));
  let terminalJs = ZERO;
  for (const f of lazyClosure(dist, initial)) terminalJs = add(terminalJs, sizeOf(readFileSync(f)));
  return { page, html: sizeOf(html), css, initialJs, terminalJs };
}

/** Sizes of every page of the built site. */
export function siteSizes(dist = 'dist'): PageSizes[] {
  return htmlPages(dist).map((p) => pageSizes(dist, p));
}
