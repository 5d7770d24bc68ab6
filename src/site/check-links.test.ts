/** The built-site link checker against a small fixture site (URL resolution per WHATWG URL, fragments per HTML "indicated element"). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks, pagePath } from './check-links.ts';

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'links-'));
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

const good = {
  'index.html': '<a href="/ch/">ch</a><a href="/ch/#claim-x">x</a><a href="#top" id="top">t</a><link rel="canonical" href="https://containers-vs-vms.example/"><a href="https://example.org/nowhere">ext</a><a href="mailto:a@b">m</a>',
  'ch/index.html': '<section id="claim-x"></section><a href="../">up</a><a href="/claims.json">j</a><script src="/_astro/a.js"></script>',
  'claims.json': '{}',
  '_astro/a.js': '',
};

describe('checkLinks', () => {
  it('accepts pages, files, anchors, relative links and external links', () => {
    expect(checkLinks(site(good))).toEqual([]);
  });

  it.each([
    ['a missing page', '<a href="/nope/">n</a>', '/nope/', /no file .* serves \/nope\//],
    ['a missing anchor on another page', '<a href="/ch/#claim-y">y</a>', '/ch/#claim-y', /\/ch\/ has no element with id "claim-y"/],
    ['a missing anchor on the same page', '<a href="#gone">g</a>', '#gone', /\/ has no element with id "gone"/],
    ['a missing script', '<script src="/_astro/b.js"></script>', '/_astro/b.js', /no file/],
    ['an absolute link to the site itself', '<a href="https://containers-vs-vms.example/x/">x</a>', 'https://containers-vs-vms.example/x/', /no file/],
  ])('names the page and the link for %s', (_n, html, link, reason) => {
    const broken = checkLinks(site({ ...good, 'index.html': good['index.html'] + html }));
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ page: '/', link });
    expect(broken[0].reason).toMatch(reason);
  });

  it.each([['index.html', '/'], ['writing/index.html', '/writing/'], ['404.html', '/404.html']])('%s is served at %s', (f, p) => {
    expect(pagePath(f)).toBe(p);
  });
});
