/**
 * Tab completion for the virt CLIs (bash-completion's virsh/qemu-img
 * completers, much reduced): subcommands, flags, domain names from libvirtd,
 * guest image ids. Registered with the shell's completion hook on import.
 */
import { GUESTS } from '../../../model/hypervisor/guest-os.ts';
import { Hypervisor, LIBVIRT_SOCK } from '../../../model/hypervisor/hypervisor.ts';
import type { Sys } from '../../../model/kernel/types.ts';
import { registerCompleter } from '../../completers.ts';
import type { CompletionRequest } from '../../completers.ts';

const VM_SUBS = ['create', 'start', 'stop', 'destroy', 'rm', 'list', 'info', 'ssh', 'console', 'log', 'images', 'host-info'];
const VIRSH_SUBS = ['list', 'define', 'start', 'shutdown', 'destroy', 'undefine', 'dominfo', 'domstate', 'dumpxml', 'console', 'help'];
const CREATE_FLAGS = ['--image', '--memory', '--cpus', '--profile', '--linked', '--docker'];

function domains(sys: Sys): string[] {
  try {
    const hv = sys.connect(LIBVIRT_SOCK);
    return hv instanceof Hypervisor ? hv.domains().map((d) => d.config.name) : [];
  } catch {
    return [];
  }
}

/** Candidates for `vm …`. */
export function completeVm(req: CompletionRequest): readonly string[] | undefined {
  const [, sub] = req.words;
  if (req.words.length === 1) return VM_SUBS;
  const prev = req.words[req.words.length - 1];
  if (sub === 'create') {
    if (prev === '--image') return Object.keys(GUESTS);
    if (prev === '--profile') return ['full', 'microvm'];
    if (req.current.startsWith('-')) return CREATE_FLAGS;
    return [];
  }
  if (req.words.length === 2 && sub !== 'list' && sub !== 'images' && sub !== 'host-info') return domains(req.sys);
  return undefined;
}

/** Candidates for `virsh …`. */
export function completeVirsh(req: CompletionRequest): readonly string[] | undefined {
  if (req.words.length === 1) return VIRSH_SUBS;
  if (req.words[1] === 'list') return ['--all', '--name'];
  if (req.words[1] === 'define') return undefined;
  if (req.words.length === 2) return domains(req.sys);
  return undefined;
}

registerCompleter('vm', completeVm);
registerCompleter('virsh', completeVirsh);
registerCompleter('qemu-img', (req) => (req.words.length === 1 ? ['create', 'info'] : req.current.startsWith('-') ? ['-f', '-b', '-F', '--backing-chain'] : undefined));
