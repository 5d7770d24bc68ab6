/** WCAG 2.2 contrast ratio ("contrast ratio" and "relative luminance" in the WCAG glossary), for the style tests. */

/** WCAG relative luminance of an sRGB colour. */
function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** #rgb, #rrggbb or #rrggbbaa → [r, g, b], alpha-blended over `bg`. */
function rgb(hex: string, bg?: number[]): number[] {
  let h = hex.replace('#', '');
  if (h.length <= 4) h = [...h].map((c) => c + c).join('');
  const c = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  if (h.length < 8 || !bg) return c;
  const a = parseInt(h.slice(6, 8), 16) / 255;
  return c.map((v, i) => v * a + bg[i] * (1 - a));
}

/** WCAG contrast ratio of a foreground over a background colour. */
export function contrast(fg: string, bg: string): number {
  const b = rgb(bg);
  const [l1, l2] = [luminance(rgb(fg, b)), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

