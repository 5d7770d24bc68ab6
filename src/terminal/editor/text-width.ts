/**
 * Terminal cell geometry for the line editor: how many cells a character
 * takes (wcwidth(3): combining marks 0, East Asian Wide/Fullwidth 2, else 1)
 * and where the cursor lands after printing a prompt and a line on a
 * terminal `columns` wide with xterm's auto-wrap (DECAWM).
 */

/**
 * Ranges of East Asian Wide (W) and Fullwidth (F) code points, coarsely after
 * EastAsianWidth.txt. Emoji stay narrow: xterm's default Unicode 6 tables say so.
 */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff],
  [0xa000, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60],
  [0xffe0, 0xffe6], [0x20000, 0x3fffd],
];

/** Cells one code point occupies, like wcwidth(3). */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  for (const [lo, hi] of WIDE) if (cp >= lo && cp <= hi) return 2;
  return 1;
}

/** Remove ANSI escape sequences (CSI, OSC, two-byte ESC) so only printed text remains. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g, '');
}

/** A cursor position relative to the first cell of the prompt. */
export interface Cell {
  readonly row: number;
  readonly col: number;
}

/**
 * Where printing `chars` from `start` leaves the cursor. `col` may equal
 * `columns`: the terminal's "pending wrap" state after filling the last cell.
 */
export function advance(start: Cell, chars: readonly string[], columns: number): Cell {
  let { row, col } = start;
  for (const ch of chars) {
    if (ch === '\n') {
      row += 1;
      col = 0;
      continue;
    }
    const w = charWidth(ch);
    if (w === 0) continue;
    // A character that does not fit wraps whole to the next row (xterm leaves the gap).
    if (col + w > columns) {
      row += 1;
      col = 0;
    }
    col += w;
  }
  return { row, col };
}

/** The cell where the next character (of width `nextWidth`, 1 at the end of the line) would be drawn. */
export function landing(at: Cell, nextWidth: number, columns: number): Cell {
  return at.col + Math.max(nextWidth, 1) > columns ? { row: at.row + 1, col: 0 } : at;
}

/** Escape sequence moving the cursor from one landing cell to another (CUU/CUD, CR, CUF). */
export function moveCursor(from: Cell, to: Cell): string {
  let out = '';
  if (to.row < from.row) out += `\x1b[${from.row - to.row}A`;
  else if (to.row > from.row) out += `\x1b[${to.row - from.row}B`;
  if (to.row === from.row && to.col === from.col) return out;
  if (to.row === from.row && to.col < from.col) return out + `\x1b[${from.col - to.col}D`;
  if (to.row === from.row) return out + `\x1b[${to.col - from.col}C`;
  return out + '\r' + (to.col > 0 ? `\x1b[${to.col}C` : '');
}
