/**
 * What runc is asked to apply for Docker's defaults: the 14 default
 * capabilities (moby daemon/pkg/oci/caps/defaults.go, facts §9.2), all 41 for
 * --privileged (capabilities(7)), masked and read-only /proc paths
 * (daemon/pkg/oci/defaults.go, facts §9.2).
 */

/** Docker's default bounding set (facts §9.2). */
export const DEFAULT_CAPS: readonly string[] = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_FSETID', 'CAP_FOWNER', 'CAP_MKNOD', 'CAP_NET_RAW', 'CAP_SETGID',
  'CAP_SETUID', 'CAP_SETFCAP', 'CAP_SETPCAP', 'CAP_NET_BIND_SERVICE', 'CAP_SYS_CHROOT', 'CAP_KILL', 'CAP_AUDIT_WRITE',
];

/** All 41 capabilities of Linux ≥ 5.9, numbered 0…40 (capabilities(7)). */
export const ALL_CAPS: readonly string[] = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER', 'CAP_FSETID', 'CAP_KILL', 'CAP_SETGID', 'CAP_SETUID',
  'CAP_SETPCAP', 'CAP_LINUX_IMMUTABLE', 'CAP_NET_BIND_SERVICE', 'CAP_NET_BROADCAST', 'CAP_NET_ADMIN', 'CAP_NET_RAW',
  'CAP_IPC_LOCK', 'CAP_IPC_OWNER', 'CAP_SYS_MODULE', 'CAP_SYS_RAWIO', 'CAP_SYS_CHROOT', 'CAP_SYS_PTRACE', 'CAP_SYS_PACCT',
  'CAP_SYS_ADMIN', 'CAP_SYS_BOOT', 'CAP_SYS_NICE', 'CAP_SYS_RESOURCE', 'CAP_SYS_TIME', 'CAP_SYS_TTY_CONFIG', 'CAP_MKNOD',
  'CAP_LEASE', 'CAP_AUDIT_WRITE', 'CAP_AUDIT_CONTROL', 'CAP_SETFCAP', 'CAP_MAC_OVERRIDE', 'CAP_MAC_ADMIN', 'CAP_SYSLOG',
  'CAP_WAKE_ALARM', 'CAP_BLOCK_SUSPEND', 'CAP_AUDIT_READ', 'CAP_PERFMON', 'CAP_BPF', 'CAP_CHECKPOINT_RESTORE',
];

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
