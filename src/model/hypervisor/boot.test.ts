import { describe, expect, it } from 'vitest';
import { bootPlan, dmesgStamp, phasesFor, schedule, startupFinished } from './boot.ts';
import { GUESTS } from './guest-os.ts';
import { FULL, MICROVM, totalBootUs } from './profiles.ts';
import { GiB, MiB } from './units.ts';

const vm = { name: 'vm1', memoryBytes: 2 * GiB, vcpus: 2, diskVirtualBytes: 3.5 * GiB };

// systemd-analyze(1) and bootup(7) (facts §7.5); Firecracker SPECIFICATION.md (facts §8.1–8.2).
describe('boot schedule', () => {
  it.each([
    ['full', FULL, ['firmware', 'loader', 'kernel', 'initrd', 'userspace'], 72_108_500],
    ['microvm', MICROVM, ['vmm', 'kernel'], 137_000],
  ] as const)('%s profile: phases in order and total', (_n, profile, names, total) => {
    const s = schedule(profile.phases);
    expect(s.map((p) => p.phase)).toEqual(names);
    expect(totalBootUs(profile.phases)).toBe(total);
    for (let i = 1; i < s.length; i++) expect(s[i].startUs).toBe(s[i - 1].endUs);
  });

  it.each([
    ['kernel', 2_584_500],
    ['initrd', 19_176_500],
    ['userspace', 47_847_500],
  ])('full profile %s phase is the systemd-analyze example (%d µs)', (phase, us) => {
    expect(FULL.phases.find((p) => p.phase === phase)).toMatchObject({ us, source: expect.stringContaining('facts §7.5') });
  });

  it('microVM reaches /sbin/init within Firecracker\'s 125 ms after InstanceStart', () => {
    expect(MICROVM.phases.find((p) => p.phase === 'kernel')?.us).toBeLessThanOrEqual(125_000);
  });

  it.each([
    ['ubuntu-24.04', FULL, ['firmware', 'loader', 'kernel', 'initrd', 'userspace']],
    ['cirros-0.6.3', FULL, ['firmware', 'loader', 'kernel', 'userspace']],
    ['alpine-3.22', MICROVM, ['vmm', 'kernel']],
    ['windows-server-2022', FULL, ['firmware', 'loader', 'kernel', 'userspace']],
  ] as const)('%s under %s: phases', (id, profile, names) => {
    expect(phasesFor(GUESTS[id], profile).map((p) => p.phase)).toEqual(names);
  });

  it.each([FULL, MICROVM])('every phase of $name names a source or says illustrative', (profile) => {
    for (const p of profile.phases) expect(p.source).toMatch(/facts §|illustrative/);
  });

  it('reproduces the man page sentence', () => {
    expect(startupFinished(FULL.phases)).toBe('Startup finished in 2.584s (kernel) + 19.176s (initrd) + 47.847s (userspace) = 1min 9.608s.');
  });
});

describe('boot log', () => {
  it.each([
    [0, '[    0.000000]'],
    [2_584_000, '[    2.584000]'],
    [69_608_123, '[   69.608123]'],
  ])('dmesg stamp %d', (us, text) => expect(dmesgStamp(us)).toBe(text));

  it.each([
    ['ubuntu-24.04', FULL, ['SeaBIOS', 'Linux version 6.8.0-48-generic', 'Run /init as init process', 'Reached target multi-user.target', 'Startup finished in', 'vm1 login: ']],
    ['alpine-3.22', MICROVM, ['Linux version 6.1.141', 'Run /sbin/init as init process', 'Welcome to Alpine Linux', 'vm1 login: ']],
    ['windows-server-2022', FULL, ['Windows Boot Manager', 'SAC started', 'SAC>']],
  ] as const)('%s prints its phases in time order', (id, profile, texts) => {
    const plan = bootPlan(GUESTS[id], profile, vm);
    const all = plan.lines.map((l) => l.text);
    let last = -1;
    for (const t of texts) {
      const i = all.findIndex((l) => l.includes(t));
      expect(i, t).toBeGreaterThan(last);
      last = i;
    }
    for (let i = 1; i < plan.lines.length; i++) expect(plan.lines[i].atUs).toBeGreaterThanOrEqual(plan.lines[i - 1].atUs);
    expect(plan.lines[plan.lines.length - 1].atUs).toBe(plan.totalUs);
  });

  it('dmesg counts from the kernel start, not from power-on', () => {
    const plan = bootPlan(GUESTS['ubuntu-24.04'], FULL, vm);
    expect(plan.kernelStartUs).toBe(2_500_000);
    const run = plan.lines.find((l) => l.text.includes('Run /init'));
    expect(run?.text.startsWith('[    2.584500]')).toBe(true);
    expect(run?.atUs).toBe(2_500_000 + 2_584_500);
  });

  // The guest kernel names the platform it detects (arch/x86/kernel/cpu/hypervisor.c): Xen HVM on a Xen host, KVM otherwise.
  it.each([
    [undefined, 'Hypervisor detected: KVM', true],
    ['KVM', 'Hypervisor detected: KVM', true],
    ['VirtualBox', 'Hypervisor detected: KVM', true],
    ['Xen', 'Hypervisor detected: Xen HVM', false],
  ] as const)('under %s the kernel logs "%s"', (hypervisor, line, kvmClock) => {
    const texts = bootPlan(GUESTS['ubuntu-24.04'], FULL, { ...vm, hypervisor }).lines.map((l) => l.text);
    expect(texts.some((t) => t.endsWith(line))).toBe(true);
    expect(texts.some((t) => t.includes('kvm-clock'))).toBe(kvmClock);
  });

  it('a microVM guest has no firmware and no boot loader', () => {
    const plan = bootPlan(GUESTS['alpine-3.22'], MICROVM, { ...vm, memoryBytes: 128 * MiB });
    expect(plan.lines.some((l) => /SeaBIOS|Loading Linux/.test(l.text))).toBe(false);
    expect(plan.startupFinished).toBeUndefined();
  });
});
