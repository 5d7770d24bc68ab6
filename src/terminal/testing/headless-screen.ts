/**
 * Test helper: an @xterm/headless terminal (the same VT parser as the
 * browser's xterm) to which tests write, then read the screen back as text,
 * one string per row with trailing blanks trimmed, like `.xterm-rows`.
 */
import headless from '@xterm/headless';

const { Terminal } = headless;

/** A headless xterm with a text view of its buffer. */
export class HeadlessScreen {
  readonly term: InstanceType<typeof Terminal>;

  constructor(columns = 80, rows = 24) {
    this.term = new Terminal({ cols: columns, rows, allowProposedApi: true, convertEol: true, scrollback: 10_000 });
  }

  /** Write and wait until xterm has parsed it. */
  write(text: string): Promise<void> {
    return new Promise((resolve) => this.term.write(text, resolve));
  }

  /** Every row of the buffer (scrollback and viewport) as text, trailing empty rows dropped. */
  lines(): string[] {
    const buffer = this.term.buffer.active;
    const rows: string[] = [];
    for (let y = 0; y < buffer.length; y++) rows.push(buffer.getLine(y)?.translateToString(true) ?? '');
    while (rows.length > 0 && rows.at(-1) === '') rows.pop();
    return rows;
  }

  /** The screen as one string, rows joined with "\n". */
  text(): string {
    return this.lines().join('\n');
  }

  /** The cursor position in the viewport. */
  cursor(): { x: number; y: number } {
    const buffer = this.term.buffer.active;
    return { x: buffer.cursorX, y: buffer.baseY + buffer.cursorY };
  }

  dispose(): void {
    this.term.dispose();
  }
}
