/**
 * `virsh dumpxml`: the domain's libvirt XML (docs/formatdomain.rst), showing
 * what the model's VM is made of: vCPUs, memory allocated up front, the q35
 * machine with KVM, and the disk with its qcow2 backing chain.
 */
import type { Domain } from '../../../model/hypervisor/domain.ts';
import { readImage } from '../../../model/hypervisor/disk-image.ts';
import type { Sys } from '../../../model/kernel/types.ts';

/** The backing chain of an image, as <backingStore> elements. */
function backingXml(sys: Sys, path: string, indent: string): string[] {
  let img;
  try { img = readImage(sys.readFile(path)); } catch { return [`${indent}<backingStore/>`]; }
  if (!img.backingFile) return [`${indent}<backingStore/>`];
  return [
    `${indent}<backingStore type='file'>`,
    `${indent}  <format type='${img.backingFormat}'/>`,
    `${indent}  <source file='${img.backingFile}'/>`,
    ...backingXml(sys, img.backingFile, indent + '  '),
    `${indent}</backingStore>`,
  ];
}

/** The domain XML as virsh dumpxml prints it (abridged to what the model has). */
export function domainXml(sys: Sys, d: Domain): string {
  const c = d.config;
  const kib = Math.floor(c.memoryBytes / 1024);
  let fmt = 'raw';
  try { fmt = readImage(sys.readFile(c.disk)).format; } catch { /* disk gone: keep raw */ }
  return [
    d.id === undefined ? `<domain type='kvm'>` : `<domain type='kvm' id='${d.id}'>`,
    `  <name>${c.name}</name>`,
    `  <uuid>${c.uuid}</uuid>`,
    `  <memory unit='KiB'>${kib}</memory>`,
    `  <currentMemory unit='KiB'>${kib}</currentMemory>`,
    '  <memoryBacking>',
    `    <allocation mode='immediate'/>`,
    '  </memoryBacking>',
    `  <vcpu placement='static'>${c.vcpus}</vcpu>`,
    '  <os>',
    `    <type arch='x86_64' machine='${c.profile.machine}'>hvm</type>`,
    `    <boot dev='hd'/>`,
    '  </os>',
    '  <features>',
    '    <acpi/>',
    '  </features>',
    `  <cpu mode='host-passthrough' check='none'/>`,
    '  <devices>',
    '    <emulator>/usr/bin/qemu-system-x86_64</emulator>',
    `    <disk type='file' device='disk'>`,
    `      <driver name='qemu' type='${fmt}'/>`,
    `      <source file='${c.disk}'/>`,
    ...backingXml(sys, c.disk, '      '),
    `      <target dev='vda' bus='virtio'/>`,
    '    </disk>',
    `    <interface type='network'>`,
    `      <source network='default'/>`,
    `      <model type='virtio'/>`,
    '    </interface>',
    `    <console type='pty'>`,
    `      <target type='serial' port='0'/>`,
    '    </console>',
    '  </devices>',
    '</domain>',
  ].join('\n') + '\n';
}
