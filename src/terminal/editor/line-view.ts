/**
 * Where the line being edited is on the terminal, and the escape sequences
 * that redraw it or move the cursor (ECMA-48 CUU/CUD/CUF/CUB, CR, ED, EL),
 * as readline's display code does (lib/readline/display.c: rl_redisplay).
 * It tracks the cell where the prompt starts and the cell the cursor is in,
 * and handles auto-wrap, wide characters, and the "pending wrap" state.
 */
import { advance, charWidth, landing, moveCursor, type Cell } from './text-width.ts';

/** What the view draws: the prompt (as written and as shown) and the line. */
export interface LineModel {
  /** The prompt as written to the terminal (may hold colour sequences). */
  promptText(): string;
  /** The prompt's visible characters. */
  promptChars(): readonly string[];
  readonly chars: readonly string[];
  readonly cursor: number;
}

/** The screen geometry of one line editor. */
export class LineView {
  readonly #model: LineModel;
  #columns: number;
  /** Where the prompt starts (col > 0 when output did not end in a newline). */
  #origin: Cell = { row: 0, col: 0 };
  /** Where the terminal's cursor is now, relative to the prompt's first row. */
  #at: Cell = { row: 0, col: 0 };

  constructor(model: LineModel, columns: number) {
    this.#model = model;
    this.#columns = Math.max(1, columns);
  }

  get columns(): number {
    return this.#columns;
  }

  /** The terminal was resized; xterm reflows wrapped rows, so recompute where the cursor is. */
  resize(columns: number): void {
    this.#columns = Math.max(1, columns);
    this.#at = this.#cellAt(this.#model.cursor);
  }

  /** A new prompt printed at column `startCol` of a fresh row: returns what to write. */
  begin(startCol: number): string {
    this.#origin = { row: 0, col: Math.min(startCol, this.#columns - 1) };
    const end = this.#rawAt(this.#model.chars.length);
    this.#at = landing(end, 1, this.#columns);
    return this.#model.promptText() + this.#wrapFix(end);
  }

  /** Move the cursor to before character `n`. */
  moveTo(n: number): string {
    const target = this.#cellAt(n);
    const text = moveCursor(this.#at, target);
    this.#at = target;
    return text;
  }

  /** Characters were appended at the end of the line (cursor at the end): echo them. */
  echo(run: readonly string[]): string {
    const end = this.#rawAt(this.#model.chars.length);
    this.#at = landing(end, 1, this.#columns);
    return run.join('') + this.#wrapFix(end);
  }

  /** Go back to the prompt, erase to the end of the screen, and draw prompt and line again. */
  redraw(): string {
    return moveCursor(this.#at, this.#origin) + '\x1b[J' + this.#draw();
  }

  /** Clear the screen (clear(1)'s sequence) and draw the prompt and line at the top. */
  clearScreen(): string {
    this.#origin = { row: 0, col: 0 };
    return '\x1b[H\x1b[2J' + this.#draw();
  }

  /** Move below the line and write `text` there (e.g. `^C`, a completion list); the next prompt starts after it. */
  below(text: string, thenDraw: boolean): string {
    const out = moveCursor(this.#at, this.#cellAt(this.#model.chars.length)) + text;
    this.#origin = { row: 0, col: 0 };
    return thenDraw ? out + this.#draw() : out;
  }

  /** Write `text` where the cursor is (it ends at the start of a row), then draw the prompt and line after it. */
  fresh(text: string): string {
    this.#origin = { row: 0, col: 0 };
    return text + this.#draw();
  }

  /** Raw cell after the prompt and the first `n` characters (col may equal the width: pending wrap). */
  #rawAt(n: number): Cell {
    const afterPrompt = advance(this.#origin, this.#model.promptChars(), this.#columns);
    return advance(afterPrompt, this.#model.chars.slice(0, n), this.#columns);
  }

  /** The cell where the cursor sits when it is before character `n`. */
  #cellAt(n: number): Cell {
    return landing(this.#rawAt(n), charWidth(this.#model.chars[n] ?? ' '), this.#columns);
  }

  /** After filling the last cell, xterm waits to wrap; print a space and return so the cursor is really on the next row. */
  #wrapFix(end: Cell): string {
    return end.col >= this.#columns ? ' \r\x1b[K' : '';
  }

  /** Print the prompt and line from the origin (the cursor is there and below is clear); leave the cursor in place. */
  #draw(): string {
    const { chars, cursor } = this.#model;
    const end = this.#rawAt(chars.length);
    const target = this.#cellAt(cursor);
    const text = this.#model.promptText() + chars.join('') + this.#wrapFix(end) + moveCursor(landing(end, 1, this.#columns), target);
    this.#at = target;
    return text;
  }
}
