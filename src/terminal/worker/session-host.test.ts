/**
 * The worker's message handling, driven without a worker: init and silent
 * replay of a snapshot, one line at a time with PS2 for open constructs,
 * Ctrl-C at the prompt and during a command, heartbeat, faults as messages.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeOpener } from '../testing/fake-session.ts';
import { PROTOCOL_VERSION, type FromWorker } from './protocol.ts';
import { NOTICES, REPLAY_LINE_MS, SessionHost } from './session-host.ts';

function host() {
  const sent: FromWorker[] = [];
  const opener = fakeOpener();
  const h = new SessionHost(opener.open, (m) => sent.push(m));
  const init = (extra: object = {}) =>
    h.handle({ type: 'init', version: PROTOCOL_VERSION, scenario: 'laptop', columns: 80, color: false, ...extra });
  return { h, sent, opener, init };
}

const snap = (inputs: string[], extra: object = {}) => ({ version: 1, scenario: 'laptop', inputs, ...extra });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('init', () => {
  it.each([
    { name: 'fresh', snapshot: undefined, replayed: 0, notice: undefined, history: [] },
    { name: 'replays a snapshot silently', snapshot: snap(['echo a', 'echo b']), replayed: 2, notice: undefined, history: ['echo a', 'echo b'] },
    { name: 'discards another version', snapshot: snap(['echo a'], { version: 0 }), replayed: 0, notice: NOTICES.otherVersion, history: [] },
    { name: 'discards another scenario', snapshot: snap(['echo a'], { scenario: 'vm' }), replayed: 0, notice: NOTICES.otherScenario, history: [] },
    { name: 'starts fresh when replay throws', snapshot: snap(['echo a', 'boom']), replayed: 0, notice: NOTICES.replayFailed, history: [] },
    { name: 'stops replay at exit', snapshot: snap(['echo a', 'exit', 'echo c']), replayed: 2, notice: undefined, history: ['echo a', 'exit'] },
  ])('$name', async ({ snapshot, replayed, notice, history }) => {
    const { sent, init } = host();
    await init(snapshot ? { snapshot } : {});
    expect(sent).toEqual([{ type: 'ready', prompt: 'root@host:~# ', history, replayed, ...(notice ? { notice } : {}) }]);
  });

  it('a saved line that never ends (interrupted before the reload) is interrupted again', async () => {
    const { sent, init } = host();
    const done = init({ snapshot: snap(['hang', 'echo after']) });
    await vi.advanceTimersByTimeAsync(REPLAY_LINE_MS);
    await done;
    expect(sent).toEqual([{ type: 'ready', prompt: 'root@host:~# ', history: ['hang', 'echo after'], replayed: 2 }]);
  });

  it('a long replay gives the event loop a turn every 50 ms, so the heartbeat is answered', async () => {
    const opener = fakeOpener();
    let yields = 0;
    const slow: typeof opener.open = (scenario, options) => {
      const session = opener.open(scenario, options);
      const input = session.input.bind(session);
      session.input = (line) => {
        vi.setSystemTime(Date.now() + 30);
        return input(line);
      };
      return session;
    };
    const sent: FromWorker[] = [];
    const h = new SessionHost(slow, (m) => sent.push(m), async () => { yields += 1; });
    await h.handle({ type: 'init', version: PROTOCOL_VERSION, scenario: 'laptop', columns: 80, color: false, snapshot: snap(['echo 1', 'echo 2', 'echo 3', 'echo 4', 'echo 5', 'echo 6']) });
    expect(yields).toBe(3);
    expect(sent[0]).toMatchObject({ type: 'ready', replayed: 6 });
  });

  it('an unknown scenario is a fault, not an exception', async () => {
    const { sent, h } = host();
    await h.handle({ type: 'init', version: PROTOCOL_VERSION, scenario: 'nowhere', columns: 80, color: false });
    expect(sent).toEqual([{ type: 'fault', message: "Error: unknown scenario 'nowhere'" }]);
  });

  it('a page from another build is refused', async () => {
    const { sent, h } = host();
    await h.handle({ type: 'init', version: PROTOCOL_VERSION + 1, scenario: 'laptop', columns: 80, color: false });
    expect(sent[0]?.type).toBe('fault');
  });
});

describe('input', () => {
  it.each([
    { line: 'echo hi', output: 'hi\n', result: { kind: 'done', status: 0 }, prompt: 'root@host:~# ' },
    { line: 'nope', output: 'sh: nope: command not found\n', result: { kind: 'done', status: 127 }, prompt: 'root@host:~# ' },
    { line: 'for i in 1', output: undefined, result: { kind: 'more' }, prompt: '> ' },
    { line: 'exit 3', output: undefined, result: { kind: 'exit', status: 3 }, prompt: 'root@host:~# ' },
  ])('$line', async ({ line, output, result, prompt }) => {
    const { sent, init, h } = host();
    await init();
    sent.length = 0;
    await h.handle({ type: 'input', line });
    const expected: FromWorker[] = output ? [{ type: 'output', text: output }] : [];
    expected.push({ type: 'result', result: result as never, prompt, snapshot: snap([line]) });
    expect(sent).toEqual(expected);
  });

  it('batches many writes into one output message', async () => {
    const { sent, init, h } = host();
    await init();
    await h.handle({ type: 'input', line: 'lines 100' });
    expect(sent.filter((m) => m.type === 'output')).toHaveLength(1);
  });

  it('a bug in the session becomes a fault message', async () => {
    const { sent, init, h } = host();
    await init();
    await h.handle({ type: 'input', line: 'boom' });
    expect(sent.at(-1)).toEqual({ type: 'fault', message: 'Error: model bug' });
  });

  it('ignores malformed messages', async () => {
    const { sent, init, h } = host();
    await init();
    sent.length = 0;
    await h.handle({ type: 'input', line: 5 });
    await h.handle('echo');
    expect(sent).toEqual([]);
  });
});

describe('interrupt, ping, complete, snapshot', () => {
  it('Ctrl-C at the prompt answers with a fresh prompt', async () => {
    const { sent, init, h } = host();
    await init();
    await h.handle({ type: 'input', line: 'for x' });
    sent.length = 0;
    await h.handle({ type: 'interrupt' });
    expect(sent).toEqual([{ type: 'prompt', text: 'root@host:~# ', snapshot: snap([]) }]);
  });

  it.each([
    { name: 'plain lines', steps: ['echo a', 'echo b'], inputs: ['echo a', 'echo b'] },
    { name: 'a completed construct', steps: ['for x', 'done', 'echo c'], inputs: ['for x', 'done', 'echo c'] },
    { name: 'a construct abandoned with Ctrl-C', steps: ['echo a', 'for x', 'for y', '^C', 'echo b'], inputs: ['echo a', 'echo b'] },
    { name: 'a construct abandoned with Ctrl-D', steps: ['for x', '^D', 'echo b'], inputs: ['echo b'] },
    { name: 'Ctrl-C at PS1 changes nothing', steps: ['echo a', '^C'], inputs: ['echo a'] },
    { name: 'Ctrl-D at PS1 is recorded as exit', steps: ['echo a', '^D'], inputs: ['echo a', 'exit'] },
  ])('the replay log: $name', async ({ steps, inputs }) => {
    const { sent, init, h } = host();
    await init();
    for (const step of steps) {
      if (step === '^C') await h.handle({ type: 'interrupt' });
      else if (step === '^D') await h.handle({ type: 'eof' });
      else await h.handle({ type: 'input', line: step });
    }
    await h.handle({ type: 'snapshot' });
    expect(sent.at(-1)).toEqual({ type: 'snapshot', snapshot: snap(inputs) });
  });

  it('a replayed log continues where it left off', async () => {
    const { sent, init, h } = host();
    await init({ snapshot: snap(['echo a', 'for x']) });
    await h.handle({ type: 'interrupt' });
    await h.handle({ type: 'input', line: 'echo b' });
    expect(sent.at(-1)).toMatchObject({ type: 'result', snapshot: snap(['echo a', 'echo b']) });
  });

  it('Ctrl-C during a command ends it; the result carries its status', async () => {
    const { sent, init, h } = host();
    await init();
    sent.length = 0;
    const running = h.handle({ type: 'input', line: 'hang' });
    await h.handle({ type: 'ping', id: 1 });
    expect(sent).toEqual([{ type: 'pong', id: 1 }]);
    await h.handle({ type: 'interrupt' });
    await running;
    expect(sent.slice(1)).toEqual([{ type: 'output', text: '^C\n' }, { type: 'result', result: { kind: 'done', status: 130 }, prompt: 'root@host:~# ', snapshot: snap(['hang']) }]);
  });

  it.each([
    { name: 'Ctrl-D at PS1 ends the shell', first: undefined, output: 'exit\n', result: { kind: 'exit', status: 0 } },
    { name: 'Ctrl-D at PS2 is a syntax error', first: 'for x', output: 'sh: syntax error: unexpected end of file\n', result: { kind: 'done', status: 2 } },
  ])('$name', async ({ first, output, result }) => {
    const { sent, init, h } = host();
    await init();
    if (first) await h.handle({ type: 'input', line: first });
    sent.length = 0;
    await h.handle({ type: 'eof' });
    expect(sent.slice(0, 2)).toEqual([{ type: 'output', text: output }, expect.objectContaining({ type: 'result', result })]);
  });

  it('answers completion and snapshot requests', async () => {
    const { sent, init, h } = host();
    await init();
    sent.length = 0;
    await h.handle({ type: 'complete', id: 4, line: 'ls; ec', cursor: 6 });
    await h.handle({ type: 'snapshot' });
    expect(sent).toEqual([
      { type: 'completion', id: 4, completion: { from: 4, candidates: ['echo'] } },
      { type: 'snapshot', snapshot: snap([]) },
    ]);
  });

  it('resize reaches the session', async () => {
    const { init, h, opener } = host();
    await init();
    await h.handle({ type: 'resize', columns: 132 });
    expect(opener.opened[0]?.columns).toBe(132);
  });
});
