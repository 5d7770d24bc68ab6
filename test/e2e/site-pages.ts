/**
 * Every page of the built site: the sitemap's URLs (sitemaps.org 0.9) plus
 * every other HTML file in dist/ (404, embeds, the Lab), as paths.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** All .html files under `dir`, as site paths ("/", "/writing/", "/404.html"). */
export function htmlPaths(dir = 'dist'): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) { if (e.name !== 'pagefind' && e.name !== '_astro') walk(p); }
      else if (e.name.endsWith('.html')) {
        const rel = '/' + relative(dir, p).split(sep).join('/');
        out.push(rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** The paths the sitemap lists. */
export function sitemapPaths(dir = 'dist'): string[] {
  const xml = readFileSync(join(dir, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1].replace(/&amp;/g, '&')).pathname);
}

/** Sitemap paths first, then any other page, each once. */
export function everyPage(dir = 'dist'): string[] {
  return [...new Set([...sitemapPaths(dir), ...htmlPaths(dir)])];
}
