/**
 * The batched output queue: order of text and actions, one write in flight,
 * big output cut into chunks xterm can parse within a frame, and a runaway
 * backlog trimmed to its newest whole lines with a notice.
 */
import { describe, expect, it } from 'vitest';
import { IMMEDIATE_CHARS, KEEP_AFTER_TRIM, MAX_BACKLOG, OutputQueue, WRITE_CHUNK } from './output-queue.ts';

/** A queue whose frames and write completions the test runs by hand. */
function manual() {
  const frames: (() => void)[] = [];
  const writes: { text: string; done: () => void }[] = [];
  const queue = new OutputQueue((text, done) => writes.push({ text, done }), (run) => frames.push(run));
  const frame = () => frames.splice(0).forEach((f) => f());
  const finish = () => writes.filter((w) => w.done !== noop).forEach((w) => { const d = w.done; w.done = noop; d(); });
  /** Run frames and completions until nothing is left. */
  const drain = () => { for (let i = 0; i < 1000 && (frames.length > 0 || writes.some((w) => w.done !== noop)); i++) { frame(); finish(); } };
  return { queue, frames, writes, frame, finish, drain, written: () => writes.map((w) => w.text).join('') };
}
const noop = () => {};

describe('OutputQueue', () => {
  it('writes a little text at once (echo must feel instant)', () => {
    const q = manual();
    q.queue.push('a');
    expect(q.writes.map((w) => w.text)).toEqual(['a']);
  });

  it('writes a backlog on the next frame, everything queued in one write', () => {
    const q = manual();
    const big = 'x'.repeat(IMMEDIATE_CHARS + 1);
    q.queue.push(big);
    q.queue.push('b');
    expect(q.writes).toHaveLength(0);
    q.frame();
    expect(q.writes.map((w) => w.text)).toEqual([big + 'b']);
  });

  it('keeps one write in flight; text arriving meanwhile waits for the callback', () => {
    const q = manual();
    q.queue.push('a');
    q.queue.push('b');
    q.queue.push('c');
    expect(q.writes.map((w) => w.text)).toEqual(['a']);
    q.finish();
    expect(q.writes.map((w) => w.text)).toEqual(['a', 'bc']);
  });

  it('runs an action after the text before it is written, inserting its text in place', () => {
    const q = manual();
    const seen: string[] = [];
    q.queue.push('out\n');
    q.queue.then(() => { seen.push(q.written()); return '$ '; });
    q.queue.push('typed');
    q.drain();
    expect(seen).toEqual(['out\n']);
    expect(q.written()).toBe('out\n$ typed');
    expect(q.queue.idle).toBe(true);
  });

  it.each([
    { size: WRITE_CHUNK - 1, writes: 1 },
    { size: WRITE_CHUNK, writes: 1 },
    { size: WRITE_CHUNK * 3 + 5, writes: 4 },
  ])('cuts $size characters into $writes writes', ({ size, writes }) => {
    const q = manual();
    q.queue.push('x'.repeat(size));
    q.drain();
    expect(q.writes).toHaveLength(writes);
    expect(q.written()).toBe('x'.repeat(size));
  });

  it('trims a runaway backlog to its newest whole lines, with a notice first', () => {
    const q = manual();
    const line = (i: number) => `line ${String(i).padStart(7, '0')}\n`;
    const total = Math.ceil(MAX_BACKLOG / line(0).length) + 10;
    for (let i = 0; i < total; i++) q.queue.push(line(i));
    expect(q.queue.backlog).toBeLessThanOrEqual(KEEP_AFTER_TRIM + 200);
    q.drain();
    const out = q.written();
    // The first line was already being written; the rest was trimmed to its newest whole lines.
    const [before, after] = out.split(/\[… \d+ characters of earlier output not shown, to keep the page responsive …\]\r\n/);
    expect(before).toBe(line(0));
    expect(after?.length).toBeLessThan(KEEP_AFTER_TRIM + 1000);
    expect(after?.startsWith('line ')).toBe(true);
    expect(out.endsWith(line(total - 1))).toBe(true);
  });

  it('clear() forgets what was not written', () => {
    const q = manual();
    q.queue.push('kept');
    q.queue.push('gone');
    q.queue.clear();
    q.drain();
    expect(q.written()).toBe('kept');
  });
});
