/**
 * What <Compare> measures for each side, at build time, with the measure
 * module: the virtual time the script took (what `time` reports), the change
 * in the host's used memory (free -m) and in the host's used disk (df /).
 * Both sides run in a fresh `laptop` world: the container side with Docker,
 * the VM side with the vm command (libvirt/QEMU or Firecracker; `vm ssh` runs in the guest).
 */
import { formatSeconds } from './bars.ts';
import { measureCached, type ScriptRun } from './measure.ts';

/** The scenario both panes run on: a Linux laptop with Docker and KVM (src/model/world/scenarios.ts). */
export const COMPARE_SCENARIO = 'laptop';

/** One row of the measured table: what, how it was read, and the value on each side. */
export interface CompareRow { readonly what: string; readonly how: string; readonly container: string; readonly vm: string }

/** A signed change in KiB as MiB/GiB text ("+7.5 MiB", "+0.6 MiB", "0 MiB"). */
export function formatDeltaKiB(kib: number): string {
  const sign = kib > 0 ? '+' : kib < 0 ? '−' : '';
  const a = Math.abs(kib);
  if (a >= 1024 * 1024) return `${sign}${(a / 1024 / 1024).toFixed(1)} GiB`;
  return `${sign}${(a / 1024).toFixed(1).replace(/\.0$/, '')} MiB`;
}

/** A signed change in MiB ("+6,537 MiB"). */
export function formatDeltaMiB(mib: number): string {
  const sign = mib > 0 ? '+' : mib < 0 ? '−' : '';
  return `${sign}${Math.abs(mib).toLocaleString('en-US')} MiB`;
}

/** The table <Compare> prints under its panes, from the two runs. */
export function compareRows(container: ScriptRun, vm: ScriptRun): CompareRow[] {
  const mem = (r: ScriptRun): string => formatDeltaMiB(r.usedMiB.after - r.usedMiB.before);
  const disk = (r: ScriptRun): string => formatDeltaKiB(r.diskKiB.after - r.diskKiB.before);
  return [
    { what: 'Time taken', how: 'virtual time, as time reports it', container: formatSeconds(container.seconds), vm: formatSeconds(vm.seconds) },
    { what: 'Host memory used', how: 'change in free -m, used', container: mem(container), vm: mem(vm) },
    { what: 'Host disk used', how: 'change in df /, Used', container: disk(container), vm: disk(vm) },
  ];
}

/** Run both scripts in fresh worlds (cached per build) and return both runs and the table. */
export async function measureCompare(container: string, vm: string): Promise<{ container: ScriptRun; vm: ScriptRun; rows: CompareRow[] }> {
  const label = (side: string) => (e: unknown): never => { throw new Error(`the ${side} side failed: ${e instanceof Error ? e.message : String(e)}`); };
  const c = await measureCached(COMPARE_SCENARIO, container).catch(label('container'));
  const v = await measureCached(COMPARE_SCENARIO, vm).catch(label('vm'));
  return { container: c, vm: v, rows: compareRows(c, v) };
}
