import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.ts';
import { toText } from '../fs/data.ts';
import { MemoryFs } from '../fs/memory-fs.ts';
import { Kernel } from '../kernel/kernel.ts';
import type { Sys } from '../kernel/types.ts';
import { Rng } from '../rng.ts';
import { KernelGuests } from './guest.ts';
import { installHypervisor } from './install.ts';
import { FULL, MICROVM, totalBootUs } from './profiles.ts';
import { GiB } from './units.ts';

function world(memoryBytes = 16 * GiB) {
  const clock = new VirtualClock();
  const rng = new Rng(7);
  const rootfs = new MemoryFs({ dev: 1, now: () => clock.realtime, capacityBytes: 200 * GiB });
  for (const d of ['/etc', '/root', '/tmp', '/usr', '/usr/bin', '/var', '/run', '/proc', '/sys', '/dev']) rootfs.mkdir(d);
  const host = new Kernel({ clock, rng, hostname: 'host', release: '6.12.48', version: '#1 SMP PREEMPT_DYNAMIC Debian 6.12.48-1', machine: 'x86_64', cpus: 8, memoryBytes, rootfs, diskBytes: 200 * GiB });
  const hv = installHypervisor({ root: host.init, kernel: host, clock, rng, guests: new KernelGuests({ clock }) });
  return { clock, host, hv, shell: host.login() };
}

const memAvailable = (sys: Sys): number => Number(/MemAvailable:\s+(\d+)/.exec(toText(sys.readFile('/proc/meminfo')))?.[1]) * 1024;

describe('a guest is a Machine with its own kernel (claim shared-kernel)', () => {
  it.each([
    ['ubuntu-24.04', 'Linux', '6.8.0-48-generic', FULL],
    ['alpine-3.22', 'Linux', '6.1.141', MICROVM],
    ['windows-server-2022', 'Windows_NT', '10.0', FULL],
  ] as const)('%s: uname in the guest is the guest kernel\'s', (image, sysname, release, _profile) => {
    const w = world();
    w.hv.create({ name: 'g', image });
    const d = w.hv.start('g');
    w.clock.advance(d.plan?.totalUs ?? 0);
    const guest = w.hv.domain('g').guest;
    expect(guest).toBeDefined();
    const sys = guest!.login();
    expect(sys.uname()).toMatchObject({ sysname, release, nodename: 'g' });
    expect(w.shell.uname().release).toBe('6.12.48');
    // the guest has its own process table: the host's processes are not there
    expect(sys.processes().map((p) => p.pid)).not.toContain(d.vmmPid);
    expect(w.shell.processes().some((p) => p.pid === d.vmmPid)).toBe(true);
  });

  it('the guest has no guest before boot completes, and its uptime counts from its kernel start', () => {
    const w = world();
    w.hv.create({ name: 'g', image: 'ubuntu-24.04' });
    w.hv.start('g');
    w.clock.advance(totalBootUs(FULL.phases) - 1);
    expect(w.hv.domain('g').guest).toBeUndefined();
    w.clock.advance(1);
    const sys = w.hv.domain('g').guest!.login();
    const uptime = Number(toText(sys.readFile('/proc/uptime')).split(' ')[0]);
    expect(uptime).toBeCloseTo((totalBootUs(FULL.phases) - 2_500_000) / 1e6, 1);
  });
});

describe('density: each VM reserves its RAM on the host (claim density)', () => {
  it('MemAvailable on the host drops by guest RAM + VMM overhead per running VM', () => {
    const w = world();
    const before = memAvailable(w.shell);
    for (const n of ['a', 'b']) { w.hv.create({ name: n, image: 'ubuntu-24.04', clone: 'linked' }); w.hv.start(n); }
    const drop = before - memAvailable(w.shell);
    const perVm = 2 * GiB + FULL.overheadBytes;
    expect(drop).toBeGreaterThanOrEqual(2 * perVm);
    expect(drop).toBeLessThan(2 * perVm + 64 * 1024 * 1024);
  });

  it('refuses a VM the host cannot hold', () => {
    const w = world(4 * GiB);
    w.hv.create({ name: 'big', image: 'ubuntu-24.04', memoryBytes: 4 * GiB });
    expect(() => w.hv.start('big')).toThrow(/cannot set up guest memory/);
  });
});

describe('disk writes in the guest grow its qcow2 overlay on the host', () => {
  it('a 1 MiB file in the guest adds 16 clusters to vm.qcow2 after shutdown (+1 for the hostname written at boot)', () => {
    const w = world();
    const d = w.hv.create({ name: 'g', image: 'ubuntu-24.04', clone: 'linked' });
    const size0 = w.shell.stat(d.config.disk).size;
    w.hv.start('g');
    w.clock.advance(totalBootUs(FULL.phases));
    const sys = w.hv.domain('g').guest!.login();
    sys.writeFile('/root/data', new Uint8Array(1024 * 1024));
    w.hv.destroy('g');
    expect(w.shell.stat(d.config.disk).size - size0).toBe(17 * 65536);
  });
});

describe('what sits under the guest (claim hypervisor-types)', () => {
  it.each([
    ['host', false, true],
    ['guest', true, false],
  ] as const)('%s: cpuinfo hypervisor flag %s, vmx %s', (where, hyper, vmx) => {
    const w = world();
    w.hv.create({ name: 'g', image: 'alpine-3.22' });
    w.clock.advance(w.hv.start('g').plan?.totalUs ?? 0);
    const sys = where === 'host' ? w.shell : w.hv.domain('g').guest!.login();
    const flags = /^flags\s*:(.*)$/m.exec(toText(sys.readFile('/proc/cpuinfo')))?.[1] ?? '';
    expect(flags.split(' ').includes('hypervisor')).toBe(hyper);
    expect(flags.split(' ').includes('vmx')).toBe(vmx);
  });

  it('the host has loaded kvm and kvm_intel and has /dev/kvm (char 10:232)', () => {
    const w = world();
    expect(toText(w.shell.readFile('/proc/modules'))).toMatch(/^kvm_intel \d+ 0 - Live .*\nkvm \d+ 1 kvm_intel, Live /);
    expect(w.shell.stat('/dev/kvm')).toMatchObject({ type: 'chardev', rdev: [10, 232] });
  });

  it('/dev/kvm is root:kvm 0660, as udev\'s 50-udev-default.rules sets it', () => {
    const w = world();
    const gid = Number(/^kvm:x:(\d+):/m.exec(toText(w.shell.readFile('/etc/group')))?.[1]);
    expect(w.shell.stat('/dev/kvm')).toMatchObject({ uid: 0, gid, mode: expect.any(Number) });
    expect((w.shell.stat('/dev/kvm').mode & 0o777).toString(8)).toBe('660');
  });
});

describe('host shapes: the VMM process a VM is on each kind of host', () => {
  it.each([
    ['kvm', '/usr/bin/qemu-system-x86_64', /^kvm_intel /],
    ['type2', '/usr/lib/virtualbox/VBoxHeadless', /^vboxnetadp /],
    ['type1', '/usr/lib/xen/bin/qemu-system-i386', /^$/],
  ] as const)('%s: %s', (kind, vmm, modules) => {
    const clock = new VirtualClock();
    const rng = new Rng(3);
    const rootfs = new MemoryFs({ dev: 1, now: () => clock.realtime, capacityBytes: 200 * GiB });
    for (const d of ['/etc', '/root', '/tmp', '/usr', '/usr/bin', '/var', '/run', '/proc', '/sys', '/dev']) rootfs.mkdir(d);
    const host = new Kernel({ clock, rng, hostname: 'h', release: '6.12.48', version: '#1', machine: 'x86_64', cpus: 8, memoryBytes: 16 * GiB, rootfs, diskBytes: 200 * GiB });
    const hv = installHypervisor({ root: host.init, kernel: host, clock, rng, kind, poolBytes: 12 * GiB, guests: new KernelGuests({ clock }) });
    hv.create({ name: 'g', image: 'cirros-0.6.3' });
    const d = hv.start('g');
    const shell = host.login();
    expect(shell.processes().find((p) => p.pid === d.vmmPid)?.argv[0]).toBe(vmm);
    expect(toText(shell.readFile('/proc/modules'))).toMatch(modules);
  });
});

describe('guest disks share their base tree (a qcow2 backing file, per file)', () => {
  it('two guests of one OS see the same files but not each other\'s writes; df counts base + own writes', () => {
    const w = world();
    for (const n of ['a', 'b']) { w.hv.create({ name: n, image: 'alpine-3.22' }); w.clock.advance(w.hv.start(n).plan?.totalUs ?? 0); }
    const a = w.hv.domain('a').guest!.login();
    const b = w.hv.domain('b').guest!.login();
    a.writeFile('/root/mine', new Uint8Array(4096));
    expect(() => b.stat('/root/mine')).toThrow();
    expect(a.readlink('/bin/ls')).toBe(b.readlink('/bin/ls'));
    const used = (s: typeof a): number => s.statfs('/').usedBytes;
    expect(used(a) - used(b)).toBe(4096);
  });
});
