// WCAG 2.2 SC 1.4.3 / 1.4.11: the site's colour tokens (src/styles/global.css)
// in both themes. Text tokens need 4.5:1 on every surface they are used on;
// the focus ring and borders of controls need 3:1 on the page background.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrast } from './contrast.ts';

const css = readFileSync(new URL('./global.css', import.meta.url), 'utf8');

/** The custom properties declared in the first block that starts with `selector {`. */
function tokens(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{3,8})\s*;/g)].map((m) => [m[1], m[2]]));
}

const themes = { light: tokens(':root'), dark: tokens(":root[data-theme='dark']") };
const text = ['text', 'muted', 'link', 'link-visited', 'note', 'tip', 'caution', 'folklore'];
const surfaces = ['bg', 'surface', 'surface-2', 'accent-soft'];

describe.each(Object.entries(themes))('%s theme', (_name, t) => {
  it.each(text.flatMap((fg) => surfaces.map((bg) => [fg, bg])))('--%s on --%s reaches 4.5:1', (fg, bg) => {
    expect(t[fg] && t[bg], `token --${fg} or --${bg} missing`).toBeTruthy();
    expect(contrast(t[fg], t[bg])).toBeGreaterThanOrEqual(4.5);
  });
  it.each(['focus', 'accent'])('--%s reaches 3:1 on --bg (non-text contrast)', (fg) => {
    expect(contrast(t[fg], t.bg)).toBeGreaterThanOrEqual(3);
  });
});

describe('contrast()', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#767676', '#ffffff', 4.54],
  ])('%s on %s is %s:1', (fg, bg, ratio) => expect(contrast(fg, bg)).toBeCloseTo(ratio, 2));
});
