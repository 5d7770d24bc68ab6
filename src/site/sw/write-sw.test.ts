/** The generated service worker: precache list and versioning (Service Workers spec: a changed script installs anew; caches by version). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildVersion, precacheList, serviceWorker } from './write-sw.ts';

function dist(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-'));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  return dir;
}

const site = { 'index.html': 'home', 'embed/ch/x/index.html': 'e', 'ch/index.html': 'ch', '404.html': 'nf', '_astro/worker-x.js': 'w', 'lab/files.json': '{}', 'pagefind/pagefind.js': 'pf', 'pagefind/index/en_1.pf_index': 'i', 'pagefind/pagefind-ui.js': 'ui' };

describe('precacheList', () => {
  it('has every page, the /_astro/ files and the search index, not the Lab data nor Pagefind\'s unused UIs', () => {
    expect(precacheList(dist(site))).toEqual(['/', '/404.html', '/_astro/worker-x.js', '/ch/', '/pagefind/index/en_1.pf_index', '/pagefind/pagefind.js']);
  });
});

describe('buildVersion', () => {
  it.each([
    ['the same build', site, true],
    ['a changed page', { ...site, 'ch/index.html': 'ch2' }, false],
    ['a changed script', { ...site, '_astro/worker-x.js': 'w2' }, false],
  ])('%s: same version %s', (_n, files, same) => {
    const a = dist(site);
    const b = dist(files);
    expect(buildVersion(a, precacheList(a)) === buildVersion(b, precacheList(b))).toBe(same);
  });
});

describe('serviceWorker', () => {
  it('fills in the version and the list, and parses as a script', () => {
    const sw = serviceWorker(dist(site));
    expect(sw).toMatch(/const VERSION = "[0-9a-f]{16}";/);
    expect(sw).toContain('const PRECACHE = ["/","/404.html"');
    expect(() => new Function(sw)).not.toThrow();
  });
});
