/**
 * Abuse at the keyboard (issue 9): seeded random streams of keys, Enter,
 * Ctrl-C, Ctrl-D, Tab, pastes and escape sequences, through the whole page
 * side into a fake Session. The terminal must always come back to a prompt
 * (or the "shell exited" line), never throw, and keep the editor's line on
 * the screen's last row.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeOpener } from './testing/fake-session.ts';
import { TerminalHarness } from './testing/harness.ts';

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

const PIECES = [
  'echo ', 'e', 'x', 'ho', ' ', '"', "'", '$', '中', '\r', '\r', '\x03', '\x04', '\t', '\t\t',
  '\x1b[A', '\x1b[B', '\x1b[D', '\x1b[C', '\x1b[H', '\x1b[F', '\x7f', '\x1b[3~', '\x0b', '\x15', '\x17',
  '\x12', '\x07', '\x1b', '\x0c', '\x1bb', '\x1bf', '\x19', '\x1b[200~echo p\rfor x\r\x1b[201~', 'for i\r', 'done\r',
  '\x00', '\x1b[999;999H', '\x1b]0;title\x07', '\ud83d',
];

let harness: TerminalHarness | null = null;
afterEach(() => {
  harness?.dispose();
  harness = null;
});

describe('keyboard abuse (fuzz)', () => {
  it.each(Array.from({ length: 12 }, (_, i) => i + 1))('seed %i', async (seed) => {
    const random = prng(seed);
    harness = new TerminalHarness(fakeOpener().open, { columns: 20 + Math.floor(random() * 60), rows: 30 });
    await harness.start();
    for (let chunk = 0; chunk < 30; chunk++) {
      let data = '';
      const n = 1 + Math.floor(random() * 6);
      for (let k = 0; k < n; k++) data += PIECES[Math.floor(random() * PIECES.length)];
      harness.keys(data);
      await harness.settle();
      if (harness.addon.state === 'exited') {
        harness.keys('\r');
        await new Promise((r) => setTimeout(r, 5));
        await harness.settle();
      }
    }
    const lines = harness.screen.lines();
    const last = lines.at(-1) ?? '';
    expect(last.startsWith('root@host:~#') || last.startsWith('> ') || last.startsWith('(')).toBe(true);
  });
});
