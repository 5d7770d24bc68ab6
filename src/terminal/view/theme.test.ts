/**
 * Every text colour of both terminal themes against its background, by
 * WCAG 2.1 SC 1.4.3 (contrast minimum 4.5:1 for normal text).
 */
import { describe, expect, it } from 'vitest';
import { DARK, LIGHT, THEME_KEYS, contrast, cssVariable } from './theme.ts';

const TEXT_KEYS = THEME_KEYS.filter((k) => !['background', 'cursorAccent', 'selectionBackground', 'cursor'].includes(k));

describe.each([
  { name: 'light', palette: LIGHT },
  { name: 'dark', palette: DARK },
])('$name theme', ({ palette }) => {
  it.each(TEXT_KEYS)('%s passes 4.5:1 on the background', (key) => {
    expect(contrast(palette[key], palette.background)).toBeGreaterThanOrEqual(4.5);
  });

  it('the foreground passes 4.5:1 on the selection', () => {
    expect(contrast(palette.foreground, palette.selectionBackground)).toBeGreaterThanOrEqual(4.5);
  });

  it('the cursor is visible (3:1, SC 1.4.11)', () => {
    expect(contrast(palette.cursor, palette.background)).toBeGreaterThanOrEqual(3);
  });
});

describe('contrast and names', () => {
  it.each([
    { a: '#000000', b: '#ffffff', ratio: 21 },
    { a: '#ffffff', b: '#ffffff', ratio: 1 },
  ])('contrast($a, $b) = $ratio', ({ a, b, ratio }) => {
    expect(contrast(a, b)).toBeCloseTo(ratio, 5);
  });

  it.each([
    { key: 'background', variable: '--sim-term-background' },
    { key: 'brightBlue', variable: '--sim-term-bright-blue' },
    { key: 'selectionBackground', variable: '--sim-term-selection-background' },
  ])('$key → $variable', ({ key, variable }) => {
    expect(cssVariable(key)).toBe(variable);
  });
});
