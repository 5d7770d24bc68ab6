/**
 * Turning a Linux host into a hypervisor host, as a distribution package
 * would: the kvm modules' /dev/kvm (char 10:232, Documentation/admin-guide/
 * devices.txt), libvirt's directories and base images, the VMM and client
 * binaries, and libvirtd running with its socket. A scenario calls this once
 * per host (or per guest, for nested virtualization).
 */
import { mkdirpSys } from '../kernel/mkdirp.ts';
import type { VirtualClock } from '../clock.ts';
import { isSysError } from '../errors.ts';
import { fromText, toText, virtualData } from '../fs/data.ts';
import type { FileSystem } from '../fs/types.ts';
import type { Sys } from '../kernel/types.ts';
import { programFile } from '../program.ts';
import type { Rng } from '../rng.ts';
import { qcow2Data } from './disk-image.ts';
import type { GuestFactory } from './domain.ts';
import { GUESTS } from './guest-os.ts';
import type { HostKind } from './host-kind.ts';
import { Hypervisor, IMAGES_DIR, LIBVIRT_SOCK } from './hypervisor.ts';

/** Programs the hypervisor host has, path → model program name. */
export const VIRT_PROGRAMS: Readonly<Record<string, string>> = {
  '/usr/sbin/libvirtd': 'libvirtd',
  '/usr/bin/qemu-system-x86_64': 'qemu-system-x86_64',
  '/usr/bin/firecracker': 'firecracker',
  '/usr/bin/virsh': 'virsh',
  '/usr/bin/qemu-img': 'qemu-img',
  '/usr/local/bin/vm': 'vm',
  '/usr/sbin/virt-what': 'virt-what',
  '/usr/sbin/kvm-ok': 'kvm-ok',
  '/usr/sbin/lsmod': 'lsmod',
};

/** VirtualBox's per-VM process (type 2 hosts) and its kernel driver modules; sizes illustrative. */
const VBOX = '/usr/lib/virtualbox/VBoxHeadless';
const VBOX_MODULES: ReadonlyArray<readonly [string, number, readonly string[]]> = [
  ['vboxdrv', 696_320, []],
  ['vboxnetflt', 32_768, ['vboxdrv']],
  ['vboxnetadp', 28_672, ['vboxdrv']],
];

/** Xen's device model binary (type 1 hosts). */
const XEN_DM = '/usr/lib/xen/bin/qemu-system-i386';

/** What the installer needs from the host kernel: sockets (Kernel.registerSocket) and, where supported, modprobe. */
export interface SocketRegistry {
  registerSocket(path: string, server: unknown): void;
  loadModule?(name: string, size: number, deps?: readonly string[]): void;
  printk?(text: string): void;
}

/** `modprobe kvm_intel`: the modules that turn Linux into a hypervisor (facts §7.2); sizes illustrative (Linux 6.x x86_64). */
export const KVM_MODULES: ReadonlyArray<readonly [string, number, readonly string[]]> = [
  ['irqbypass', 12_288, []],
  ['kvm', 1_413_120, ['irqbypass']],
  ['kvm_intel', 487_424, ['kvm']],
];

/** What installHypervisor needs: a root process and the kernel of the host, the World's clock and generator. */
export interface InstallOptions {
  /** A root process on the host (init or a login shell): libvirtd is spawned as its child. */
  readonly root: Sys;
  readonly kernel: SocketRegistry;
  readonly clock: VirtualClock;
  readonly rng: Rng;
  readonly guests?: GuestFactory;
  readonly kind?: HostKind;
  /** Guest OS ids whose base images to download (default: all of guest-os.ts). */
  readonly images?: readonly string[];
  /**
   * The host's root filesystem: when given, base images are written straight
   * to it, as files downloaded before this boot (not in the page cache).
   */
  readonly disk?: FileSystem;
  /** Type 1 hosts: the hypervisor's memory pool for guests (machine RAM minus Dom0's). */
  readonly poolBytes?: number;
}

/** Install libvirt + QEMU/KVM + Firecracker on a host and start libvirtd; returns the running hypervisor. */
export function installHypervisor(opts: InstallOptions): Hypervisor {
  const sys = opts.root;
  for (const d of ['/usr', '/usr/bin', '/usr/sbin', '/usr/local', '/usr/local/bin', '/var', '/var/lib', '/var/lib/libvirt', IMAGES_DIR,
    '/var/lib/libvirt/qemu', '/var/run', '/var/run/libvirt', '/run', '/run/firecracker', '/dev']) mkdirpSys(sys, d);
  for (const [path, name] of Object.entries(VIRT_PROGRAMS)) {
    if (!exists(sys, path)) sys.writeFile(path, programFile(name), { mode: 0o755 });
  }
  if (opts.kind === 'type1') {
    for (const d of ['/usr/lib', '/usr/lib/xen', '/usr/lib/xen/bin']) mkdirpSys(sys, d);
    if (!exists(sys, XEN_DM)) sys.writeFile(XEN_DM, programFile('qemu-system-i386'), { mode: 0o755 });
  } else if (opts.kind === 'type2') {
    for (const d of ['/usr/lib', '/usr/lib/virtualbox']) mkdirpSys(sys, d);
    if (!exists(sys, VBOX)) sys.writeFile(VBOX, programFile('VBoxHeadless'), { mode: 0o755 });
    for (const [name, size, deps] of VBOX_MODULES) opts.kernel.loadModule?.(name, size, deps);
  } else {
    for (const [name, size, deps] of KVM_MODULES) opts.kernel.loadModule?.(name, size, deps);
  }
  if ((opts.kind ?? 'kvm') === 'kvm' && !exists(sys, '/dev/kvm')) {
    try {
      sys.mknod('/dev/kvm', 'chardev', [10, 232], 0o660);
      // udev's 50-udev-default.rules: KERNEL=="kvm", GROUP="kvm", MODE="0660" (Docker Desktop's Linux guide: "Add your user to the kvm group")
      sys.chown('/dev/kvm', 0, ensureGroup(sys, 'kvm', KVM_GID));
    } catch (e) { if (!isSysError(e)) throw e; }
  }
  for (const id of opts.images ?? Object.keys(GUESTS)) {
    const os = GUESTS[id];
    const path = `${IMAGES_DIR}/${os.image.file}`;
    if (exists(sys, path)) continue;
    const data = os.image.format === 'qcow2'
      ? qcow2Data({ virtualBytes: os.image.virtualBytes, fileBytes: os.image.diskBytes, generation: os.id })
      : virtualData(os.image.diskBytes, `disk:${os.id}`);
    if (opts.disk) opts.disk.write(path, data, { mode: 0o644 });
    else sys.writeFile(path, data, { mode: 0o644 });
  }
  const libvirtd = sys.spawn({ argv: ['/usr/sbin/libvirtd', '--timeout', '120'] });
  const printk = opts.kernel.printk ? (t: string): void => opts.kernel.printk?.(t) : undefined;
  const hv = new Hypervisor({ host: libvirtd, clock: opts.clock, rng: opts.rng, guests: opts.guests, kind: opts.kind, poolBytes: opts.poolBytes, printk });
  opts.kernel.registerSocket(LIBVIRT_SOCK, hv);
  return hv;
}

/** GID of the kvm system group (systemd-sysusers allocates it dynamically; illustrative). */
const KVM_GID = 993;

/** The GID of `name` in /etc/group, adding the group with `gid` when it is missing. */
function ensureGroup(sys: Sys, name: string, gid: number): number {
  const text = exists(sys, '/etc/group') ? toText(sys.readFile('/etc/group')) : '';
  const line = text.split('\n').find((l) => l.startsWith(`${name}:`));
  if (line) return Number(line.split(':')[2]);
  sys.writeFile('/etc/group', fromText(`${text}${text && !text.endsWith('\n') ? '\n' : ''}${name}:x:${gid}:\n`), { mode: 0o644 });
  return gid;
}

function exists(sys: Sys, path: string): boolean {
  try {
    sys.lstat(path);
    return true;
  } catch (e) {
    if (isSysError(e)) return false;
    throw e;
  }
}

