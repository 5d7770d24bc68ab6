/**
 * The page's end of the worker protocol: messages from a replaced worker are
 * ignored, malformed ones dropped, completions answered (or emptied when the
 * worker goes away), and the heartbeat runs only while a line is running.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ToWorker } from './protocol.ts';
import { WorkerClient, type ClientEvents, type WorkerLike } from './worker-client.ts';

class StubWorker implements WorkerLike {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  readonly sent: ToWorker[] = [];
  terminated = false;
  postMessage(message: ToWorker): void { this.sent.push(message); }
  terminate(): void { this.terminated = true; }
  reply(data: unknown): void { this.onmessage?.({ data }); }
}

function setup() {
  const workers: StubWorker[] = [];
  const calls: string[] = [];
  const events: ClientEvents = {
    ready: (m) => calls.push(`ready ${m.prompt}`),
    output: (t) => calls.push(`output ${t}`),
    result: (m) => calls.push(`result ${m.result.kind}`),
    prompt: (t) => calls.push(`prompt ${t}`),
    hang: () => calls.push('hang'),
    fault: (m) => calls.push(`fault ${m}`),
  };
  let now = 0;
  const client = new WorkerClient(() => { const w = new StubWorker(); workers.push(w); return w; }, events, { heartbeatMs: 100, hangAfterMs: 1000, bootTimeoutMs: 30_000, now: () => now });
  client.start({ scenario: 'laptop', columns: 80, color: true });
  return {
    client, workers, calls,
    /** Time passes and timers fire. */
    advance: (ms: number) => { for (let t = 0; t < ms; t += 100) { now += Math.min(100, ms - t); vi.advanceTimersByTime(Math.min(100, ms - t)); } },
    /** Time passes but timers do not fire (a throttled background tab). */
    skip: (ms: number) => { now += ms; },
  };
}

const snapshot = { version: 1, scenario: 'laptop', inputs: [] };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('WorkerClient', () => {
  it('sends init with the protocol version', () => {
    const { workers } = setup();
    expect(workers[0]?.sent[0]).toMatchObject({ type: 'init', version: 1, scenario: 'laptop', columns: 80, color: true });
  });

  it.each([
    { name: 'ready', data: { type: 'ready', prompt: '# ', history: [], replayed: 0 }, call: 'ready # ' },
    { name: 'output', data: { type: 'output', text: 'hi' }, call: 'output hi' },
    { name: 'result', data: { type: 'result', result: { kind: 'done', status: 0 }, prompt: '# ', snapshot }, call: 'result done' },
    { name: 'prompt', data: { type: 'prompt', text: '# ', snapshot }, call: 'prompt # ' },
    { name: 'fault', data: { type: 'fault', message: 'bug' }, call: 'fault bug' },
  ])('routes $name', ({ data, call }) => {
    const { workers, calls } = setup();
    workers[0]?.reply(data);
    expect(calls).toEqual([call]);
  });

  it.each([
    { name: 'malformed', data: { type: 'output', text: 42 } },
    { name: 'unknown', data: { type: 'html', html: '<b>' } },
  ])('drops $name messages', ({ data }) => {
    const { workers, calls } = setup();
    workers[0]?.reply(data);
    expect(calls).toEqual([]);
  });

  it('ignores a replaced worker and terminates it', () => {
    const { client, workers, calls } = setup();
    client.start({ scenario: 'laptop', columns: 80, color: true });
    workers[0]?.reply({ type: 'output', text: 'stale' });
    workers[0]?.onerror?.({ message: 'stale crash' });
    expect(workers[0]?.terminated).toBe(true);
    expect(calls).toEqual([]);
  });

  it('answers completions by id, and with nothing when the worker goes away', async () => {
    const { client, workers } = setup();
    const first = client.complete('ec', 2);
    const second = client.complete('do', 2);
    const ids = workers[0]?.sent.filter((m) => m.type === 'complete').map((m) => (m as { id: number }).id) ?? [];
    workers[0]?.reply({ type: 'completion', id: ids[0], completion: { from: 0, candidates: ['echo'] } });
    client.dispose();
    expect(await first).toEqual({ from: 0, candidates: ['echo'] });
    expect(await second).toEqual({ from: 0, candidates: [] });
  });

  it('pings only while busy and reports a silent worker once', () => {
    const { client, workers, calls, advance } = setup();
    workers[0]?.reply({ type: 'ready', prompt: '# ', history: [], replayed: 0 });
    advance(500);
    const pings = () => workers[0]?.sent.filter((m) => m.type === 'ping').length;
    expect(pings()).toBe(0);
    client.input('while true; do :; done');
    advance(500);
    expect(pings()).toBe(5);
    advance(2000);
    expect(calls.filter((c) => c === 'hang')).toHaveLength(1);
  });

  it.each([
    { name: 'a worker still loading its script is not hung after 5 s', greet: false, after: 6000, calls: [] as string[] },
    { name: '…and fails after it', greet: false, after: 31_000, calls: ['fault its program did not load in time'] },
    { name: 'a worker that greeted and then went silent is hung after 5 s', greet: true, after: 6000, calls: ['hang'] },
  ])('$name', ({ greet, after, calls: expected }) => {
    const { client, workers, calls, advance } = setup();
    if (greet) workers[0]?.reply({ type: 'pong', id: 0 });
    client.input('ls');
    advance(after);
    expect(calls).toEqual(expected);
  });

  it('a throttled timer (background tab) is not taken for a silent worker', () => {
    const { client, workers, calls, advance, skip } = setup();
    workers[0]?.reply({ type: 'pong', id: 0 });
    client.input('sleep 100');
    skip(60_000);
    advance(100);
    expect(calls).toEqual([]);
    advance(6000);
    expect(calls).toEqual(['hang']);
  });

  it('a worker that keeps talking is not hung', () => {
    const { client, workers, calls, advance } = setup();
    client.input('yes');
    for (let i = 0; i < 30; i++) {
      advance(100);
      workers[0]?.reply({ type: 'pong', id: i });
    }
    expect(calls).toEqual([]);
  });
});
