/**
 * Cross-layer golden tests: keys typed into a headless xterm (the same VT
 * parser as the browser's), through the ShellAddon, worker protocol and
 * SessionHost, into the real Session from src/shell/open-session.ts; the
 * screen must match the transcript exactly (format: transcript.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TerminalHarness } from '../../src/terminal/testing/harness.ts';
import { openSession } from '../../src/shell/open-session.ts';
import { parseTranscript, unescapeKeys } from './transcript.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.transcript')).sort();

let harness: TerminalHarness | null = null;
afterEach(() => {
  harness?.dispose();
  harness = null;
});

describe('transcripts', () => {
  it.each(files)('%s', async (file) => {
    const t = parseTranscript(readFileSync(dir + file, 'utf8'), file);
    harness = new TerminalHarness(openSession, { scenario: t.scenario, columns: t.columns, rows: 50 });
    await harness.start();
    for (const { data, wait } of t.keys) {
      harness.keys(data);
      if (wait) await harness.settle();
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(harness.text()).toBe(t.screen);
  });
});

describe('the transcript format', () => {
  it.each([
    { line: 'echo hi', keys: 'echo hi\r' },
    { line: 'ech\\t', keys: 'ech\t\r' },
    { line: 'ech\\t\\c', keys: 'ech\t' },
    { line: 'sleep 9\\x03\\c', keys: 'sleep 9\x03' },
    { line: '\\e[A', keys: '\x1b[A\r' },
    { line: 'while true; do :; done\\&', keys: 'while true; do :; done\r' },
    { line: 'printf "a\\\\n"', keys: 'printf "a\\n"\r' },
  ])('$line', ({ line, keys }) => {
    expect(unescapeKeys(line)).toBe(keys);
  });

  it('needs both sections', () => {
    expect(() => parseTranscript('scenario: laptop\n--- screen\n', 'x.transcript')).toThrow(/--- keys/);
  });

  it.each(files)('%s parses', (file) => {
    expect(parseTranscript(readFileSync(dir + file, 'utf8'), file).keys.length).toBeGreaterThan(0);
  });

  it('a line ending in \\& is not waited for', () => {
    const t = parseTranscript('--- keys\nyes\\&\n\\x03\\c\n--- screen\n', 'x');
    expect(t.keys).toEqual([{ data: 'yes\r', wait: false }, { data: '\x03', wait: true }]);
  });
});
