/**
 * The virtual clock: the only source of time in the model. Time is kept in
 * integer microseconds so cgroup files (cpu.stat usage_usec) read exactly.
 * Timers fire in deadline order (then creation order) as the clock advances,
 * which keeps every run of a script identical in Node and in the browser.
 */
export interface Timer {
  readonly id: number;
  readonly at: number;
  cancel(): void;
}

export const US = { ms: 1_000, s: 1_000_000, min: 60_000_000 } as const;

export class VirtualClock {
  #now: number;
  #nextId = 1;
  readonly epochUs: number;
  #timers: Array<{ id: number; at: number; fn: () => void; live: boolean }> = [];

  /** `epochUs` is wall-clock time at boot, for `date`; `now` counts from boot (CLOCK_MONOTONIC). */
  constructor(epochUs: number = Date.UTC(2026, 0, 1) * 1000, start = 0) {
    this.epochUs = epochUs;
    this.#now = start;
  }

  /** Microseconds since boot (CLOCK_MONOTONIC / CLOCK_BOOTTIME in this model). */
  get now(): number {
    return this.#now;
  }

  /** Wall-clock time in microseconds since the Unix epoch (CLOCK_REALTIME). */
  get realtime(): number {
    return this.epochUs + this.#now;
  }

  /** Schedule `fn` after `delayUs`; it runs when an advance passes its deadline. */
  setTimer(delayUs: number, fn: () => void): Timer {
    const t = { id: this.#nextId++, at: this.#now + Math.max(0, Math.round(delayUs)), fn, live: true };
    // Binary insertion keeps deadline-then-creation order without re-sorting (1000 sleeping containers = 1000 timers).
    let lo = 0;
    let hi = this.#timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = this.#timers[mid];
      if (m.at < t.at || (m.at === t.at && m.id < t.id)) lo = mid + 1;
      else hi = mid;
    }
    this.#timers.splice(lo, 0, t);
    return { id: t.id, at: t.at, cancel: () => { t.live = false; } };
  }

  /** Deadline of the earliest pending timer, if any. */
  nextDeadline(): number | undefined {
    this.#timers = this.#timers.filter((t) => t.live);
    return this.#timers[0]?.at;
  }

  /** Move time forward by `us`, firing due timers in order. */
  advance(us: number): void {
    this.advanceTo(this.#now + Math.max(0, Math.round(us)));
  }

  /** Move time forward to `at` (never backwards), firing due timers in order. */
  advanceTo(at: number): void {
    for (;;) {
      const t = this.#timers.find((x) => x.live);
      if (!t || t.at > at) break;
      this.#timers.splice(this.#timers.indexOf(t), 1);
      t.live = false;
      this.#now = Math.max(this.#now, t.at);
      t.fn();
    }
    this.#now = Math.max(this.#now, at);
  }
}
