/** The Lab's boot deadline and support check (WebContainer API needs cross-origin isolation: webcontainers.io "Browser support"). */
import { describe, expect, it } from 'vitest';
import { TimeoutError, unsupportedReason, withTimeout } from './timeout.ts';

function manualTimer(): { timer: (fn: () => void) => void; fire: () => void } {
  let pending: (() => void) | undefined;
  return { timer: (fn) => { pending = fn; }, fire: () => pending?.() };
}

describe('withTimeout', () => {
  it('rejects with TimeoutError when the promise never settles', async () => {
    const t = manualTimer();
    const p = withTimeout(new Promise<never>(() => {}), 8000, 'no answer', t.timer);
    t.fire();
    await expect(p).rejects.toThrow(TimeoutError);
  });
  it.each([
    ['resolves', Promise.resolve(7), 7],
  ])('passes the value through when the promise %s first', async (_n, promise, v) => {
    const t = manualTimer();
    const p = withTimeout(promise, 8000, 'x', t.timer);
    await expect(p).resolves.toBe(v);
    t.fire();
  });
  it('passes the error through when the promise rejects first', async () => {
    const t = manualTimer();
    await expect(withTimeout(Promise.reject(new Error('boom')), 8000, 'x', t.timer)).rejects.toThrow('boom');
  });
});

describe('unsupportedReason', () => {
  it.each([
    [{ crossOriginIsolated: true, hasSharedArrayBuffer: true, isSecureContext: true }, undefined],
    [{ crossOriginIsolated: false, hasSharedArrayBuffer: false, isSecureContext: true }, /SharedArrayBuffer/],
    [{ crossOriginIsolated: true, hasSharedArrayBuffer: true, isSecureContext: false }, /secure/],
  ])('%o', (env, want) => {
    const r = unsupportedReason(env);
    if (want === undefined) expect(r).toBeUndefined();
    else expect(r).toMatch(want);
  });
});
