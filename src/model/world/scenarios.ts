/**
 * Named scenarios: functions that return a fresh World. A <Terminal> or a
 * <Claim> names one; the CLI takes `--scenario NAME`. Hardware sizes are
 * illustrative (a developer laptop, a server), not measurements.
 */
import { World } from './world.ts';
import { addHost, GB, GiB } from './host.ts';
import { connectLan } from './lan.ts';

export interface Scenario {
  readonly name: string;
  /** One line, for `--help` and writers' docs. */
  readonly summary: string;
  build(programs: readonly string[]): World;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'laptop',
    summary: 'a Debian 13 laptop (8 CPUs, 16 GiB, 512 GB disk) with Docker Engine and KVM/libvirt installed',
    build(programs) {
      const w = new World('laptop');
      addHost(w, { name: 'laptop', cpus: 8, memoryBytes: 16 * GiB, diskBytes: 512 * GB, programs, docker: true, hypervisor: 'kvm' });
      return w;
    },
  },
  {
    name: 'server',
    summary: 'a bigger Linux server (64 CPUs, 256 GiB, 2 TB disk) with Docker Engine and KVM, for density',
    build(programs) {
      const w = new World('server');
      addHost(w, { name: 'server', cpus: 64, memoryBytes: 256 * GiB, diskBytes: 2000 * GB, programs, docker: true, hypervisor: 'kvm' });
      return w;
    },
  },
  {
    name: 'xen-host',
    summary: 'a bare-metal (type 1) hypervisor host, Xen-style: 64 GiB machine, this shell in Dom0 (4 CPUs, 4 GiB), guests\' RAM from the hypervisor',
    build(programs) {
      const w = new World('xen-host');
      addHost(w, { name: 'dom0', cpus: 4, memoryBytes: 4 * GiB, diskBytes: 1000 * GB, programs, hypervisor: 'type1', hypervisorPoolBytes: 59 * GiB });
      return w;
    },
  },
  {
    name: 'desktop',
    summary: 'a Linux desktop with a hosted (type 2) hypervisor, VirtualBox-style (8 CPUs, 16 GiB, 512 GB disk)',
    build(programs) {
      const w = new World('desktop');
      addHost(w, { name: 'desktop', cpus: 8, memoryBytes: 16 * GiB, diskBytes: 512 * GB, programs, hypervisor: 'type2' });
      return w;
    },
  },
  {
    name: 'two-hosts',
    summary: 'two Debian 13 hosts, dev and prod (4 CPUs, 8 GiB each), both with Docker Engine, one registry; `ssh prod` from dev',
    build(programs) {
      const w = new World('two-hosts');
      for (const name of ['dev', 'prod']) addHost(w, { name, cpus: 4, memoryBytes: 8 * GiB, diskBytes: 256 * GB, programs, docker: true });
      connectLan(w);
      return w;
    },
  },
];

export const SCENARIO_NAMES: readonly string[] = SCENARIOS.map((s) => s.name);

/** The scenario called `name`, or undefined. */
export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
