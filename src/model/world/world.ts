/**
 * A World is everything one terminal can reach (design.md): a virtual clock,
 * a seeded RNG, the registry every engine pulls from, and the machines. The
 * first machine is where the terminal's shell logs in. Built fresh from a
 * named scenario each time, so the same script always meets the same world.
 */
import { VirtualClock } from '../clock.ts';
import { Rng } from '../rng.ts';
import { Registry } from '../image/registry.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Daemon } from '../engine/daemon.ts';
import type { Hypervisor } from '../hypervisor/hypervisor.ts';
import type { MemoryFs } from '../fs/memory-fs.ts';

/** One physical machine: hardware, its disk and its booted kernel, plus what is installed on it. */
export interface Machine {
  readonly name: string;
  readonly kernel: Kernel;
  readonly disk: MemoryFs;
  readonly docker: Daemon | undefined;
  readonly hypervisor: Hypervisor | undefined;
}

/** 2026-11-24 09:00 UTC: when every world's clock starts (CLOCK_REALTIME at boot). */
export const WORLD_EPOCH_US = Date.UTC(2026, 10, 24, 9, 0, 0) * 1000;

export class World {
  readonly clock: VirtualClock;
  readonly rng: Rng;
  readonly registry: Registry;
  readonly machines: Machine[] = [];

  constructor(seed: string) {
    this.clock = new VirtualClock(WORLD_EPOCH_US);
    this.rng = new Rng(seed);
    this.registry = new Registry();
  }

  /** The machine the terminal starts on. */
  get primary(): Machine {
    const m = this.machines[0];
    if (!m) throw new Error('world has no machines');
    return m;
  }

  machine(name: string): Machine | undefined {
    return this.machines.find((m) => m.name === name);
  }
}
