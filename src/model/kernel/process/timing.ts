/**
 * Waiting on the virtual clock. Time moves only when a foreground process
 * waits: its sleep (or waitpid) advances the clock to the next timer,
 * firing timers in order, and lets woken background jobs run after each.
 * Background processes (`cmd &`, detached containers) wait passively for
 * their timers. Nothing polls: a waiter with nothing to advance sleeps until
 * a signal, a watched process's exit or its timer wakes it.
 */
import { SysError } from '../../errors.ts';
import type { Kernel } from '../kernel.ts';
import type { Process } from './process.ts';

/** Yield used between timer firings; a host may install a real event-loop turn (setHostYield). */
let hostTurn: (() => Promise<void>) | undefined;

/** Let the host (worker, CLI, tests) provide an event-loop turn, so woken background jobs fully run between timers. */
export function setHostYield(fn: (() => Promise<void>) | undefined): void {
  hostTurn = fn;
}

/** Let pending continuations run: the host's turn if installed, else a burst of microtasks. */
export async function settle(): Promise<void> {
  if (hostTurn) return hostTurn();
  for (let i = 0; i < 200; i++) await Promise.resolve();
}

/** Is `p` interrupted (fatal signal or a caught one pending)? */
export function interrupted(p: Process): boolean {
  return p.killedBy !== undefined || p.pending.length > 0 || !p.alive;
}

/**
 * Wait until `done()` or a signal to `p`. A foreground waiter advances the
 * clock timer by timer; `deadline` (absolute clock µs) is its own timer;
 * `watch` are processes whose exit or signal should re-check `done`.
 */
export async function waitUntil(k: Kernel, p: Process, done: () => boolean, deadline?: number, watch: readonly Process[] = []): Promise<'done' | 'signal'> {
  const timer = deadline !== undefined ? k.clock.setTimer(deadline - k.clock.now, () => kick()) : undefined;
  let resume: (() => void) | undefined;
  const kick = (): void => { const r = resume; resume = undefined; r?.(); };
  const all = [p, ...watch];
  for (const q of all) q.wakers.add(kick);
  try {
    for (;;) {
      if (done()) return 'done';
      if (interrupted(p)) return 'signal';
      if (!p.background) {
        const next = k.clock.nextDeadline();
        if (next !== undefined && (deadline === undefined || next <= deadline)) {
          k.clock.advanceTo(next);
          await settle();
          continue;
        }
      }
      await new Promise<void>((res) => { resume = res; });
    }
  } finally {
    for (const q of all) q.wakers.delete(kick);
    timer?.cancel();
  }
}

/** nanosleep(2) on the virtual clock: resolves after `us` (Infinity: until a signal), rejects with EINTR on a signal. */
export async function sleepFor(k: Kernel, p: Process, us: number): Promise<void> {
  if (interrupted(p)) throw new SysError('EINTR');
  const deadline = Number.isFinite(us) ? k.clock.now + Math.max(0, Math.round(us)) : undefined;
  const r = await waitUntil(k, p, () => deadline !== undefined && k.clock.now >= deadline, deadline);
  if (r === 'signal') throw new SysError('EINTR');
}
