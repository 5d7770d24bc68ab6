/**
 * virsh(1), the libvirt shell, for the QEMU/KVM domains of this host
 * (qemu:///system). Output follows libvirt's tools/virsh-domain*.c and
 * vsh-table.c: `virsh list` columns, `Domain 'vm1' started`, and errors as
 * `error: Failed to start domain 'vm1'` + `error: <virError message>`.
 * Firecracker microVMs are not libvirt domains (libvirt has no Firecracker
 * driver), so virsh does not show them; `vm list` does.
 */
import type { Domain } from '../../../model/hypervisor/domain.ts';
import type { Hypervisor } from '../../../model/hypervisor/hypervisor.ts';
import type { Command, CommandContext } from '../../types.ts';
import { connectHypervisor, messageOf } from './common.ts';
import { attachConsole } from './guest-shell.ts';
import { domainXml } from './domain-xml.ts';
import { parseDomainXml } from './domain-xml-parse.ts';
import { toText } from '../../../model/fs/data.ts';

const HELP = `Usage: virsh [options]... [<command_string>]
       virsh [options]... <command> [args...]

  commands (the model's subset):
    list [--all] [--name]          list domains
    start <domain>                 start a (previously defined) inactive domain
    shutdown <domain>              gracefully shutdown a domain
    destroy <domain>               destroy (stop) a domain
    define <file>                  define (but don't start) a domain from an XML file
    undefine <domain> [--remove-all-storage]
                                   undefine a domain
    dominfo <domain>               domain information
    domstate <domain>              domain state
    dumpxml <domain>               domain information in XML
    console <domain>               connect to the guest console

  Domains are created with \`vm create\`; Firecracker microVMs are not libvirt domains.
`;

/** vshTablePrint: " cell" + (max - width + 2) spaces, dashes of Σ(max + 3). */
export function vshTable(rows: readonly (readonly string[])[]): string {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: readonly string[]): string => r.map((c, i) => ` ${c}${i < r.length - 1 ? ' '.repeat(w[i] - c.length + 2) : ''}`).join('') + '\n';
  return line(rows[0]) + '-'.repeat(w.reduce((s, x) => s + x + 3, 0)) + '\n' + rows.slice(1).map(line).join('');
}

function qemuDomains(hv: Hypervisor): Domain[] {
  return hv.domains().filter((d) => d.config.profile.vmm === 'qemu-system-x86_64');
}

function lookup(ctx: CommandContext, hv: Hypervisor, name: string | undefined): Domain | undefined {
  if (name === undefined) {
    ctx.stderr.write(`error: command requires <domain> option\n`);
    return undefined;
  }
  const d = qemuDomains(hv).find((x) => x.config.name === name);
  if (!d) ctx.stderr.write(`error: failed to get domain '${name}'\n`);
  return d;
}

/** dominfo's "%-15s %s" lines. */
function dominfo(d: Domain): string {
  const kib = Math.floor(d.config.memoryBytes / 1024);
  const rows: Array<[string, string]> = [
    ['Id:', d.id === undefined ? '-' : String(d.id)],
    ['Name:', d.config.name],
    ['UUID:', d.config.uuid],
    ['OS Type:', 'hvm'],
    ['State:', d.state],
    ['CPU(s):', String(d.config.vcpus)],
    ['Max memory:', `${kib} KiB`],
    ['Used memory:', `${kib} KiB`],
    ['Persistent:', 'yes'],
    ['Autostart:', 'disable'],
    ['Managed save:', 'no'],
    ['Security model:', 'none'],
    ['Security DOI:', '0'],
  ];
  return rows.map(([k, v]) => `${k.padEnd(15)} ${v}`).join('\n') + '\n\n';
}

/** virsh define FILE: read the XML through the caller's files, then define or redefine the domain. */
function define(ctx: CommandContext, hv: Hypervisor, file: string | undefined): number {
  if (file === undefined) {
    ctx.stderr.write('error: command \'define\' requires <file> option\n');
    return 1;
  }
  const fail = (msg: string): number => {
    ctx.stderr.write(`error: Failed to define domain from ${file}\nerror: ${msg}\n`);
    return 1;
  };
  let xml: string;
  try {
    xml = toText(ctx.sys.readFile(file));
  } catch (e) {
    ctx.stderr.write(`error: Failed to open file '${file}': ${messageOf(e)}\n`);
    return 1;
  }
  const parsed = parseDomainXml(xml);
  if (typeof parsed === 'string') return fail(parsed);
  const disk = parsed.disk.startsWith('/') ? parsed.disk : `${ctx.sys.getcwd().replace(/\/$/, '')}/${parsed.disk}`;
  try {
    hv.define({ ...parsed, disk });
  } catch (e) {
    return fail(messageOf(e));
  }
  ctx.stdout.write(`Domain '${parsed.name}' defined from ${file}\n\n`);
  return 0;
}

type Action = 'start' | 'shutdown' | 'destroy';
const DONE: Record<Action, (n: string) => string> = {
  start: (n) => `Domain '${n}' started\n\n`,
  shutdown: (n) => `Domain '${n}' is being shutdown\n\n`,
  destroy: (n) => `Domain '${n}' destroyed\n\n`,
};

/** virsh(1), the model's subset. */
export const virsh: Command = {
  name: 'virsh',
  summary: 'manage libvirt domains (QEMU/KVM virtual machines)',
  help: HELP,
  async run(ctx) {
    const [sub, ...rest] = ctx.argv.slice(1);
    if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
      ctx.stdout.write(HELP);
      return 0;
    }
    const known = ['list', 'define', 'start', 'shutdown', 'destroy', 'undefine', 'dominfo', 'domstate', 'dumpxml', 'console'];
    if (!known.includes(sub)) {
      ctx.stderr.write(`error: unknown command: '${sub}'\n`);
      return 1;
    }
    const hv = connectHypervisor(ctx);
    if (!hv) return 1;
    const flags = new Set(rest.filter((a) => a.startsWith('--')));
    const name = rest.find((a) => !a.startsWith('--'));
    if (sub === 'list') {
      const ds = qemuDomains(hv).filter((d) => flags.has('--all') || d.state !== 'shut off');
      if (flags.has('--name')) ctx.stdout.write(ds.map((d) => `${d.config.name}\n`).join('') + '\n');
      else ctx.stdout.write(vshTable([['Id', 'Name', 'State'], ...ds.map((d) => [d.id === undefined ? '-' : String(d.id), d.config.name, d.state])]) + '\n');
      return 0;
    }
    if (sub === 'define') return define(ctx, hv, name);
    const d = lookup(ctx, hv, name);
    if (!d) return 1;
    const n = d.config.name;
    try {
      switch (sub) {
        case 'dominfo': ctx.stdout.write(dominfo(d)); return 0;
        case 'domstate': ctx.stdout.write(`${d.state}\n\n`); return 0;
        case 'dumpxml': ctx.stdout.write(domainXml(ctx.sys, d)); return 0;
        case 'undefine':
          hv.undefine(n, flags.has('--remove-all-storage'));
          ctx.stdout.write(`Domain '${n}' has been undefined\n\n`);
          return 0;
        case 'console': return await attachConsole(ctx, hv, n, 'virsh');
        default:
          hv[sub as Action](n);
          ctx.stdout.write(DONE[sub as Action](n));
          return 0;
      }
    } catch (e) {
      const verb = sub === 'undefine' ? 'undefine' : sub;
      ctx.stderr.write(`error: Failed to ${verb} domain '${n}'\nerror: ${messageOf(e)}\n`);
      return 1;
    }
  },
};
