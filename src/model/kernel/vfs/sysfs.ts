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
  const root = dir(() => ({
    block: dir(() => ({ sda: dir(() => ({ size: file(() => `${Math.floor(k.options.diskBytes / 512)}\n`), dev: file(() => '8:0\n') })) })),
    bus: dir(empty),
    class: dir(() => ({ net: netClass })),
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
