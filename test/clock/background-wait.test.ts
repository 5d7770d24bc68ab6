/**
 * `wait` on background jobs moves the virtual clock only as far as the next
 * timer that is really due: a job started just before `wait` arms its timer
 * first (bash's wait(2) lets time pass; it does not skip to someone else's).
 */
import { describe, expect, it } from 'vitest';
import { openSession } from '../../src/shell/open-session.ts';

async function run(lines: string[]): Promise<string> {
  let out = '';
  const s = openSession('laptop', { color: false, yieldToHost: () => new Promise((r) => setImmediate(r)), onOutput: (t) => { out += t; } });
  for (const l of lines) await s.input(l);
  return out;
}

describe('wait and the virtual clock', () => {
  it.each([
    ['a background sleep beside a detached container', ['docker pull -q alpine > /dev/null', 'docker run -d alpine sleep 1000 > /dev/null', 'time { sleep 3 & wait; }'], /real\t0m3\.000s/],
    ['two background sleeps', ['time { sleep 2 & sleep 5 & wait; }'], /real\t0m5\.000s/],
    ['a background docker run -d', ['docker pull -q alpine > /dev/null', 'docker run -d alpine true > /dev/null & wait; echo waited $?'], /waited 0/],
  ])('%s', async (_name, lines, expected) => {
    expect(await run(lines)).toMatch(expected);
  });
});
