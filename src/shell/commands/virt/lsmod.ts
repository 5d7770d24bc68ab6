/**
 * lsmod(8) (kmod): the loaded kernel modules, formatted from /proc/modules.
 * On a hypervisor host it shows kvm and kvm_intel/kvm_amd, the modules that
 * make Linux itself the hypervisor (facts §7.2).
 */
import { isSysError } from '../../../model/errors.ts';
import { toText } from '../../../model/fs/data.ts';
import type { Command } from '../../types.ts';

/** One /proc/modules line → lsmod's "%-19s %8s  %s" row. */
export function lsmodRow(line: string): string | undefined {
  const [name, size, refs, users] = line.split(' ');
  if (!name || !size) return undefined;
  const by = users && users !== '-' ? ` ${users.replace(/,$/, '')}` : '';
  return `${name.padEnd(19)} ${size.padStart(8)}  ${refs ?? '0'}${by}`;
}

/** lsmod(8). */
export const lsmod: Command = {
  name: 'lsmod',
  summary: 'show the status of modules in the Linux kernel',
  help: 'Usage: lsmod\n\nlsmod is a trivial program which nicely formats the contents of /proc/modules.\n',
  async run(ctx) {
    let text: string;
    try {
      text = toText(ctx.sys.readFile('/proc/modules'));
    } catch (e) {
      if (!isSysError(e)) throw e;
      ctx.stderr.write(`libkmod: ERROR ../libkmod/libkmod-module.c:1968 kmod_module_new_from_loaded: could not open /proc/modules: ${e.strerror}\nError: could not get list of modules: ${e.strerror}\n`);
      return 1;
    }
    const rows = text.split('\n').map(lsmodRow).filter((r): r is string => r !== undefined);
    ctx.stdout.write(['Module                  Size  Used by', ...rows].join('\n') + '\n');
    return 0;
  },
};
