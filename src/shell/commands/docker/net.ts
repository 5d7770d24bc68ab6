/**
 * `docker network ls|create|rm|inspect` and `docker volume ls|create|rm|inspect`
 * (cli/command/network, cli/command/volume): tables sorted by name, created
 * objects printed by ID (networks) or name (volumes).
 */
import { rfc3339Nano, tabulate } from '../../../model/engine/format.ts';
import { inspectJson } from '../../../model/engine/inspect.ts';
import { ApiError } from '../../../model/engine/types.ts';
import { parseFlags } from './args.ts';
import { fail, requireArgs, type Sub } from './cli.ts';

/** docker network ls|create|rm|inspect. */
export const network: Sub = async (ctx, d, args) => {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case 'ls':
      case 'list': {
        const p = parseFlags(rest, [{ name: 'quiet', short: 'q', kind: 'bool' }, { name: 'no-trunc', kind: 'bool' }]);
        const nets = d.networks.list().slice().sort((a, b) => (a.name < b.name ? -1 : 1));
        if (p.bools.has('quiet')) ctx.stdout.write(nets.map((n) => n.id.slice(0, 12) + '\n').join(''));
        else ctx.stdout.write(tabulate([['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ...nets.map((n) => [n.id.slice(0, 12), n.name, n.driver, n.scope])]));
        return 0;
      }
      case 'create': {
        const p = parseFlags(rest, [{ name: 'driver', short: 'd', kind: 'string' }, { name: 'subnet', kind: 'string' }]);
        requireArgs(p.args, 1, 'network create', '[OPTIONS] NETWORK', 1);
        const n = d.networks.create(p.args[0], d.now());
        d.ensureBridge(n);
        ctx.stdout.write(`${n.id}\n`);
        return 0;
      }
      case 'rm':
      case 'remove': {
        requireArgs(rest, 1, 'network rm', 'NETWORK [NETWORK...]');
        let st = 0;
        for (const n of rest) {
          try {
            d.networks.remove(n);
            ctx.stdout.write(`${n}\n`);
          } catch (e) {
            st = fail(ctx, e, 'network rm');
          }
        }
        return st;
      }
      case 'inspect': {
        requireArgs(rest, 1, 'network inspect', 'NETWORK [NETWORK...]');
        const objs = rest.map((r) => {
          const n = d.networks.find(r);
          if (!n) throw new ApiError(404, `network ${r} not found`);
          return {
            Name: n.name, Id: n.id, Created: rfc3339Nano(n.created), Scope: n.scope, Driver: n.driver, EnableIPv4: true, EnableIPv6: false,
            IPAM: { Driver: 'default', Options: null, Config: n.subnet ? [{ Subnet: n.subnet, Gateway: n.gateway }] : null },
            Internal: false, Attachable: false, Ingress: false, ConfigFrom: { Network: '' }, ConfigOnly: false,
            Containers: Object.fromEntries([...n.endpoints.keys()].map((id) => {
              const c = d.get(id);
              return [id, { Name: c.name, EndpointID: c.endpointId, MacAddress: c.mac, IPv4Address: `${c.ip}/${n.subnet.split('/')[1]}`, IPv6Address: '' }];
            })),
            Options: n.name === 'bridge' ? { 'com.docker.network.bridge.name': 'docker0', 'com.docker.network.bridge.default_bridge': 'true' } : {},
            Labels: {},
          };
        });
        ctx.stdout.write(inspectJson(objs));
        return 0;
      }
      default:
        ctx.stderr.write(`Usage:  docker network COMMAND\n\nManage networks\n\nCommands:\n  create      Create a network\n  inspect     Display detailed information on one or more networks\n  ls          List networks\n  rm          Remove one or more networks\n`);
        return sub ? 1 : 0;
    }
  } catch (e) {
    return fail(ctx, e, `network ${sub}`);
  }
};

/** docker volume ls|create|rm|inspect. */
export const volume: Sub = async (ctx, d, args) => {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case 'ls':
      case 'list': {
        const p = parseFlags(rest, [{ name: 'quiet', short: 'q', kind: 'bool' }]);
        const vols = d.volumes.list();
        if (p.bools.has('quiet')) ctx.stdout.write(vols.map((v) => v.name + '\n').join(''));
        else ctx.stdout.write(tabulate([['DRIVER', 'VOLUME NAME'], ...vols.map((v) => [v.driver, v.name])]));
        return 0;
      }
      case 'create': {
        const p = parseFlags(rest, [{ name: 'driver', short: 'd', kind: 'string' }, { name: 'name', kind: 'string' }]);
        const name = p.strings.get('name') ?? p.args[0] ?? d.dockerdSys.realtime().toString(16).padStart(64, '0');
        ctx.stdout.write(`${d.volumes.create(name, d.now()).name}\n`);
        return 0;
      }
      case 'rm':
      case 'remove': {
        requireArgs(rest, 1, 'volume rm', 'VOLUME [VOLUME...]');
        let st = 0;
        for (const v of rest) {
          try {
            const user = d.list(true).find((c) => c.host.mounts.some((m) => m.type === 'volume' && m.source === v));
            d.volumes.remove(v, user?.id);
            ctx.stdout.write(`${v}\n`);
          } catch (e) {
            st = fail(ctx, e, 'volume rm');
          }
        }
        return st;
      }
      case 'inspect': {
        requireArgs(rest, 1, 'volume inspect', 'VOLUME [VOLUME...]');
        ctx.stdout.write(inspectJson(rest.map((r) => {
          const v = d.volumes.get(r);
          if (!v) throw new ApiError(404, `get ${r}: no such volume`);
          return { CreatedAt: rfc3339Nano(v.created).replace(/\.\d+Z$/, 'Z'), Driver: v.driver, Labels: v.labels, Mountpoint: v.mountpoint, Name: v.name, Options: null, Scope: 'local' };
        })));
        return 0;
      }
      default:
        ctx.stderr.write(`Usage:  docker volume COMMAND\n\nManage volumes\n\nCommands:\n  create      Create a volume\n  inspect     Display detailed information on one or more volumes\n  ls          List volumes\n  rm          Remove one or more volumes\n`);
        return sub ? 1 : 0;
    }
  } catch (e) {
    return fail(ctx, e, `volume ${sub}`);
  }
};
