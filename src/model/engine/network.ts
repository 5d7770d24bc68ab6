/**
 * Docker networking state: the default `bridge` network on docker0 with
 * 172.17.0.0/16, user-defined bridges from the default address pools
 * (172.18/16, 172.19/16… facts §4.5), `host` and `none`, IPAM handing out
 * .2, .3… and the port allocator that reserves published host ports
 * (libnetwork/portallocator: "Bind for 0.0.0.0:4000 failed: port is already
 * allocated", facts §5.4).
 */
import type { Rng } from '../rng.ts';
import { ApiError } from './types.ts';

/** One Docker network (api/types/network.Inspect, the fields the model uses). */
export interface Network {
  readonly id: string;
  readonly name: string;
  readonly driver: 'bridge' | 'host' | 'null';
  readonly scope: 'local';
  /** "172.17.0.0/16"; empty for host/none. */
  readonly subnet: string;
  readonly gateway: string;
  /** Linux bridge device: docker0 for the default network, br-<id12> otherwise. */
  readonly bridge: string;
  readonly created: number;
  /** container id → address (index into the subnet). */
  readonly endpoints: Map<string, number>;
}

function ipOf(subnet: string, index: number): string {
  const [a, b] = subnet.split('.');
  return `${a}.${b}.${Math.floor(index / 256)}.${index % 256}`;
}

/** Networks and the host-port table of one dockerd. */
export class Networks {
  readonly #rng: Rng;
  readonly #byId = new Map<string, Network>();
  /** "0.0.0.0:4000/tcp" → container id. */
  readonly #ports = new Map<string, string>();
  #nextPool = 18;

  constructor(rng: Rng, now: number) {
    this.#rng = rng;
    this.#add('bridge', 'bridge', '172.17.0.0/16', 'docker0', now);
    this.#add('host', 'host', '', '', now);
    this.#add('none', 'null', '', '', now);
  }

  #add(name: string, driver: Network['driver'], subnet: string, bridge: string, now: number): Network {
    const id = this.#rng.hex(64);
    const gateway = subnet ? ipOf(subnet, 1) : '';
    const n: Network = { id, name, driver, scope: 'local', subnet, gateway, bridge: bridge || (driver === 'bridge' ? `br-${id.slice(0, 12)}` : ''), created: now, endpoints: new Map() };
    this.#byId.set(id, n);
    return n;
  }

  /** All networks, in creation order. */
  list(): Network[] {
    return [...this.#byId.values()];
  }

  /** By name, full ID or unique ID prefix (like the daemon's FindNetwork). */
  find(ref: string): Network | undefined {
    const all = this.list();
    return all.find((n) => n.name === ref) ?? all.find((n) => n.id === ref) ?? (ref.length > 0 ? all.filter((n) => n.id.startsWith(ref)).at(0) : undefined);
  }

  /** `docker network create NAME`: a bridge on the next /16 of the default pool. */
  create(name: string, now: number): Network {
    if (this.list().some((n) => n.name === name)) throw new ApiError(409, `network with name ${name} already exists`);
    return this.#add(name, 'bridge', `172.${this.#nextPool++}.0.0/16`, '', now);
  }

  /** `docker network rm`: refuses predefined networks and networks in use. */
  remove(ref: string): Network {
    const n = this.find(ref);
    if (!n) throw new ApiError(404, `network ${ref} not found`);
    if (['bridge', 'host', 'none'].includes(n.name)) throw new ApiError(403, `${n.name} is a pre-defined network and cannot be removed`);
    if (n.endpoints.size > 0) throw new ApiError(403, `error while removing network: network ${n.name} id ${n.id} has active endpoints`);
    this.#byId.delete(n.id);
    return n;
  }

  /** IPAM: the lowest free address after the gateway. */
  connect(n: Network, containerId: string): string {
    if (!n.subnet) return '';
    const used = this.#usedOf(n);
    let i = 2;
    while (used.has(i)) i++;
    const old = n.endpoints.get(containerId);
    if (old !== undefined) used.delete(old);
    n.endpoints.set(containerId, i);
    used.add(i);
    return ipOf(n.subnet, i);
  }

  /** Addresses in use on `n` (its endpoints' values), kept beside the map instead of rebuilt per connect; rebuilt if they disagree in size. */
  #usedOf(n: Network): Set<number> {
    let used = this.#used.get(n);
    if (!used || used.size !== n.endpoints.size) this.#used.set(n, (used = new Set(n.endpoints.values())));
    return used;
  }

  readonly #used = new WeakMap<Network, Set<number>>();

  disconnect(containerId: string): void {
    for (const n of this.#byId.values()) {
      const i = n.endpoints.get(containerId);
      if (i !== undefined && n.endpoints.delete(containerId)) this.#used.get(n)?.delete(i);
    }
  }

  /** A random locally administered MAC, as Docker ≥ 26 assigns (no longer derived from the IP). */
  mac(): string {
    const b = [0x02, ...Array.from({ length: 5 }, () => this.#rng.int(256))];
    return b.map((x) => x.toString(16).padStart(2, '0')).join(':');
  }

  /** Which container holds a host port, if any. */
  portOwner(hostIp: string, hostPort: number, proto: string): string | undefined {
    return this.#ports.get(`${hostIp}:${hostPort}/${proto}`) ?? (hostIp === '0.0.0.0' ? undefined : this.#ports.get(`0.0.0.0:${hostPort}/${proto}`));
  }

  /** Reserve host ports for a container; all-or-nothing. */
  reservePorts(containerId: string, ports: readonly { hostIp: string; hostPort: number; proto: string }[]): void {
    for (const p of ports) {
      if (this.portOwner(p.hostIp, p.hostPort, p.proto)) throw new ApiError(500, `Bind for ${p.hostIp}:${p.hostPort} failed: port is already allocated`);
    }
    for (const p of ports) this.#ports.set(`${p.hostIp}:${p.hostPort}/${p.proto}`, containerId);
  }

  /** A free host port for `-p CONTAINER_PORT` (portallocator: the first free one of the ephemeral range). */
  ephemeralPort(hostIp: string, proto: string, range: readonly [number, number]): number {
    for (let p = range[0]; p <= range[1]; p++) if (!this.portOwner(hostIp, p, proto)) return p;
    throw new ApiError(500, 'all ports are allocated');
  }

  releasePorts(containerId: string): void {
    for (const [k, v] of this.#ports) if (v === containerId) this.#ports.delete(k);
  }
}

/** Parse `-p` values: `8080:80`, `127.0.0.1:8080:80/udp`, `80` (host port 0: an ephemeral port is chosen at start). */
export function parsePublish(spec: string): { hostIp: string; hostPort: number; containerPort: number; proto: 'tcp' | 'udp' } {
  const [addr, protoRaw] = spec.split('/');
  const proto = (protoRaw ?? 'tcp') as 'tcp' | 'udp';
  const parts = addr.split(':');
  const num = (s: string) => {
    const n = Number(s);
    if (!/^\d+$/.test(s) || n < 1 || n > 65535) throw new ApiError(400, `invalid containerPort: ${s}`);
    return n;
  };
  if (proto !== 'tcp' && proto !== 'udp') throw new ApiError(400, `invalid proto: ${protoRaw}`);
  if (parts.length === 1) return { hostIp: '0.0.0.0', hostPort: 0, containerPort: num(parts[0]), proto };
  if (parts.length === 2) return { hostIp: '0.0.0.0', hostPort: num(parts[0]), containerPort: num(parts[1]), proto };
  return { hostIp: parts[0] || '0.0.0.0', hostPort: num(parts[1]), containerPort: num(parts[2]), proto };
}
