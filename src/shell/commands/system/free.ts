/**
 * free(1) from procps-ng 4: memory from /proc/meminfo (total, used = total −
 * available, free, shared, buff/cache, available), in KiB by default,
 * -m MiB, -g GiB, -h human ("7.8Gi").
 */
import type { Command } from '../../types.ts';
import { asBusybox, humanProcps, tryRead } from './util.ts';

/** free: display amount of free and used memory in the system. */
export const free: Command = {
  name: 'free',
  summary: 'display amount of free and used memory in the system',
  help: `
Usage:
 free [options]

Options:
 -b, --bytes         show output in bytes
 -k, --kibi          show output in kibibytes
 -m, --mebi          show output in mebibytes
 -g, --gibi          show output in gibibytes
 -h, --human         show human-readable output
 -t, --total         show total for RAM + swap
 -w, --wide          wide output

     --help     display this help and exit

For more details see free(1).`.trimStart(),
  async run(ctx) {
    const info = tryRead(ctx.sys, '/proc/meminfo');
    if (!info) {
      ctx.stderr.write('free: Unable to create meminfo structure\n');
      return 1;
    }
    const kb = (k: string): number => Number(new RegExp(`^${k.replace(/[()]/g, '\\$&')}:\\s+(\\d+)`, 'm').exec(info)?.[1] ?? 0);
    const flags = ctx.argv.slice(1).flatMap((a) => (a.startsWith('--') ? [a] : a.slice(1).split('').map((c) => '-' + c)));
    let unit: (kib: number) => string = (k) => String(k);
    if (flags.includes('-b') || flags.includes('--bytes')) unit = (k) => String(k * 1024);
    if (flags.includes('-m') || flags.includes('--mebi')) unit = (k) => String(Math.floor(k / 1024));
    if (flags.includes('-g') || flags.includes('--gibi')) unit = (k) => String(Math.floor(k / 1024 / 1024));
    if (flags.includes('-h') || flags.includes('--human')) unit = (k) => humanProcps(k * 1024);
    const total = kb('MemTotal');
    const memFree = kb('MemFree');
    const cache = kb('Buffers') + kb('Cached') + kb('SReclaimable');
    // procps-ng ≥ 4.0 reports used = total − available.
    const used = Math.max(0, total - kb('MemAvailable'));
    // BusyBox's free (procps/free.c) indents one column less: "%-7s" labels, "%12s" values.
    const bb = asBusybox(ctx);
    const row = (label: string, vals: number[]): string => (bb ? label.padEnd(7) : label.padEnd(8)) + vals.map((v) => (bb ? unit(v).padStart(12) : ' ' + unit(v).padStart(11))).join('') + '\n';
    let out = bb ? '              total        used        free      shared  buff/cache   available\n' : '               total        used        free      shared  buff/cache   available\n';
    out += row('Mem:', [total, used, memFree, kb('Shmem'), cache, kb('MemAvailable')]).replace(/ +\n$/, '\n');
    out += row('Swap:', [kb('SwapTotal'), kb('SwapTotal') - kb('SwapFree'), kb('SwapFree')]);
    if (flags.includes('-t') || flags.includes('--total')) out += row('Total:', [total + kb('SwapTotal'), used, memFree + kb('SwapFree')]);
    ctx.stdout.write(out);
    return 0;
  },
};
