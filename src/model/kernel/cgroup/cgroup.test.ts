// Documentation/admin-guide/cgroup-v2.rst (facts §6): file formats, memory.max OOM, cpu.max throttling.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../testkit.ts';
import { fromText, toText, virtualData } from '../../fs/data.ts';
import type { Sys } from '../types.ts';

const CG = '/sys/fs/cgroup/system.slice/box';
const read = (s: Sys, f: string): string => toText(s.readFile(`${CG}/${f}`));
const write = (s: Sys, f: string, v: string): void => s.writeFile(`${CG}/${f}`, fromText(v));
/** The disk under / (files put there by the installer, not yet in the page cache). */
let lastKernel: ReturnType<typeof bootTestKernel>;
const rootfs = (_s: Sys) => lastKernel.options.rootfs;
const setup = (): { s: Sys; c: Sys } => {
  lastKernel = bootTestKernel();
  const s = lastKernel.login();
  s.mkdir(CG);
  const c = s.spawn({ argv: ['app'], cgroup: '/system.slice/box' });
  return { s, c };
};

describe('interface files read back in the documented formats', () => {
  it.each([
    ['memory.max', undefined, 'max\n'],
    ['memory.max', '536870912', '536870912\n'],
    ['memory.max', '100M', '104857600\n'],
    ['memory.high', undefined, 'max\n'],
    ['cpu.max', undefined, 'max 100000\n'],
    ['cpu.max', '50000 100000', '50000 100000\n'],
    ['cpu.max', '20000', '20000 100000\n'],
    ['cpu.weight', undefined, '100\n'],
    ['pids.max', undefined, 'max\n'],
    ['pids.max', '10', '10\n'],
    ['io.max', '8:16 rbps=2097152 wiops=120', '8:16 rbps=2097152 wbps=max riops=max wiops=120\n'],
    ['cgroup.events', undefined, 'populated 1\nfrozen 0\n'],
    ['memory.events', undefined, 'low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n'],
    ['cgroup.controllers', undefined, 'cpu io memory pids\n'],
  ])('%s after writing %s', (file, value, want) => {
    const { s } = setup();
    if (value !== undefined) write(s, file, value);
    expect(read(s, file)).toBe(want);
  });

  it.each([
    ['cpu.max', 'abc'], ['memory.max', '-1'], ['pids.max', 'lots'], ['cgroup.subtree_control', '+nosuch'], ['cpu.weight', '0'],
  ])('%s rejects %s', (file, value) => {
    const { s } = setup();
    expect(() => write(s, file, value)).toThrow();
  });

  it('cgroup.procs moves a process; /proc/PID/cgroup follows; rmdir needs an empty group', () => {
    const { s, c } = setup();
    expect(read(s, 'cgroup.procs')).toBe(`${c.pid}\n`);
    expect(() => s.rmdir(CG)).toThrow(expect.objectContaining({ code: 'EBUSY' }));
    expect(() => s.writeFile('/sys/fs/cgroup/system.slice/cgroup.procs', fromText(String(c.pid)))).toThrow(expect.objectContaining({ code: 'EBUSY' }));
    s.mkdir('/sys/fs/cgroup/system.slice/other');
    s.writeFile('/sys/fs/cgroup/system.slice/other/cgroup.procs', fromText(String(c.pid)));
    expect(toText(s.readFile(`/proc/${c.pid}/cgroup`))).toBe('0::/system.slice/other\n');
    s.rmdir(CG);
  });
});

describe('memory.max → OOM kill counted in memory.events (facts §6.2)', () => {
  it('the largest process dies with SIGKILL and dmesg says so', () => {
    const { s, c } = setup();
    write(s, 'memory.max', String(64 * 1024 * 1024));
    c.allocate(32 * 1024 * 1024);
    expect(c.pendingSignal()).toBeUndefined();
    c.allocate(64 * 1024 * 1024);
    expect(c.pendingSignal()).toBe('SIGKILL');
    expect(read(s, 'memory.events')).toMatch(/^low 0\nhigh 0\nmax 1\noom 1\noom_kill 1\n/);
    expect(s.syslog!().some((l) => /Memory cgroup out of memory: Killed process \d+ \(app\)/.test(l))).toBe(true);
    expect(s.wait(c.pid)).toBe(137);
  });

  it('page cache is reclaimed before anyone is killed', () => {
    const { s, c } = setup();
    rootfs(s).write('/srv/big', virtualData(40 * 1024 * 1024, 'big'));
    write(s, 'memory.max', String(64 * 1024 * 1024));
    c.readFile('/srv/big');
    expect(Number(read(s, 'memory.current'))).toBeGreaterThan(40 * 1024 * 1024);
    c.allocate(30 * 1024 * 1024);
    expect(c.pendingSignal()).toBeUndefined();
    expect(read(s, 'memory.events')).toMatch(/max 1\noom 0\n/);
  });
});

describe('cpu.max throttling (facts §6.3)', () => {
  it.each([
    // quota, period, cpu µs → wall µs, nr_periods, nr_throttled, throttled_usec
    ['max', 100000, 1_000_000, 1_000_000, 0, 0, 0],
    ['50000', 100000, 1_000_000, 1_950_000, 20, 19, 950_000],
    ['20000', 100000, 50_000, 210_000, 3, 2, 160_000],
    ['200000', 100000, 1_000_000, 1_000_000, 10, 0, 0],
  ] as const)('cpu.max %s %i: %i µs of CPU', (quota, period, cpu, wall, periods, throttled, tus) => {
    const { s, c } = setup();
    write(s, 'cpu.max', `${quota} ${period}`);
    expect(c.burnCpu(cpu)).toBe(wall);
    const st = read(s, 'cpu.stat');
    expect(st).toContain(`usage_usec ${cpu}\n`);
    if (quota !== 'max') expect(st).toContain(`nr_periods ${periods}\nnr_throttled ${throttled}\nthrottled_usec ${tus}\n`);
  });
});

describe('page cache holds a shared file once (claim shared-libraries)', () => {
  it('100 readers of one lower file add it once', () => {
    const k = bootTestKernel();
    const s = k.login();
    k.options.rootfs.write('/usr/lib/libc.so.6', virtualData(2 * 1024 * 1024, 'libc'));
    const before = k.pageCache.total;
    for (let i = 0; i < 100; i++) s.spawn({ argv: ['app'] }).readFile('/usr/lib/libc.so.6');
    expect(k.pageCache.total - before).toBe(2 * 1024 * 1024);
  });
});
