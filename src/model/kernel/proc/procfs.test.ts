// proc(5): the files procfs computes from kernel state.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../testkit.ts';
import { toText } from '../../fs/data.ts';
import type { Sys } from '../types.ts';

const read = (s: Sys, p: string): string => toText(s.readFile(p));

describe('system-wide files', () => {
  it.each([
    ['/proc/version', /^Linux version 6\.12\.48\+deb13-amd64 \(builder@model\) .* #1 SMP PREEMPT_DYNAMIC Debian 6\.12\.48-1 \(2025-09-20\)\n$/],
    ['/proc/sys/kernel/ostype', /^Linux\n$/],
    ['/proc/sys/kernel/osrelease', /^6\.12\.48\+deb13-amd64\n$/],
    ['/proc/sys/kernel/hostname', /^host\n$/],
    ['/proc/sys/kernel/pid_max', /^4194304\n$/],
    ['/proc/sys/net/ipv4/ip_local_port_range', /^32768\t60999\n$/],
    ['/proc/sys/vm/swappiness', /^60\n$/],
    ['/proc/uptime', /^2\.10 \d+\.\d\d\n$/],
    ['/proc/loadavg', /^0\.00 0\.01 0\.05 1\/3 401\n$/],
    ['/proc/meminfo', /^MemTotal: {8}8136948 kB\nMemFree: +\d+ kB\nMemAvailable: +\d+ kB\n/],
    ['/proc/cpuinfo', /^processor\t: 0\n(.|\n)*processor\t: 3\n/],
    ['/proc/mounts', /^\/dev\/sda1 \/ ext4 rw,relatime 0 0\nproc \/proc proc rw,nosuid,nodev,noexec,relatime 0 0\n/],
    ['/proc/self/mountinfo', /^\d+ \d+ 8:1 \/ \/ rw,relatime - ext4 \/dev\/sda1 rw\n/],
    ['/proc/1/cmdline', /^\/sbin\/init\0$/],
    ['/proc/1/comm', /^systemd\n$/],
    ['/proc/2/status', /^Name:\tkthreadd\n(.|\n)*PPid:\t0\n(.|\n)*Kthread:\t1\n/],
    ['/proc/self/status', /^Name:\tbash\nUmask:\t0022\nState:\tR \(running\)\nTgid:\t401\nNgid:\t0\nPid:\t401\nPPid:\t1\n(.|\n)*NSpid:\t401\n(.|\n)*CapEff:\t000001ffffffffff\n/],
    ['/proc/self/stat', /^401 \(bash\) R 1 401 401 34816 /],
    ['/proc/self/cgroup', /^0::\/user\.slice\/user-0\.slice\/session-1\.scope\n$/],
    ['/proc/self/uid_map', /^ {9}0 {10}0 4294967295\n$/],
  ])('%s', (path, want) => {
    expect(read(bootTestKernel().login(), path)).toMatch(want);
  });
});

describe('links', () => {
  it.each([
    ['/proc/self', '401'], ['/proc/mounts', 'self/mounts'], ['/proc/self/cwd', '/root'], ['/proc/self/root', '/'],
    ['/proc/self/ns/pid_for_children', 'pid:[4026531836]'],
  ])('%s → %s', (path, want) => {
    expect(bootTestKernel().login().readlink(path)).toBe(want);
  });

  it('stat of a namespace link gives the namespace inode (nsfs)', () => {
    expect(bootTestKernel().login().stat('/proc/self/ns/uts').ino).toBe(4026531838);
  });
});

describe('writes', () => {
  it.each([
    ['/proc/sys/kernel/ostype', 'EACCES'],
    ['/proc/version', 'EACCES'],
    ['/proc/sys/kernel/pid_max', 'EINVAL', '5'],
  ])('%s → %s', (path, code, value = 'x') => {
    expect(() => bootTestKernel().login().writeFile(path, new TextEncoder().encode(value))).toThrow(expect.objectContaining({ code }));
  });

  it('echo 3 > /proc/sys/vm/drop_caches empties the page cache', () => {
    const k = bootTestKernel();
    const s = k.login();
    s.writeFile('/tmp/f', new Uint8Array(10000));
    expect(k.pageCache.total).toBeGreaterThan(0);
    s.writeFile('/proc/sys/vm/drop_caches', new TextEncoder().encode('3'));
    expect(k.pageCache.total).toBe(0);
  });
});

describe('time namespace offsets (time_namespaces(7))', () => {
  it('a child in a new time namespace sees uptime shifted by the boottime offset', () => {
    const s = bootTestKernel().login();
    const u = s.spawn({ argv: ['unshare'] });
    u.unshare(['time']);
    u.writeFile('/proc/self/timens_offsets', new TextEncoder().encode('boottime 86400 0'));
    const c = u.spawn({ argv: ['cat'] });
    expect(read(c, '/proc/uptime')).toMatch(/^86402\.10 /);
    expect(read(s, '/proc/uptime')).toMatch(/^2\.10 /);
    expect(() => u.writeFile('/proc/self/timens_offsets', new TextEncoder().encode('boottime 1 0'))).toThrow(expect.objectContaining({ code: 'EACCES' }));
  });
});
