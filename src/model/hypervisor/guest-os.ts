/**
 * The guest operating systems the model ships as VM disk images. A guest has
 * its own kernel (its own `uname`), its own init and its own disk image file
 * on the host (/var/lib/libvirt/images/…). Release strings are illustrative
 * but shaped like the real ones; image sizes cite facts §8.4 where sourced.
 */
import type { VmProfile } from './profiles.ts';
import { GiB, MiB } from './units.ts';

/** What PID 1 is in the guest, which decides the boot log's userspace lines. */
export type GuestInit = 'systemd' | 'busybox' | 'windows';

/** A guest OS and the base disk image it boots from. */
export interface GuestOs {
  readonly id: string;
  readonly family: 'linux' | 'windows';
  /** /etc/os-release PRETTY_NAME (or the Windows product name). */
  readonly prettyName: string;
  /** uname(2) fields of the guest kernel. */
  readonly sysname: string;
  readonly release: string;
  readonly version: string;
  readonly init: GuestInit;
  readonly profile: VmProfile['name'];
  /** The base image as downloaded: file name under /var/lib/libvirt/images, format and sizes. */
  readonly image: {
    readonly file: string;
    readonly format: 'qcow2' | 'raw';
    /** Bytes the file takes on the host disk. */
    readonly diskBytes: number;
    /** Size of the disk the guest sees. */
    readonly virtualBytes: number;
    readonly source: string;
  };
  /** Default guest RAM and vCPUs for `vm create` without flags (illustrative). */
  readonly memoryBytes: number;
  readonly vcpus: number;
}

/** The model's catalogue of guest images, by id. */
export const GUESTS: Readonly<Record<string, GuestOs>> = {
  'ubuntu-24.04': {
    id: 'ubuntu-24.04',
    family: 'linux',
    prettyName: 'Ubuntu 24.04.1 LTS',
    sysname: 'Linux',
    release: '6.8.0-48-generic',
    version: '#48-Ubuntu SMP PREEMPT_DYNAMIC Fri Sep 27 14:04:52 UTC 2024',
    init: 'systemd',
    profile: 'full',
    image: {
      file: 'noble-server-cloudimg-amd64.img',
      format: 'qcow2',
      diskBytes: 600 * 1000 * 1000,
      virtualBytes: 3.5 * GiB,
      source: 'Ubuntu cloud image ≈500–600 MB qcow2, virtual 3.5 GB: UNVERIFIED (facts §8.4)',
    },
    memoryBytes: 2 * GiB,
    vcpus: 2,
  },
  'cirros-0.6.3': {
    id: 'cirros-0.6.3',
    family: 'linux',
    prettyName: 'CirrOS 0.6.3',
    sysname: 'Linux',
    release: '5.15.0-71-generic',
    version: '#78-Ubuntu SMP Tue Apr 18 09:00:29 UTC 2023',
    init: 'busybox',
    profile: 'full',
    image: {
      file: 'cirros-0.6.3-x86_64-disk.img',
      format: 'qcow2',
      diskBytes: 21_692_416,
      virtualBytes: 112 * MiB,
      source: 'CirrOS 0.6.3 x86_64 qcow2 = 21,692,416 bytes, virtual 112 MiB [S] (facts §8.4)',
    },
    memoryBytes: 256 * MiB,
    vcpus: 1,
  },
  'alpine-3.22': {
    id: 'alpine-3.22',
    family: 'linux',
    prettyName: 'Alpine Linux v3.22',
    sysname: 'Linux',
    release: '6.1.141',
    version: '#1 SMP PREEMPT_DYNAMIC Mon Jun 16 10:00:00 UTC 2025',
    init: 'busybox',
    profile: 'microvm',
    image: {
      file: 'alpine-3.22.ext4',
      format: 'raw',
      diskBytes: 128 * MiB,
      virtualBytes: 128 * MiB,
      source: 'illustrative (a minimal ext4 rootfs for Firecracker; Alpine: "a minimal installation to disk requires around 130 MB", facts §8.4)',
    },
    // 1 vCPU and 128 MiB: the microVM Firecracker's SPECIFICATION.md measures its numbers on (facts §8.2)
    memoryBytes: 128 * MiB,
    vcpus: 1,
  },
  'windows-server-2022': {
    id: 'windows-server-2022',
    family: 'windows',
    prettyName: 'Microsoft Windows Server 2022 Standard',
    sysname: 'Windows_NT',
    release: '10.0',
    version: '20348',
    init: 'windows',
    profile: 'full',
    image: {
      file: 'windows-server-2022.qcow2',
      format: 'qcow2',
      diskBytes: 10 * GiB,
      virtualBytes: 40 * GiB,
      source: 'illustrative (no sourced figure)',
    },
    memoryBytes: 4 * GiB,
    vcpus: 2,
  },
};

/** `ver` output of a Windows guest (model). */
export const WINDOWS_VER = 'Microsoft Windows [Version 10.0.20348.2700]';

/** The guest OS with this id or image file name, if the model ships it. */
export function findGuestOs(name: string): GuestOs | undefined {
  return GUESTS[name] ?? Object.values(GUESTS).find((g) => g.image.file === name || g.image.file.startsWith(`${name}.`));
}
