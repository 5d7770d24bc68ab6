/**
 * Issue 8 as a reader meets it in Chromium: search from the header with "/",
 * a friendly 404 that searches, embeds that show a claim and run nothing on
 * their own (whatever their URL carries), copy buttons, and the site working
 * offline after the first visit (service worker).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage } from './browser.ts';

const base = inject('baseURL');
let browser: Browser;
let chapter: string;
beforeAll(async () => {
  browser = await launch();
  const { page, context } = await openPage(browser, base);
  await page.goto(base + '/');
  chapter = await page.locator('main .chapters a').first().evaluate((a) => (a as HTMLAnchorElement).pathname);
  await context.close();
});
afterAll(async () => { await browser?.close(); });

describe('search', () => {
  it('opens with "/", finds pages by their words, and results are links into the site', async () => {
    const w = await openPage(browser, base);
    await w.page.goto(base + chapter);
    await w.page.keyboard.press('/');
    const input = w.page.getByRole('searchbox', { name: 'Search the site' }).first();
    await expect.poll(() => input.evaluate((e) => e === document.activeElement)).toBe(true);
    await w.page.keyboard.type('overlay whiteout');
    const results = w.page.locator('site-search [data-results] a');
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const href = await results.first().getAttribute('href');
    expect(href).toMatch(/^\/[a-z0-9-]+\//);
    expect(await w.page.locator('site-search [data-status]').first().innerText()).toMatch(/found/);
    await w.page.keyboard.press('ArrowDown');
    expect(await results.first().evaluate((a) => a === document.activeElement)).toBe(true);
    await w.page.keyboard.press('Enter');
    await expect.poll(() => new URL(w.page.url()).pathname).toBe(href!.split('#')[0]);
    expect(w.foreign).toEqual([]);
    await w.context.close();
  });

  it('the 404 page is friendly and searches for the words of the missing path', async () => {
    const w = await openPage(browser, base);
    const res = await w.page.goto(base + '/layerd-images/');
    expect(res?.status()).toBe(404);
    await expect.poll(() => w.page.locator('main h1').innerText()).toBe('Page not found');
    expect(await w.page.locator('main input[type=search]').inputValue()).toBe('layerd images');
    // "layerd" is misspelt: the words are also searched one by one, so the chapter is found.
    await expect.poll(() => w.page.locator('main [data-results] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname)), { timeout: 15_000 }).toContain('/layered-images/');
    await w.context.close();
  });
});

describe('embeds', () => {
  it('a claim offers its iframe snippet, and the embed shows the claim with minimal chrome', async () => {
    const w = await openPage(browser, base);
    await w.page.goto(base + chapter);
    const claim = w.page.locator('section.claim').first();
    const id = (await claim.getAttribute('id'))!.replace(/^claim-/, '');
    await claim.locator('.embed-snippet summary').click();
    const snippet = await claim.locator('.embed-snippet code').innerText();
    expect(snippet).toMatch(new RegExp(`^<iframe src="https://[^"]+/embed${chapter}${id}/" title="[^"]+"`));
    await w.page.goto(base + `/embed${chapter}${id}/`);
    expect(await w.page.locator('.site-header').count()).toBe(0);
    expect(await w.page.locator('sim-claim button[data-action=reproduce]').isVisible()).toBe(true);
    expect(w.foreign).toEqual([]);
    await w.context.close();
  });

  it('URL parameters and fragments cannot inject markup or run anything', async () => {
    const w = await openPage(browser, base);
    await w.page.goto(base + chapter);
    const id = (await w.page.locator('section.claim').first().getAttribute('id'))!.replace(/^claim-/, '');
    const evil = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
    const line = Buffer.from('touch /pwned').toString('base64url');
    await w.page.goto(base + `/embed${chapter}${id}/?run=${evil}&theme=${evil}#run-claim-${id}=${line}`);
    await w.page.waitForTimeout(1500);
    expect(await w.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await w.page.locator('img[src=x]').count()).toBe(0);
    // A shared command is shown, not run: the terminal asks first.
    const asked = await w.page.locator('.sim-terminal-shared').count();
    if (asked) expect(await w.page.locator('.sim-terminal-shared').innerText()).toMatch(/Nothing has run/);
    await w.context.close();
  });
});

describe('code blocks', () => {
  it('have a copy button that copies the block', async () => {
    const w = await openPage(browser, base);
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await w.page.goto(base + chapter);
    const block = w.page.locator('main .copy-wrap:has(pre.claim-run)').first();
    const text = (await block.locator('pre').innerText()).replace(/\n$/, '');
    await block.locator('button.copy-code').click();
    expect(await w.page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await w.context.close();
  });
});

describe('permalinks', () => {
  it.each(['a.heading-anchor', 'a.claim-permalink'])('%s moves to its anchor and copies its URL', async (sel) => {
    const w = await openPage(browser, base);
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await w.page.goto(base + chapter);
    const a = w.page.locator(sel).first();
    const href = await a.evaluate((el) => (el as HTMLAnchorElement).href);
    expect(href).toMatch(/#[a-z0-9-]+$/);
    await a.click();
    await expect.poll(() => w.page.evaluate(() => navigator.clipboard.readText())).toBe(href);
    expect(w.page.url()).toBe(href);
    await w.context.close();
  });
});

describe('offline after the first visit', () => {
  it('pages, the terminal and search work with the network gone', async () => {
    const w = await openPage(browser, base);
    await w.page.goto(base + chapter);
    await w.page.evaluate(async () => { await navigator.serviceWorker.ready; });
    // Wait until the install step has cached this build.
    await expect.poll(() => w.page.evaluate(async () => (await caches.keys()).some((k) => k.startsWith('cvv-'))), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => w.page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 10_000 }).toBe(true);
    await w.context.setOffline(true);
    await w.page.goto(base + '/');
    expect(await w.page.locator('main h1').innerText()).toMatch(/container/i);
    await w.page.goto(base + chapter);
    const term = w.page.locator('sim-terminal:not(sim-claim sim-terminal)').first();
    await term.scrollIntoViewIfNeeded();
    await expect.poll(() => term.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
    // Search works offline too, though this reader never searched while online.
    await w.page.locator('.search-open').click();
    await w.page.keyboard.type('whiteout');
    await expect.poll(() => w.page.locator('site-search [data-results] a').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await w.context.setOffline(false);
    await w.context.close();
  });
});
