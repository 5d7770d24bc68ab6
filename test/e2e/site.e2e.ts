/**
 * The site as a reader meets it, in Debian's Chromium: pages, theme, small
 * screens, no JavaScript, accessibility (axe-core) and no request leaving the
 * origin.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage } from './browser.ts';

const base = inject('baseURL');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function chapterLinks(): Promise<string[]> {
  const { page, context } = await openPage(browser, base);
  await page.goto(base + '/');
  const hrefs = await page.locator('main .chapters a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  await context.close();
  return hrefs;
}

describe('home page', () => {
  it('lists the chapters in order with their summaries, and passes axe', async () => {
    const w = await openPage(browser, base);
    const res = await w.page.goto(base + '/');
    expect(res?.status()).toBe(200);
    const items = await w.page.locator('main .chapters a').count();
    expect(items).toBeGreaterThan(0);
    const axe = await new AxeBuilder({ page: w.page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(w.foreign).toEqual([]);
    await w.context.close();
  });
});

describe('chapter pages', () => {
  it.each(['light', 'dark'] as const)('pass axe in the %s theme with no foreign requests', async (scheme) => {
    for (const path of await chapterLinks()) {
      const w = await openPage(browser, base, { colorScheme: scheme });
      await w.page.goto(base + path);
      await expect.poll(() => w.page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
      const axe = await new AxeBuilder({ page: w.page }).analyze();
      expect(axe.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      expect(w.foreign).toEqual([]);
      await w.context.close();
    }
  }, 300_000);

  it('remembers the reader\'s theme choice across a reload', async () => {
    const [path] = await chapterLinks();
    const w = await openPage(browser, base, { colorScheme: 'light' });
    await w.page.goto(base + path);
    await w.page.getByRole('button', { name: /theme/i }).click();
    expect(await w.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await w.page.reload();
    expect(await w.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await w.context.close();
  });

  it('reads at 360 px wide without sideways scrolling', async () => {
    for (const path of await chapterLinks()) {
      const w = await openPage(browser, base, { width: 360, height: 740 });
      await w.page.goto(base + path);
      const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await w.context.close();
    }
  });

  it('shows the commands without JavaScript', async () => {
    const [path] = await chapterLinks();
    const w = await openPage(browser, base, { javaScriptEnabled: false });
    await w.page.goto(base + path);
    const scripts = await w.page.locator('.claim pre code').allTextContents();
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.join('\n')).toMatch(/docker/);
    await w.context.close();
  });

  it('has a skip link, a table of contents and previous/next navigation', async () => {
    const links = await chapterLinks();
    const [path] = links;
    const w = await openPage(browser, base);
    await w.page.goto(base + path);
    await w.page.keyboard.press('Tab');
    const focused = await w.page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused).toMatch(/skip/i);
    expect(await w.page.locator('nav.toc a').count()).toBeGreaterThan(1);
    expect(await w.page.locator('nav.prev-next a').count()).toBe(links.length > 1 ? 1 : 0);
    await w.context.close();
  });
});

describe('404', () => {
  it('answers an unknown page with a friendly 404', async () => {
    const w = await openPage(browser, base);
    const res = await w.page.goto(base + '/no-such-page/');
    expect(res?.status()).toBe(404);
    expect(await w.page.locator('h1').textContent()).toMatch(/not found|404/i);
    await w.context.close();
  });
});
