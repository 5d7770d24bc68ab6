/**
 * EventRelay: worker events that arrive before the screen exists are held,
 * in order, and delivered when mount.ts attaches.
 */
import { describe, expect, it } from 'vitest';
import { EventRelay } from './boot.ts';
import type { ClientEvents } from './worker/worker-client.ts';

function recorder(calls: string[]): ClientEvents {
  return {
    ready: (m) => calls.push(`ready ${m.replayed}`),
    output: (t) => calls.push(`output ${t}`),
    result: (m) => calls.push(`result ${m.prompt}`),
    prompt: (t) => calls.push(`prompt ${t}`),
    hang: () => calls.push('hang'),
    fault: (m) => calls.push(`fault ${m}`),
  };
}

describe('EventRelay', () => {
  it.each([
    { name: 'holds then replays in order', before: 2, after: 1 },
    { name: 'forwards directly once attached', before: 0, after: 3 },
  ])('$name', ({ before, after }) => {
    const relay = new EventRelay();
    const calls: string[] = [];
    const send = [
      () => relay.ready({ type: 'ready', prompt: '# ', history: [], replayed: 2 }),
      () => relay.output('x'),
      () => relay.hang(),
    ];
    send.slice(0, before).forEach((f) => f());
    expect(calls).toEqual([]);
    relay.attach(recorder(calls));
    send.slice(before, before + after).forEach((f) => f());
    expect(calls).toEqual(['ready 2', 'output x', 'hang']);
  });
});
