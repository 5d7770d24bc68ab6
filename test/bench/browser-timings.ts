/** Timings in Debian's Chromium against `astro preview`: first prompt after a terminal becomes visible, and a claim's Reproduce. */
import { launch, openPage } from '../e2e/browser.ts';

export interface BrowserTimings { chapters: string[]; firstPrompt: number[]; reproduce: number[] }

export async function browserTimings(base: string): Promise<BrowserTimings> {
  const browser = await launch();
  try {
    const home = await openPage(browser, base);
    await home.page.goto(base + '/');
    const chapters = await home.page.locator('main .chapters a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    await home.context.close();
    const firstPrompt: number[] = [];
    for (let i = 0; i < 5; i++) {
      const w = await openPage(browser, base);
      await w.page.goto(base + '/layered-images/');
      firstPrompt.push(await w.page.evaluate(() => new Promise<number>((resolve) => {
        const t = document.querySelector<HTMLElement>('sim-terminal:not(sim-claim sim-terminal)')!;
        const t0 = performance.now();
        const done = (): boolean => { if (t.dataset.state === 'ready') { resolve(performance.now() - t0); return true; } return false; };
        new MutationObserver(() => void done()).observe(t, { attributes: true, attributeFilter: ['data-state'] });
        t.scrollIntoView();
      })));
      await w.context.close();
    }
    const reproduce: number[] = [];
    for (let i = 0; i < 3; i++) {
      const w = await openPage(browser, base);
      await w.page.goto(base + '/layered-images/#claim-commit-diff');
      const claim = w.page.locator('#claim-commit-diff');
      const t0 = Date.now();
      await claim.getByRole('button', { name: /reproduce/i }).click();
      await claim.locator('sim-terminal .xterm-rows').filter({ hasText: 'A /etc/hello' }).waitFor({ timeout: 30_000 });
      reproduce.push(Date.now() - t0);
      await w.context.close();
    }
    return { chapters, firstPrompt, reproduce };
  } finally {
    await browser.close();
  }
}
