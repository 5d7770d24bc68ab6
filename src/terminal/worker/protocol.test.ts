/**
 * The page ↔ worker messages (HTML "Web Workers", structured clone): every
 * well-formed message passes its validator and each malformed one is refused.
 */
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, isFromWorker, isSnapshot, isToWorker } from './protocol.ts';

const snapshot = { version: 1, scenario: 'laptop', inputs: ['ls'] };

describe('page → worker', () => {
  it.each([
    { type: 'init', version: PROTOCOL_VERSION, scenario: 'laptop', columns: 80, color: true },
    { type: 'init', version: PROTOCOL_VERSION, scenario: 'laptop', columns: 80, color: false, snapshot },
    { type: 'input', line: 'docker ps' },
    { type: 'interrupt' },
    { type: 'eof' },
    { type: 'complete', id: 3, line: 'doc', cursor: 3 },
    { type: 'resize', columns: 120 },
    { type: 'snapshot' },
    { type: 'ping', id: 7 },
  ])('accepts $type', (message) => {
    expect(isToWorker(message)).toBe(true);
  });

  it.each([
    { name: 'not an object', message: 'input' },
    { name: 'null', message: null },
    { name: 'unknown type', message: { type: 'eval', code: '1' } },
    { name: 'inherited type name', message: { type: 'toString' } },
    { name: 'line not a string', message: { type: 'input', line: 42 } },
    { name: 'fractional columns', message: { type: 'resize', columns: 1.5 } },
    { name: 'bad snapshot inputs', message: { type: 'init', version: 1, scenario: 'x', columns: 80, color: true, snapshot: { ...snapshot, inputs: [1] } } },
    { name: 'missing cursor', message: { type: 'complete', id: 1, line: 'x' } },
  ])('refuses $name', ({ message }) => {
    expect(isToWorker(message)).toBe(false);
  });
});

describe('worker → page', () => {
  it.each([
    { type: 'ready', prompt: '# ', history: [], replayed: 0 },
    { type: 'ready', prompt: '# ', history: ['ls'], replayed: 1, notice: 'discarded' },
    { type: 'output', text: 'hi\n' },
    { type: 'prompt', text: '# ', snapshot },
    { type: 'result', result: { kind: 'done', status: 0 }, prompt: '# ', snapshot },
    { type: 'result', result: { kind: 'more' }, prompt: '> ', snapshot },
    { type: 'result', result: { kind: 'exit', status: 3 }, prompt: '# ', snapshot },
    { type: 'completion', id: 1, completion: { from: 0, candidates: ['docker'] } },
    { type: 'snapshot', snapshot },
    { type: 'pong', id: 1 },
    { type: 'fault', message: 'Error: x' },
  ])('accepts $type', (message) => {
    expect(isFromWorker(message)).toBe(true);
  });

  it.each([
    { name: 'result without status', message: { type: 'result', result: { kind: 'done' }, prompt: '# ', snapshot } },
    { name: 'result of unknown kind', message: { type: 'result', result: { kind: 'maybe', status: 0 }, prompt: '# ', snapshot } },
    { name: 'completion candidates not strings', message: { type: 'completion', id: 1, completion: { from: 0, candidates: [null] } } },
    { name: 'output text missing', message: { type: 'output' } },
  ])('refuses $name', ({ message }) => {
    expect(isFromWorker(message)).toBe(false);
  });
});

describe('snapshots (what localStorage holds)', () => {
  it.each([
    { value: snapshot, ok: true },
    { value: { version: '1', scenario: 'laptop', inputs: [] }, ok: false },
    { value: { version: 1, scenario: 'laptop' }, ok: false },
    { value: [], ok: false },
  ])('$value → $ok', ({ value, ok }) => {
    expect(isSnapshot(value)).toBe(ok);
  });
});
