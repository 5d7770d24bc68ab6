/**
 * What runc is asked to apply for Docker's defaults: the 14 default
 * capabilities (moby daemon/pkg/oci/caps/defaults.go, facts §9.2), all 41 for
 * --privileged (capabilities(7)), masked and read-only /proc paths
 * (daemon/pkg/oci/defaults.go, facts §9.2).
 */

import { ALL_CAPS, DOCKER_DEFAULT_CAPS } from '../kernel/process/capabilities.ts';

/** Docker's default bounding set (facts §9.2): the kernel's one list, so the two cannot disagree. */
export const DEFAULT_CAPS: readonly string[] = DOCKER_DEFAULT_CAPS;
export { ALL_CAPS };

/** Docker's default masked /proc and /sys paths. */
export const MASKED_PATHS: readonly string[] = [
  '/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list',
  '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap',
];

/** Docker's default read-only /proc paths. */
export const READONLY_PATHS: readonly string[] = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

/** Normalise a --cap-add/--cap-drop value ("net_admin", "CAP_NET_ADMIN", "ALL") like moby's caps.NormalizeLegacyCapabilities. */
export function normalizeCap(c: string): string {
  const u = c.toUpperCase();
  if (u === 'ALL') return 'ALL';
  return u.startsWith('CAP_') ? u : `CAP_${u}`;
}

/** The effective set for a container (moby caps.TweakCapabilities): defaults, then adds, then drops; --privileged = all. */
export function containerCaps(privileged: boolean, add: readonly string[], drop: readonly string[]): Set<string> {
  if (privileged) return new Set(ALL_CAPS);
  const a = add.map(normalizeCap);
  const d = drop.map(normalizeCap);
  const base = d.includes('ALL') ? [] : [...DEFAULT_CAPS];
  const out = new Set(a.includes('ALL') ? ALL_CAPS : base);
  if (!a.includes('ALL')) for (const x of a) out.add(x);
  if (!d.includes('ALL')) for (const x of d) out.delete(x);
  return out;
}

/** An unknown capability name, in the daemon's words. */
export function checkCaps(list: readonly string[]): string | undefined {
  for (const c of list.map(normalizeCap)) if (c !== 'ALL' && !ALL_CAPS.includes(c)) return `invalid capability: ${c}`;
  return undefined;
}
