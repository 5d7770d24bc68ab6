import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { Networks, parsePublish } from './network.ts';

// libnetwork defaults (facts §4.5) and portallocator errors (facts §5.4).
describe('Networks', () => {
  it('has bridge, host, none with docker0 on 172.17.0.0/16', () => {
    const n = new Networks(new Rng(1), 0);
    expect(n.list().map((x) => [x.name, x.driver, x.subnet, x.bridge])).toEqual([
      ['bridge', 'bridge', '172.17.0.0/16', 'docker0'],
      ['host', 'host', '', ''],
      ['none', 'null', '', ''],
    ]);
  });
  it('hands out 172.17.0.2, .3 and reuses freed addresses', () => {
    const n = new Networks(new Rng(1), 0);
    const br = n.find('bridge')!;
    expect([n.connect(br, 'a'), n.connect(br, 'b')]).toEqual(['172.17.0.2', '172.17.0.3']);
    n.disconnect('a');
    expect(n.connect(br, 'c')).toBe('172.17.0.2');
  });
  it('user networks take the next pool', () => {
    const n = new Networks(new Rng(1), 0);
    expect(n.create('app', 0).subnet).toBe('172.18.0.0/16');
    expect(n.create('db', 0).subnet).toBe('172.19.0.0/16');
    expect(() => n.create('app', 0)).toThrow('network with name app already exists');
    expect(() => n.remove('bridge')).toThrow('bridge is a pre-defined network and cannot be removed');
  });
  it('refuses a host port already published', () => {
    const n = new Networks(new Rng(1), 0);
    n.reservePorts('a', [{ hostIp: '0.0.0.0', hostPort: 4000, proto: 'tcp' }]);
    expect(() => n.reservePorts('b', [{ hostIp: '0.0.0.0', hostPort: 4000, proto: 'tcp' }])).toThrow('Bind for 0.0.0.0:4000 failed: port is already allocated');
    n.releasePorts('a');
    expect(() => n.reservePorts('b', [{ hostIp: '0.0.0.0', hostPort: 4000, proto: 'tcp' }])).not.toThrow();
  });
  it.each([
    ['4000:80', { hostIp: '0.0.0.0', hostPort: 4000, containerPort: 80, proto: 'tcp' }],
    ['127.0.0.1:53:53/udp', { hostIp: '127.0.0.1', hostPort: 53, containerPort: 53, proto: 'udp' }],
    ['8080', { hostIp: '0.0.0.0', hostPort: 0, containerPort: 8080, proto: 'tcp' }],
  ])('parsePublish(%s)', (s, want) => expect(parsePublish(s)).toEqual(want));
});
