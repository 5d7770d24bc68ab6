// The booted machine (design.md "Kernel"): PID 1 and kthreadd, the login shell, uname(2), sockets, dmesg.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from './testkit.ts';
import { VirtualClock } from '../clock.ts';

describe('boot', () => {
  it.each([
    ['PID 1 is systemd running /sbin/init', (k: ReturnType<typeof bootTestKernel>) => k.init.self().comm + ' ' + k.init.self().argv.join(' '), 'systemd /sbin/init'],
    ['kthreadd is PID 2 with PPID 0', (k: ReturnType<typeof bootTestKernel>) => { const p = k.init.processes()[1]; return `${p.pid} ${p.ppid} ${p.comm}`; }, '2 0 kthreadd'],
    ['the login shell is a child of init in the session scope', (k: ReturnType<typeof bootTestKernel>) => { const s = k.login(); return `${s.ppid} ${s.self().cgroup} ${s.getcwd()} ${s.self().tty}`; }, '1 /user.slice/user-0.slice/session-1.scope /root pts/0'],
    ['uname(2)', (k: ReturnType<typeof bootTestKernel>) => Object.values(k.init.uname()).join('|'), 'Linux|host|6.12.48+deb13-amd64|#1 SMP PREEMPT_DYNAMIC Debian 6.12.48-1 (2025-09-20)|x86_64|(none)'],
    ['dmesg starts with the kernel banner', (k: ReturnType<typeof bootTestKernel>) => k.dmesg.lines()[0].slice(0, 40), '[    0.000000] Linux version 6.12.48+deb'],
    ['the kernel booted 2.1 s before userspace (illustrative)', (k: ReturnType<typeof bootTestKernel>) => String(k.login().now()), '2100000'],
  ])('%s', (_n, f, want) => {
    expect(f(bootTestKernel())).toBe(want);
  });

  it('a second machine on the same clock boots later and counts its own uptime', () => {
    const clock = new VirtualClock();
    const a = bootTestKernel({ clock });
    clock.advance(60_000_000);
    const b = bootTestKernel({ clock });
    expect(a.login().now() - b.login().now()).toBe(60_000_000);
  });
});

describe('UNIX sockets (connect(2))', () => {
  it.each([
    ['a registered server is returned', '/var/run/docker.sock', 'server'],
    ['a missing socket file', '/run/nothing.sock', 'ENOENT'],
    ['a file nobody listens on', '/etc/hostname', 'ECONNREFUSED'],
  ])('%s', (_n, path, want) => {
    const k = bootTestKernel();
    k.registerSocket('/run/docker.sock', 'server');
    const s = k.login();
    if (want === 'server') expect(s.connect(path)).toBe('server');
    else expect(() => s.connect(path)).toThrow(expect.objectContaining({ code: want }));
  });

  it('the socket is a socket inode (srw-rw----)', () => {
    const k = bootTestKernel();
    k.registerSocket('/run/docker.sock', {});
    expect(k.login().lstat('/run/docker.sock')).toMatchObject({ type: 'socket', mode: 0o660 });
  });
});
