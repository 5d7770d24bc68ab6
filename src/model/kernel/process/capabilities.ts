/**
 * capabilities(7) and the seccomp filter Docker applies by default
 * (facts §9.2, §9.3): which syscalls a process may make beyond DAC checks.
 */

/** All 41 capabilities of Linux ≥ 5.9, numbered 0…40 (capabilities(7)). */
export const ALL_CAPS: readonly string[] = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER', 'CAP_FSETID', 'CAP_KILL', 'CAP_SETGID', 'CAP_SETUID',
  'CAP_SETPCAP', 'CAP_LINUX_IMMUTABLE', 'CAP_NET_BIND_SERVICE', 'CAP_NET_BROADCAST', 'CAP_NET_ADMIN', 'CAP_NET_RAW',
  'CAP_IPC_LOCK', 'CAP_IPC_OWNER', 'CAP_SYS_MODULE', 'CAP_SYS_RAWIO', 'CAP_SYS_CHROOT', 'CAP_SYS_PTRACE', 'CAP_SYS_PACCT',
  'CAP_SYS_ADMIN', 'CAP_SYS_BOOT', 'CAP_SYS_NICE', 'CAP_SYS_RESOURCE', 'CAP_SYS_TIME', 'CAP_SYS_TTY_CONFIG', 'CAP_MKNOD',
  'CAP_LEASE', 'CAP_AUDIT_WRITE', 'CAP_AUDIT_CONTROL', 'CAP_SETFCAP', 'CAP_MAC_OVERRIDE', 'CAP_MAC_ADMIN', 'CAP_SYSLOG',
  'CAP_WAKE_ALARM', 'CAP_BLOCK_SUSPEND', 'CAP_AUDIT_READ', 'CAP_PERFMON', 'CAP_BPF', 'CAP_CHECKPOINT_RESTORE',
];

/** Docker's default 14 (moby daemon/pkg/oci/caps/defaults.go, facts §9.2). */
export const DOCKER_DEFAULT_CAPS: readonly string[] = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_FSETID', 'CAP_FOWNER', 'CAP_MKNOD', 'CAP_NET_RAW', 'CAP_SETGID', 'CAP_SETUID',
  'CAP_SETFCAP', 'CAP_SETPCAP', 'CAP_NET_BIND_SERVICE', 'CAP_SYS_CHROOT', 'CAP_KILL', 'CAP_AUDIT_WRITE',
];

/** Capability sets as a hex mask, the way /proc/PID/status prints CapEff. */
export function capMask(caps: ReadonlySet<string>): string {
  let lo = 0;
  let hi = 0;
  ALL_CAPS.forEach((c, i) => {
    if (!caps.has(c)) return;
    if (i < 32) lo = (lo | (1 << i)) >>> 0;
    else hi = (hi | (1 << (i - 32))) >>> 0;
  });
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** Syscalls the default profile never allows (facts §9.3, docs table). */
const NEVER = ['add_key', 'keyctl', 'request_key', 'kexec_load', 'kexec_file_load', 'create_module', 'get_kernel_syms', 'query_module', 'move_pages', 'nfsservctl', 'pivot_root', 'swapon', 'swapoff', 'sysfs', '_sysctl', 'uselib', 'userfaultfd', 'ustat', 'vm86', 'vm86old'];

/** Capability-gated allows of moby's default.json (facts §9.3): blocked unless the container has the capability. */
const GATED: Record<string, readonly string[]> = {
  CAP_SYS_ADMIN: ['bpf', 'clone_ns', 'clone3', 'fanotify_init', 'fsconfig', 'fsmount', 'fsopen', 'fspick', 'lookup_dcookie', 'mount', 'mount_setattr', 'move_mount', 'open_tree', 'perf_event_open', 'quotactl', 'quotactl_fd', 'setdomainname', 'sethostname', 'setns', 'syslog', 'umount', 'umount2', 'unshare'],
  CAP_SYS_BOOT: ['reboot'],
  CAP_SYS_CHROOT: ['chroot'],
  CAP_SYS_MODULE: ['init_module', 'finit_module', 'delete_module'],
  CAP_SYS_PACCT: ['acct'],
  CAP_SYS_TIME: ['settimeofday', 'stime', 'clock_settime'],
  CAP_SYSLOG: ['syslog'],
};

/**
 * The syscalls Docker's default seccomp profile refuses (EPERM, defaultErrnoRet 1)
 * for a container with capabilities `caps`: the never-allowed ones plus the
 * gated ones whose capability is missing. "clone_ns" stands for clone(2)
 * with CLONE_NEW* flags.
 */
export function dockerSeccompDenied(caps: ReadonlySet<string>): Set<string> {
  const denied = new Set(NEVER);
  const allowed = new Set<string>();
  for (const [cap, calls] of Object.entries(GATED)) {
    for (const c of calls) (caps.has(cap) ? allowed : denied).add(c);
  }
  for (const c of allowed) denied.delete(c);
  return denied;
}
