import { describe, expect, it } from 'vitest';
import { openSession } from '../../open-session.ts';
import { runScript } from '../../run-script.ts';

/** Run `script` in a fresh world of `scenario`, as `npm run -s sim` would; returns what the terminal shows. */
async function sim(script: string, scenario = 'laptop'): Promise<string> {
  let out = '';
  const session = openSession(scenario, { color: false, columns: 120, onOutput: (t) => { out += t; } });
  await runScript(session, script);
  return out;
}

const usedMiB = (free: string): number => Number(/^Mem:\s+\d+\s+(\d+)/m.exec(free)?.[1]);

// The claims of claims.md this folder backs, end to end through the shell on the laptop scenario.
describe('shared-kernel: uname -r on the host and in a VM', () => {
  it('the guest reports its own kernel, the host its own', async () => {
    const out = await sim('uname -r\nvm create vm1 >/dev/null\nvm start vm1 -q >/dev/null\nvm ssh vm1 -- uname -r\nvm ssh vm1 -- hostname');
    expect(out).toBe('6.12.48+deb13-amd64\n6.8.0-48-generic\nvm1\n');
  });
});

describe('start-time: time vm start reports the boot on the virtual clock', () => {
  it.each([
    ['full (systemd-analyze example + illustrative firmware/loader)', '', 'real\t1m12.108s'],
    ['microvm (Firecracker: 12 ms VMM + 125 ms to /sbin/init)', '--profile microvm', 'real\t0m0.137s'],
  ])('%s', async (_n, flags, real) => {
    expect(await sim(`vm create a ${flags} >/dev/null\ntime vm start a -q`)).toContain(real);
  });
});

describe('other-os: a Windows VM boots on a Linux host', () => {
  it('ver and uname -s in the guest say Windows', async () => {
    const out = await sim('vm create win --image windows-server-2022 >/dev/null\nvm start win -q >/dev/null\nvm ssh win -- ver\nvm ssh win -- uname -s');
    expect(out).toBe('\nMicrosoft Windows [Version 10.0.20348.2700]\nWindows_NT\n');
  });
});

describe('density: free -m on the host before and after VMs', () => {
  it('each running VM takes its RAM plus the VMM overhead from the host', async () => {
    const out = await sim('free -m\nfor i in 1 2 3; do vm create v$i --linked --memory 1G >/dev/null; vm start v$i -q >/dev/null; done\nfree -m');
    const [before, after] = out.split('total').slice(1).map(usedMiB);
    expect(after - before).toBeGreaterThanOrEqual(3 * (1024 + 131));
    expect(after - before).toBeLessThan(3 * (1024 + 131) + 64);
  });
});

describe('hypervisor-types: what sits under the guest', () => {
  it('the host has KVM; the guest sees a hypervisor and cannot nest', async () => {
    const out = await sim('vm create g --profile microvm >/dev/null\nvm start g -q >/dev/null\nkvm-ok\nvirt-what\nvm ssh g -- virt-what\nvm ssh g -- kvm-ok');
    expect(out).toBe('INFO: /dev/kvm exists\nKVM acceleration can be used\nkvm\nINFO: Your CPU does not support KVM extensions\nKVM acceleration can NOT be used\n');
  });
});

describe('shared-disk (VM half): full copies vs qcow2 backing files', () => {
  const usedKiB = (df: string): number => Number(df.trim().split('\n')[1].split(/\s+/)[2]);
  it.each([
    ['full copies', '', 10 * 600_000_000 / 1024 - 64, 10 * 600_000_000 / 1024 + 1024],
    ['linked clones', '--linked', 10 * 192 - 64, 10 * 200 + 64],
  ])('ten %s', async (_n, flag, min, max) => {
    const out = await sim(`df /\nfor i in 1 2 3 4 5 6 7 8 9 10; do vm create v$i ${flag} >/dev/null; done\ndf /`);
    const [before, after] = out.split('Filesystem').slice(1).map((t) => usedKiB('Filesystem' + t));
    expect(after - before).toBeGreaterThanOrEqual(min);
    expect(after - before).toBeLessThanOrEqual(max);
  });
});

describe('containers-in-vms: a guest runs its own container engine', () => {
  it('docker inside the guest uses the guest kernel', async () => {
    const out = await sim('vm create box --docker >/dev/null\nvm start box -q >/dev/null\nvm ssh box -- docker run --rm alpine uname -r 2>/dev/null');
    expect(out).toBe('6.8.0-48-generic\n');
  });
});

describe('isolation: what happens in a guest kernel stays in that guest', () => {
  it('a guest reboots on its own; the host and the other guest keep running', async () => {
    const out = await sim([
      'vm create a --linked >/dev/null', 'vm create b --profile microvm >/dev/null', 'vm start a -q >/dev/null', 'vm start b -q >/dev/null',
      'vm ssh a -- reboot', 'vm ssh b -- uname -n', 'uname -n', 'sleep 75', 'vm ssh a -- uname -n',
    ].join('\n'));
    expect(out).toBe('b\nlaptop\na\n');
  });

  it('a sysctl written in a guest does not change the host', async () => {
    const out = await sim('vm create a --profile microvm >/dev/null\nvm start a -q >/dev/null\nvm ssh a -- sysctl -w vm.swappiness=10\nsysctl vm.swappiness');
    expect(out).toBe('vm.swappiness = 10\nvm.swappiness = 60\n');
  });
});

describe('hypervisor-types across host shapes (scenarios laptop, xen-host, desktop)', () => {
  it.each([
    ['laptop', '', 'kvm\n', /guest RAM from .*|taken from this kernel's RAM by each VMM process/],
    ['xen-host', 'xen\nxen-dom0\n', 'xen\nxen-domU\n', /MiB free of 60416 MiB in the hypervisor/],
    ['desktop', '', 'virtualbox\n', /taken from this kernel's RAM by each VMM process/],
  ])('%s', async (scenario, onHost, inGuest, memory) => {
    const out = await sim('virt-what\necho --\nvm create g --linked >/dev/null\nvm start g -q >/dev/null\nvm ssh g -- virt-what\necho --\nvm host-info | tail -1', scenario);
    const [host, guest, info] = out.split('--\n');
    expect(host).toBe(onHost);
    expect(guest).toBe(inGuest);
    expect(info).toMatch(memory);
  });

  it('on a type 1 host a guest\'s RAM does not come out of Dom0', async () => {
    const out = await sim('free -m\nvm create g --linked --memory 2G >/dev/null\nvm start g -q >/dev/null\nfree -m', 'xen-host');
    const [before, after] = out.split('total').slice(1).map(usedMiB);
    expect(after - before).toBeLessThan(64);
  });
});

describe('tab completion through the session', () => {
  it.each([
    ['vm st', ['start', 'stop']],
    ['virsh dom', ['dominfo', 'domstate']],
    ['vm create x --image ubu', ['ubuntu-24.04']],
  ])('%s', async (line, candidates) => {
    const session = openSession('laptop', { color: false, columns: 80, onOutput: () => {} });
    expect(session.complete(line, line.length).candidates).toEqual(candidates);
  });
});
