/** Bar layout and number formats for the build-time charts (WCAG 1.4.1: values written, not only drawn). */
import { describe, expect, it } from 'vitest';
import { formatMiB, formatSeconds, LAYOUT, layoutBars } from './bars.ts';

describe('layoutBars', () => {
  it('scales bars linearly to the largest value and writes every value', () => {
    const l = layoutBars([
      { label: 'a', value: 10, valueText: '10' },
      { label: 'b', value: 5, valueText: '5' },
      { label: 'c', value: 0, valueText: '0' },
    ]);
    const span = LAYOUT.width - LAYOUT.labelWidth - LAYOUT.valueWidth;
    expect(l.rows.map((r) => (r.kind === 'bar' ? [r.label, r.width, r.valueText] : r.text))).toEqual([
      ['a', span, '10'], ['b', span / 2, '5'], ['c', 0, '0'],
    ]);
  });
  it('keeps a tiny non-zero value visible (1 unit) next to a huge one', () => {
    const l = layoutBars([{ label: 'tiny', value: 0.137, valueText: '' }, { label: 'big', value: 72.108, valueText: '' }]);
    expect(l.rows[0]).toMatchObject({ kind: 'bar', width: 1 });
  });
  it('inserts a heading row where the group changes, and grows the height per row', () => {
    const l = layoutBars([
      { label: 'x', value: 1, valueText: '1', group: 'N = 1' },
      { label: 'y', value: 2, valueText: '2', group: 'N = 1' },
      { label: 'x', value: 3, valueText: '3', group: 'N = 2' },
    ]);
    expect(l.rows.map((r) => r.kind)).toEqual(['group', 'bar', 'bar', 'group', 'bar']);
    expect(l.height).toBe(5 * LAYOUT.rowHeight + 2 * LAYOUT.pad);
  });
});

describe.each([
  [0.0125, '12.5 ms'], [0.137, '137 ms'], [0.55, '550 ms'], [2.5, '2.5 s'], [72.108, '1 min 12.1 s'],
])('formatSeconds(%s)', (s, text) => {
  it(`is "${text}"`, () => expect(formatSeconds(s)).toBe(text));
});

describe('formatMiB', () => {
  it('groups thousands', () => expect(formatMiB(13074)).toBe('13,074 MiB'));
});
