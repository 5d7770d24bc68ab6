/**
 * Writes dist/sw.js for the site just built (run by `npm run build` after
 * Pagefind): the service worker template (service-worker.js) with this
 * build's version — a hash of every precached file's path and bytes, so any
 * change makes a new cache and the old one is deleted — and its precache
 * list: every page, every /_astro/ file (the terminal bundle included),
 * the Pagefind search index and the favicon. The Lab's /lab/files.json
 * (megabytes, wanted only by the Lab) is cached when first used instead.
 *   node src/site/sw/write-sw.ts [dist]
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFiles, pagePath } from '../check-links.ts';

/** The URLs the service worker caches on install, sorted. */
export function precacheList(dist: string): string[] {
  // Embeds are for other sites' iframes (which do not register this worker): not cached ahead.
  const pages = htmlFiles(dist).map(pagePath).filter((p) => !p.startsWith('/embed/'));
  const astro = existsSync(join(dist, '_astro')) ? readdirSync(join(dist, '_astro')).map((f) => `/_astro/${f}`) : [];
  const extra = ['/favicon.svg'].filter((u) => existsSync(join(dist, u)));
  return [...new Set([...pages, ...astro, ...extra, ...searchIndex(dist)])].sort();
}

/** Pagefind's loader, worker, WebAssembly and index (not its unused prebuilt UIs), so search works offline too. */
function searchIndex(dist: string): string[] {
  const root = join(dist, 'pagefind');
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (d: string, url: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${url}${e.name}/`);
      else if (!/(-ui|highlight)\.(js|css)$/.test(e.name)) out.push(url + e.name);
    }
  };
  walk(root, '/pagefind/');
  return out;
}

/** The build's version: sha256 over each precached file's URL and contents (first 16 hex digits). */
export function buildVersion(dist: string, urls: readonly string[]): string {
  const h = createHash('sha256');
  for (const u of urls) {
    const file = join(dist, u.endsWith('/') ? `${u}index.html` : u);
    h.update(u).update('\0').update(existsSync(file) ? readFileSync(file) : Buffer.alloc(0)).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

/** The service worker's source for the site in `dist`. */
export function serviceWorker(dist: string): string {
  const urls = precacheList(dist);
  const template = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8');
  return template
    .replace("const VERSION = '__VERSION__';", () => `const VERSION = ${JSON.stringify(buildVersion(dist, urls))};`)
    .replace('const PRECACHE = __PRECACHE__;', () => `const PRECACHE = ${JSON.stringify(urls)};`);
}

if (import.meta.main) {
  const dist = process.argv[2] ?? 'dist';
  const sw = serviceWorker(dist);
  writeFileSync(join(dist, 'sw.js'), sw);
  process.stdout.write(`write-sw: dist/sw.js caches ${precacheList(dist).length} files on install\n`);
}
