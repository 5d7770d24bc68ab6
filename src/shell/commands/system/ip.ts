/**
 * ip(8) from iproute2, for the objects the model has: link (show, add
 * veth/bridge/dummy, set up/down/netns/master/name/mtu, del), addr (show,
 * add, del), netns (add, del, list, exec), route (show, derived from
 * addresses). Errors in iproute2's words.
 */
import type { Command, CommandContext } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import type { NetInterface } from '../../../model/kernel/types.ts';
import { addrLines, briefLine, linkLines } from './ip-format.ts';
import { execIn, waitChild } from './util.ts';

const HELP = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | link | netns | route }
       OPTIONS := { -br[ief] | -4 | -6 | -n[etns] name }

Examples:
  ip addr                      addresses of this network namespace
  ip link add veth0 type veth peer name veth1
  ip link set veth1 netns NAME|PID
  ip addr add 10.0.0.1/24 dev veth0
  ip link set veth0 up
  ip netns add NAME; ip netns exec NAME ip link`;

function errno(ctx: CommandContext, e: unknown, what: string): number {
  if (!isSysError(e)) throw e;
  const msg: Record<string, string> = {
    EPERM: 'Operation not permitted', EEXIST: 'File exists', ENODEV: 'No such device', EINVAL: 'Invalid argument',
    EADDRNOTAVAIL: 'Cannot assign requested address', EOPNOTSUPP: 'Operation not supported', ESRCH: 'No such process',
  };
  ctx.stderr.write(`RTNETLINK answers: ${msg[e.code] ?? e.strerror}\n`);
  void what;
  return 2;
}

function devices(ctx: CommandContext): NetInterface[] {
  return ctx.sys.netInterfaces?.() ?? [];
}

function showLinks(ctx: CommandContext, args: string[], addrs: boolean, brief: boolean): number {
  const devIdx = args.indexOf('dev');
  const name = devIdx >= 0 ? args[devIdx + 1] : args.find((a) => a !== 'show' && a !== 'list' && a !== 'ls' && a !== 'up');
  let list = devices(ctx);
  if (args.includes('up')) list = list.filter((i) => i.up);
  if (name) {
    list = list.filter((i) => i.name === name);
    if (list.length === 0) { ctx.stderr.write(`Device "${name}" does not exist.\n`); return 1; }
  }
  ctx.stdout.write(list.map((i) => (brief ? briefLine(i, addrs) : addrs ? addrLines(i) : linkLines(i, true))).join(''));
  return 0;
}

function link(ctx: CommandContext, args: string[], brief: boolean): number {
  const sub = args[0] ?? 'show';
  const sys = ctx.sys;
  if (['show', 'list', 'ls', 'lst'].includes(sub) || (sub !== 'add' && sub !== 'set' && sub !== 'del' && sub !== 'delete' && devices(ctx).some((i) => i.name === sub))) {
    return showLinks(ctx, sub === 'show' || sub === 'list' || sub === 'ls' ? args.slice(1) : args, false, brief);
  }
  try {
    if (sub === 'add') {
      const rest = args.slice(1);
      const name = rest[0] === 'name' ? rest[1] : rest[0];
      const type = rest[rest.indexOf('type') + 1];
      if (!name || rest.indexOf('type') < 0) { ctx.stderr.write('Not enough information: "type" argument is required\n'); return 1; }
      if (type === 'veth') {
        const pi = rest.indexOf('peer');
        const peer = pi >= 0 ? rest[rest[pi + 1] === 'name' ? pi + 2 : pi + 1] : undefined;
        sys.netLinkAdd!(name, 'veth', peer);
      } else if (type === 'bridge' || type === 'dummy') sys.netLinkAdd!(name, type);
      else { ctx.stderr.write(`Error: Unknown device type.\n`); return 2; }
      return 0;
    }
    if (sub === 'set') {
      const rest = args.slice(1);
      const name = rest[0] === 'dev' ? rest[1] : rest[0];
      if (name === undefined) { ctx.stderr.write('Not enough information: "dev" argument is required.\n'); return 1; }
      const opts = rest.slice(rest[0] === 'dev' ? 2 : 1);
      if (!devices(ctx).some((i) => i.name === name)) { ctx.stderr.write(`Cannot find device "${name}"\n`); return 1; }
      const change: { up?: boolean; netns?: number | string; master?: string | null; name?: string; mtu?: number } = {};
      for (let i = 0; i < opts.length; i++) {
        const o = opts[i];
        if (o === 'up') change.up = true;
        else if (o === 'down') change.up = false;
        else if (o === 'netns') { const v = opts[++i]; change.netns = /^\d+$/.test(v) ? Number(v) : v; }
        else if (o === 'master') change.master = opts[++i];
        else if (o === 'nomaster') change.master = null;
        else if (o === 'name') change.name = opts[++i];
        else if (o === 'mtu') change.mtu = Number(opts[++i]);
        else { ctx.stderr.write(`Error: either "dev" is duplicate, or "${o}" is a garbage.\n`); return 1; }
      }
      if (typeof change.netns === 'string') {
        const names = sys.netnsList?.() ?? [];
        if (!names.includes(change.netns)) { ctx.stderr.write(`Error: argument "${change.netns}" is wrong: Invalid "netns" value\n\n`); return 1; }
      }
      sys.netLinkSet!(name, change);
      return 0;
    }
    if (sub === 'del' || sub === 'delete') {
      const name = args[1] === 'dev' ? args[2] : args[1];
      if (!devices(ctx).some((i) => i.name === name)) { ctx.stderr.write(`Cannot find device "${name}"\n`); return 1; }
      sys.netLinkDel!(name);
      return 0;
    }
  } catch (e) {
    return errno(ctx, e, 'link');
  }
  ctx.stderr.write(`Command "${sub}" is unknown, try "ip link help".\n`);
  return 1;
}

function addr(ctx: CommandContext, args: string[], brief: boolean): number {
  const sub = args[0] ?? 'show';
  if (['show', 'list', 'ls', 'lst'].includes(sub)) return showLinks(ctx, args.slice(1), true, brief);
  if (sub === 'add' || sub === 'del' || sub === 'delete') {
    const cidr = args[1];
    const di = args.indexOf('dev');
    const name = di >= 0 ? args[di + 1] : undefined;
    if (!cidr || !name) { ctx.stderr.write('Not enough information: "dev" argument is required.\n'); return 1; }
    if (!devices(ctx).some((i) => i.name === name)) { ctx.stderr.write(`Cannot find device "${name}"\n`); return 1; }
    try {
      if (sub === 'add') ctx.sys.netAddrAdd!(name, cidr);
      else ctx.sys.netAddrDel!(name, cidr);
    } catch (e) {
      if (isSysError(e, 'EINVAL')) { ctx.stderr.write(`Error: any valid prefix is expected rather than "${cidr}".\n`); return 1; }
      return errno(ctx, e, 'addr');
    }
    return 0;
  }
  if (devices(ctx).some((i) => i.name === sub)) return showLinks(ctx, args, true, brief);
  ctx.stderr.write(`Command "${sub}" is unknown, try "ip address help".\n`);
  return 1;
}

function route(ctx: CommandContext): number {
  let out = '';
  const devs = devices(ctx).filter((i) => i.up && i.lowerUp && i.kind !== 'loopback');
  const gw = devs.find((i) => i.name === 'eth0' && i.addrs.some((a) => a.family === 'inet'));
  if (gw) {
    const a = gw.addrs.find((x) => x.family === 'inet')!;
    const parts = a.cidr.split('/')[0].split('.');
    out += `default via ${parts.slice(0, 3).join('.')}.${a.cidr.startsWith('10.0.2.') ? 2 : 1} dev ${gw.name} \n`;
  }
  for (const i of devs) {
    for (const a of i.addrs.filter((x) => x.family === 'inet')) {
      const [ip, len] = a.cidr.split('/');
      const n = Number(len);
      const v = ip.split('.').reduce((x, y) => (x << 8) + Number(y), 0) >>> 0;
      const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
      const net = [24, 16, 8, 0].map((s) => ((v & mask) >>> s) & 255).join('.');
      out += `${net}/${n} dev ${i.name} proto kernel scope link src ${ip} \n`;
    }
  }
  ctx.stdout.write(out);
  return 0;
}

async function netns(ctx: CommandContext, args: string[]): Promise<number> {
  const sub = args[0] ?? 'list';
  const sys = ctx.sys;
  try {
    if (sub === 'list' || sub === 'ls' || sub === 'show') {
      ctx.stdout.write((sys.netnsList?.() ?? []).map((n) => `${n}\n`).join(''));
      return 0;
    }
    if (sub === 'add') {
      if (!args[1]) { ctx.stderr.write('No netns name specified\n'); return 1; }
      try {
        sys.netnsAdd!(args[1]);
      } catch (e) {
        if (isSysError(e, 'EEXIST')) { ctx.stderr.write(`Cannot create namespace file "/run/netns/${args[1]}": File exists\n`); return 1; }
        throw e;
      }
      return 0;
    }
    if (sub === 'del' || sub === 'delete') {
      try {
        sys.netnsDel!(args[1]);
      } catch (e) {
        if (isSysError(e, 'ENOENT')) { ctx.stderr.write(`Cannot remove namespace file "/run/netns/${args[1]}": No such file or directory\n`); return 1; }
        throw e;
      }
      return 0;
    }
    if (sub === 'exec') {
      const name = args[1];
      const cmd = args.slice(2);
      if (!name || cmd.length === 0) { ctx.stderr.write('No netns name specified\n'); return 1; }
      if (!(sys.netnsList?.() ?? []).includes(name)) { ctx.stderr.write(`Cannot open network namespace "${name}": No such file or directory\n`); return 1; }
      const child = sys.spawn({ argv: cmd, env: ctx.env, newNamespaces: ['mnt'] });
      child.setnsPath!(`/run/netns/${name}`);
      try {
        child.umount('/sys');
        child.mount('none', '/sys', 'sysfs');
      } catch {
        // no /sys mounted here: nothing to refresh
      }
      const st = await waitChild(ctx, execIn(ctx, child, cmd));
      if (sys.pendingSignal() !== undefined) return st;
      child.exit(st);
      try { return sys.wait(child.pid); } catch { return st; }
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    ctx.stderr.write(`${sub === 'add' ? 'mount --make-shared /run/netns failed' : 'netns'}: ${e.strerror}\n`);
    return 1;
  }
  ctx.stderr.write(`Command "${sub}" is unknown, try "ip netns help".\n`);
  return 1;
}

/** ip: show / manipulate routing, network devices, interfaces and tunnels. */
export const ip: Command = {
  name: 'ip',
  summary: 'show / manipulate routing, network devices, interfaces and tunnels',
  help: HELP,
  async run(ctx) {
    let args = ctx.argv.slice(1);
    let brief = false;
    while (args[0]?.startsWith('-')) {
      const o = args[0];
      if (o === '-br' || o === '-brief' || o === '--brief') brief = true;
      else if (o === '-n' || o === '-netns') {
        const name = args[1];
        args = args.slice(2);
        return netns(ctx, ['exec', name, 'ip', ...(brief ? ['-br'] : []), ...args]);
      } else if (o === '-4' || o === '-6' || o === '-c' || o === '-color' || o === '-d' || o === '-s') { /* accepted */ }
      else if (o === '-h' || o === '-help' || o === '--help') { ctx.stdout.write(HELP + '\n'); return 0; }
      else { ctx.stderr.write(`Option "${o}" is unknown, try "ip -help".\n`); return 255; }
      args = args.slice(1);
    }
    const obj = args[0];
    const rest = args.slice(1);
    if (!obj) { ctx.stderr.write(HELP + '\n'); return 255; }
    if ('address'.startsWith(obj) && obj.length >= 1 && obj[0] === 'a') return addr(ctx, rest, brief);
    if ('link'.startsWith(obj) && obj[0] === 'l') return link(ctx, rest, brief);
    if ('route'.startsWith(obj) && obj[0] === 'r') return route(ctx);
    if (obj === 'netns') return netns(ctx, rest);
    if (obj === 'help') { ctx.stdout.write(HELP + '\n'); return 0; }
    ctx.stderr.write(`Object "${obj}" is unknown, try "ip help".\n`);
    return 1;
  },
};
