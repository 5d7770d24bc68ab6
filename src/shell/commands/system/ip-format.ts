/**
 * iproute2's text formats for `ip link` and `ip addr` (ip/ipaddress.c):
 * "N: NAME[@PEER]: <FLAGS> mtu M qdisc Q [master B] state S group default qlen L",
 * then "link/ether MAC brd ff:ff:ff:ff:ff:ff", then per address
 * "inet CIDR [brd B] scope S NAME" and "valid_lft forever preferred_lft forever".
 */
import type { NetInterface } from '../../../model/kernel/types.ts';

/** Interface flags as ip prints them between < >. */
export function flags(i: NetInterface): string {
  const f: string[] = [];
  if (i.up && !i.lowerUp && i.kind !== 'loopback') f.push('NO-CARRIER');
  f.push(...(i.kind === 'loopback' ? ['LOOPBACK'] : ['BROADCAST', 'MULTICAST']));
  if (i.up) f.push('UP');
  if (i.up && i.lowerUp) f.push('LOWER_UP');
  if (i.kind === 'veth' && !i.lowerUp && !i.up) f.push('M-DOWN');
  return f.join(',');
}

/** Operational state: UNKNOWN for an up loopback, UP with carrier, LOWERLAYERDOWN for an up device without, DOWN otherwise. */
export function state(i: NetInterface): string {
  if (!i.up) return 'DOWN';
  if (i.kind === 'loopback') return 'UNKNOWN';
  return i.lowerUp ? 'UP' : 'LOWERLAYERDOWN';
}

/** Queueing discipline: noop when down; noqueue for virtual devices; fq_codel for Ethernet. */
function qdisc(i: NetInterface): string {
  if (!i.up) return 'noop';
  return i.kind === 'ether' ? 'fq_codel' : 'noqueue';
}

/** The broadcast address of an IPv4 CIDR (none for /31 and /32). */
export function broadcast(cidr: string): string | undefined {
  const [ip, len] = cidr.split('/');
  const n = Number(len);
  if (n >= 31) return undefined;
  const v = ip.split('.').reduce((a, b) => (a << 8) + Number(b), 0) >>> 0;
  const b = (v | (2 ** (32 - n) - 1)) >>> 0;
  return [24, 16, 8, 0].map((s) => (b >>> s) & 255).join('.');
}

/** The name as printed: "veth0@veth1", or "eth0@if7" when the peer lives in another namespace. */
function shownName(i: NetInterface): string {
  if (i.kind !== 'veth' || i.peerName === undefined) return i.name;
  return i.peerElsewhere ? `${i.name}@if${i.peerIndex}` : `${i.name}@${i.peerName}`;
}

/** The head line and link line of one device (`ip link` adds "mode DEFAULT", `ip addr` does not). */
export function linkLines(i: NetInterface, mode = false): string {
  const master = i.master ? ` master ${i.master}` : '';
  const head = `${i.index}: ${shownName(i)}: <${flags(i)}> mtu ${i.mtu} qdisc ${qdisc(i)}${master} state ${state(i)}${mode ? ' mode DEFAULT' : ''} group default qlen ${i.qlen}`;
  const type = i.kind === 'loopback' ? 'loopback' : 'ether';
  const brd = i.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff';
  const netnsid = i.peerElsewhere ? ' link-netnsid 0' : '';
  return `${head}\n    link/${type} ${i.mac} brd ${brd}${netnsid}\n`;
}

/** `ip addr` block of one device. */
export function addrLines(i: NetInterface): string {
  let out = linkLines(i);
  for (const a of i.addrs) {
    if (a.family === 'inet') {
      const brd = i.kind !== 'loopback' ? broadcast(a.cidr) : undefined;
      out += `    inet ${a.cidr}${brd ? ` brd ${brd}` : ''} scope ${a.scope} ${i.name}\n`;
    } else {
      out += `    inet6 ${a.cidr} scope ${a.scope}${a.scope === 'host' ? ' noprefixroute' : ''} \n`;
    }
    out += '       valid_lft forever preferred_lft forever\n';
  }
  return out;
}

/** `ip -br link` / `ip -br addr` line. */
export function briefLine(i: NetInterface, withAddrs: boolean): string {
  const name = shownName(i).padEnd(16);
  const st = state(i).padEnd(14);
  if (!withAddrs) return `${name} ${st} ${i.mac} <${flags(i)}> \n`;
  return `${name} ${st} ${i.addrs.map((a) => `${a.cidr} `).join('')}\n`;
}
