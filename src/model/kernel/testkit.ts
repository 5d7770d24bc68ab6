/**
 * A small booted host for tests (kernel and shell): a MemoryFs disk with
 * the usual top-level directories, /etc/hostname and /etc/os-release, and a
 * Kernel on it. Not used by the site.
 */
import { VirtualClock } from '../clock.ts';
import { Rng } from '../rng.ts';
import { MemoryFs } from '../fs/memory-fs.ts';
import { fromText } from '../fs/data.ts';
import { Kernel } from './kernel.ts';
import type { KernelOptions } from './kernel.ts';

/** Disk of a freshly installed minimal Debian-like host (a few directories and files). */
export function testRootfs(clock: VirtualClock): MemoryFs {
  const fs = new MemoryFs({ dev: 2049, now: () => clock.realtime, fstype: 'ext4' });
  for (const d of ['/bin', '/sbin', '/etc', '/root', '/home', '/tmp', '/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/var', '/var/lib', '/var/log', '/mnt', '/opt', '/srv', '/lib']) fs.mkdir(d, 0o755);
  fs.chmod('/tmp', 0o1777);
  fs.chmod('/root', 0o700);
  fs.symlink('/run', '/var/run');
  fs.write('/etc/hostname', fromText('host\n'));
  fs.write('/etc/os-release', fromText('PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nNAME="Debian GNU/Linux"\nVERSION_ID="13"\nID=debian\n'));
  fs.write('/etc/passwd', fromText('root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n'));
  fs.write('/etc/group', fromText('root:x:0:\ntty:x:5:\ndisk:x:6:\nnogroup:x:65534:\n'));
  return fs;
}

/** A booted test kernel: 4 CPUs, 8 GiB RAM, 64 GiB disk, Linux 6.12.48. */
export function bootTestKernel(over: Partial<KernelOptions> = {}): Kernel {
  const clock = over.clock ?? new VirtualClock();
  return new Kernel({
    clock, rng: new Rng(42), hostname: 'host', release: '6.12.48+deb13-amd64',
    version: '#1 SMP PREEMPT_DYNAMIC Debian 6.12.48-1 (2025-09-20)', machine: 'x86_64', cpus: 4,
    memoryBytes: 8 * 1024 ** 3, rootfs: testRootfs(clock), diskBytes: 64 * 1024 ** 3, ...over,
  });
}
