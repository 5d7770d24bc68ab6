/**
 * A VM's boot as a schedule on the virtual clock and as the text its serial
 * console prints: firmware → boot loader → kernel → initrd → init and
 * services (systemd bootup(7), facts §7.5), or Firecracker's direct kernel
 * boot to /sbin/init (facts §8.2). Kernel lines carry dmesg timestamps
 * counted from the kernel's start, as `dmesg` shows them.
 */
import type { GuestOs } from './guest-os.ts';
import type { BootPhase, PhaseSpec, VmProfile } from './profiles.ts';
import { BUSYBOX_FULL_PHASES, WINDOWS_PHASES, totalBootUs } from './profiles.ts';
import { formatTimespan, GiB, KiB } from './units.ts';

/** A phase placed on the timeline, µs from power-on. */
export interface ScheduledPhase extends PhaseSpec {
  readonly startUs: number;
  readonly endUs: number;
}

/** One console line and when it appears, µs from power-on. */
export interface ConsoleLine {
  readonly atUs: number;
  readonly text: string;
  /** True for kernel ring-buffer lines (what the guest's `dmesg` keeps). */
  readonly kmsg: boolean;
}

/** Everything a boot will print and when. */
export interface BootPlan {
  readonly phases: readonly ScheduledPhase[];
  readonly lines: readonly ConsoleLine[];
  readonly totalUs: number;
  /** µs from power-on at which the guest kernel starts (dmesg's 0.000000). */
  readonly kernelStartUs: number;
  /** systemd's "Startup finished in …" sentence, when the guest runs systemd. */
  readonly startupFinished?: string;
}

/** The VM facts a boot log mentions. */
export interface BootVm {
  readonly name: string;
  readonly memoryBytes: number;
  readonly vcpus: number;
  readonly diskVirtualBytes: number;
  /** What the guest kernel detects under it (default KVM; VirtualBox offers Linux guests its KVM paravirt interface). */
  readonly hypervisor?: 'KVM' | 'Xen' | 'VirtualBox';
}

/** Phases for this guest under this profile (a Windows guest has its own illustrative phases). */
export function phasesFor(os: GuestOs, profile: VmProfile): readonly PhaseSpec[] {
  if (os.family === 'windows') return WINDOWS_PHASES;
  if (profile.name === 'full' && os.init !== 'systemd') return BUSYBOX_FULL_PHASES;
  return profile.phases;
}

/** Lay the phases end to end from power-on. */
export function schedule(phases: readonly PhaseSpec[]): ScheduledPhase[] {
  let t = 0;
  return phases.map((p) => {
    const s = { ...p, startUs: t, endUs: t + p.us };
    t += p.us;
    return s;
  });
}

/** dmesg's "[    0.000000] " prefix for µs since kernel start. */
export function dmesgStamp(us: number): string {
  const s = Math.floor(us / 1e6);
  const frac = String(Math.floor(us % 1e6)).padStart(6, '0');
  return `[${String(s).padStart(5, ' ')}.${frac}]`;
}

/** systemd's "Startup finished in 2.584s (kernel) + 19.176s (initrd) + 47.847s (userspace) = 1min 9.608s." */
export function startupFinished(phases: readonly PhaseSpec[]): string {
  const shown: BootPhase[] = ['kernel', 'initrd', 'userspace'];
  const parts = shown.flatMap((name) => phases.filter((p) => p.phase === name).map((p) => `${formatTimespan(p.us)} (${name})`));
  const total = phases.filter((p) => shown.includes(p.phase)).reduce((s, p) => s + p.us, 0);
  return `Startup finished in ${parts.join(' + ')} = ${formatTimespan(total)}.`;
}

/** The whole boot: schedule plus console text. */
export function bootPlan(os: GuestOs, profile: VmProfile, vm: BootVm): BootPlan {
  const phases = schedule(phasesFor(os, profile));
  const at = (p: BootPhase): ScheduledPhase | undefined => phases.find((x) => x.phase === p);
  const kernel = at('kernel');
  const kernelStartUs = kernel?.startUs ?? 0;
  const lines: ConsoleLine[] = [];
  const con = (atUs: number, text: string): void => { lines.push({ atUs, text, kmsg: false }); };
  const kmsg = (offUs: number, text: string): void => {
    lines.push({ atUs: kernelStartUs + offUs, text: `${dmesgStamp(offUs)} ${text}`, kmsg: true });
  };
  const totalUs = totalBootUs(phases);
  if (os.family === 'windows') {
    windowsLines(phases, con);
    return { phases, lines, totalUs, kernelStartUs };
  }
  const fw = at('firmware');
  if (fw) {
    con(fw.startUs, 'SeaBIOS (version 1.16.3-debian-1.16.3-2)');
    con(fw.startUs + fw.us / 2, 'Booting from Hard Disk...');
  }
  const loader = at('loader');
  if (loader) {
    con(loader.startUs, `Booting \`${os.prettyName.replace(/ [\d.]+ LTS$/, '')}'`);
    con(loader.startUs + loader.us / 2, `Loading Linux ${os.release} ...`);
    if (at('initrd')) con(loader.startUs + (loader.us * 3) / 4, 'Loading initial ramdisk ...');
  }
  const k = kernel?.us ?? 0;
  const totalKiB = Math.floor(vm.memoryBytes / KiB);
  const sectors = Math.floor(vm.diskVirtualBytes / 512);
  const cmdline = profile.name === 'microvm'
    ? 'console=ttyS0 reboot=k panic=1 pci=off root=/dev/vda rw'
    : `BOOT_IMAGE=/vmlinuz-${os.release} root=LABEL=cloudimg-rootfs ro console=tty1 console=ttyS0`;
  kmsg(0, `Linux version ${os.release} (model@${os.id}) ${os.version}`);
  kmsg(0, `Command line: ${cmdline}`);
  // arch/x86/kernel/cpu/hypervisor.c prints the detected platform's name; an HVM guest on Xen uses Xen's clock, not kvm-clock
  if (vm.hypervisor === 'Xen') {
    kmsg(0, 'Hypervisor detected: Xen HVM');
  } else {
    kmsg(0, 'Hypervisor detected: KVM');
    kmsg(0, 'kvm-clock: Using msrs 4b564d01 and 4b564d00');
  }
  kmsg(Math.round(k * 0.02), `Memory: ${Math.floor(totalKiB * 0.95)}K/${totalKiB}K available`);
  kmsg(Math.round(k * 0.1), `smpboot: Allowing ${vm.vcpus} CPUs, 0 hotplug CPUs`);
  kmsg(Math.round(k * 0.6), `virtio_blk virtio1: [vda] ${sectors} 512-byte logical blocks (${(vm.diskVirtualBytes / 1e9).toFixed(2)} GB/${(vm.diskVirtualBytes / GiB).toFixed(2)} GiB)`);
  kmsg(Math.round(k * 0.9), 'Freeing unused kernel image (initmem) memory');
  const initrd = at('initrd');
  if (initrd) {
    kmsg(k, 'Run /init as init process');
    con(initrd.startUs + 1, 'Begin: Loading essential drivers ... done.');
    con(initrd.startUs + initrd.us / 2, 'Begin: Mounting root file system ... done.');
    kmsg(initrd.endUs - kernelStartUs, 'EXT4-fs (vda1): mounted filesystem with ordered data mode. Quota mode: none.');
  } else {
    kmsg(k, 'Run /sbin/init as init process');
  }
  const user = at('userspace');
  const userStart = user?.startUs ?? totalUs;
  if (os.init === 'systemd' && user) {
    const u = (f: number): number => user.startUs - kernelStartUs + Math.round(user.us * f);
    kmsg(u(0), `systemd[1]: systemd 255.4-1ubuntu8.4 running in system mode`);
    con(user.startUs + 1, '');
    con(user.startUs + 2, `Welcome to ${os.prettyName}!`);
    con(user.startUs + 3, '');
    con(user.startUs + Math.round(user.us * 0.2), '[  OK  ] Reached target local-fs.target - Local File Systems.');
    con(user.startUs + Math.round(user.us * 0.4), '[  OK  ] Reached target sysinit.target - System Initialization.');
    con(user.startUs + Math.round(user.us * 0.5), '[  OK  ] Reached target basic.target - Basic System.');
    con(user.startUs + Math.round(user.us * 0.9), '[  OK  ] Started ssh.service - OpenBSD Secure Shell server.');
    con(user.endUs, '[  OK  ] Reached target multi-user.target - Multi-User System.');
    kmsg(user.endUs - kernelStartUs, `systemd[1]: ${startupFinished(phases)}`);
    con(totalUs, '');
    con(totalUs, `${os.prettyName} ${vm.name} ttyS0`);
  } else {
    con(userStart, '');
    con(userStart, `Welcome to ${os.prettyName}`);
    con(userStart, `Kernel ${os.release} on an x86_64 (/dev/ttyS0)`);
  }
  con(totalUs, '');
  con(totalUs, `${vm.name} login: `);
  lines.sort((a, b) => a.atUs - b.atUs);
  return {
    phases, lines, totalUs, kernelStartUs,
    ...(os.init === 'systemd' ? { startupFinished: startupFinished(phases) } : {}),
  };
}

/** Windows writes little to a serial port; with EMS enabled the SAC greets there (model). */
function windowsLines(phases: readonly ScheduledPhase[], con: (at: number, t: string) => void): void {
  const start = (p: BootPhase): number => phases.find((x) => x.phase === p)?.startUs ?? 0;
  const end = phases[phases.length - 1]?.endUs ?? 0;
  con(start('firmware'), 'BdsDxe: loading Boot0001 "Windows Boot Manager" from HD(1,GPT,…)');
  con(start('loader'), 'BdsDxe: starting Boot0001 "Windows Boot Manager" from HD(1,GPT,…)');
  con(start('kernel'), 'Computer is booting, SAC started and initialized.');
  con(end, '');
  con(end, 'Use the "ch -?" command for information about using channels.');
  con(end, 'Use the "?" command for general help.');
  con(end, '');
  con(end, 'SAC>');
}
