/**
 * virt-what(1): detect whether we are running in a virtual machine. Like the
 * real script (and systemd-detect-virt) it trusts the CPUID "hypervisor" bit
 * that /proc/cpuinfo shows as a flag, then names the hypervisor from
 * /sys/hypervisor/type and /proc/xen (Xen), the DMI product name
 * (VirtualBox), or defaults to KVM. Prints nothing on bare
 * metal. Inside a container it reports the host's answer: the kernel is shared.
 */
import { isSysError } from '../../../model/errors.ts';
import { toText } from '../../../model/fs/data.ts';
import type { Sys } from '../../../model/kernel/types.ts';
import type { Command } from '../../types.ts';

function read(sys: Sys, path: string): string | undefined {
  try {
    return toText(sys.readFile(path));
  } catch (e) {
    if (isSysError(e)) return undefined;
    throw e;
  }
}

/** virt-what(1). */
export const virtWhat: Command = {
  name: 'virt-what',
  summary: 'detect if we are running in a virtual machine',
  help: 'Usage: virt-what [options]\nOptions:\n  --help          Display this help\n  --version       Display version and exit\n',
  async run(ctx) {
    if (ctx.argv[1] === '--version') { ctx.stdout.write('1.25\n'); return 0; }
    const flags = /^flags\s*:(.*)$/m.exec(read(ctx.sys, '/proc/cpuinfo') ?? '')?.[1] ?? '';
    if (!/ hypervisor( |$)/.test(flags) && read(ctx.sys, '/proc/xen/capabilities') === undefined) return 0;
    const caps = read(ctx.sys, '/proc/xen/capabilities');
    if (read(ctx.sys, '/sys/hypervisor/type')?.trim() === 'xen' || caps !== undefined) {
      ctx.stdout.write(`xen\n${caps?.includes('control_d') ? 'xen-dom0' : 'xen-domU'}\n`);
      return 0;
    }
    ctx.stdout.write(read(ctx.sys, '/sys/class/dmi/id/product_name')?.trim() === 'VirtualBox' ? 'virtualbox\n' : 'kvm\n');
    return 0;
  },
};
