/**
 * dmesg(1) from util-linux: print the kernel ring buffer (syslog(2)). In a
 * default Docker container the seccomp profile refuses syslog without
 * CAP_SYSLOG, so dmesg fails there (facts §9.3).
 */
import type { Command } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import { asBusybox } from './util.ts';

/** dmesg: print or control the kernel ring buffer. */
export const dmesg: Command = {
  name: 'dmesg',
  summary: 'print or control the kernel ring buffer',
  help: `
Usage:
 dmesg [options]

Display or control the kernel ring buffer.

Options:
 -C, --clear                 clear the kernel ring buffer
 -c, --read-clear            read and clear all messages
 -t, --notime                don't show any timestamp with messages
 -h, --help                  display this help

For more details see dmesg(1).`.trimStart(),
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const clearOnly = args.includes('-C') || args.includes('--clear');
    const readClear = args.includes('-c') || args.includes('--read-clear');
    const notime = args.includes('-t') || args.includes('--notime');
    const bad = args.find((a) => !['-C', '--clear', '-c', '--read-clear', '-t', '--notime', '-T', '-H', '-L', '--color=never', '-k', '-x'].includes(a));
    if (bad) { ctx.stderr.write(`dmesg: unrecognized option '${bad}'\nTry 'dmesg --help' for more information.\n`); return 1; }
    let lines: string[];
    try {
      if (!ctx.sys.syslog) throw new Error('syslog(2) is not available in this model');
      lines = ctx.sys.syslog(clearOnly || readClear);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (asBusybox(ctx)) ctx.stderr.write(`dmesg: klogctl: ${e.strerror}\n`);
      else ctx.stderr.write(clearOnly ? `dmesg: klogctl failed: ${e.strerror}\n` : `dmesg: read kernel buffer failed: ${e.strerror}\n`);
      return 1;
    }
    if (clearOnly) return 0;
    ctx.stdout.write(lines.map((l) => (notime ? l.replace(/^\[[ \d.]+\] /, '') : l) + '\n').join(''));
    return 0;
  },
};
