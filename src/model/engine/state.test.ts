import { describe, expect, it } from 'vitest';
import { assertTransition, initialState, ociStatusOf, transition, type DockerStatus } from './state.ts';

// runtime-spec runtime.md lifecycle + runc's paused (facts §4.3–4.4); Docker's State.Status names.
describe('container lifecycle', () => {
  it.each([
    ['created', 'running', true],
    ['running', 'paused', true],
    ['paused', 'running', true],
    ['running', 'exited', true],
    ['exited', 'running', true],
    ['exited', 'removing', true],
    ['created', 'paused', false],
    ['exited', 'paused', false],
    ['removing', 'running', false],
    ['paused', 'created', false],
  ] as [DockerStatus, DockerStatus, boolean][])('%s → %s allowed: %s', (from, to, ok) => {
    if (ok) expect(() => assertTransition(from, to)).not.toThrow();
    else expect(() => assertTransition(from, to)).toThrow(`illegal transition ${from} -> ${to}`);
  });
  it.each([
    ['created', 'created'],
    ['running', 'running'],
    ['paused', 'paused'],
    ['exited', 'stopped'],
    ['dead', 'stopped'],
  ] as [DockerStatus, string][])('Docker %s is OCI %s', (d, oci) => expect(ociStatusOf(d)).toBe(oci));
  it('keeps Running/Paused mirrors in step', () => {
    const st = initialState();
    transition(st, 'running');
    transition(st, 'paused');
    expect([st.running, st.paused]).toEqual([true, true]);
    transition(st, 'exited');
    expect([st.running, st.paused, st.status]).toEqual([false, false, 'exited']);
  });
});
