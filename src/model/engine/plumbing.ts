/**
 * libnetwork's bridge driver, reduced (facts §4.5, §5.4): a Linux bridge per
 * network (docker0 with 172.17.0.1/16), and per container a veth pair whose
 * host end joins the bridge and whose other end moves into the container's
 * network namespace as eth0 with the container's address. All through
 * dockerd's and the container's own system calls (ip-link(8) operations).
 */
import type { Sys } from '../kernel/types.ts';
import type { Rng } from '../rng.ts';
import type { Network } from './network.ts';
import type { Container } from './types.ts';

/** Plumb container `c` (PID 1 `init`, host PID `hostPid`) into `net`; returns the host end's name, if any. */
export function plumbVeth(d: Sys, rng: Rng, net: Network | undefined, c: Container, init: Sys, hostPid: number): string | undefined {
  if (!c.ip || !net || net.driver !== 'bridge') {
    if (net?.driver === 'null') init.netLinkSet?.('lo', { up: true });
    return undefined;
  }
  if (!d.netLinkAdd) return undefined;
  const hostEnd = `veth${rng.hex(7)}`;
  const peer = `veth${rng.hex(7)}`;
  d.netLinkAdd(hostEnd, 'veth', peer);
  d.netLinkSet?.(hostEnd, { master: net.bridge, up: true });
  d.netLinkSet?.(peer, { netns: hostPid });
  init.netLinkSet?.(peer, { name: 'eth0' });
  init.netAddrAdd?.('eth0', `${c.ip}/${net.subnet.split('/')[1]}`);
  init.netLinkSet?.('eth0', { up: true });
  init.netLinkSet?.('lo', { up: true });
  return hostEnd;
}

/** Remove a container's host-side veth (its peer goes with it). */
export function unplumbVeth(d: Sys, hostEnd: string): void {
  try {
    d.netLinkDel?.(hostEnd);
  } catch {
    /* went away with the container's namespace */
  }
}

/** Create the bridge device of a bridge network, with the gateway address, up. */
export function ensureBridge(d: Sys, n: Network): void {
  if (!d.netLinkAdd || !n.subnet || n.driver !== 'bridge') return;
  try {
    d.netLinkAdd(n.bridge, 'bridge');
    d.netAddrAdd?.(n.bridge, `${n.gateway}/${n.subnet.split('/')[1]}`);
    d.netLinkSet?.(n.bridge, { up: true });
  } catch {
    /* exists */
  }
}
