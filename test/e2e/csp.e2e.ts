/**
 * Issue 9, security: every page of the built site (sitemap + every HTML file)
 * loads in Chromium with no Content-Security-Policy violation
 * (`securitypolicyviolation` events, CSP3 §5.5) and no request to another
 * origin — also after the reader searches and starts a terminal, which load
 * Pagefind's WebAssembly and the terminal's worker.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage } from './browser.ts';
import { everyPage } from './site-pages.ts';

const base = inject('baseURL');
const pages = everyPage();
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/** Record CSP violations from the first script on (before the page's own scripts run). */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const console: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) console.push(m.text()); });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))];
}

describe('Content-Security-Policy and same-origin requests', () => {
  it('finds the pages', () => {
    expect(pages).toContain('/');
    expect(pages.length).toBeGreaterThan(3);
  });

  it.each(pages)('%s: a CSP meta, no violation, no foreign request', async (path) => {
    const w = await openPage(browser, base);
    const violations = await watchCsp(w.page);
    await w.page.goto(base + path, { waitUntil: 'load' });
    const csp = await w.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/script-src 'self'/);
    // Scroll through the page so lazily started terminals boot too.
    await w.page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 600) { window.scrollTo(0, y); await new Promise((r) => requestAnimationFrame(r)); }
    });
    await w.page.waitForTimeout(500);
    expect(await violations()).toEqual([]);
    expect(w.foreign).toEqual([]);
    await w.context.close();
  });

  it('searching (Pagefind WebAssembly) and starting a terminal (worker) stay within the policy', async () => {
    const w = await openPage(browser, base);
    const violations = await watchCsp(w.page);
    await w.page.goto(base + '/');
    const chapter = await w.page.locator('main .chapters a').first().getAttribute('href');
    await w.page.goto(base + chapter);
    await w.page.keyboard.press('/');
    await w.page.keyboard.type('overlay');
    await expect.poll(() => w.page.locator('site-search [data-results] a').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await w.page.keyboard.press('Escape');
    const term = w.page.locator('sim-terminal').first();
    await term.scrollIntoViewIfNeeded();
    await expect.poll(() => term.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
    expect(await violations()).toEqual([]);
    expect(w.foreign).toEqual([]);
    await w.context.close();
  });
});
