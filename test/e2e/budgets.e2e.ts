/**
 * Deterministic size budgets over the built site (bytes, gzip): a page that
 * grows past its ceiling fails CI. Timings live in `npm run bench`, not here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../budgets/budgets.ts';
import { siteSizes } from '../budgets/sizes.ts';

const pages = siteSizes('dist');

describe('bytes shipped per page (gzip)', () => {
  it('finds the built pages', () => {
    expect(pages.map((p) => p.page)).toContain('index.html');
  });
  it.each(pages.map((p) => [p.page, p] as const))('%s stays within its budgets', (_page, p) => {
    expect(p.initialJs.gzip, 'JS before interaction').toBeLessThanOrEqual(BUDGETS.initialJs.ceiling);
    expect(p.terminalJs.gzip, 'terminal bundle').toBeLessThanOrEqual(BUDGETS.terminalJs.ceiling);
    expect(p.css.gzip, 'CSS').toBeLessThanOrEqual(BUDGETS.css.ceiling);
    expect(p.html.gzip, 'HTML').toBeLessThanOrEqual(BUDGETS.html.ceiling);
  });
  it('ships the terminal bundle only to pages that have a terminal', () => {
    for (const p of pages) {
      const html = readFileSync(`dist/${p.page}`, 'utf8');
      const hasTerminal = /<sim-(terminal|claim)[\s>]/.test(html);
      expect(p.terminalJs.raw > 0, p.page).toBe(hasTerminal);
    }
  });
});
