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
  let stuck = 0;
  try {
    for (;;) {
      if (done()) return 'done';
      if (interrupted(p)) return 'signal';
      if (!p.background) {
        // let work that takes no virtual time run first (a container starting up arms its own timers)
        await settle();
        if (done()) return 'done';
        if (interrupted(p)) return 'signal';
        const next = k.clock.nextDeadline();
        if (next !== undefined && (deadline === undefined || next <= deadline)) {
          // A job that keeps re-arming zero-length timers (while :; do sleep 0; done &) must not stop time: after
          // many firings without progress, let 1 ms pass (illustrative cost of its fork+exec round).
          stuck = next <= k.clock.now ? stuck + 1 : 0;
          k.clock.advanceTo(stuck > 1000 ? k.clock.now + 1000 : next);
          if (stuck > 1000) stuck = 0;
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

/** Shortest background sleep, µs (illustrative). */
export const MIN_BACKGROUND_SLEEP = 1000;

/** nanosleep(2) on the virtual clock: resolves after `us` (Infinity: until a signal), rejects with EINTR on a signal. */
export async function sleepFor(k: Kernel, p: Process, us: number): Promise<void> {
  if (interrupted(p)) throw new SysError('EINTR');
  // A background sleeper's wake-ups are at least 1 ms apart (illustrative: the fork+exec round of a `sleep` in a
  // loop), so a foreground wait never has to step through microsecond timers one by one.
  const step = p.background && us > 0 ? Math.max(MIN_BACKGROUND_SLEEP, Math.round(us)) : Math.max(0, Math.round(us));
  const deadline = Number.isFinite(us) ? k.clock.now + step : undefined;
  const r = await waitUntil(k, p, () => deadline !== undefined && k.clock.now >= deadline, deadline);
  if (r === 'signal') throw new SysError('EINTR');
}
