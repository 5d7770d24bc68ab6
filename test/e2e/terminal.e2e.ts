/**
 * The terminal as a reader uses it, in Debian's Chromium against the built
 * site: it starts when scrolled into view, runs what is typed, stops a
 * runaway loop on Ctrl-C, survives a reload, runs prose commands and claims.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage } from './browser.ts';

const base = inject('baseURL');
let browser: Browser;
let chapter: string;

beforeAll(async () => {
  browser = await launch();
  // The layered-images chapter: one free terminal, prose commands for it, and claim commit-diff.
  chapter = '/layered-images/';
});
afterAll(async () => { await browser?.close(); });

/** The chapter's free terminal (not one inside a claim). */
function mainTerminal(page: Page): Locator {
  return page.locator('sim-terminal:not(sim-claim sim-terminal)').first();
}

async function ready(term: Locator): Promise<void> {
  await expect.poll(() => term.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
}

async function screen(term: Locator): Promise<string> {
  return (await term.locator('.xterm-rows').innerText()).replace(/\u00a0/g, ' ');
}

async function typeLine(page: Page, term: Locator, line: string): Promise<void> {
  await term.locator('.xterm').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

describe('the chapter terminal', () => {
  it('starts when scrolled into view and runs a typed command', async () => {
    const w = await openPage(browser, base);
    await w.page.goto(base + chapter);
    const term = mainTerminal(w.page);
    await term.scrollIntoViewIfNeeded();
    await ready(term);
    expect(await screen(term)).toMatch(/root@laptop:~# /);
    await typeLine(w.page, term, 'echo hello-$((6*7))');
    await expect.poll(() => screen(term)).toMatch(/\nhello-42\s/);
    await typeLine(w.page, term, 'docker run --rm alpine cat /etc/alpine-release');
    await expect.poll(() => screen(term), { timeout: 20_000 }).toMatch(/\n3\.22\.\d+\s/);
    expect(w.foreign).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('stops a runaway loop on Ctrl-C and keeps working', async () => {
    const w = await openPage(browser, base);
    await w.page.goto(base + chapter);
    const term = mainTerminal(w.page);
    await term.scrollIntoViewIfNeeded();
    await ready(term);
    await typeLine(w.page, term, 'while true; do :; done');
    await expect.poll(() => term.getAttribute('data-state')).toBe('busy');
    await w.page.keyboard.press('Control+C');
    await expect.poll(() => screen(term), { timeout: 10_000 }).toMatch(/\^C/);
    await ready(term);
    await typeLine(w.page, term, 'echo after-$?');
    await expect.poll(() => screen(term)).toMatch(/after-130/);
    await w.context.close();
  });

  it('keeps the session across a reload', async () => {
    const w = await openPage(browser, base);
    await w.page.goto(base + chapter);
    const term = mainTerminal(w.page);
    await term.scrollIntoViewIfNeeded();
    await ready(term);
    await typeLine(w.page, term, 'echo kept-across-reload > /root/note');
    await expect.poll(() => w.page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('sim-terminal')))).toBe(true);
    await w.page.reload();
    const again = mainTerminal(w.page);
    await again.scrollIntoViewIfNeeded();
    await ready(again);
    await typeLine(w.page, again, 'cat /root/note');
    await expect.poll(() => screen(again)).toMatch(/\nkept-across-reload\s/);
    await w.context.close();
  });

  it('runs a command from the prose with one click', async () => {
    const w = await openPage(browser, base);
    await w.page.goto(base + chapter);
    const cmd = w.page.locator('sim-cmd').first();
    const text = (await cmd.locator('code').innerText()).trim();
    await cmd.getByRole('button').click();
    const term = mainTerminal(w.page);
    await ready(term);
    await expect.poll(() => screen(term), { timeout: 20_000 }).toContain(text.slice(0, 20));
    await w.context.close();
  });
});

describe('claims', () => {
  it('Reproduce runs the claim in a fresh terminal', async () => {
    const w = await openPage(browser, base);
    await w.page.goto(base + chapter + '#claim-commit-diff');
    const claim = w.page.locator('#claim-commit-diff');
    await claim.getByRole('button', { name: /reproduce/i }).click();
    const term = claim.locator('sim-terminal');
    await expect.poll(async () => (await term.count()) > 0 ? screen(term) : '', { timeout: 30_000 }).toMatch(/A \/etc\/hello/);
    await ready(term);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
