// network_namespaces(7), veth(4), bind(2), ip-netns(8); facts §5.4, §11.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../testkit.ts';
import type { Sys } from '../types.ts';

const host = (): Sys => bootTestKernel().login();

describe('port space per network namespace (claim port-conflict)', () => {
  it.each([
    ['same namespace, same port', false, 'EADDRINUSE'],
    ['two namespaces, same port', true, undefined],
  ] as const)('%s', (_n, separate, code) => {
    const s = host();
    const a = s.spawn({ argv: ['server'], newNamespaces: separate ? ['net'] : [] });
    const b = s.spawn({ argv: ['server'], newNamespaces: separate ? ['net'] : [] });
    a.listen(4000);
    const second = (): void => b.listen(4000);
    if (code) expect(second).toThrow(expect.objectContaining({ code }));
    else expect(second).not.toThrow();
  });

  it('a port is free again once its process exits', () => {
    const s = host();
    const a = s.spawn({ argv: ['server'] });
    a.listen(4000);
    a.exit(0);
    expect(() => s.spawn({ argv: ['server'] }).listen(4000)).not.toThrow();
  });

  it('ports below 1024 need CAP_NET_BIND_SERVICE (EACCES)', () => {
    const c = host().spawn({ argv: ['server'] });
    c.setCapabilities(new Set());
    expect(() => c.listen(80)).toThrow(expect.objectContaining({ code: 'EACCES' }));
  });
});

describe('devices (veth(4), facts §11)', () => {
  it('a fresh namespace has only lo, DOWN', () => {
    const c = host().spawn({ argv: ['sh'], newNamespaces: ['net'] });
    expect(c.netInterfaces!().map((i) => [i.name, i.up])).toEqual([['lo', false]]);
  });

  it('a veth end moved into another namespace keeps its pair; carrier needs both ends up', () => {
    const s = host();
    const c = s.spawn({ argv: ['sh'], newNamespaces: ['net'] });
    s.netLinkAdd!('veth0', 'veth', 'ceth0');
    s.netLinkSet!('ceth0', { netns: c.pid });
    s.netLinkSet!('veth0', { up: true });
    expect(s.netInterfaces!().find((i) => i.name === 'veth0')).toMatchObject({ up: true, lowerUp: false, peerElsewhere: true });
    c.netLinkSet!('ceth0', { up: true, name: 'eth0' });
    c.netAddrAdd!('eth0', '172.17.0.2/16');
    expect(s.netInterfaces!().find((i) => i.name === 'veth0')?.lowerUp).toBe(true);
    expect(c.netInterfaces!().map((i) => i.name)).toEqual(['lo', 'eth0']);
  });

  it.each([
    ['moving lo', (s: Sys) => s.netLinkSet!('lo', { netns: 1 }), 'EINVAL'],
    ['a duplicate name', (s: Sys) => s.netLinkAdd!('eth0', 'bridge'), 'EEXIST'],
    ['a bad address', (s: Sys) => s.netAddrAdd!('eth0', '300.1.1.1/24'), 'EINVAL'],
    ['without CAP_NET_ADMIN', (s: Sys) => { const c = s.spawn({ argv: ['ip'] }); c.setCapabilities(new Set()); c.netLinkAdd!('x', 'bridge'); }, 'EPERM'],
  ])('%s → %s', (_n, f, code) => {
    expect(() => f(host())).toThrow(expect.objectContaining({ code }));
  });
});

describe('named namespaces (ip-netns(8))', () => {
  it('ip netns add pins a namespace at /run/netns/NAME; setns by that path joins it', () => {
    const s = host();
    s.netnsAdd!('red');
    expect(s.netnsList!()).toEqual(['red']);
    expect(s.stat('/run/netns/red').type).toBe('file');
    const c = s.spawn({ argv: ['sh'] });
    c.setnsPath!('/run/netns/red');
    expect(c.readlink('/proc/self/ns/net')).not.toBe(s.readlink('/proc/self/ns/net'));
    expect(c.netInterfaces!().map((i) => i.name)).toEqual(['lo']);
    s.netnsDel!('red');
    expect(() => s.stat('/run/netns/red')).toThrow();
  });
});
