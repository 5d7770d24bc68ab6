/** Pagefind excerpts become text runs, never markup (Pagefind "Search API" excerpt format). */
import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptRuns } from './excerpt.ts';

describe('excerptRuns', () => {
  it.each([
    ['plain', 'a container', [{ text: 'a container', mark: false }]],
    ['marked word', 'an <mark>overlay</mark> mount', [
      { text: 'an ', mark: false }, { text: 'overlay', mark: true }, { text: ' mount', mark: false }]],
    ['escaped markup stays text', '&lt;img src=x onerror=alert(1)&gt;', [{ text: '<img src=x onerror=alert(1)>', mark: false }]],
    ['real tags other than mark are dropped', '<img src=x onerror=alert(1)><b>hi</b>', [{ text: 'hi', mark: false }]],
  ])('%s', (_n, html, runs) => {
    expect(excerptRuns(html)).toEqual(runs);
  });
});

describe('decodeEntities', () => {
  it.each([
    ['&amp;&#39;&#x41;&quot;', '&\'A"'],
    ['&bogus; &#0;', '&bogus; &#0;'],
  ])('%s', (s, out) => expect(decodeEntities(s)).toBe(out));
});
