/**
 * The site's Content-Security-Policy (CSP Level 3, https://www.w3.org/TR/CSP3/),
 * one source for the `<meta http-equiv>` every page carries and for the
 * `_headers` file static hosts read (public/_headers, checked by csp.test.ts).
 *
 * Scripts: only files from the site itself ('self'; Astro is told not to
 * inline its bundled scripts, see astro.config.mjs) plus the few inline
 * scripts below, allowed by their SHA-256 hash. 'wasm-unsafe-eval' lets
 * Pagefind compile its WebAssembly search index; nothing uses eval().
 * Styles: 'unsafe-inline' because Shiki colours tokens with style attributes
 * and xterm.js inserts <style> elements at run time (style injection cannot
 * run code). Every request stays on the origin, except on the Lab page after
 * the reader asks for the StackBlitz WebContainer.
 */
import { createHash } from 'node:crypto';

/** Runs before first paint: the reader's remembered theme, else the system's (BaseLayout). */
export const THEME_SCRIPT = `(function () {
  var t = null;
  try { t = localStorage.getItem('theme'); } catch (e) {}
  if (t !== 'light' && t !== 'dark') t = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  document.documentElement.dataset.theme = t;
})();`;

/** 404 page: a link that dropped the trailing "/" tries the slashed path once. */
export const SLASH_SCRIPT = `(function () {
  var p = location.pathname;
  if (p.slice(-1) !== '/' && !/\\.[a-z0-9]+$/i.test(p)) location.replace(p + '/' + location.search + location.hash);
})();`;

/** Every inline script a page may carry; anything else inline is refused by the browser. */
export const INLINE_SCRIPTS: readonly string[] = [THEME_SCRIPT, SLASH_SCRIPT];

/** CSP source expression for an inline script: 'sha256-<base64>' of its exact text. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Hosts the WebContainer API loads its iframe and runtime from (Lab page only, after the reader's click). */
export const WEBCONTAINER_ORIGINS: readonly string[] = [
  'https://stackblitz.com',
  'https://*.stackblitz.com',
  'https://*.staticblitz.com',
  'https://*.webcontainer.io',
  'https://*.webcontainer-api.io',
];

export interface PolicyOptions {
  /** Also allow StackBlitz's WebContainer origins (the Lab page, after the reader's click). */
  readonly lab?: boolean;
}

/** The policy as a header/meta value, e.g. "default-src 'self'; script-src …". */
export function contentSecurityPolicy(opts: PolicyOptions = {}): string {
  const remote = opts.lab ? WEBCONTAINER_ORIGINS : [];
  const d: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...INLINE_SCRIPTS.map(scriptHash)],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...remote],
    ['worker-src', "'self'"],
    ['frame-src', "'self'", ...remote],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  return d.map((x) => x.join(' ')).join('; ');
}

/** Cross-origin isolation (needed for SharedArrayBuffer, so for WebContainers): the Lab page only. */
export const LAB_ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The public/_headers file (Netlify / Cloudflare Pages syntax). Both hosts add
 * every matching block's headers, and two CSP headers would both be enforced,
 * so the header carries one policy for all paths (the Lab's, which also allows
 * StackBlitz) and each page's <meta> policy narrows it: a browser enforces
 * every policy it is given, so a chapter page still cannot reach StackBlitz.
 * No frame-ancestors: /embed/ pages are meant to be framed by other sites, and
 * a per-path exception is not expressible on Netlify.
 */
export function headersFile(): string {
  const block = (path: string, headers: Record<string, string>): string =>
    `${path}\n${Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`;
  return [
    '# Generated from src/site/csp.ts; src/site/csp.test.ts fails when this file is stale.\n',
    block('/*', {
      'Content-Security-Policy': contentSecurityPolicy({ lab: true }),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    }),
    block('/lab/*', LAB_ISOLATION_HEADERS),
    // The terminal's worker script must carry COEP too, or the isolated Lab page cannot start it.
    block('/_astro/*', { 'Cache-Control': 'public, max-age=31536000, immutable', 'Cross-Origin-Embedder-Policy': 'require-corp' }),
    block('/sw.js', { 'Cache-Control': 'no-cache' }),
  ].join('\n');
}
