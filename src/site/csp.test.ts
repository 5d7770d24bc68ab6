/**
 * The CSP (CSP3 §2.2 source lists) and public/_headers (Netlify/Cloudflare
 * Pages `_headers` syntax) agree, and the inline scripts pages ship are the
 * hashed ones.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile, INLINE_SCRIPTS, scriptHash, WEBCONTAINER_ORIGINS } from './csp.ts';

describe('contentSecurityPolicy', () => {
  it.each([
    ['script-src', false, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/],
    ['no remote origin on ordinary pages', false, /^(?!.*stackblitz)/],
    ['StackBlitz framed on the Lab page', true, /frame-src 'self' https:\/\/stackblitz\.com/],
    ['object-src none', false, /object-src 'none'/],
  ])('%s', (_name, lab, re) => {
    expect(contentSecurityPolicy({ lab })).toMatch(re);
  });

  it('hashes each inline script (sha256 of the exact text, base64)', () => {
    // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
    expect(scriptHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
    for (const s of INLINE_SCRIPTS) expect(contentSecurityPolicy()).toContain(scriptHash(s));
  });
});

describe('public/_headers', () => {
  it('is the file headersFile() writes (regenerate it: README, "Netlify and Cloudflare Pages")', () => {
    expect(readFileSync('public/_headers', 'utf8')).toBe(headersFile());
  });

  it.each([
    ['/*', 'Content-Security-Policy'],
    ['/lab/*', 'Cross-Origin-Embedder-Policy: require-corp'],
    ['/lab/*', 'Cross-Origin-Opener-Policy: same-origin'],
  ])('block %s sends %s', (path, header) => {
    const blocks = headersFile().split(/\n(?=\/)/);
    const block = blocks.find((b) => b.startsWith(path + '\n'));
    expect(block).toContain(header);
  });

  it('sends COOP only under /lab/ (COEP also on scripts, for the terminal worker)', () => {
    const blocks = headersFile().split(/\n(?=\/)/);
    expect(blocks.filter((b) => b.includes('Cross-Origin-Opener-Policy')).map((b) => b.split('\n')[0])).toEqual(['/lab/*']);
    expect(blocks.filter((b) => b.includes('Cross-Origin-Embedder-Policy')).map((b) => b.split('\n')[0])).toEqual(['/lab/*', '/_astro/*']);
    expect(WEBCONTAINER_ORIGINS.length).toBeGreaterThan(0);
  });
});
