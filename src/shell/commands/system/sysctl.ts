/**
 * sysctl(8) from procps-ng: read and write /proc/sys. Keys use dots or
 * slashes; "KEY=VALUE" writes (as -w does). Namespaced keys (kernel.hostname,
 * net.*) differ per container; the rest are the one shared kernel's.
 */
import type { Command, CommandContext } from '../../types.ts';
import { fromText, toText } from '../../../model/fs/data.ts';
import { isSysError } from '../../../model/errors.ts';
import { asBusybox } from './util.ts';

function keyToPath(key: string): string {
  return '/proc/sys/' + key.replace(/\./g, '/');
}

function pathToKey(path: string): string {
  return path.slice('/proc/sys/'.length).replace(/\//g, '.');
}

/** Every readable file under /proc/sys, as keys. */
function allKeys(ctx: CommandContext, dir = '/proc/sys'): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = ctx.sys.readdir(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    const p = `${dir}/${n}`;
    const st = ctx.sys.lstat(p);
    if (st.type === 'dir') out.push(...allKeys(ctx, p));
    else out.push(pathToKey(p));
  }
  return out;
}

/** sysctl: configure kernel parameters at runtime. */
export const sysctl: Command = {
  name: 'sysctl',
  summary: 'configure kernel parameters at runtime',
  help: `
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -n, --values         print only values of the given variable(s)
  -N, --names          print variable names without values
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable

 -h, --help     display this help and exit

Namespaced: kernel.hostname, kernel.domainname (UTS), net.* (network),
kernel.ns_last_pid (PID). Everything else is one value for the whole
kernel, shared by the host and every container.

For more details see sysctl(8).`.trimStart(),
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const flags = new Set(args.filter((a) => a.startsWith('-')).flatMap((a) => (a.startsWith('--') ? [a] : a.slice(1).split('').map((c) => '-' + c))));
    const ops = args.filter((a) => !a.startsWith('-'));
    const valuesOnly = flags.has('-n') || flags.has('--values');
    const namesOnly = flags.has('-N') || flags.has('--names');
    const quiet = flags.has('-q') || flags.has('--quiet');
    const show = (key: string, value: string): void => {
      ctx.stdout.write(valuesOnly ? `${value}\n` : namesOnly ? `${key}\n` : `${key} = ${value}\n`);
    };
    if (flags.has('-a') || flags.has('--all') || flags.has('-A') || flags.has('-X') || ops.length === 0 && flags.size > 0 && !flags.has('-w')) {
      for (const key of allKeys(ctx)) {
        try {
          show(key, toText(ctx.sys.readFile(keyToPath(key))).replace(/\n$/, ''));
        } catch {
          // unreadable (write-only) keys are skipped, as sysctl -a does
        }
      }
      return 0;
    }
    if (ops.length === 0) {
      ctx.stderr.write('\nUsage:\n sysctl [options] [variable[=value] ...]\n\nFor more details see sysctl(8).\n');
      return 1;
    }
    let status = 0;
    for (const op of ops) {
      const eq = op.indexOf('=');
      const key = (eq >= 0 ? op.slice(0, eq) : op).replace(/\//g, '.');
      const path = keyToPath(key);
      if (eq >= 0) {
        const value = op.slice(eq + 1);
        try {
          ctx.sys.writeFile(path, fromText(value));
          if (!quiet) show(key, value);
        } catch (e) {
          if (!isSysError(e)) throw e;
          if (asBusybox(ctx)) ctx.stderr.write(e.code === 'ENOENT' ? `sysctl: error: '${key}' is an unknown key\n` : `sysctl: error setting key '${key}': ${e.strerror}\n`);
          else if (e.code === 'ENOENT') ctx.stderr.write(`sysctl: cannot stat ${path}: No such file or directory\n`);
          else if (e.code === 'EPERM' || e.code === 'EACCES') ctx.stderr.write(`sysctl: permission denied on key "${key}"\n`);
          else ctx.stderr.write(`sysctl: setting key "${key}": ${e.strerror}\n`);
          status = 1;
        }
        continue;
      }
      if (flags.has('-w')) { ctx.stderr.write(`sysctl: "${key}" must be of the form name=value\n`); status = 1; continue; }
      try {
        const st = ctx.sys.stat(path);
        if (st.type === 'dir') {
          for (const k of allKeys(ctx, path)) show(k, toText(ctx.sys.readFile(keyToPath(k))).replace(/\n$/, ''));
          continue;
        }
        show(key, toText(ctx.sys.readFile(path)).replace(/\n$/, ''));
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (asBusybox(ctx)) ctx.stderr.write(e.code === 'ENOENT' ? `sysctl: error: '${key}' is an unknown key\n` : `sysctl: error reading key '${key}': ${e.strerror}\n`);
        else ctx.stderr.write(e.code === 'ENOENT' ? `sysctl: cannot stat ${path}: No such file or directory\n` : `sysctl: reading key "${key}": ${e.strerror}\n`);
        status = asBusybox(ctx) ? 1 : 255;
      }
    }
    return status;
  },
};
