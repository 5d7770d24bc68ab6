import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.ts';
import { MemoryFs } from '../fs/memory-fs.ts';
import { Kernel } from '../kernel/kernel.ts';
import { Rng } from '../rng.ts';
import { KernelGuests } from './guest.ts';
import { installHypervisor } from './install.ts';
import { FULL, MICROVM } from './profiles.ts';
import { GiB, MiB } from './units.ts';

// Density at scale (claim density): many guests on one 512 GiB host, each charging
// its RAM + VMM overhead to the host. Prints wall time and heap per VM (no timing assertion).
describe('scale', () => {
  it('200 microVMs and 50 full VMs boot, and the host accounts for every one', () => {
    const clock = new VirtualClock();
    const rng = new Rng(7);
    const rootfs = new MemoryFs({ dev: 1, now: () => clock.realtime, capacityBytes: 2000 * GiB });
    for (const d of ['/etc', '/root', '/tmp', '/usr', '/usr/bin', '/var', '/run', '/proc', '/sys', '/dev']) rootfs.mkdir(d);
    const host = new Kernel({ clock, rng, hostname: 'host', release: '6.12.48', version: '#1', machine: 'x86_64', cpus: 64, memoryBytes: 512 * GiB, rootfs, diskBytes: 2000 * GiB });
    const hv = installHypervisor({ root: host.init, kernel: host, clock, rng, guests: new KernelGuests({ clock }) });
    const used0 = host.memoryUsedBytes();
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) { hv.create({ name: `fc${i}`, image: 'alpine-3.22' }); hv.start(`fc${i}`); }
    for (let i = 0; i < 50; i++) { hv.create({ name: `u${i}`, image: 'ubuntu-24.04', clone: 'linked' }); hv.start(`u${i}`); }
    clock.advance(80_000_000);
    const ms = performance.now() - t0;
    const heap = process.memoryUsage().heapUsed - heap0;
    console.log(`250 VMs created and booted in ${ms.toFixed(0)} ms wall, heap +${(heap / 1e6).toFixed(1)} MB (${(heap / 250 / 1024).toFixed(0)} KiB per VM)`);
    expect(hv.domains().filter((d) => d.booted)).toHaveLength(250);
    const expected = 200 * (128 * MiB + MICROVM.overheadBytes) + 50 * (2 * GiB + FULL.overheadBytes);
    const grown = host.memoryUsedBytes() - used0;
    expect(grown).toBeGreaterThanOrEqual(expected);
    expect(grown).toBeLessThan(expected + 64 * MiB);
  });
});
