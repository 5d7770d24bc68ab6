/**
 * Small system tools: nproc(1), uptime(1), reboot(8) (refused without
 * CAP_SYS_BOOT, as in a default container: facts §9.3), pivot_root(8), and
 * capsh --print (libcap) to show a process's capabilities.
 */
import type { Command } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import { tryRead } from './util.ts';
import { ALL_CAPS } from '../../../model/kernel/process/capabilities.ts';

/** nproc: print the number of processing units available. */
export const nproc: Command = {
  name: 'nproc',
  summary: 'print the number of processing units available',
  help: 'Usage: nproc [OPTION]...\nPrint the number of processing units available to the current process,\nwhich may be less than the number of online processors\n\n      --all      print the number of installed processors\n      --help        display this help and exit',
  async run(ctx) {
    const n = ((tryRead(ctx.sys, '/proc/cpuinfo') ?? '').match(/^processor\s*:/gm) ?? []).length || 1;
    ctx.stdout.write(`${n}\n`);
    return 0;
  },
};

/** uptime: tell how long the system has been running. */
export const uptime: Command = {
  name: 'uptime',
  summary: 'tell how long the system has been running',
  help: '\nUsage:\n uptime [options]\n\nOptions:\n -p, --pretty   show uptime in pretty format\n -h, --help     display this help and exit\n\nFor more details see uptime(1).',
  async run(ctx) {
    const up = Number((tryRead(ctx.sys, '/proc/uptime') ?? '0').split(' ')[0]);
    const load = (tryRead(ctx.sys, '/proc/loadavg') ?? '0.00 0.00 0.00').split(' ');
    const d = new Date(ctx.sys.realtime() / 1000);
    const t = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
    const h = Math.floor(up / 3600);
    const m = Math.floor((up % 3600) / 60);
    if (ctx.argv.includes('-p') || ctx.argv.includes('--pretty')) {
      ctx.stdout.write(`up ${h ? `${h} hour${h > 1 ? 's' : ''}, ` : ''}${m} minute${m === 1 ? '' : 's'}\n`);
      return 0;
    }
    const u = h ? `${String(h).padStart(2)}:${String(m).padStart(2, '0')}` : `${m} min`;
    ctx.stdout.write(` ${t} up ${u},  1 user,  load average: ${load[0]}, ${load[1]}, ${load[2]}\n`);
    return 0;
  },
};

/** reboot: reboot the machine (reboot(2)). */
export const reboot: Command = {
  name: 'reboot',
  summary: 'reboot the machine',
  help: 'Usage: reboot [OPTIONS...]\n\nReboot the system.\n\n  -f --force   Force immediate reboot\n     --help    Show this help',
  async run(ctx) {
    try {
      if (!ctx.sys.reboot) throw new Error('reboot(2) is not available in this model');
      ctx.sys.reboot('RESTART');
    } catch (e) {
      if (!isSysError(e)) throw e;
      ctx.stderr.write(`reboot: ${e.strerror}\n`);
      return 1;
    }
    return 0;
  },
};

/** pivot_root: change the root filesystem (pivot_root(2)). */
export const pivotRoot: Command = {
  name: 'pivot_root',
  summary: 'change the root filesystem',
  help: '\nUsage:\n pivot_root [options] new_root put_old\n\nChange the root filesystem.\n\nFor more details see pivot_root(8).',
  async run(ctx) {
    const [nr, po] = ctx.argv.slice(1);
    if (!nr || !po) { ctx.stderr.write("pivot_root: bad usage\nTry 'pivot_root --help' for more information.\n"); return 1; }
    try {
      ctx.sys.pivotRoot(nr, po);
    } catch (e) {
      if (!isSysError(e)) throw e;
      ctx.stderr.write(`pivot_root: failed to change root from \`${nr}' to \`${po}': ${e.strerror}\n`);
      return 1;
    }
    return 0;
  },
};

/** capsh --print: the process's capability sets (libcap's capsh). */
export const capsh: Command = {
  name: 'capsh',
  summary: 'capability shell wrapper (--print shows capabilities)',
  help: 'usage: capsh [args ...]\n  --print        display capability relevant state\n  --decode=xxx   decode a hex string to a list of caps\n  --help         this message',
  async run(ctx) {
    const dec = ctx.argv.find((a) => a.startsWith('--decode='));
    if (dec) return decode(ctx, dec.slice('--decode='.length));
    if (!ctx.argv.includes('--print')) { ctx.stderr.write('capsh: this model supports only --print and --decode\n'); return 1; }
    const caps = [...ctx.sys.capabilities()].map((c) => c.toLowerCase()).sort();
    const status = tryRead(ctx.sys, '/proc/self/status') ?? '';
    const seccomp = /^Seccomp:\t(\d)/m.exec(status)?.[1] ?? '0';
    const cur = caps.length ? `${caps.join(',')}=ep` : '=';
    ctx.stdout.write(`Current: ${cur}\nBounding set =${caps.join(',')}\nAmbient set =\nCurrent IAB: \nSecurebits: 00/0x0/1'b0 (no-new-privs=${seccomp === '2' ? 1 : 0})\n secure-noroot: no (unlocked)\n secure-no-suid-fixup: no (unlocked)\n secure-keep-caps: no (unlocked)\n secure-no-ambient-raise: no (unlocked)\nuid=${ctx.sys.uid}(root) euid=${ctx.sys.uid}(root)\ngid=${ctx.sys.gid}(root)\ngroups=\nGuessed mode: HYBRID (4)\n`);
    return 0;
  },
};

/** capsh --decode=HEX: name the capabilities set in a mask such as /proc/PID/status's CapEff (libcap capsh.c). */
function decode(ctx: Parameters<Command['run']>[0], hex: string): number {
  // capsh parses the value with strtoull(…, 16): leading hex digits, anything else reads as 0.
  const h = /^(?:0x)?([0-9a-f]{1,16})/i.exec(hex)?.[1] ?? '0';
  const v = BigInt(`0x${h}`);
  const names = ALL_CAPS.filter((_, i) => (v >> BigInt(i)) & 1n).map((c) => c.toLowerCase());
  ctx.stdout.write(`0x${v.toString(16).padStart(16, '0')}=${names.join(',')}\n`);
  return 0;
}
