/**
 * The two measured series the book charts (chapter 6): start-up time and
 * memory per instance count, each read from `time` and `free -m` in a fresh
 * `laptop` world, exactly as a reader would type them. Cached per build.
 */
import { measureScript, once, parseFreeUsed, parseReal } from './measure.ts';

/** One bar: what was started, and the value measured for it. */
export interface StartupBar { readonly label: string; readonly command: string; readonly seconds: number }

/** The start-up commands, warm (image pulled, VMs defined): `time` around each, facts §7.5 / §8.2 for the guests. */
export const STARTUP_SETUP = `docker pull -q alpine
vm create micro --profile microvm
vm create full --linked`;
const STARTUP: ReadonlyArray<Omit<StartupBar, 'seconds'>> = [
  { label: 'Container (alpine)', command: 'docker run --rm alpine true' },
  { label: 'MicroVM (Firecracker, Alpine)', command: 'vm start micro -q' },
  { label: 'Full VM (QEMU, Ubuntu 24.04)', command: 'vm start full -q' },
];

/** Measure start-up virtual time of a container, a microVM and a full VM on the laptop. */
export const measureStartup = once(async (): Promise<StartupBar[]> => {
  const script = STARTUP.map((s) => `time ${s.command} > /dev/null`).join('\n');
  const run = await measureScript('laptop', script, STARTUP_SETUP);
  const reals = parseReal(run.output);
  if (reals.length !== STARTUP.length) throw new Error(`startup chart: expected ${STARTUP.length} "real" lines from time, got ${reals.length}:\n${run.output}`);
  return STARTUP.map((s, i) => ({ ...s, seconds: reals[i] }));
});

/** How many instances the density chart starts (six 2 GiB VMs fill the 16 GiB laptop; chapter 6 claim "density"). */
export const DENSITY_COUNTS: readonly number[] = [1, 2, 4, 6];

/** One kind of instance in the density chart and the command that starts instance $i. */
export interface DensityKind { readonly label: string; readonly start: string }
export const DENSITY_KINDS: readonly DensityKind[] = [
  { label: 'containers', start: 'docker run -d --name c$i alpine sleep 1d > /dev/null' },
  { label: 'microVMs (128 MiB)', start: 'vm create m$i --profile microvm > /dev/null; vm start m$i -q > /dev/null' },
  { label: 'full VMs (2 GiB)', start: 'vm create v$i --linked > /dev/null; vm start v$i -q > /dev/null' },
];

/** Host memory for one kind: used MiB (free -m) before any instance, and after each count. */
export interface DensitySeries {
  readonly label: string;
  readonly baselineMiB: number;
  readonly points: ReadonlyArray<{ readonly n: number; readonly usedMiB: number; readonly addedMiB: number }>;
}

/** The script that grows from 0 to each count of DENSITY_COUNTS, printing free -m at each. */
export function densityScript(kind: DensityKind, counts: readonly number[] = DENSITY_COUNTS): string {
  let prev = 0;
  return counts.map((n) => {
    const line = `for i in $(seq ${prev + 1} ${n}); do ${kind.start}; done; free -m`;
    prev = n;
    return line;
  }).join('\n');
}

/** Measure host used memory after N containers, N microVMs and N full VMs (one fresh world per kind). */
export const measureDensity = once(async (): Promise<DensitySeries[]> => {
  const out: DensitySeries[] = [];
  for (const kind of DENSITY_KINDS) {
    const run = await measureScript('laptop', densityScript(kind), 'docker pull -q alpine > /dev/null');
    const used = parseFreeUsed(run.output);
    if (used.length !== DENSITY_COUNTS.length) throw new Error(`density chart: expected ${DENSITY_COUNTS.length} free -m readings for ${kind.label}, got ${used.length}`);
    const base = run.usedMiB.before;
    out.push({ label: kind.label, baselineMiB: base, points: DENSITY_COUNTS.map((n, i) => ({ n, usedMiB: used[i], addedMiB: used[i] - base })) });
  }
  return out;
});
