/**
 * Network configuration calls (rtnetlink as ip(8) uses it): veth pairs
 * (veth(4)), bridges, moving a device to another namespace, addresses,
 * named namespaces (ip-netns(8): /run/netns/NAME). Changes need
 * CAP_NET_ADMIN over the network namespace.
 */
import { fail } from '../../errors.ts';
import type { Kernel } from '../kernel.ts';
import type { Process } from '../process/process.ts';
import type { NetDevice, InetAddr } from './net-stack.ts';
import { NetStack } from './net-stack.ts';
import { capable } from '../ns/unshare.ts';
import type { NetNs } from '../ns/namespaces.ts';
import { resolve } from '../vfs/resolve.ts';
import { ctxOf } from '../vfs/mount-ops.ts';

/** A device as ip(8) shows it. */
export interface NetInterfaceInfo {
  readonly index: number;
  readonly name: string;
  readonly kind: NetDevice['kind'];
  readonly mtu: number;
  readonly up: boolean;
  /** Carrier: a veth is up only if its peer is up too (veth(4)). */
  readonly lowerUp: boolean;
  readonly mac: string;
  readonly addrs: readonly InetAddr[];
  readonly qlen: number;
  /** "veth0@if7": the peer's ifindex when the peer is in another namespace. */
  readonly peerIndex?: number;
  readonly peerName?: string;
  readonly peerElsewhere?: boolean;
  readonly master?: string;
}

/** A change for ip link set. */
export interface LinkChange {
  readonly up?: boolean;
  /** PID (its network namespace) or a named netns. */
  readonly netns?: number | string;
  readonly master?: string | null;
  readonly name?: string;
  readonly mtu?: number;
}

function admin(p: Process): void {
  if (!capable(p, 'CAP_NET_ADMIN', p.ns.net.owner)) fail('EPERM');
}

function dev(p: Process, name: string): NetDevice {
  const d = p.ns.net.stack.device(name);
  if (!d) fail('ENODEV', name);
  return d;
}

/** A locally administered MAC from the kernel's PRNG (eth_random_addr). */
function randomMac(k: Kernel): string {
  const b = [0x02 | (k.rng.int(256) & 0xfc), ...Array.from({ length: 5 }, () => k.rng.int(256))];
  return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
}

/** Devices of p's namespace, ip(8)'s view. */
export function interfaces(p: Process): NetInterfaceInfo[] {
  return p.ns.net.stack.devices.map((d) => ({
    index: d.index, name: d.name, kind: d.kind, mtu: d.mtu, up: d.up, mac: d.mac, addrs: [...d.addrs], qlen: d.qlen,
    lowerUp: d.up && (d.kind !== 'veth' || (d.peer?.up ?? false)) && (d.kind !== 'bridge' || d.stack.devices.some((x) => x.master === d && x.up)),
    peerIndex: d.peer?.index, peerName: d.peer?.name, peerElsewhere: d.peer ? d.peer.stack !== d.stack : undefined, master: d.master?.name,
  }));
}

/** ip link add. */
export function linkAdd(k: Kernel, p: Process, name: string, kind: 'veth' | 'bridge' | 'dummy', peer?: string): void {
  admin(p);
  const s = p.ns.net.stack;
  if (!name || name.length > 15) fail('EINVAL', name);
  if (s.device(name)) fail('EEXIST', name);
  if (kind === 'veth') {
    const peerName = peer ?? `veth${s.devices.length}`;
    if (s.device(peerName) || peerName === name) fail('EEXIST', peerName);
    const a = s.addDevice({ name, kind: 'veth', mtu: 1500, mac: randomMac(k) });
    const b = s.addDevice({ name: peerName, kind: 'veth', mtu: 1500, mac: randomMac(k) });
    a.peer = b;
    b.peer = a;
    return;
  }
  s.addDevice({ name, kind: kind === 'bridge' ? 'bridge' : 'ether', mtu: 1500, mac: randomMac(k) });
}

/** The network namespace of a PID or a named netns. */
function targetNs(k: Kernel, p: Process, ns: number | string): NetNs {
  if (typeof ns === 'number') {
    const t = p.ns.pid.pids.get(ns);
    if (!t || !t.alive) fail('ESRCH', String(ns));
    return t.ns.net;
  }
  const n = k.namedNetns.get(ns);
  if (!n) fail('ENOENT', `/run/netns/${ns}`);
  return n;
}

/** ip link set. */
export function linkSet(k: Kernel, p: Process, name: string, c: LinkChange): void {
  admin(p);
  const d = dev(p, name);
  const dest = c.netns !== undefined ? targetNs(k, p, c.netns) : undefined;
  const master = c.master ? dev(p, c.master) : undefined;
  if (master && master.kind !== 'bridge') fail('EOPNOTSUPP', c.master!);
  if (c.name !== undefined && c.name !== name && p.ns.net.stack.device(c.name)) fail('EEXIST', c.name);
  if (c.mtu !== undefined && (!Number.isInteger(c.mtu) || c.mtu < 68 || c.mtu > 65535)) fail('EINVAL');
  if (d.kind === 'loopback' && dest) fail('EINVAL', name);
  if (c.name !== undefined) d.stack.rename(d, c.name);
  if (c.mtu !== undefined) d.mtu = c.mtu;
  if (c.master !== undefined) d.master = master;
  if (c.up !== undefined) d.up = c.up;
  if (dest && dest.stack !== d.stack) dest.stack.adopt(d);
}

/** ip link del (a veth takes its peer with it). */
export function linkDel(p: Process, name: string): void {
  admin(p);
  const d = dev(p, name);
  if (d.kind === 'loopback') fail('EOPNOTSUPP', name);
  const s = d.stack;
  s.remove(d);
  if (d.peer) d.peer.stack.remove(d.peer);
  for (const x of s.devices) if (x.master === d) x.master = undefined;
}

/** Check "a.b.c.d/n" or an IPv6 "x::y/n". */
function parseCidr(cidr: string): InetAddr {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(cidr);
  if (v4) {
    if (v4.slice(1, 5).some((x) => Number(x) > 255) || (v4[5] !== undefined && Number(v4[5]) > 32)) fail('EINVAL', cidr);
    const full = v4[5] === undefined ? `${cidr}/32` : cidr;
    return { family: 'inet', cidr: full, scope: full.startsWith('127.') ? 'host' : 'global' };
  }
  if (/^[0-9a-f:]+(\/\d{1,3})?$/i.test(cidr) && cidr.includes(':')) return { family: 'inet6', cidr: cidr.includes('/') ? cidr : `${cidr}/128`, scope: 'global' };
  fail('EINVAL', cidr);
}

/** ip addr add. */
export function addrAdd(p: Process, name: string, cidr: string): void {
  admin(p);
  const d = dev(p, name);
  const a = parseCidr(cidr);
  if (d.addrs.some((x) => x.cidr === a.cidr)) fail('EEXIST', cidr);
  d.addrs.push(a);
}

/** ip addr del. */
export function addrDel(p: Process, name: string, cidr: string): void {
  admin(p);
  const d = dev(p, name);
  const a = parseCidr(cidr);
  const i = d.addrs.findIndex((x) => x.cidr === a.cidr);
  if (i < 0) fail('EADDRNOTAVAIL', cidr);
  d.addrs.splice(i, 1);
}

/** ip netns add NAME: creates the namespace and the file /run/netns/NAME that pins it. */
export function netnsAdd(k: Kernel, p: Process, name: string): void {
  if (!capable(p, 'CAP_SYS_ADMIN')) fail('EPERM');
  if (!name || name.includes('/') || name === '.' || name === '..') fail('EINVAL', name);
  if (k.namedNetns.has(name)) fail('EEXIST', `/run/netns/${name}`);
  const loc = resolve(ctxOf(p), `/run/netns/${name}`, { follow: true, mustExist: false });
  if (!loc.stat) loc.fs.write(loc.fsPath, new Uint8Array(0), { mode: 0o444 });
  k.namedNetns.set(name, { type: 'net', ino: k.nsInodes.alloc(), owner: p.ns.user, stack: new NetStack() });
}

/** ip netns del NAME. */
export function netnsDel(k: Kernel, p: Process, name: string): void {
  if (!capable(p, 'CAP_SYS_ADMIN')) fail('EPERM');
  const ns = k.namedNetns.get(name);
  if (!ns) fail('ENOENT', `/run/netns/${name}`);
  k.namedNetns.delete(name);
  const inUse = [...k.procs.values()].some((q) => q.alive && q.ns.net === ns);
  if (!inUse) ns.stack.destroy();
  try {
    const loc = resolve(ctxOf(p), `/run/netns/${name}`, { follow: true, mustExist: true });
    loc.fs.unlink(loc.fsPath);
  } catch {
    // file already gone
  }
}
