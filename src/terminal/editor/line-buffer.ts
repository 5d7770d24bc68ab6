/**
 * The text of the line being edited and its cursor, as code points, with
 * readline's editing operations (bash(1) "Commands for Changing Text",
 * "Killing and Yanking"). Each returns whether the line changed, so the
 * editor knows whether to redraw.
 */

/** A line, a cursor, and the last killed text (a one-entry kill ring). */
export class LineBuffer {
  chars: string[] = [];
  cursor = 0;
  #killed: string[] = [];

  /** The line as a string. */
  get text(): string {
    return this.chars.join('');
  }

  get atEnd(): boolean {
    return this.cursor === this.chars.length;
  }

  /** Replace the whole line; the cursor goes to `cursor` (default: the end). */
  set(chars: readonly string[], cursor = chars.length): void {
    this.chars = [...chars];
    this.cursor = Math.max(0, Math.min(cursor, this.chars.length));
  }

  /** A cursor position clamped to the line. */
  clamp(n: number): number {
    return Math.max(0, Math.min(n, this.chars.length));
  }

  /** Insert at the cursor and move past the insertion. */
  insert(run: readonly string[]): boolean {
    if (run.length === 0) return false;
    this.chars.splice(this.cursor, 0, ...run);
    this.cursor += run.length;
    return true;
  }

  /** Delete [from, to); the cursor goes to `from`. */
  delete(from: number, to: number): boolean {
    const a = this.clamp(from);
    const b = this.clamp(to);
    if (a >= b) return false;
    this.chars.splice(a, b - a);
    this.cursor = a;
    return true;
  }

  /** Delete [from, to) and keep it for yank (Ctrl-K, Ctrl-U, Ctrl-W, Alt-D, Alt-Backspace). */
  kill(from: number, to: number): boolean {
    if (from >= to) return false;
    this.#killed = this.chars.slice(this.clamp(from), this.clamp(to));
    return this.delete(from, to);
  }

  /** The last killed text, for Ctrl-Y. */
  get killed(): readonly string[] {
    return this.#killed;
  }

  /** Ctrl-T: swap the characters around the cursor (the last two at the end of the line), moving forward. */
  transpose(): boolean {
    const n = this.chars.length;
    if (n < 2 || this.cursor === 0) return false;
    const at = this.cursor === n ? n - 1 : this.cursor;
    [this.chars[at - 1], this.chars[at]] = [this.chars[at], this.chars[at - 1]];
    this.cursor = at + 1;
    return true;
  }

  /** Replace [from, cursor) with `text` (a completion); the cursor goes after it. */
  replaceBeforeCursor(from: number, text: string): void {
    const run = [...text];
    this.chars.splice(from, this.cursor - from, ...run);
    this.cursor = from + run.length;
  }
}
