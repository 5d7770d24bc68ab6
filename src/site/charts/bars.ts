/**
 * Layout of a horizontal bar chart as plain SVG coordinates: a label left of
 * each bar and its value written after it, so the chart reads without colour
 * (WCAG 1.4.1 "Use of Color"). Linear scale from 0, so lengths compare honestly.
 */

/** One bar as given: its label, its value, and the text printed for that value. */
export interface BarInput { readonly label: string; readonly value: number; readonly valueText: string; readonly group?: string }

/** One row of the laid-out chart: a group heading or a bar. */
export type BarRow =
  | { readonly kind: 'group'; readonly text: string; readonly y: number }
  | { readonly kind: 'bar'; readonly label: string; readonly valueText: string; readonly y: number; readonly width: number };

/** The chart's geometry: viewBox size, where bars start, and the rows. */
export interface BarLayout { readonly width: number; readonly height: number; readonly barX: number; readonly barHeight: number; readonly rows: readonly BarRow[] }

export const LAYOUT = { width: 680, labelWidth: 250, valueWidth: 120, rowHeight: 26, barHeight: 18, pad: 6 } as const;

/** Lay out `bars` (group headings inserted where `group` changes); bars scale to the largest value, at least 1 unit wide. */
export function layoutBars(bars: readonly BarInput[]): BarLayout {
  const { width, labelWidth, valueWidth, rowHeight, barHeight, pad } = LAYOUT;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const span = width - labelWidth - valueWidth;
  const rows: BarRow[] = [];
  let y = pad;
  let group: string | undefined;
  for (const b of bars) {
    if (b.group !== undefined && b.group !== group) {
      group = b.group;
      rows.push({ kind: 'group', text: b.group, y });
      y += rowHeight;
    }
    const w = max > 0 ? (b.value / max) * span : 0;
    rows.push({ kind: 'bar', label: b.label, valueText: b.valueText, y, width: b.value > 0 ? Math.max(1, round(w)) : 0 });
    y += rowHeight;
  }
  return { width, height: y + pad, barX: labelWidth, barHeight, rows };
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** Seconds as a reader would say them: "137 ms", "0.55 s", "1 min 12.1 s". */
export function formatSeconds(s: number): string {
  if (s < 0.1) return `${round(s * 1000)} ms`;
  if (s < 1) return `${Math.round(s * 1000)} ms`;
  if (s < 60) return `${round(s)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${round(s - m * 60)} s`;
}

/** MiB with a thousands separator ("13,074 MiB"). */
export function formatMiB(mib: number): string {
  return `${mib.toLocaleString('en-US')} MiB`;
}
