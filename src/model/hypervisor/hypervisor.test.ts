import { beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.ts';
import { isSysError } from '../errors.ts';
import { Rng } from '../rng.ts';
import { qcow2EmptyBytes, readImage } from './disk-image.ts';
import { stubHost } from './testkit.ts';
import { GUESTS } from './guest-os.ts';
import { Hypervisor, IMAGES_DIR, SHUTDOWN_US, XEN_DEVICE_MODEL_BYTES } from './hypervisor.ts';
import { FULL, MICROVM, totalBootUs } from './profiles.ts';
import { GiB, MiB } from './units.ts';

let clock: VirtualClock;
let host: ReturnType<typeof stubHost>;
let hv: Hypervisor;
beforeEach(() => {
  clock = new VirtualClock();
  host = stubHost(8 * GiB, clock);
  hv = new Hypervisor({ host: host.sys, clock, rng: new Rng(1) });
});

const err = (f: () => unknown): string => {
  try { f(); } catch (e) { if (isSysError(e)) return e.message; throw e; }
  return 'no error';
};

describe('RAM reserved from the host (KVM: guest memory is the VMM process\'s memory, facts §7.2)', () => {
  it.each([
    ['full (QEMU)', 'ubuntu-24.04', 'full', 2 * GiB + FULL.overheadBytes, 'qemu-system-x86_64'],
    ['microvm (Firecracker)', 'alpine-3.22', 'microvm', 128 * MiB + MICROVM.overheadBytes, 'firecracker'],
  ] as const)('%s reserves guest RAM + VMM overhead while running', (_n, image, profile, bytes, vmm) => {
    hv.create({ name: 'vm1', image, profile });
    const d = hv.start('vm1');
    expect(host.used()).toBe(bytes);
    expect(d.reservedBytes).toBe(bytes);
    expect(host.procs.get(d.vmmPid ?? 0)?.[0]).toBe(`/usr/bin/${vmm}`);
    hv.destroy('vm1');
    expect(host.used()).toBe(0);
    expect(host.procs.size).toBe(0);
  });

  it('refuses to start when the host cannot reserve the RAM, and changes nothing', () => {
    hv.create({ name: 'big', image: 'ubuntu-24.04', memoryBytes: 8 * GiB });
    expect(err(() => hv.start('big'))).toBe("internal error: process exited while connecting to monitor: qemu-system-x86_64: cannot set up guest memory 'pc.ram': Cannot allocate memory");
    expect(hv.domain('big')).toMatchObject({ state: 'shut off', id: undefined });
    expect(host.used()).toBe(0);
  });

  it('three 2 GiB VMs fit in 8 GiB, the fourth does not', () => {
    for (const n of ['a', 'b', 'c', 'd']) hv.create({ name: n, image: 'ubuntu-24.04', clone: 'linked' });
    for (const n of ['a', 'b', 'c']) hv.start(n);
    expect(err(() => hv.start('d'))).toMatch(/Cannot allocate memory/);
  });
});

describe('boot on the virtual clock', () => {
  it.each([
    ['ubuntu-24.04', FULL],
    ['alpine-3.22', MICROVM],
  ] as const)('%s is booted exactly after the profile\'s phases', (image, profile) => {
    hv.create({ name: 'vm1', image });
    hv.start('vm1');
    const total = totalBootUs(profile.phases);
    clock.advance(total - 1);
    expect(hv.domain('vm1').booted).toBe(false);
    expect(hv.console('vm1').some((l) => l.text.includes('login:'))).toBe(false);
    clock.advance(1);
    expect(hv.domain('vm1')).toMatchObject({ state: 'running', booted: true, id: 1 });
    expect(hv.console('vm1').at(-1)?.text).toBe('vm1 login: ');
  });

  it('shutdown takes the guest through "in shutdown" to "shut off"', () => {
    hv.create({ name: 'vm1', image: 'ubuntu-24.04' });
    hv.start('vm1');
    expect(hv.shutdown('vm1').state).toBe('in shutdown');
    clock.advance(SHUTDOWN_US.full);
    expect(hv.domain('vm1').state).toBe('shut off');
    expect(host.used()).toBe(0);
  });

  it.each([
    ['start twice', (h: Hypervisor) => { h.start('vm1'); h.start('vm1'); }, 'Requested operation is not valid: domain is already running'],
    ['shutdown when off', (h: Hypervisor) => h.shutdown('vm1'), 'Requested operation is not valid: domain is not running'],
    ['unknown domain', (h: Hypervisor) => h.start('nope'), "failed to get domain 'nope'"],
    ['duplicate name', (h: Hypervisor) => h.create({ name: 'vm1', image: 'cirros-0.6.3' }), /^operation failed: domain 'vm1' already exists with uuid /],
    ['qcow2 on Firecracker', (h: Hypervisor) => h.create({ name: 'u', image: 'ubuntu-24.04', profile: 'microvm' }), 'unsupported configuration: Firecracker needs a raw disk image, not qcow2'],
    ['Windows on Firecracker', (h: Hypervisor) => h.create({ name: 'w', image: 'windows-server-2022', profile: 'microvm' }), /Firecracker boots Linux guests only/],
  ] as const)('%s is refused with libvirt\'s words', (_n, f, msg) => {
    hv.create({ name: 'vm1', image: 'ubuntu-24.04' });
    expect(err(() => f(hv))).toMatch(msg);
  });
});

describe('disk images on the host (the shared-disk nuance)', () => {
  const base = GUESTS['ubuntu-24.04'].image.diskBytes;
  it.each([
    ['full', 10, 10 * base],
    ['linked', 10, 10 * qcow2EmptyBytes(3.5 * GiB)],
  ] as const)('%s clones: %d VMs add %d bytes', (clone, n, bytes) => {
    const before = host.fs.usage().bytes;
    for (let i = 0; i < n; i++) hv.create({ name: `vm${i}`, image: 'ubuntu-24.04', clone });
    expect(host.fs.usage().bytes - before).toBe(bytes);
  });

  it('a linked clone is a qcow2 overlay whose backing file is the base image', () => {
    const d = hv.create({ name: 'vm1', image: 'ubuntu-24.04', clone: 'linked' });
    expect(d.config.disk).toBe(`${IMAGES_DIR}/vm1.qcow2`);
    expect(readImage(host.fs.read(d.config.disk))).toMatchObject({
      format: 'qcow2', backingFile: `${IMAGES_DIR}/noble-server-cloudimg-amd64.img`, backingFormat: 'qcow2', virtualBytes: 3.5 * GiB,
    });
  });

  it('a failed create leaves no disk behind', () => {
    expect(err(() => hv.create({ name: 'bad name!', image: 'ubuntu-24.04' }))).toMatch(/invalid domain name/);
    expect(host.fs.readdir(IMAGES_DIR)).toHaveLength(Object.keys(GUESTS).length);
  });
});

describe('the guest powers itself off or reboots (libvirt on_poweroff=destroy, on_reboot=restart)', () => {
  function withFakeGuests() {
    const power: Array<(e: 'poweroff' | 'reboot') => void> = [];
    const fake = new Hypervisor({
      host: host.sys, clock, rng: new Rng(2),
      guests: {
        newDisk: () => ({ fs: undefined as never, writtenBytes: () => 0 }),
        boot: (spec) => { power.push(spec.onPower); return { init: undefined as never, login: () => undefined as never, halt: () => undefined }; },
      },
    });
    return { fake, power };
  }

  it.each([
    ['poweroff', 'shut off', undefined],
    ['reboot', 'running', 1],
  ] as const)('%s from inside leaves the domain %s', (event, state, id) => {
    const { fake, power } = withFakeGuests();
    fake.create({ name: 'g', image: 'alpine-3.22' });
    fake.start('g');
    clock.advance(totalBootUs(MICROVM.phases));
    power[0](event);
    clock.advance(0);
    expect(fake.domain('g')).toMatchObject({ state, id, booted: false });
    if (event === 'reboot') {
      clock.advance(totalBootUs(MICROVM.phases));
      expect(fake.domain('g').booted).toBe(true);
      expect(power).toHaveLength(2);
    }
  });
});

describe('type 1 host: guest RAM comes from the hypervisor, not from Dom0 (facts §7.1)', () => {
  it('Dom0 holds only device models; the pool refuses what it cannot hold', () => {
    const xen = new Hypervisor({ host: host.sys, clock, rng: new Rng(5), kind: 'type1', poolBytes: 6 * GiB });
    for (const n of ['a', 'b', 'c']) xen.create({ name: n, image: 'ubuntu-24.04', clone: 'linked' });
    xen.start('a');
    xen.start('b');
    expect(host.used()).toBe(2 * XEN_DEVICE_MODEL_BYTES);
    expect(xen.poolFree()).toBe(2 * GiB);
    expect(host.procs.get(xen.domain('a').vmmPid ?? 0)?.slice(0, 3)).toEqual(['/usr/lib/xen/bin/qemu-system-i386', '-xen-domid', '1']);
    xen.create({ name: 'big', image: 'ubuntu-24.04', clone: 'linked', memoryBytes: 3 * GiB });
    expect(err(() => xen.start('big'))).toBe("internal error: libxenlight failed to create new domain 'big': cannot allocate 3072 MiB, 2048 MiB free in the hypervisor");
    expect(new Hypervisor({ host: host.sys, clock, rng: new Rng(5) }).poolFree()).toBeUndefined();
  });
});

describe('a refused create leaves nothing behind (validate first, mutate last)', () => {
  it.each([
    ['Docker in a Windows guest', { name: 'w', image: 'windows-server-2022', docker: true }, /Docker Engine in Linux guests only/],
    ['zero vCPUs', { name: 'z', image: 'cirros-0.6.3', vcpus: 0 }, /vCPU count must be positive/],
    ['unknown image', { name: 'u', image: 'plan9' }, /Cannot access storage file/],
  ] as const)('%s', (_n, req, msg) => {
    const files = host.fs.readdir(IMAGES_DIR);
    expect(err(() => hv.create(req))).toMatch(msg);
    expect(host.fs.readdir(IMAGES_DIR)).toEqual(files);
    expect(hv.domains()).toEqual([]);
  });
});
