/**
 * The terminal's colours for the site's two themes (xterm's ITheme). Each
 * colour can be overridden by a CSS custom property on the element
 * (`--sim-term-background`, `--sim-term-red`, …), so the site's stylesheet
 * stays in charge; the defaults here pass WCAG AA (4.5:1) against their
 * background, which theme.test.ts checks.
 */
import type { ITheme } from '@xterm/xterm';

/** The ITheme keys the terminal sets. */
export const THEME_KEYS = [
  'background', 'foreground', 'cursor', 'cursorAccent', 'selectionBackground',
  'black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white',
  'brightBlack', 'brightRed', 'brightGreen', 'brightYellow', 'brightBlue', 'brightMagenta', 'brightCyan', 'brightWhite',
] as const;

/** One colour per ITheme key, as #rrggbb. */
export type Palette = Record<(typeof THEME_KEYS)[number], string>;

/** Light theme: GitHub Primer light tones, "white" darkened so even it is readable on white. */
export const LIGHT: Palette = {
  background: '#ffffff', foreground: '#1f2328', cursor: '#1f2328', cursorAccent: '#ffffff', selectionBackground: '#b6e3ff',
  black: '#1f2328', red: '#b31d28', green: '#116329', yellow: '#7d4e00', blue: '#0550ae', magenta: '#8250df', cyan: '#0b6672', white: '#59636e',
  brightBlack: '#59636e', brightRed: '#a40e26', brightGreen: '#1a7f37', brightYellow: '#6f4400', brightBlue: '#0969da', brightMagenta: '#6639ba', brightCyan: '#0a5a66', brightWhite: '#424a53',
};

/** Dark theme: GitHub Primer dark tones, "black" lightened so even it is readable on the dark background. */
export const DARK: Palette = {
  background: '#0d1117', foreground: '#e6edf3', cursor: '#e6edf3', cursorAccent: '#0d1117', selectionBackground: '#264f78',
  black: '#9da7b3', red: '#ff7b72', green: '#56d364', yellow: '#e3b341', blue: '#79c0ff', magenta: '#d2a8ff', cyan: '#76e3ea', white: '#e6edf3',
  brightBlack: '#9da7b3', brightRed: '#ffa198', brightGreen: '#7ee787', brightYellow: '#f2cc60', brightBlue: '#a5d6ff', brightMagenta: '#e2c5ff', brightCyan: '#b3f0ff', brightWhite: '#ffffff',
};

/** CSS custom property for one key: `brightBlue` → `--sim-term-bright-blue`. */
export function cssVariable(key: string): string {
  return '--sim-term-' + key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

/** True when the page shows its dark theme (BaseLayout sets <html data-theme>; without it, the system decides). */
export function pageIsDark(doc: Document = document): boolean {
  const theme = doc.documentElement.dataset.theme;
  if (theme === 'dark' || theme === 'light') return theme === 'dark';
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** The xterm theme for an element: the page theme's defaults, overridden by its custom properties. */
export function themeFor(element: Element): ITheme {
  const base = pageIsDark(element.ownerDocument) ? DARK : LIGHT;
  const style = getComputedStyle(element);
  const theme: Record<string, string> = {};
  for (const key of THEME_KEYS) theme[key] = style.getPropertyValue(cssVariable(key)).trim() || base[key];
  return theme;
}

/** WCAG 2.x relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
