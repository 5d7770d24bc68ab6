/**
 * The Lab page in Chromium, offline as on these machines: it is cross-origin
 * isolated (COOP/COEP from astro.config.mjs), contacts nobody until the
 * reader asks, then says within 10 s that the sandbox could not start, and
 * the page's own terminal still answers.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage } from './browser.ts';

const base = inject('baseURL');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('the Lab page', () => {
  it('is cross-origin isolated and sends nothing elsewhere before the click', async () => {
    const w = await openPage(browser, base);
    const res = await w.page.goto(base + '/lab/');
    expect(res?.headers()['cross-origin-embedder-policy']).toBe('require-corp');
    expect(res?.headers()['cross-origin-opener-policy']).toBe('same-origin');
    expect(await w.page.evaluate(() => self.crossOriginIsolated)).toBe(true);
    await expect.poll(() => w.page.locator('lab-sandbox [data-start]').isVisible()).toBe(true);
    expect(w.foreign).toEqual([]);
    await w.context.close();
  });

  it('other pages are not cross-origin isolated', async () => {
    const w = await openPage(browser, base);
    const res = await w.page.goto(base + '/');
    expect(res?.headers()['cross-origin-embedder-policy']).toBeUndefined();
    expect(await w.page.evaluate(() => self.crossOriginIsolated)).toBe(false);
    await w.context.close();
  });

  it('offline: says within 10 s that the sandbox could not start, and the terminal still answers', async () => {
    const w = await openPage(browser, base);
    await w.page.goto(base + '/lab/');
    const started = Date.now();
    await w.page.locator('lab-sandbox [data-start]').click();
    await expect.poll(() => w.page.locator('lab-sandbox').getAttribute('data-state'), { timeout: 10_000, interval: 250 }).toBe('failed');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await w.page.locator('lab-sandbox [data-status]').innerText()).toMatch(/could not start.*StackBlitz.*keeps working/s);
    expect(await w.page.locator('lab-sandbox [data-run]').isDisabled()).toBe(true);

    const term = w.page.locator('sim-terminal#terminal-lab');
    await term.scrollIntoViewIfNeeded();
    await expect.poll(() => term.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
    expect(w.errors.filter((e) => !/stackblitz|webcontainer|ERR_NAME_NOT_RESOLVED|Failed to load resource/i.test(e))).toEqual([]);
    await term.locator('.xterm').click();
    await w.page.keyboard.type('echo lab-$((6*7))');
    await w.page.keyboard.press('Enter');
    await expect.poll(async () => (await term.locator('.xterm-rows').innerText()).replace(/\u00a0/g, ' '), { timeout: 15_000 }).toMatch(/\nlab-42\s/);
    await w.context.close();
  });

  it('served without COOP/COEP (e.g. GitHub Pages): a clear message, the button disabled, the terminal fine', async () => {
    const w = await openPage(browser, base);
    await w.page.route('**/lab/', async (route) => {
      const res = await route.fetch();
      const headers = { ...res.headers() };
      delete headers['cross-origin-opener-policy'];
      delete headers['cross-origin-embedder-policy'];
      await route.fulfill({ response: res, headers });
    });
    await w.page.goto(base + '/lab/');
    expect(await w.page.evaluate(() => self.crossOriginIsolated)).toBe(false);
    await expect.poll(() => w.page.locator('lab-sandbox').getAttribute('data-state')).toBe('unsupported');
    expect(await w.page.locator('lab-sandbox [data-status]').innerText()).toMatch(/cannot run the Node sandbox here.*SharedArrayBuffer/s);
    expect(await w.page.locator('lab-sandbox [data-start]').isDisabled()).toBe(true);
    const term = w.page.locator('sim-terminal#terminal-lab');
    await term.scrollIntoViewIfNeeded();
    await expect.poll(() => term.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
    expect(w.foreign).toEqual([]);
    await w.context.close();
  });

  it('explains the licence and where the code comes from', async () => {
    const w = await openPage(browser, base);
    await w.page.goto(base + '/lab/');
    const text = await w.page.locator('main').innerText();
    expect(text).toMatch(/loads code from StackBlitz/i);
    expect(text).toMatch(/commercial licence/i);
    await w.context.close();
  });
});
