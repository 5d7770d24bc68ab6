/**
 * Which shell a program name runs: bash (hosts, debian/ubuntu images) or
 * BusyBox ash (alpine's /bin/sh → /bin/busybox). It decides the prompt:
 * bash's `\u@\h:\w\$ `, ash's `\w \$ ` (shown as `/ # ` in a container).
 */
import type { Sys } from '../../model/kernel/types.ts';
import { programOf } from '../../model/program.ts';
import { resolveCommand } from './exec.ts';
import type { Flavor } from './shell.ts';

/** The flavour of shell `argv0` resolves to in `sys`'s filesystem. */
export function flavorOf(sys: Sys, argv0: string, env: ReadonlyMap<string, string>): Flavor {
  if (/(^|\/)bash$/.test(argv0)) return 'bash';
  const r = resolveCommand(sys, argv0, env.get('PATH'));
  if ('path' in r) {
    try {
      if (programOf(sys.readFile(r.path)) === 'busybox') return 'ash';
    } catch {
      // unreadable: fall through
    }
  }
  return 'bash';
}

/** Expand a prompt string's bash escapes: \u \h \H \w \W \$ \n \\ (bash(1) PROMPTING). */
export function expandPrompt(ps: string, info: { user: string; host: string; cwd: string; home: string | undefined; uid: number }): string {
  const w = info.home && info.home !== '/' && (info.cwd === info.home || info.cwd.startsWith(info.home + '/')) ? '~' + info.cwd.slice(info.home.length) : info.cwd;
  return ps.replace(/\\([uhHwW$n\\])/g, (_m, c: string) => {
    switch (c) {
      case 'u': return info.user;
      case 'h': return info.host.split('.')[0];
      case 'H': return info.host;
      case 'w': return w;
      case 'W': return w === '/' ? '/' : w.slice(w.lastIndexOf('/') + 1);
      case '$': return info.uid === 0 ? '#' : '$';
      case 'n': return '\n';
      default: return '\\';
    }
  });
}
