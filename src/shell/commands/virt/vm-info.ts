/**
 * `vm info NAME`: what a VM is made of and where every number comes from:
 * the VMM and its devices (emulated vs virtio, facts §7.2/§7.4), the RAM it
 * reserves on the host (guest RAM + VMM overhead, facts §8.2), the disk and
 * its backing file, and each boot phase's duration with its source (§7.5).
 */
import type { Domain } from '../../../model/hypervisor/domain.ts';
import { phasesFor } from '../../../model/hypervisor/boot.ts';
import { readImage } from '../../../model/hypervisor/disk-image.ts';
import { totalBootUs } from '../../../model/hypervisor/profiles.ts';
import { formatTimespan, MiB } from '../../../model/hypervisor/units.ts';
import type { Sys } from '../../../model/kernel/types.ts';

/** The text of `vm info` for one domain. */
export function vmInfo(sys: Sys, d: Domain, pooled: boolean): string {
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
    `VMM:       ${p.vmm}${d.vmmPid !== undefined ? ` (host PID ${d.vmmPid})` : ''}, machine ${p.machine}, KVM acceleration`,
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
