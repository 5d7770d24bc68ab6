/** Subcommands beyond the first slice: exec, top, port, stats, network, volume, build. */
import type { Sub } from './cli.ts';
import { exec, port, stats, top } from './exec.ts';
import { network, volume } from './net.ts';
import { build } from './build.ts';

export const EXTRA: Record<string, Sub> = { exec, top, port, stats, network, volume, build };
