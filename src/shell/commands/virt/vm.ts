/**
 * `vm`: the model's shorthand over libvirt and Firecracker, in the spirit of
 * vagrant/multipass: `vm create`, `vm start` (which, unlike `virsh start`,
 * waits for the guest to boot and prints its console, so `time vm start x`
 * reports the boot time on the virtual clock), `vm ssh NAME -- CMD`,
 * `vm console`, `vm list`, `vm stop`, `vm rm`, `vm host-info`, `vm images`.
 */
import { GUESTS } from '../../../model/hypervisor/guest-os.ts';
import { describeHost } from '../../../model/hypervisor/host-kind.ts';
import type { Hypervisor } from '../../../model/hypervisor/hypervisor.ts';
import { SHUTDOWN_US } from '../../../model/hypervisor/hypervisor.ts';
import { formatTimespan, MiB, parseSize, qemuSize } from '../../../model/hypervisor/units.ts';
import type { Command, CommandContext } from '../../types.ts';
import { parseArgs } from './args.ts';
import { columns, connectHypervisor, messageOf, sleepUntil } from './common.ts';
import { attachConsole, followBoot, sshRun } from './guest-shell.ts';
import { vmInfo } from './vm-info.ts';
import { vmmName } from '../../../model/hypervisor/vmm.ts';

const HELP = `Usage: vm COMMAND [OPTIONS]

Manage the model's virtual machines (QEMU/KVM through libvirt, or Firecracker microVMs).

Commands:
  create NAME [--image ID] [--memory SIZE] [--cpus N] [--profile full|microvm] [--linked] [--docker]
                      create a VM: its own disk image (a full copy of the base image,
                      or with --linked a qcow2 overlay backed by it) and its definition;
                      --docker installs a container engine in the guest
  start NAME [-q]     power on and wait for the guest to boot, printing its console
  stop NAME           ACPI shutdown (wait until it is off)
  destroy NAME        pull the plug
  rm NAME             remove a stopped VM and its disk image
  list                list VMs
  info NAME           what the VM is made of, and the source of every number
  ssh NAME [-- CMD...] run CMD in the guest (or an interactive shell)
  console NAME        attach to the serial console
  log NAME            the console output so far
  images              base images available in /var/lib/libvirt/images
  host-info           what sits between the guests and the hardware on this host

SIZE takes M/G suffixes (--memory 2G, --memory 512M; a bare number is MiB).
Boot durations: see \`vm images\` and facts.md §7.5 / §8.2 (the full profile uses the
systemd-analyze man page example; firmware/loader figures are illustrative).
`;

const CREATE = { values: { '--image': 'image', '--memory': 'memory', '-m': 'memory', '--cpus': 'cpus', '--profile': 'profile' }, switches: { '--docker': 'docker', '--linked': 'linked', '--full-copy': 'full', '-q': 'quiet', '--quiet': 'quiet' } };

function create(ctx: CommandContext, hv: Hypervisor, argv: readonly string[]): number {
  const p = parseArgs(argv, CREATE);
  if (typeof p === 'string') { ctx.stderr.write(`vm create: ${p}\n`); return 2; }
  const name = p.args[0];
  if (!name) { ctx.stderr.write('vm create: missing NAME\nUsage: vm create NAME [--image ID] [--memory SIZE] [--cpus N] [--profile full|microvm] [--linked]\n'); return 2; }
  const mem = p.opts.get('memory');
  const memoryBytes = mem === undefined ? undefined : parseSize(mem, MiB);
  const cpus = p.opts.get('cpus');
  const profile = p.opts.get('profile');
  if (mem !== undefined && memoryBytes === undefined) { ctx.stderr.write(`vm create: invalid memory size '${mem}'\n`); return 2; }
  if (cpus !== undefined && !/^\d+$/.test(cpus)) { ctx.stderr.write(`vm create: invalid vCPU count '${cpus}'\n`); return 2; }
  if (profile !== undefined && profile !== 'full' && profile !== 'microvm') { ctx.stderr.write(`vm create: unknown profile '${profile}' (full or microvm)\n`); return 2; }
  const image = p.opts.get('image') ?? (profile === 'microvm' ? 'alpine-3.22' : 'ubuntu-24.04');
  try {
    const d = hv.create({
      name, image, ...(memoryBytes !== undefined ? { memoryBytes } : {}), ...(cpus !== undefined ? { vcpus: Number(cpus) } : {}),
      ...(profile !== undefined ? { profile } : {}), clone: p.flags.has('linked') ? 'linked' : 'full', docker: p.flags.has('docker'),
    });
    const c = d.config;
    const how = c.clone === 'linked' ? `qcow2 overlay backed by ${hv.basePath(image)}` : `full copy of ${hv.basePath(image)}`;
    ctx.stdout.write(`Created ${c.name}: ${c.os.prettyName}, ${c.vcpus} vCPU${c.vcpus > 1 ? 's' : ''}, ${Math.round(c.memoryBytes / MiB)} MiB RAM, ${vmmName(c, hv.kind)}\n  disk ${c.disk} (${how})\n${c.docker ? '  Docker Engine is installed at boot (cloud-init packages: [docker.io])\n' : ''}`);
    return 0;
  } catch (e) {
    ctx.stderr.write(`vm create: ${messageOf(e)}\n`);
    return 1;
  }
}

async function start(ctx: CommandContext, hv: Hypervisor, name: string, quiet: boolean): Promise<number> {
  let d;
  try { d = hv.start(name); } catch (e) { ctx.stderr.write(`vm start: ${messageOf(e)}\n`); return 1; }
  const plan = d.plan;
  if (!plan) return 1;
  await followBoot(ctx, hv, name, 0, !quiet);
  if (!quiet) ctx.stdout.write('\n');
  const parts = plan.phases.map((ph) => `${ph.phase} ${formatTimespan(ph.us)}`).join(' + ');
  ctx.stdout.write(`${name}: booted in ${formatTimespan(plan.totalUs)} (${parts})\n`);
  return 0;
}

async function stop(ctx: CommandContext, hv: Hypervisor, name: string, hard: boolean): Promise<number> {
  try {
    const d = hard ? hv.destroy(name) : hv.shutdown(name);
    if (!hard) await sleepUntil(ctx.sys, hv, hv.now() + SHUTDOWN_US[d.config.profile.name]);
    return 0;
  } catch (e) {
    ctx.stderr.write(`vm ${hard ? 'destroy' : 'stop'}: ${messageOf(e)}\n`);
    return 1;
  }
}

function list(ctx: CommandContext, hv: Hypervisor): number {
  const rows = hv.domains().map((d) => [
    d.config.name,
    d.state === 'running' && !d.booted ? 'booting' : d.state,
    d.config.os.id,
    vmmName(d.config, hv.kind),
    String(d.config.vcpus),
    qemuSize(d.config.memoryBytes).replace(' ', ''),
    d.config.clone === 'linked' ? 'linked' : 'full copy',
    d.state === 'shut off' ? '-' : d.ip,
  ]);
  ctx.stdout.write(columns([['NAME', 'STATE', 'IMAGE', 'VMM', 'VCPUS', 'MEMORY', 'DISK', 'IP'], ...rows]));
  return 0;
}

function images(ctx: CommandContext, hv: Hypervisor): number {
  const rows = Object.values(GUESTS).map((g) => [g.id, hv.basePath(g.id), g.image.format, qemuSize(g.image.diskBytes).replace(' ', ''), g.profile, g.image.source]);
  ctx.stdout.write(columns([['ID', 'FILE', 'FORMAT', 'SIZE', 'PROFILE', 'SOURCE OF THE SIZE'], ...rows]));
  return 0;
}

/** The `vm` shorthand. */
export const vm: Command = {
  name: 'vm',
  summary: 'create, boot and enter virtual machines (shorthand over libvirt/Firecracker)',
  help: HELP,
  async run(ctx) {
    const [sub, ...rest] = ctx.argv.slice(1);
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') { ctx.stdout.write(HELP); return sub === undefined ? 2 : 0; }
    const hv = connectHypervisor(ctx, 'vm');
    if (!hv) return 1;
    const name = rest.find((a) => !a.startsWith('-'));
    const needName = (): boolean => {
      if (name) return true;
      ctx.stderr.write(`vm ${sub}: missing NAME\n`);
      return false;
    };
    switch (sub) {
      case 'create': return create(ctx, hv, rest);
      case 'list': case 'ls': return list(ctx, hv);
      case 'images': return images(ctx, hv);
      case 'info': {
        if (!needName()) return 2;
        try { ctx.stdout.write(vmInfo(ctx.sys, hv.domain(name as string), hv.poolTotal() !== undefined, hv.kind)); return 0; } catch (e) { ctx.stderr.write(`vm info: ${messageOf(e)}\n`); return 1; }
      }
      case 'host-info': {
        ctx.stdout.write(describeHost(hv.kind));
        const pool = hv.poolTotal();
        if (pool !== undefined) ctx.stdout.write(`Guest memory: ${Math.floor((hv.poolFree() ?? 0) / MiB)} MiB free of ${Math.floor(pool / MiB)} MiB in the hypervisor (Dom0's own RAM is separate: see free -m)\n`);
        else ctx.stdout.write('Guest memory: taken from this kernel\'s RAM by each VMM process (see free -m and ps)\n');
        return 0;
      }
      case 'start': return needName() ? start(ctx, hv, name as string, rest.includes('-q') || rest.includes('--quiet')) : 2;
      case 'stop': return needName() ? stop(ctx, hv, name as string, false) : 2;
      case 'destroy': case 'kill': return needName() ? stop(ctx, hv, name as string, true) : 2;
      case 'rm': {
        if (!needName()) return 2;
        try { hv.undefine(name as string, true); return 0; } catch (e) { ctx.stderr.write(`vm rm: ${messageOf(e)}\n`); return 1; }
      }
      case 'console': return needName() ? attachConsole(ctx, hv, name as string, 'vm') : 2;
      case 'log': {
        if (!needName()) return 2;
        try { ctx.stdout.write(hv.console(name as string).map((l) => l.text + '\n').join('')); return 0; } catch (e) { ctx.stderr.write(`vm log: ${messageOf(e)}\n`); return 1; }
      }
      case 'ssh': {
        const dd = rest.indexOf('--');
        const head = dd < 0 ? rest : rest.slice(0, dd);
        const cmd = dd < 0 ? head.slice(1) : rest.slice(dd + 1);
        if (!head[0]) { ctx.stderr.write('vm ssh: missing NAME\n'); return 2; }
        return sshRun(ctx, hv, head[0], cmd);
      }
      default:
        ctx.stderr.write(`vm: '${sub}' is not a vm command.\nSee 'vm --help'.\n`);
        return 2;
    }
  },
};
