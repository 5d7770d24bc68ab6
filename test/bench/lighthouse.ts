/** Lighthouse (mobile, the default form factor) for each chapter, in Debian's Chromium. */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM } from '../e2e/browser.ts';

export interface Scores { page: string; performance: number; accessibility: number; bestPractices: number; seo: number }

export async function lighthouseScores(base: string, pages: readonly string[]): Promise<Scores[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const out: Scores[] = [];
    for (const page of ['/', ...pages]) {
      const r = await lighthouse(base + page, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
      const c = r?.lhr.categories;
      const s = (k: string): number => Math.round((c?.[k]?.score ?? 0) * 100);
      out.push({ page, performance: s('performance'), accessibility: s('accessibility'), bestPractices: s('best-practices'), seo: s('seo') });
    }
    return out;
  } finally {
    chrome.kill();
  }
}
