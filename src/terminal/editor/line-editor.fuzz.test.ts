/**
 * Property test of the editor's screen output: after any sequence of editing
 * keys, a real VT parser (@xterm/headless) shows exactly the prompt and the
 * line, wrapped at the terminal width, with the cursor on the character the
 * editor says. Seeded, so a failure replays.
 */
import { describe, expect, it } from 'vitest';
import { HeadlessScreen } from '../testing/headless-screen.ts';
import { LineEditor } from './line-editor.ts';

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'a', 'b', 'x', ' ', '-', '/', 'é', 'hello ', 'docker run ',
  '\x1b[D', '\x1b[C', '\x1b[H', '\x1b[F', '\x01', '\x05', '\x02', '\x06',
  '\x7f', '\x1b[3~', '\x0b', '\x15', '\x17', '\x19', '\x14', '\x1bb', '\x1bf', '\x1bd', '\x1b\x7f',
  '\x1b[A', '\x1b[B', '\x0c',
];
const HISTORY = ['ls', 'docker ps -a --no-trunc --format "{{.Names}}"', 'x'.repeat(70), 'echo é'];

describe('rendering stays in step with the editor (fuzz)', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('seed %i', async (seed) => {
    const random = prng(seed);
    const columns = 6 + Math.floor(random() * 30);
    const screen = new HeadlessScreen(columns, 80);
    const editor = new LineEditor({ columns, history: HISTORY });
    const prompt = random() < 0.5 ? '$ ' : 'root@laptop:~# ';
    await screen.write(editor.start(prompt));
    for (let step = 0; step < 60; step++) {
      const key = KEYS[Math.floor(random() * KEYS.length)];
      for (const effect of editor.feed(key).effects) if (effect.kind === 'write') await screen.write(effect.text);
      if ([...prompt + editor.line].length > 400) editor.feed('\x15');
    }
    const shown = [...prompt + editor.line];
    // Every row but the last is full, so the rows read back, untrimmed, are the text.
    const buffer = screen.term.buffer.active;
    const rows = Math.ceil((shown.length + 1) / columns);
    let text = '';
    for (let y = 0; y < rows; y++) text += buffer.getLine(y)?.translateToString(false) ?? '';
    expect(text.trimEnd()).toBe(shown.join('').trimEnd());
    const at = [...prompt].length + editor.cursor;
    expect(screen.cursor()).toEqual({ x: at % columns, y: Math.floor(at / columns) });
    screen.dispose();
  });
});
