/** Subcommands added after the first slice: exec, top, port, stats, network, volume, build, save, load. */
import type { Sub } from './cli.ts';

export const EXTRA: Record<string, Sub> = {};
