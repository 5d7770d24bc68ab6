/**
 * A physical Linux host as a scenario builds it: a Debian 13 root disk with
 * the programs the shell implements, a booted Kernel, and optionally Docker
 * Engine and KVM/libvirt installed and running. Sizes are the scenario's
 * hardware, chosen to look like a developer laptop (illustrative).
 */
import { fromText } from '../fs/data.ts';
import { MemoryFs } from '../fs/memory-fs.ts';
import { makeFhsTree } from '../fs/fhs.ts';
import { Kernel } from '../kernel/kernel.ts';
import { programFile } from '../program.ts';
import { ImageStore } from '../image/image-store.ts';
import { installDockerd } from '../engine/install.ts';
import { StoreImageBackend } from '../engine/image-adapter.ts';
import { installHypervisor } from '../hypervisor/install.ts';
import { KernelGuests } from '../hypervisor/guest.ts';
import { dockerInGuests } from '../hypervisor/provision.ts';
import type { HostKind } from '../hypervisor/host-kind.ts';
import type { Machine, World } from './world.ts';

export const GiB = 1024 ** 3;
export const GB = 1000 ** 3;

/** Debian 13's kernel as `uname -r` / `uname -v` print it (a plausible current host kernel). */
export const HOST_KERNEL = { release: '6.12.48+deb13-amd64', version: '#1 SMP PREEMPT_DYNAMIC Debian 6.12.48-1 (2025-09-20)' } as const;

export interface HostSpec {
  readonly name: string;
  readonly cpus: number;
  readonly memoryBytes: number;
  readonly diskBytes: number;
  /** Programs to install in /usr/bin (the shell's registry, passed in: the model doesn't import the shell). */
  readonly programs: readonly string[];
  readonly docker?: boolean;
  readonly hypervisor?: HostKind;
  /** Type 1 hosts: this kernel is Dom0 (its memoryBytes are Dom0's); guests' RAM comes from this pool in the hypervisor. */
  readonly hypervisorPoolBytes?: number;
}

/** The root filesystem of a freshly installed Debian 13 host. */
export function debianRoot(spec: HostSpec, now: () => number): MemoryFs {
  const disk = new MemoryFs({ dev: 0x801, now, fstype: 'ext4', capacityBytes: spec.diskBytes });
  makeFhsTree(disk, ['/usr/local/sbin']);
  for (const l of ['bin', 'sbin', 'lib']) disk.symlink(`usr/${l}`, `/${l}`);
  for (const p of spec.programs) disk.write(`/usr/bin/${p}`, programFile(p), { mode: 0o755 });
  const etc: Record<string, string> = {
    '/etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nNAME="Debian GNU/Linux"\nVERSION_ID="13"\nVERSION="13 (trixie)"\nVERSION_CODENAME=trixie\nID=debian\nHOME_URL="https://www.debian.org/"\n',
    '/etc/debian_version': '13.2\n',
    '/etc/hostname': `${spec.name}\n`,
    '/etc/hosts': `127.0.0.1\tlocalhost\n127.0.1.1\t${spec.name}\n::1\t\tlocalhost ip6-localhost ip6-loopback\n`,
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
    '/etc/group': 'root:x:0:\ndaemon:x:1:\ndocker:x:999:\nnogroup:x:65534:\n',
    '/etc/motd': '\nThe programs included with the Debian GNU/Linux system are free software.\n',
    '/root/.bashrc': '# ~/.bashrc: executed by bash(1) for non-login shells.\n',
  };
  for (const [path, text] of Object.entries(etc)) disk.write(path, fromText(text), { mode: 0o644 });
  return disk;
}

/** Build, boot and register one host in `world`. */
export function addHost(world: World, spec: HostSpec): Machine {
  const now = (): number => world.clock.realtime;
  const disk = debianRoot(spec, now);
  const kernel = new Kernel({
    clock: world.clock, rng: world.rng, hostname: spec.name, release: HOST_KERNEL.release, version: HOST_KERNEL.version,
    machine: 'x86_64', cpus: spec.cpus, memoryBytes: spec.memoryBytes, rootfs: disk, diskBytes: spec.diskBytes,
    ...(spec.hypervisor === 'type1' ? { hypervisor: 'Xen', xenDom0: true } : {}),
  });
  const docker = spec.docker
    ? installDockerd(kernel, { images: new StoreImageBackend(new ImageStore({ fs: disk, rng: world.rng, now }), world.registry), rng: world.rng, fs: disk })
    : undefined;
  const hypervisor = spec.hypervisor
    ? installHypervisor({ root: kernel.init, kernel, disk, clock: world.clock, rng: world.rng, kind: spec.hypervisor, poolBytes: spec.hypervisorPoolBytes, guests: new KernelGuests({ clock: world.clock, programs: spec.programs, provision: dockerInGuests(world.registry) }) })
    : undefined;
  const machine: Machine = { name: spec.name, kernel, disk, docker, hypervisor };
  world.machines.push(machine);
  return machine;
}
