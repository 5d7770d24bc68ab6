/**
 * The VMM process a running VM is on the host: its argv as `ps` shows it.
 * QEMU emulates a whole PC (q35 chipset, SeaBIOS, devices) and uses KVM
 * through /dev/kvm as its accelerator; Firecracker is one small process per
 * microVM with five devices (facts §7.2, §8.2, §9.5).
 */
import type { DomainConfig } from './domain.ts';
import type { HostKind } from './host-kind.ts';

/** argv of the VMM for this domain (libvirt's qemu command line, shortened; firecracker's API socket). */
export function vmmArgv(c: DomainConfig, id: number, kind: HostKind = 'kvm'): string[] {
  if (kind === 'type1') {
    // Xen HVM guest: the vCPUs run under the hypervisor; Dom0 runs only the device model
    return ['/usr/lib/xen/bin/qemu-system-i386', '-xen-domid', String(id), '-machine', 'xenfv', '-name', c.name, '-drive', `file=${c.disk},if=ide`];
  }
  if (kind === 'type2' && c.profile.vmm !== 'firecracker') {
    // a hosted hypervisor: one application process per VM on the desktop OS (VirtualBox's headless front end)
    return ['/usr/lib/virtualbox/VBoxHeadless', '--comment', c.name, '--startvm', c.uuid, '--vrde', 'config'];
  }
  if (c.profile.vmm === 'firecracker') {
    return ['/usr/bin/firecracker', '--id', c.name, '--api-sock', `/run/firecracker/${c.name}.socket`];
  }
  const mib = Math.round(c.memoryBytes / (1024 * 1024));
  return [
    '/usr/bin/qemu-system-x86_64',
    '-name', `guest=${c.name},debug-threads=on`,
    '-machine', `${c.profile.machine},accel=kvm,usb=off`,
    '-cpu', 'host',
    '-m', String(mib),
    '-smp', `${c.vcpus},sockets=${c.vcpus},cores=1,threads=1`,
    '-uuid', c.uuid,
    '-drive', `file=${c.disk},format=${c.disk.endsWith('.qcow2') ? 'qcow2' : 'raw'},if=virtio`,
    '-netdev', `tap,id=hostnet0`,
    '-device', 'virtio-net-pci,netdev=hostnet0',
    '-serial', 'pty',
    '-monitor', `unix:/var/lib/libvirt/qemu/domain-${id}-${c.name}/monitor.sock,server,nowait`,
  ];
}

/** The VMM program's name as `ps` shows it on this kind of host (vm list's VMM column). */
export function vmmName(c: DomainConfig, kind: HostKind): string {
  return vmmArgv(c, 0, kind)[0].split('/').pop() ?? c.profile.vmm;
}
