import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../model/clock.ts';
import { Hypervisor, LIBVIRT_SOCK } from '../../../model/hypervisor/hypervisor.ts';
import { stubHost } from '../../../model/hypervisor/testkit.ts';
import { GiB } from '../../../model/hypervisor/units.ts';
import { Rng } from '../../../model/rng.ts';
import { completeVirsh, completeVm } from './completion.ts';

// bash-completion style: subcommands, flags, domain names from libvirtd.
describe('virt completion', () => {
  const clock = new VirtualClock();
  const host = stubHost(8 * GiB, clock);
  const hv = new Hypervisor({ host: host.sys, clock, rng: new Rng(1) });
  host.registerSocket(LIBVIRT_SOCK, hv);
  hv.create({ name: 'web', image: 'cirros-0.6.3' });
  const req = (line: string, current = '') => ({ words: line.split(' ').filter(Boolean), current, sys: host.sys });
  it.each([
    ['vm', '', completeVm, ['create', 'start', 'stop', 'destroy', 'rm', 'list', 'info', 'ssh', 'console', 'log', 'images', 'host-info']],
    ['vm start', '', completeVm, ['web']],
    ['vm create x --image', '', completeVm, ['ubuntu-24.04', 'cirros-0.6.3', 'alpine-3.22', 'windows-server-2022']],
    ['vm create x --profile', '', completeVm, ['full', 'microvm']],
    ['virsh dominfo', '', completeVirsh, ['web']],
    ['virsh list', '--', completeVirsh, ['--all', '--name']],
  ] as const)('%s', (line, current, fn, expected) => {
    expect(fn(req(line, current))).toEqual(expected);
  });
});
