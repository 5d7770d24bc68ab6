/**
 * `vm info NAME`: what a VM is made of and where every number comes from:
 * the VMM and its devices (emulated vs virtio, facts §7.2/§7.4), the RAM it
 * reserves on the host (guest RAM + VMM overhead, facts §8.2), the disk and
 * its backing file, and each boot phase's duration with its source (§7.5).
 */
import type { Domain } from '../../../model/hypervisor/domain.ts';
import type { HostKind } from '../../../model/hypervisor/host-kind.ts';
import { phasesFor } from '../../../model/hypervisor/boot.ts';
import { readImage } from '../../../model/hypervisor/disk-image.ts';
import { totalBootUs } from '../../../model/hypervisor/profiles.ts';
import { formatTimespan, MiB } from '../../../model/hypervisor/units.ts';
import type { Sys } from '../../../model/kernel/types.ts';

/**
 * The VMM line: on a KVM host, QEMU (or Firecracker) with KVM acceleration;
 * on a Xen host, the hypervisor runs the vCPUs and Dom0 only the device model;
 * on a hosted (type 2) host, the VirtualBox process (vmm.ts, host-kind.ts).
 */
function vmmLine(d: Domain, kind: HostKind): string {
  const p = d.config.profile;
  const pid = d.vmmPid !== undefined ? ` (host PID ${d.vmmPid})` : '';
  if (kind === 'type1') return `the Xen hypervisor runs the vCPUs (HVM); Dom0 runs only the device model, qemu-system-i386${pid}, machine xenfv`;
  if (kind === 'type2' && p.vmm !== 'firecracker') return `VBoxHeadless${pid}, a VirtualBox application process on the host OS, with its vboxdrv kernel driver`;
  return `${p.vmm}${pid}, machine ${p.machine}, KVM acceleration`;
}

/** The text of `vm info` for one domain on a host of this kind. */
export function vmInfo(sys: Sys, d: Domain, pooled: boolean, kind: HostKind = 'kvm'): string {
  const c = d.config;
  const p = c.profile;
  let disk = c.disk;
  try {
    const img = readImage(sys.readFile(c.disk));
    disk += img.backingFile ? ` (qcow2 overlay of ${img.backingFile})` : ` (${img.format}, a full copy)`;
  } catch {
    disk += ' (missing)';
  }
  const phases = phasesFor(c.os, p);
  const w = Math.max(...phases.map((ph) => formatTimespan(ph.us).length), formatTimespan(totalBootUs(phases)).length);
  const state = d.state === 'running' ? (d.booted ? 'running (booted)' : 'running (booting)') : d.state;
  const mem = pooled
    ? `${Math.round(c.memoryBytes / MiB)} MiB guest RAM from the hypervisor's pool (not from this management OS)`
    : `${Math.round(c.memoryBytes / MiB)} MiB guest RAM + ${Math.round(p.overheadBytes / MiB)} MiB VMM overhead, reserved on the host while running`;
  const lines = [
    `Name:      ${c.name}`,
    `State:     ${state}`,
    `Guest OS:  ${c.os.prettyName} (${c.os.sysname} ${c.os.release})`,
    `VMM:       ${vmmLine(d, kind)}`,
    `vCPUs:     ${c.vcpus}`,
    `Memory:    ${mem}`,
    ...(pooled ? [] : [`           overhead: ${p.overheadSource}`]),
    `Disk:      ${disk}`,
    `Devices:   ${p.devices.join(', ')}`,
    `           (virtio devices are paravirtual: shared-memory virtqueues instead of emulated hardware, facts §7.4)`,
    `Docker:    ${c.docker ? 'installed in the guest at boot' : 'no'}`,
    'Boot phases (virtual clock):',
    ...phases.map((ph) => `  ${ph.phase.padEnd(10)}${formatTimespan(ph.us).padStart(w)}  ${ph.source}`),
    `  ${'total'.padEnd(10)}${formatTimespan(totalBootUs(phases)).padStart(w)}`,
  ];
  return lines.join('\n') + '\n';
}
