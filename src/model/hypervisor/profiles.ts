/**
 * VM profiles: which VMM runs the guest, what it costs the host beyond guest
 * RAM, and how long each boot phase takes on the virtual clock. Phase names
 * are systemd-analyze's (firmware, loader, kernel, initrd, userspace; facts
 * §7.5) plus `vmm` for the Firecracker process itself (facts §8.1).
 *
 * Every number carries its source. Only two are sourced: the systemd-analyze
 * man page's "real machine" example and Firecracker's specification. The
 * rest are labelled illustrative (facts §7.5 and §10 item 4 list the typical
 * full-distro figures as UNVERIFIED).
 */
import { MiB } from './units.ts';

/** systemd-analyze time's phases, plus the VMM process start. */
export type BootPhase = 'vmm' | 'firmware' | 'loader' | 'kernel' | 'initrd' | 'userspace';

/** One boot phase, its virtual duration and where the number comes from. */
export interface PhaseSpec {
  readonly phase: BootPhase;
  readonly us: number;
  readonly source: string;
}

/** A VMM and its boot shape: QEMU/KVM with a full distro, or Firecracker with a minimal guest. */
export interface VmProfile {
  readonly name: 'full' | 'microvm';
  /** The VMM process charged on the host. */
  readonly vmm: 'qemu-system-x86_64' | 'firecracker';
  /** libvirt/QEMU machine type, as `virsh dumpxml` would show it. */
  readonly machine: string;
  /** Host memory the VMM itself uses beyond guest RAM. */
  readonly overheadBytes: number;
  readonly overheadSource: string;
  /** Boot phases of a Linux guest under this profile, in order. */
  readonly phases: readonly PhaseSpec[];
  /** What emulates the devices: QEMU's device models vs Firecracker's five virtio/legacy devices (facts §7.2, §8.2). */
  readonly devices: readonly string[];
}

const ILLUSTRATIVE = 'illustrative (typical full-distro figures are UNVERIFIED, facts §7.5)';
/**
 * The man page prints 2.584s + 19.176s + 47.847s = 1min 9.608s: systemd truncates
 * µs to ms, so the true values carry sub-ms parts. We add 500 µs to each so the
 * model prints exactly the man page's sentence.
 */
const SYSTEMD_EXAMPLE = 'systemd-analyze(1) "on a real machine" example (facts §7.5)';

/** QEMU/KVM with SeaBIOS, GRUB and a systemd distro; kernel/initrd/userspace from the systemd-analyze example. */
export const FULL: VmProfile = {
  name: 'full',
  vmm: 'qemu-system-x86_64',
  machine: 'pc-q35-8.2',
  overheadBytes: 131 * MiB,
  overheadSource: 'QEMU ≈131 MB overhead, NSDI \'20 Firecracker paper via a third party: UNVERIFIED (facts §8.2)',
  phases: [
    { phase: 'firmware', us: 1_500_000, source: ILLUSTRATIVE },
    { phase: 'loader', us: 1_000_000, source: ILLUSTRATIVE },
    { phase: 'kernel', us: 2_584_500, source: SYSTEMD_EXAMPLE },
    { phase: 'initrd', us: 19_176_500, source: SYSTEMD_EXAMPLE },
    { phase: 'userspace', us: 47_847_500, source: SYSTEMD_EXAMPLE },
  ],
  devices: ['virtio-blk-pci', 'virtio-net-pci', 'virtio-serial', 'qxl-vga', 'ich9-ahci', 'usb-tablet', 'isa-serial'],
};

/** Firecracker: API socket in ~12 ms, ≤ 125 ms from InstanceStart to /sbin/init, ≤ 5 MiB overhead (facts §8.1–8.2). */
export const MICROVM: VmProfile = {
  name: 'microvm',
  vmm: 'firecracker',
  machine: 'firecracker',
  overheadBytes: 5 * MiB,
  overheadSource: 'Firecracker SPECIFICATION.md: VMM memory overhead <= 5 MiB (facts §8.2)',
  phases: [
    { phase: 'vmm', us: 12_000, source: 'Firecracker SPECIFICATION.md: API socket "typical durations around 12 ms" (facts §8.1)' },
    { phase: 'kernel', us: 125_000, source: 'Firecracker SPECIFICATION.md: <= 125 ms InstanceStart to /sbin/init (facts §8.2)' },
  ],
  devices: ['virtio-net', 'virtio-block', 'virtio-vsock', 'serial console', 'i8042 (stop only)'],
};

/** A Windows guest under QEMU/KVM (OVMF, Windows Boot Manager): every phase illustrative. */
export const WINDOWS_PHASES: readonly PhaseSpec[] = [
  { phase: 'firmware', us: 2_000_000, source: 'illustrative (OVMF/UEFI; no sourced figure)' },
  { phase: 'loader', us: 3_000_000, source: 'illustrative (Windows Boot Manager; no sourced figure)' },
  { phase: 'kernel', us: 12_000_000, source: 'illustrative (ntoskrnl + drivers; no sourced figure)' },
  { phase: 'userspace', us: 25_000_000, source: 'illustrative (services, logon; no sourced figure)' },
];

/**
 * A BusyBox-init guest (CirrOS, Alpine) under QEMU: the same firmware and
 * loader, the systemd example's kernel phase, no systemd: init and a getty
 * come up in well under a second (illustrative; no sourced figure).
 */
export const BUSYBOX_FULL_PHASES: readonly PhaseSpec[] = [
  ...FULL.phases.filter((p) => p.phase === 'firmware' || p.phase === 'loader' || p.phase === 'kernel'),
  { phase: 'userspace', us: 500_000, source: 'illustrative (BusyBox init and a getty; no sourced figure)' },
];

/** The profiles by name (`vm create --profile full|microvm`). */
export const PROFILES: Readonly<Record<VmProfile['name'], VmProfile>> = { full: FULL, microvm: MICROVM };

/** Sum of phase durations: what `time vm start` reports. */
export function totalBootUs(phases: readonly PhaseSpec[]): number {
  return phases.reduce((s, p) => s + p.us, 0);
}
