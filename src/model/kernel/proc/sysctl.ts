/**
 * The sysctls under /proc/sys (sysctl(8), proc(5), Documentation/admin-guide/sysctl/).
 * Some are per namespace (kernel.hostname: UTS; net.*: network; kernel.ns_last_pid:
 * PID), the rest are global: one value for the host and every container
 * (facts §9.1, claim shared-kernel). Values are read for the calling process.
 */
import { fail } from '../../errors.ts';
import type { Kernel } from '../kernel.ts';
import type { Process } from '../process/process.ts';
import { capable } from '../ns/unshare.ts';

/** Which namespace a sysctl belongs to ("global": not namespaced). */
export type SysctlScope = 'global' | 'uts' | 'net' | 'pid' | 'ipc';

/** One sysctl: key (dots), scope, read and optional write. */
export interface Sysctl {
  readonly key: string;
  readonly scope: SysctlScope;
  get(k: Kernel, p: Process): string;
  set?(k: Kernel, p: Process, value: string): void;
}

/** Defaults of global, writable sysctls (Debian 13 / Linux 6.12 defaults; pid_max as systemd sets it). */
export const GLOBAL_SYSCTL_DEFAULTS: Readonly<Record<string, string>> = {
  'vm.swappiness': '60', 'vm.overcommit_memory': '0', 'vm.overcommit_ratio': '50', 'vm.max_map_count': '65530',
  'vm.dirty_ratio': '20', 'vm.dirty_background_ratio': '10', 'vm.min_free_kbytes': '67584', 'vm.panic_on_oom': '0',
  'kernel.panic': '0', 'kernel.printk': '4\t4\t1\t7', 'kernel.dmesg_restrict': '0', 'kernel.threads-max': '63398',
  'kernel.overflowuid': '65534', 'kernel.overflowgid': '65534', 'kernel.unprivileged_userns_clone': '1',
  'kernel.randomize_va_space': '2', 'kernel.sysrq': '438', 'kernel.core_pattern': 'core',
  'fs.file-max': '9223372036854775807', 'fs.nr_open': '1048576', 'fs.inotify.max_user_watches': '65536',
  'fs.protected_symlinks': '1', 'fs.protected_hardlinks': '1', 'user.max_user_namespaces': '31699',
};

/** Defaults of per-network-namespace sysctls (a new namespace starts from these). */
export const NET_SYSCTL_DEFAULTS: Readonly<Record<string, string>> = {
  'net.ipv4.ip_forward': '0', 'net.ipv4.ip_local_port_range': '32768\t60999', 'net.ipv4.ping_group_range': '1\t0',
  'net.ipv4.tcp_syncookies': '1', 'net.ipv4.conf.all.forwarding': '0', 'net.ipv6.conf.all.disable_ipv6': '0',
  'net.core.somaxconn': '4096',
};

/** Integer check for numeric sysctls. */
function int(v: string, key: string): number {
  const n = Number(v.trim());
  if (!Number.isInteger(n)) fail('EINVAL', key);
  return n;
}

function requireCap(p: Process, owner: Parameters<typeof capable>[2], key: string): void {
  if (!capable(p, 'CAP_SYS_ADMIN', owner)) fail('EPERM', key);
}

const tables = new WeakMap<Kernel, Sysctl[]>();

/** Every sysctl the model knows, sorted by key (built once per kernel). */
export function sysctlTable(k: Kernel): Sysctl[] {
  let t = tables.get(k);
  if (!t) tables.set(k, (t = buildTable(k)));
  return t;
}

function buildTable(k: Kernel): Sysctl[] {
  const out: Sysctl[] = [
    { key: 'kernel.hostname', scope: 'uts', get: (_k, p) => p.ns.uts.hostname, set: (_k, p, v) => { requireCap(p, p.ns.uts.owner, 'kernel.hostname'); p.ns.uts.hostname = v.trim().slice(0, 64); } },
    { key: 'kernel.domainname', scope: 'uts', get: (_k, p) => p.ns.uts.domainname, set: (_k, p, v) => { requireCap(p, p.ns.uts.owner, 'kernel.domainname'); p.ns.uts.domainname = v.trim(); } },
    { key: 'kernel.ostype', scope: 'global', get: (kk) => kk.options.sysname ?? 'Linux' },
    { key: 'kernel.osrelease', scope: 'global', get: (kk) => kk.options.release },
    { key: 'kernel.version', scope: 'global', get: (kk) => kk.options.version },
    { key: 'kernel.pid_max', scope: 'global', get: (kk) => String(kk.pidMax), set: (kk, p, v) => { requireCap(p, undefined, 'kernel.pid_max'); const n = int(v, 'kernel.pid_max'); if (n < 301 || n > 4194304) fail('EINVAL'); kk.pidMax = n; } },
    { key: 'kernel.ns_last_pid', scope: 'pid', get: (_k, p) => String(p.ns.pid.lastPid), set: (_k, p, v) => { requireCap(p, p.ns.pid.owner, 'kernel.ns_last_pid'); p.ns.pid.lastPid = int(v, 'kernel.ns_last_pid'); } },
    { key: 'kernel.random.boot_id', scope: 'global', get: (kk) => kk.bootId },
    { key: 'kernel.shmmax', scope: 'ipc', get: () => '18446744073692774399' },
    { key: 'kernel.msgmax', scope: 'ipc', get: () => '8192' },
    { key: 'vm.drop_caches', scope: 'global', get: () => '0', set: (kk, p, v) => { requireCap(p, undefined, 'vm.drop_caches'); const n = int(v, 'vm.drop_caches'); if (n < 1 || n > 4) fail('EINVAL'); kk.pageCache.dropAll(); } },
  ];
  for (const key of Object.keys(GLOBAL_SYSCTL_DEFAULTS)) {
    out.push({ key, scope: 'global', get: (kk) => kk.sysctl.get(key)!, set: (kk, p, v) => { requireCap(p, undefined, key); if (/^\d+$/.test(GLOBAL_SYSCTL_DEFAULTS[key])) int(v, key); kk.sysctl.set(key, v.trim()); } });
  }
  for (const key of Object.keys(NET_SYSCTL_DEFAULTS)) {
    out.push({ key, scope: 'net', get: (_k, p) => p.ns.net.stack.sysctl.get(key)!, set: (_k, p, v) => { requireCap(p, p.ns.net.owner, key); p.ns.net.stack.sysctl.set(key, v.trim().replace(/\s+/g, '\t')); } });
  }
  void k;
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
