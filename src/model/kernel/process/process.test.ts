// fork(2), _exit(2), waitpid(2), kill(2), signal(7), pid_namespaces(7); facts §5.2, §6.4, §9.6.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../testkit.ts';
import { toText } from '../../fs/data.ts';
import type { Signal } from '../types.ts';

describe('fork/exit/wait (wait(2): a zombie until its parent waits)', () => {
  it('zombie shows Z, wait reaps it and returns the status', () => {
    const sh = bootTestKernel().login();
    const c = sh.spawn({ argv: ['/bin/true'] });
    c.exit(3);
    expect(sh.processes().find((p) => p.pid === c.pid)?.state).toBe('Z');
    expect(sh.wait(c.pid)).toBe(3);
    expect(sh.processes().some((p) => p.pid === c.pid)).toBe(false);
    expect(() => sh.wait(c.pid)).toThrow(expect.objectContaining({ code: 'ECHILD' }));
  });

  it('orphans are adopted by init (pid_namespaces(7))', () => {
    const sh = bootTestKernel().login();
    const a = sh.spawn({ argv: ['a'] });
    const b = a.spawn({ argv: ['b'] });
    a.exit(0);
    expect(b.ppid).toBe(1);
  });

  it('PIDs go up from ns_last_pid', () => {
    const sh = bootTestKernel().login();
    const a = sh.spawn({ argv: ['a'] });
    expect(a.pid).toBe(sh.pid + 1);
    expect(toText(sh.readFile('/proc/sys/kernel/ns_last_pid'))).toBe(`${a.pid}\n`);
  });
});

describe.each([
  ['SIGTERM', 143], ['SIGKILL', 137], ['SIGINT', 130], ['SIGHUP', 129],
] as Array<[Signal, number]>)('default action of %s terminates with status %i (128+N)', (sig, status) => {
  it('kill → zombie with that status; pendingSignal names it', () => {
    const sh = bootTestKernel().login();
    const c = sh.spawn({ argv: ['sleep', '100'] });
    sh.kill(c.pid, sig);
    expect(c.pendingSignal()).toBe(sig);
    expect(sh.wait(c.pid)).toBe(status);
  });
});

describe('signal dispositions (signal(7))', () => {
  it.each([
    ['SIGSTOP stops, SIGCONT resumes', ['SIGSTOP', 'SIGCONT'], 'S'],
    ['SIGSTOP alone', ['SIGSTOP'], 'T'],
    ['SIGCHLD is ignored by default', ['SIGCHLD'], 'S'],
  ] as Array<[string, Signal[], string]>)('%s', (_n, sigs, state) => {
    const sh = bootTestKernel().login();
    const c = sh.spawn({ argv: ['sleep'] });
    for (const s of sigs) sh.kill(c.pid, s);
    expect(sh.processes().find((p) => p.pid === c.pid)?.state).toBe(state);
  });

  it('a caught SIGINT is reported once and does not kill', () => {
    const sh = bootTestKernel().login();
    sh.signal!('SIGINT', 'catch');
    sh.kill(sh.pid, 'SIGINT');
    expect(sh.pendingSignal()).toBe('SIGINT');
    expect(sh.pendingSignal()).toBeUndefined();
    expect(sh.self().state).toBe('R');
  });
});

describe('PID namespaces (pid_namespaces(7), facts §5.2)', () => {
  const setup = () => {
    const k = bootTestKernel();
    const sh = k.login();
    const init = sh.spawn({ argv: ['sleep', 'infinity'], newNamespaces: ['pid', 'mnt'] });
    const child = init.spawn({ argv: ['sh'] });
    return { k, sh, init, child };
  };

  it('the first process is PID 1 with PPID 0, NSpid shows both levels from outside', () => {
    const { sh, init, child } = setup();
    expect([init.pid, init.ppid, child.pid, child.ppid]).toEqual([1, 0, 2, 1]);
    const hostPid = sh.processes().find((p) => p.comm === 'sleep')!.pid;
    expect(toText(sh.readFile(`/proc/${hostPid}/status`))).toContain(`NSpid:\t${hostPid}\t1\n`);
    expect(init.processes().map((p) => [p.pid, p.ppid, p.comm])).toEqual([[1, 0, 'sleep'], [2, 1, 'sh']]);
  });

  it.each([
    ['kill -9 1 from inside is ignored', 'inside', 'SIGKILL', true],
    ['kill -TERM 1 from inside is ignored (no handler)', 'inside', 'SIGTERM', true],
    ['kill -9 from the host is forced', 'host', 'SIGKILL', false],
    ['kill -TERM from the host is ignored without a handler', 'host', 'SIGTERM', true],
  ] as const)('%s', (_n, from, sig, survives) => {
    const { sh, init, child } = setup();
    const hostPid = sh.processes().find((p) => p.comm === 'sleep')!.pid;
    if (from === 'inside') child.kill(1, sig);
    else sh.kill(hostPid, sig);
    expect(init.pendingSignal() === undefined).toBe(survives);
  });

  it('when init dies every process in the namespace is SIGKILLed and fork fails with ENOMEM', () => {
    const { sh, init, child } = setup();
    const hostPid = sh.processes().find((p) => p.comm === 'sleep')!.pid;
    const joiner = sh.spawn({ argv: ['nsenter'] });
    joiner.setns(hostPid, ['pid']);
    sh.kill(hostPid, 'SIGKILL');
    expect(child.pendingSignal()).toBe('SIGKILL');
    expect(() => joiner.spawn({ argv: ['x'] })).toThrow(expect.objectContaining({ code: 'ENOMEM' }));
    expect(sh.wait(hostPid)).toBe(137);
  });
});

describe('pids.max (cgroup-v2.rst "PID": fork returns EAGAIN)', () => {
  it.each([[1], [3]])('limit %i', (limit) => {
    const k = bootTestKernel();
    const sh = k.login();
    sh.mkdir('/sys/fs/cgroup/system.slice/box');
    sh.writeFile('/sys/fs/cgroup/system.slice/box/pids.max', new TextEncoder().encode(String(limit)));
    const first = sh.spawn({ argv: ['sh'], cgroup: '/system.slice/box' });
    for (let i = 1; i < limit; i++) first.spawn({ argv: ['sh'] });
    expect(() => first.spawn({ argv: ['sh'] })).toThrow(expect.objectContaining({ code: 'EAGAIN' }));
    expect(toText(sh.readFile('/sys/fs/cgroup/system.slice/box/pids.current'))).toBe(`${limit}\n`);
    expect(toText(sh.readFile('/sys/fs/cgroup/system.slice/box/pids.events'))).toBe('max 1\n');
  });
});

describe('sleep on the virtual clock (nanosleep(2))', () => {
  it('a foreground sleep moves the clock; a signal ends it with EINTR', async () => {
    const k = bootTestKernel();
    const sh = k.login();
    const c = sh.spawn({ argv: ['sleep', '2'] });
    const t0 = c.now();
    await c.sleep(2_000_000);
    expect(c.now() - t0).toBe(2_000_000);
    const d = sh.spawn({ argv: ['sleep', 'infinity'] });
    const p = d.sleep(Infinity);
    sh.kill(d.pid, 'SIGINT');
    await expect(p).rejects.toMatchObject({ code: 'EINTR' });
  });

  it('a background sleep waits for the foreground to move time; waitAsync drives it', async () => {
    const k = bootTestKernel();
    const sh = k.login();
    const bg = sh.spawn({ argv: ['sleep', '5'], background: true });
    let done = false;
    void bg.sleep(5_000_000).then(() => { done = true; bg.exit(0); });
    const fg = sh.spawn({ argv: ['sleep', '1'] });
    await fg.sleep(1_000_000);
    expect(done).toBe(false);
    expect(await sh.waitAsync!(bg.pid)).toBe(0);
    expect(done).toBe(true);
  });
});

describe('kill -9 -1 (kill(2): every process the caller may signal, except init and itself)', () => {
  it('spares init, kernel threads and the caller', () => {
    const sh = bootTestKernel().login();
    const a = sh.spawn({ argv: ['sleep'] });
    const killer = sh.spawn({ argv: ['kill'] });
    killer.kill(-1, 'SIGKILL');
    expect(a.pendingSignal()).toBe('SIGKILL');
    expect(sh.pendingSignal()).toBe('SIGKILL');
    expect(killer.pendingSignal()).toBeUndefined();
    expect(killer.processes().filter((p) => p.state !== 'Z').map((p) => p.comm)).toEqual(['systemd', 'kthreadd', 'kill']);
  });
});

describe('a background loop of tiny sleeps cannot make time crawl', () => {
  it('wakes at most once per millisecond while the foreground sleeps a second', async () => {
    const sh = bootTestKernel().login();
    const bg = sh.spawn({ argv: ['sh'], background: true });
    let spins = 0;
    let stop = false;
    void (async () => { while (!stop) { spins++; await bg.sleep(1); } })();
    const fg = sh.spawn({ argv: ['sleep', '1'] });
    await fg.sleep(1_000_000);
    stop = true;
    expect(spins).toBeGreaterThan(900);
    expect(spins).toBeLessThanOrEqual(1001);
  });
});

describe('fork(2) at the machine\'s limits', () => {
  it('ENOMEM once RAM is full (a 128 MiB machine)', () => {
    const sh = bootTestKernel({ memoryBytes: 128 * 1024 * 1024 }).login();
    let n = 0;
    expect(() => { for (;;) { sh.spawn({ argv: ['sleep'] }); n++; } }).toThrow(expect.objectContaining({ code: 'ENOMEM' }));
    expect(n).toBeGreaterThan(50);
  });

  it('EAGAIN at kernel.threads-max', () => {
    const sh = bootTestKernel().login();
    sh.writeFile('/proc/sys/kernel/threads-max', new TextEncoder().encode('10'));
    expect(() => { for (let i = 0; i < 20; i++) sh.spawn({ argv: ['sleep'] }); }).toThrow(expect.objectContaining({ code: 'EAGAIN' }));
    expect(sh.processes().length).toBe(10);
  });
});

describe('clonePid: what clone(2) returns to the parent', () => {
  it('is the host PID of a new PID namespace\'s init, and the parent waits on it', () => {
    const sh = bootTestKernel().login();
    const c = sh.spawn({ argv: ['init'], newNamespaces: ['pid'] });
    expect(c.pid).toBe(1);
    expect(c.clonePid).toBe(sh.pid + 1);
    c.exit(7);
    expect(sh.wait(c.clonePid!)).toBe(7);
  });
});
