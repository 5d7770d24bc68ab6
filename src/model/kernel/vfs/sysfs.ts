/**
 * sysfs, reduced (Documentation/filesystems/sysfs.rst): the /sys/fs/cgroup
 * mount point, /sys/class/net for the mounter's network namespace
 * (network_namespaces(7)), /sys/block/sda, /sys/kernel and /sys/firmware.
 */
import type { Kernel } from '../kernel.ts';
import type { NetNs } from '../ns/namespaces.ts';
import type { Node } from './synthetic-fs.ts';
import { SyntheticFs, dir, file } from './synthetic-fs.ts';

/** A sysfs instance bound to network namespace `net`. */
export function makeSysfs(k: Kernel, net: NetNs, dev: number): SyntheticFs {
  const empty = (): Record<string, Node> => ({});
  const netClass = dir(() => {
    const out: Record<string, Node> = {};
    for (const d of net.stack.devices) {
      out[d.name] = dir(() => ({
        address: file(() => d.mac + '\n'),
        mtu: file(() => `${d.mtu}\n`),
        operstate: file(() => (d.up ? (d.kind === 'loopback' ? 'unknown' : 'up') : 'down') + '\n'),
        ifindex: file(() => `${d.index}\n`),
        type: file(() => (d.kind === 'loopback' ? '772\n' : '1\n')),
      }));
    }
    return out;
  });
  // SMBIOS of the virtual machine a guest kernel runs in, as systemd-detect-virt reads it (bare metal: none in the model)
  const DMI: Record<string, readonly [string, string]> = { KVM: ['QEMU', 'Standard PC (Q35 + ICH9, 2009)'], Xen: ['Xen', 'HVM domU'], VirtualBox: ['innotek GmbH', 'VirtualBox'] };
  const dmi = k.options.hypervisor !== undefined ? DMI[k.options.hypervisor] : undefined;
  const root = dir(() => ({
    block: dir(() => ({ sda: dir(() => ({ size: file(() => `${Math.floor(k.options.diskBytes / 512)}\n`), dev: file(() => '8:0\n') })) })),
    bus: dir(empty),
    class: dir(() => ({ net: netClass, ...(dmi ? { dmi: dir(() => ({ id: dir(() => ({ sys_vendor: file(() => `${dmi[0]}\n`), product_name: file(() => `${dmi[1]}\n`) })) })) } : {}) })),
    dev: dir(empty),
    devices: dir(empty),
    firmware: dir(empty),
    fs: dir(() => ({ cgroup: dir(empty) })),
    hypervisor: dir((): Record<string, ReturnType<typeof file>> => (k.options.hypervisor === 'Xen' ? { type: file(() => 'xen\n') } : {})),
    kernel: dir(() => ({ mm: dir(empty), security: dir(empty) })),
    module: dir(empty),
    power: dir(empty),
  }));
  return new SyntheticFs({ fstype: 'sysfs', dev, root, now: () => k.clock.realtime });
}
