/**
 * libvirt's words for a VM: a *domain* is defined (persistent config) and
 * may be running; its state is one of virsh's strings; a running domain has
 * an Id, a VMM process on the host and a guest Machine with its own kernel.
 * See libvirt docs/formatdomain.rst and virsh(1) "domstate".
 */
import type { FileSystem } from '../fs/types.ts';
import type { Sys } from '../kernel/types.ts';
import type { Rng } from '../rng.ts';
import type { BootPlan } from './boot.ts';
import type { GuestOs } from './guest-os.ts';
import type { VmProfile } from './profiles.ts';
import type { VirtualClock } from '../clock.ts';
import type { HostKind } from './host-kind.ts';

/** virsh domstate strings the model uses. */
export type DomainState = 'running' | 'in shutdown' | 'shut off';

/** What `vm create` / `virsh define` record. */
export interface DomainConfig {
  readonly name: string;
  readonly uuid: string;
  readonly os: GuestOs;
  readonly profile: VmProfile;
  readonly memoryBytes: number;
  readonly vcpus: number;
  /** Host path of the disk image. */
  readonly disk: string;
  /** Created as a full copy of the base image or as a qcow2 overlay over it. */
  readonly clone: 'full' | 'linked';
  /** Install a container engine in the guest at boot (cloud-init's `packages: [docker.io]`). */
  readonly docker: boolean;
}

/** The guest's disk as the guest sees it (its root filesystem) and how much it has written. */
export interface GuestDisk {
  readonly fs: FileSystem;
  /** Bytes written since the disk was created (what a qcow2 overlay grows by). */
  writtenBytes(): number;
}

/** A booted guest Machine: its own Kernel behind these calls. */
export interface Guest {
  /** A root login shell process in the guest (console or ssh). */
  login(): Sys;
  /** The guest's init (PID 1 in the guest kernel). */
  readonly init: Sys;
  /** Power is cut: every guest process goes away. */
  halt(): void;
}

/** What a provisioning hook gets once a guest kernel is up: enough to install software into that Machine. */
export interface GuestHandle {
  readonly config: DomainConfig;
  /** PID 1 of the guest. */
  readonly init: Sys;
  /** The guest's root filesystem (its disk). */
  readonly fs: FileSystem;
  /** The guest kernel's seeded generator. */
  readonly rng: Rng;
  /** Virtual realtime µs (for file times). */
  now(): number;
  /** Kernel.registerSocket of the guest kernel. */
  registerSocket(path: string, server: unknown): void;
}

/** What a guest Machine needs to come up. */
export interface GuestSpec {
  readonly config: DomainConfig;
  readonly plan: BootPlan;
  /** Virtual time the guest kernel starts (dmesg 0.000000), µs on the shared clock. */
  readonly kernelStartUs: number;
  readonly disk: GuestDisk;
  /** The guest's address on libvirt's default network (192.168.122.0/24, virbr0 on the host). */
  readonly ip: string;
  /** Hypervisor the guest kernel runs under: "KVM", "Xen" (type 1 host) or "VirtualBox" (type 2 host). */
  readonly hypervisor: string;
  /** The guest asked its (virtual) hardware to power off or reset: reboot(2) in the guest's initial PID namespace. */
  readonly onPower: (event: 'poweroff' | 'reboot') => void;
}

/** Builds guest disks and guest Machines (guest.ts wires the real Kernel); `boot` runs when the guest reaches userspace. */
export interface GuestFactory {
  newDisk(os: GuestOs): GuestDisk;
  boot(spec: GuestSpec): Guest;
}

/** One domain and its run-time state. */
export interface Domain {
  readonly config: DomainConfig;
  readonly state: DomainState;
  /** libvirt's Id while running, counting up per host from 1. */
  readonly id: number | undefined;
  /** Virtual time of power-on, µs. */
  readonly startedUs: number | undefined;
  readonly plan: BootPlan | undefined;
  /** True once the guest reached its login prompt. */
  readonly booted: boolean;
  /** Host PID of the VMM process (qemu-system-x86_64 or firecracker) while running. */
  readonly vmmPid: number | undefined;
  /** Bytes reserved from the host: guest RAM + VMM overhead, while running. */
  readonly reservedBytes: number;
  readonly guest: Guest | undefined;
  readonly ip: string;
}

/** ACPI shutdown of a guest until power-off: illustrative (no sourced figure). */
export const SHUTDOWN_US = { full: 2_000_000, microvm: 50_000 } as const;

/** What `vm create` asks for. */
export interface CreateRequest {
  readonly name: string;
  /** Guest OS id or base image file name (guest-os.ts). */
  readonly image: string;
  readonly memoryBytes?: number;
  readonly vcpus?: number;
  readonly profile?: VmProfile['name'];
  readonly clone?: 'full' | 'linked';
  /** Install a container engine in the guest (containers in VMs). */
  readonly docker?: boolean;
}

/** How a Hypervisor is built: its libvirtd process, the World's clock and generator, guests, host shape. */
export interface HypervisorOptions {
  /** The libvirtd process on the host: VMMs are its children, disk images its files. */
  readonly host: Sys;
  readonly clock: VirtualClock;
  readonly rng: Rng;
  /** Builds guest Machines; without one, VMs boot (clock, memory, disk) but have no guest to log into. */
  readonly guests?: GuestFactory;
  /** The host's shape (host-kind.ts); KVM on Linux by default. */
  readonly kind?: HostKind;
  /**
   * Type 1 only: memory the bare-metal hypervisor hands to guests (the
   * machine's RAM minus Dom0's). Guest RAM then comes from this pool, not from
   * the management OS this shell runs in, so its `free` does not move.
   */
  readonly poolBytes?: number;
  /** printk on the host (Kernel.printk): the bridge messages a VM's NIC causes in the host's dmesg. */
  readonly printk?: (text: string) => void;
}

/** Xen's device model in Dom0 per HVM guest: illustrative RSS (no sourced figure). */
export const XEN_DEVICE_MODEL_BYTES = 32 * 1024 * 1024;

