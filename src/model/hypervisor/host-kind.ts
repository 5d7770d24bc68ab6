/**
 * What sits between a guest and the hardware. Goldberg's type I (the VMM
 * runs on bare hardware) and type II (the VMM runs on a host OS), facts
 * §7.1; KVM, which turns the Linux kernel itself into the hypervisor and
 * leaves device emulation to a QEMU process, is classified both ways in the
 * literature, so the model shows it as its own shape rather than pick one.
 */

/** The three host shapes a scenario can build. */
export type HostKind = 'kvm' | 'type1' | 'type2';

/** One layer of the stack, from the hardware up. */
export interface StackLayer {
  readonly layer: string;
  readonly what: string;
}

/** A host shape: its stack and what `virt-what` reports on the host itself. */
export interface HostShape {
  readonly kind: HostKind;
  readonly title: string;
  readonly stack: readonly StackLayer[];
  readonly classification: string;
  /** virt-what(1) lines on the host's own shell (none on bare metal). */
  readonly virtWhatOnHost: readonly string[];
}

/** The three shapes, described for `vm host-info`. */
export const HOST_SHAPES: Readonly<Record<HostKind, HostShape>> = {
  kvm: {
    kind: 'kvm',
    title: 'Linux with KVM (this model\'s hypervisor host)',
    stack: [
      { layer: 'hardware', what: 'x86-64 CPU with VT-x/AMD-V (cpuinfo flags vmx/svm) and EPT/NPT two-dimensional paging (facts §7.3)' },
      { layer: 'host kernel', what: 'Linux + the kvm and kvm_intel/kvm_amd modules, exposing /dev/kvm (facts §7.2)' },
      { layer: 'VMM process', what: 'one qemu-system-x86_64 (or firecracker) process per VM: device emulation, virtio back ends; guest RAM is its memory' },
      { layer: 'guest kernel', what: 'the guest\'s own kernel, any OS (Linux, Windows...)' },
      { layer: 'guest processes', what: 'init, services, possibly a container engine' },
    ],
    classification: 'contested: "type 1" because the hypervisor is in the host kernel, "type 2" because that kernel is a general-purpose OS (facts §7.1)',
    virtWhatOnHost: [],
  },
  type1: {
    kind: 'type1',
    title: 'bare-metal (type 1) hypervisor, Xen-style',
    stack: [
      { layer: 'hardware', what: 'CPU, RAM, devices' },
      { layer: 'hypervisor', what: 'a small VMM on the bare hardware: schedules vCPUs, owns all memory (Goldberg type I, facts §7.1)' },
      { layer: 'Dom0', what: 'a privileged management VM (Linux): toolstack, device drivers and back ends; this shell runs here' },
      { layer: 'DomU guests', what: 'the other VMs, each with its own kernel' },
    ],
    classification: 'type 1: the VMM runs on bare hardware (Goldberg 1972/73, facts §7.1)',
    virtWhatOnHost: ['xen', 'xen-dom0'],
  },
  type2: {
    kind: 'type2',
    title: 'hosted (type 2) hypervisor, desktop-style',
    stack: [
      { layer: 'hardware', what: 'a laptop or desktop' },
      { layer: 'host OS', what: 'a general-purpose OS and its kernel' },
      { layer: 'hypervisor application', what: 'a process per VM (here VirtualBox\'s VBoxHeadless) plus its kernel driver (vboxdrv, see lsmod)' },
      { layer: 'guest kernel', what: 'each VM\'s own kernel' },
    ],
    classification: 'type 2: the VMM runs on a host OS (Goldberg 1972/73, facts §7.1)',
    virtWhatOnHost: [],
  },
};

/** `vm host-info` text for a host shape. */
export function describeHost(kind: HostKind): string {
  const s = HOST_SHAPES[kind];
  const w = Math.max(...s.stack.map((l) => l.layer.length));
  const rows = [...s.stack].reverse().map((l) => `  ${l.layer.padEnd(w)}  ${l.what}`);
  return [`Host: ${s.title}`, 'Stack, from guest down to hardware:', ...rows, `Classification: ${s.classification}`].join('\n') + '\n';
}
