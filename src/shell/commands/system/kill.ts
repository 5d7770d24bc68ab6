/** kill(1) from procps-ng: send a signal (default TERM) to processes; -l lists signal names. */
import type { Command } from '../../types.ts';
import { SIGNALS } from '../../../model/kernel/types.ts';
import type { Signal } from '../../../model/kernel/types.ts';
import { isSysError } from '../../../model/errors.ts';
import { asBusybox } from './util.ts';

/** Linux x86 signal names 1…31 (signal(7)), for -l. */
export const SIGNAL_NAMES = ['HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'POLL', 'PWR', 'SYS'];

/** "9", "KILL", "SIGKILL", "kill" → the model's Signal; undefined if unknown or not modelled. */
export function parseSignal(s: string): Signal | undefined {
  const up = s.toUpperCase();
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return (Object.keys(SIGNALS) as Signal[]).find((k) => SIGNALS[k] === n);
  }
  const name = (up.startsWith('SIG') ? up : `SIG${up}`) as Signal;
  return name in SIGNALS ? name : undefined;
}

/** kill: send signals to processes. */
export const kill: Command = {
  name: 'kill',
  summary: 'send a signal to a process',
  help: `
Usage:
 kill [options] <pid> [...]

Options:
 <pid> [...]            send signal to every <pid> listed
 -<signal>, -s, --signal <signal>
                        specify the <signal> to be sent
 -l, --list=[<signal>]  list all signal names, or convert one to a name
 -L, --table            list all signal names in a nice table

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see kill(1).`.trimStart(),
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let sig: Signal = 'SIGTERM';
    const pids: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-l' || a === '--list' || a === '-L' || a === '--table') {
        const n = args[i + 1];
        if (n !== undefined) {
          if (/^\d+$/.test(n)) ctx.stdout.write(`${SIGNAL_NAMES[(Number(n) & 127) - 1] ?? n}\n`);
          else ctx.stdout.write(`${SIGNALS[('SIG' + n.toUpperCase().replace(/^SIG/, '')) as Signal] ?? n}\n`);
          return 0;
        }
        if (a === '-L' || a === '--table') {
          let out = '';
          SIGNAL_NAMES.forEach((s, j) => { out += `${String(j + 1).padStart(2)} ${s.padEnd(7)}${(j + 1) % 7 === 0 ? '\n' : ' '}`; });
          ctx.stdout.write(out.split('\n').map((l) => l.trimEnd()).join('\n').trimEnd() + '\n');
        } else {
          ctx.stdout.write(wrap(SIGNAL_NAMES, 78));
        }
        return 0;
      }
      if (a === '-s' || a === '--signal' || a === '-n') {
        const s = parseSignal(args[++i] ?? '');
        if (!s) { ctx.stderr.write(`kill: unknown signal: ${args[i]}\n`); return 1; }
        sig = s;
      } else if (/^-[A-Za-z]+$|^-\d+$/.test(a) && pids.length === 0 && a !== '-1') {
        const s = parseSignal(a.slice(1));
        if (!s) { ctx.stderr.write(`kill: unknown signal: ${a.slice(1)}\n`); return 1; }
        sig = s;
      } else if (a === '--') {
        pids.push(...args.slice(i + 1));
        break;
      } else pids.push(a);
    }
    if (pids.length === 0) {
      ctx.stderr.write('\nUsage:\n kill [options] <pid> [...]\n\nFor more details see kill(1).\n');
      return 1;
    }
    let status = 0;
    for (const p of pids) {
      if (!/^-?\d+$/.test(p)) {
        ctx.stderr.write(`kill: failed to parse argument: '${p}'\n`);
        status = 1;
        continue;
      }
      try {
        ctx.sys.kill(Number(p), sig);
      } catch (e) {
        if (!isSysError(e)) throw e;
        ctx.stderr.write(asBusybox(ctx) ? `kill: can't kill pid ${p}: ${e.strerror}\n` : `kill: (${p}): ${e.strerror}\n`);
        status = 1;
      }
    }
    return status;
  },
};

/** Space-separated words wrapped before `width` columns. */
function wrap(words: readonly string[], width: number): string {
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && cur.length + 1 + w.length > width) { lines.push(cur); cur = w; }
    else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines.join('\n') + '\n';
}
