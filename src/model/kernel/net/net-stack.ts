/**
 * One network namespace's stack (network_namespaces(7)): its devices with
 * their addresses and state, and its port space. A fresh namespace has only
 * `lo`, DOWN (facts §11); veth ends come in pairs and may live in different
 * namespaces (veth(4)).
 */
import { fail } from '../../errors.ts';
import { NET_SYSCTL_DEFAULTS } from '../proc/sysctl.ts';

/** An address on an interface, as `ip addr` prints it. */
export interface InetAddr {
  readonly family: 'inet' | 'inet6';
  /** "172.17.0.2/16" */
  readonly cidr: string;
  readonly scope: 'host' | 'global' | 'link';
}

/** A network device (struct net_device, reduced). */
export interface NetDevice {
  readonly index: number;
  name: string;
  readonly kind: 'loopback' | 'ether' | 'veth' | 'bridge';
  mtu: number;
  up: boolean;
  readonly mac: string;
  readonly addrs: InetAddr[];
  /** The other end of a veth pair. */
  peer?: NetDevice;
  /** The stack the device currently lives in. */
  stack: NetStack;
  /** Bridge it is enslaved to (ip link set X master br0). */
  master?: NetDevice;
  qlen: number;
}

/** A listening socket. */
export interface Listener {
  readonly port: number;
  readonly address: string;
  readonly ownerId: number;
}

/** Devices and ports of one namespace. */
export class NetStack {
  readonly devices: NetDevice[] = [];
  readonly listeners: Listener[] = [];
  /** Per-namespace sysctls (net.*), starting from the defaults. */
  readonly sysctl = new Map<string, string>(Object.entries(NET_SYSCTL_DEFAULTS));
  #nextIndex = 1;

  constructor() {
    this.addDevice({ name: 'lo', kind: 'loopback', mtu: 65536, mac: '00:00:00:00:00:00', qlen: 1000 });
  }

  /** Register a device here with the next ifindex. */
  addDevice(d: { name: string; kind: NetDevice['kind']; mtu: number; mac: string; qlen?: number }): NetDevice {
    if (this.device(d.name)) fail('EEXIST', d.name);
    const dev: NetDevice = { index: this.#nextIndex++, name: d.name, kind: d.kind, mtu: d.mtu, up: false, mac: d.mac, addrs: [], stack: this, qlen: d.qlen ?? 1000 };
    this.devices.push(dev);
    this.#byName.set(dev.name, dev);
    return dev;
  }

  /** Move a device in from another namespace (ip link set X netns N); it goes down and keeps no addresses. */
  adopt(dev: NetDevice): void {
    if (this.device(dev.name)) fail('EEXIST', dev.name);
    dev.stack.remove(dev);
    (dev as { index: number }).index = this.#nextIndex++;
    dev.up = false;
    dev.addrs.length = 0;
    dev.master = undefined;
    dev.stack = this;
    this.devices.push(dev);
    this.#byName.set(dev.name, dev);
  }

  readonly #byName = new Map<string, NetDevice>();

  /** The device called `name` here. */
  device(name: string): NetDevice | undefined {
    const d = this.#byName.get(name);
    return d && d.stack === this && d.name === name ? d : undefined;
  }

  /** Take a device out of this namespace (ip link del, or moved away). */
  remove(dev: NetDevice): void {
    const i = this.devices.indexOf(dev);
    if (i >= 0) this.devices.splice(i, 1);
    if (this.#byName.get(dev.name) === dev) this.#byName.delete(dev.name);
  }

  /** ip link set NAME name NEW. */
  rename(dev: NetDevice, name: string): void {
    if (this.#byName.get(dev.name) === dev) this.#byName.delete(dev.name);
    dev.name = name;
    this.#byName.set(name, dev);
  }

  /** bind(2)+listen(2): EADDRINUSE only against listeners of this namespace (bind(2)). */
  listen(port: number, address: string, ownerId: number): void {
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail('EINVAL', String(port));
    const clash = this.listeners.some((l) => l.port === port && (l.address === address || l.address === '0.0.0.0' || address === '0.0.0.0' || l.address === '::' || address === '::'));
    if (clash) fail('EADDRINUSE', `${address}:${port}`);
    this.listeners.push({ port, address, ownerId });
  }

  /** Close every socket of a process (on exit). */
  closeAll(ownerId: number): void {
    for (let i = this.listeners.length - 1; i >= 0; i--) if (this.listeners[i].ownerId === ownerId) this.listeners.splice(i, 1);
  }

  /** Destroy the namespace's devices (netns freed): veth pairs die with both ends (veth(4)). */
  destroy(): void {
    for (const d of [...this.devices]) {
      if (d.kind === 'veth' && d.peer) {
        const p = d.peer;
        p.stack.remove(p);
      }
    }
    for (const d of [...this.devices]) this.remove(d);
  }
}
