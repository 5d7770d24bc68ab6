/**
 * The built site's internal links and anchors all resolve (the same checker
 * `npm run build` runs, src/site/check-links.ts), and the pages a reader can
 * only reach by link (404, Lab, embeds) pass axe-core too.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkLinks } from '../../src/site/check-links.ts';
import { launch, openPage } from './browser.ts';
import { htmlPaths } from './site-pages.ts';

const base = inject('baseURL');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('internal links', () => {
  it('every href/src into the site names a file, every #fragment an id', () => {
    expect(checkLinks('dist').map((b) => `${b.page}: ${b.link} (${b.reason})`)).toEqual([]);
  });
});

describe('pages beyond the sitemap pass axe', () => {
  const embeds = htmlPaths().filter((p) => p.startsWith('/embed/'));
  it.each(['/404.html', '/lab/', embeds.find((p) => !p.includes('/terminal-'))!, embeds.find((p) => p.includes('/terminal-'))!])('%s', async (path) => {
    for (const scheme of ['light', 'dark'] as const) {
      const w = await openPage(browser, base, { colorScheme: scheme });
      await w.page.goto(base + path);
      const axe = await new AxeBuilder({ page: w.page }).analyze();
      expect(axe.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await w.context.close();
    }
  });

  it('the open search dialog passes axe', async () => {
    const w = await openPage(browser, base);
    await w.page.goto(base + '/');
    await w.page.keyboard.press('/');
    await w.page.keyboard.type('kernel');
    await expect.poll(() => w.page.locator('site-search [data-results] a').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const axe = await new AxeBuilder({ page: w.page }).include('dialog').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await w.context.close();
  });
});
