/**
 * The internal link checker over the built site (issue 8, "a broken internal
 * link or anchor fails, naming the page and the link"): every href/src in
 * every HTML page of dist/ that points into the site must name an existing
 * file or page, and a #fragment must be an id (or <a name>) on that page
 * (WHATWG HTML "find a potential indicated element"). Runs after the build:
 *   node src/site/check-links.ts [dist]   (part of `npm run build`)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** One broken link: the page it is on, the link as written, and why. */
export interface BrokenLink {
  readonly page: string;
  readonly link: string;
  readonly reason: string;
}

const ATTR = /<(a|link|script|img|iframe|source|form)\b[^>]*?\s(href|src|action)=("([^"]*)"|'([^']*)')/gi;
const ID = /\s(?:id|name)=("([^"]*)"|'([^']*)'|([^\s>"']+))/gi;

/** Every .html file under `dir`, relative, with "/" separators. */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The URL path a file is served at: "writing/index.html" → "/writing/". */
export function pagePath(file: string): string {
  return '/' + file.replace(/(^|\/)index\.html$/, '$1');
}

/** Decode the few character references that occur in attribute values. */
function attr(v: string): string {
  return v.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** The ids a page defines (element ids and <a name>). */
export function idsIn(html: string): Set<string> {
  return new Set([...html.matchAll(ID)].map((m) => attr(m[2] ?? m[3] ?? m[4])));
}

/** The file that serves `pathname` in `dir`, or undefined ("/x/" → x/index.html, "/x" → x or x/index.html). */
export function fileFor(dir: string, pathname: string): string | undefined {
  let p: string;
  try { p = decodeURIComponent(pathname); } catch { return undefined; }
  const rel = p.replace(/^\/+/, '');
  const candidates = p.endsWith('/') ? [join(rel, 'index.html')] : [rel, join(rel, 'index.html'), `${rel}.html`];
  for (const c of candidates) {
    const f = join(dir, c);
    if (existsSync(f) && statSync(f).isFile()) return f;
  }
  return undefined;
}

/** Check every internal link of the site built in `dir`; `site` is the configured site URL (absolute links to it count as internal). */
export function checkLinks(dir: string, site = 'https://containers-vs-vms.example'): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let s = ids.get(file);
    if (!s) { s = idsIn(readFileSync(file, 'utf8')); ids.set(file, s); }
    return s;
  };
  const siteOrigin = new URL(site).origin;
  for (const file of htmlFiles(dir)) {
    const page = pagePath(file);
    const html = readFileSync(join(dir, file), 'utf8');
    for (const m of html.matchAll(ATTR)) {
      const raw = attr(m[4] ?? m[5]);
      if (!raw || /^(mailto|tel|javascript|data|blob):/i.test(raw)) continue;
      const url = new URL(raw, siteOrigin + page);
      if (url.origin !== siteOrigin) continue;
      const target = url.pathname === page && !raw.startsWith('/') && raw.startsWith('#') ? join(dir, file) : fileFor(dir, url.pathname);
      if (!target) { broken.push({ page, link: raw, reason: `no file in ${dir}/ serves ${url.pathname}` }); continue; }
      const frag = url.hash.slice(1);
      if (frag && target.endsWith('.html')) {
        let id = frag;
        try { id = decodeURIComponent(frag); } catch { /* keep */ }
        if (!idsOf(target).has(id)) broken.push({ page, link: raw, reason: `${pagePath(relative(dir, target).split(sep).join('/'))} has no element with id "${id}"` });
      }
    }
  }
  return broken;
}

if (import.meta.main) {
  const dir = process.argv[2] ?? 'dist';
  const broken = checkLinks(dir);
  for (const b of broken) process.stderr.write(`${b.page}: broken link ${b.link} (${b.reason})\n`);
  if (broken.length) {
    process.stderr.write(`check-links: ${broken.length} broken internal link(s) in ${dir}/\n`);
    process.exit(1);
  }
  process.stdout.write(`check-links: ${htmlFiles(dir).length} pages, every internal link and anchor resolves\n`);
}
