/** Subcommands beyond the first slice: exec, top, port, stats, network, volume, build, save, load. */
import type { Sub } from './cli.ts';
import { exec, port, stats, top } from './exec.ts';
import { network, volume } from './net.ts';
import { build } from './build.ts';
import { load, save } from './save.ts';
import { cp } from './cp.ts';

/** The subcommand table of this file's siblings, merged by docker.ts. */
export const EXTRA: Record<string, Sub> = { exec, top, port, stats, network, volume, build, save, load, cp };
