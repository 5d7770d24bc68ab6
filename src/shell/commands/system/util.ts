/**
 * Helpers shared by the process and system tools: reading /proc like procps
 * does, user names from /etc/passwd, human-readable sizes (GNU and procps
 * styles), and running a command line in another process (exec in place,
 * as unshare/nsenter/chroot do after setting up the process).
 */
import type { CommandContext } from '../../types.ts';
import type { Sys } from '../../../model/kernel/types.ts';
import { toText } from '../../../model/fs/data.ts';
import { isSysError } from '../../../model/errors.ts';
import { SIGNALS } from '../../../model/kernel/types.ts';

/** Read a text file, or undefined if it cannot be read. */
export function tryRead(sys: Sys, path: string): string | undefined {
  try {
    return toText(sys.readFile(path));
  } catch {
    return undefined;
  }
}

/** Quote one word for sh (single quotes). */
export function shQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Run `argv` as the program of process `sys` (execve in place, like unshare/nsenter/chroot after setup); returns its status. */
export function execIn(ctx: CommandContext, sys: Sys, argv: readonly string[]): Promise<number> {
  return ctx.runShell(`exec ${argv.map(shQuote).join(' ')}`, sys);
}

/** Print "NAME: MESSAGE" on stderr and return `status`. */
export function complain(ctx: CommandContext, name: string, message: string, status = 1): number {
  ctx.stderr.write(`${name}: ${message}\n`);
  return status;
}

/** strerror text of a thrown SysError (rethrows anything else). */
export function errText(e: unknown): string {
  if (isSysError(e)) return e.strerror;
  throw e;
}

/** uid → name from /etc/passwd as this process sees it. */
export function userNames(sys: Sys): Map<number, string> {
  const m = new Map<number, string>();
  for (const line of (tryRead(sys, '/etc/passwd') ?? '').split('\n')) {
    const f = line.split(':');
    if (f.length >= 3 && /^\d+$/.test(f[2])) if (!m.has(Number(f[2]))) m.set(Number(f[2]), f[0]);
  }
  return m;
}

/** gid → name from /etc/group. */
export function groupNames(sys: Sys): Map<number, string> {
  const m = new Map<number, string>();
  for (const line of (tryRead(sys, '/etc/group') ?? '').split('\n')) {
    const f = line.split(':');
    if (f.length >= 3 && /^\d+$/.test(f[2])) if (!m.has(Number(f[2]))) m.set(Number(f[2]), f[0]);
  }
  return m;
}

/** GNU human_readable with --human-readable (df -h, du -h): powers of 1024, round up, one decimal below 10: "3.9G", "796M", "0". */
export function humanGnu(bytes: number): string {
  if (bytes < 1024) return String(Math.ceil(bytes));
  const units = ['K', 'M', 'G', 'T', 'P', 'E'];
  let v = bytes;
  let i = -1;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  if (v < 10) {
    const r = Math.ceil(v * 10) / 10;
    if (r >= 10) return `${Math.ceil(r)}${units[i]}`;
    return `${r.toFixed(1)}${units[i]}`;
  }
  const r = Math.ceil(v);
  if (r >= 1024 && i < units.length - 1) return `1.0${units[i + 1]}`;
  return `${r}${units[i]}`;
}

/** procps free -h style: "7.8Gi", "215Mi", "0B" (rounded to nearest, one decimal below 10). */
export function humanProcps(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)}B`;
  const units = ['Ki', 'Mi', 'Gi', 'Ti', 'Pi'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return v < 10 ? `${v.toFixed(1)}${units[i]}` : `${Math.round(v)}${units[i]}`;
}

/** Parse "-abc" style short-option clusters and long options; returns options and operands. */
export function splitArgs(argv: readonly string[], withValue: ReadonlySet<string>): { opts: Array<[string, string | undefined]>; rest: string[] } {
  const opts: Array<[string, string | undefined]> = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { rest.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a : a.slice(0, eq);
      if (eq >= 0) opts.push([name, a.slice(eq + 1)]);
      else if (withValue.has(name)) opts.push([name, argv[++i]]);
      else opts.push([name, undefined]);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const o = '-' + a[j];
        if (withValue.has(o)) {
          opts.push([o, j + 1 < a.length ? a.slice(j + 1) : argv[++i]]);
          break;
        }
        opts.push([o, undefined]);
      }
      continue;
    }
    rest.push(a);
  }
  return { opts, rest };
}

/** Pad a table's columns: `align[i]` 'l' or 'r'; columns joined by `sep`; the last column is not padded when left-aligned. */
export function table(rows: string[][], align: ReadonlyArray<'l' | 'r'>, sep = ' '): string {
  const w = align.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => {
    if (align[i] === 'r') return c.padStart(w[i]);
    return i === r.length - 1 ? c : c.padEnd(w[i]);
  }).join(sep).replace(/\s+$/, '')).join('\n') + '\n';
}

/**
 * Wait for `work` (a program running in a forked child) unless this process
 * is killed first: then return 128+N at once and leave the child running,
 * as util-linux's unshare --fork and nsenter do without --kill-child (Ctrl-C
 * kills the parent; an init of a PID namespace ignores SIGINT and stays).
 */
export async function waitChild(ctx: CommandContext, work: Promise<number>): Promise<number> {
  const sys = ctx.sys;
  // Waiting passively: this wait must not move the clock for everyone else.
  sys.setBackground?.(true);
  const killed = sys.sleep(Infinity).then(() => true, () => true);
  const r = await Promise.race([work.then((st) => ({ st })), killed.then(() => undefined)]);
  sys.setBackground?.(false);
  if (r) return r.st;
  const sig = sys.pendingSignal();
  return sig ? 128 + SIGNALS[sig] : 130;
}

/**
 * Is this program running as a BusyBox applet (its file is /bin/busybox or a
 * symlink or hard link to it, as in Alpine and the busybox image)? Applets
 * print BusyBox's own formats, not procps/coreutils ones.
 */
export function asBusybox(ctx: CommandContext): boolean {
  // The shell says so when it dispatched through /bin/busybox; contexts built elsewhere fall back to the files.
  if (ctx.busybox !== undefined) return ctx.busybox;
  const name = ctx.argv[0] ?? '';
  let bb;
  try {
    bb = ctx.sys.stat('/bin/busybox');
  } catch {
    return false;
  }
  const dirs = name.includes('/') ? [''] : (ctx.env.get('PATH') ?? '/usr/sbin:/usr/bin:/sbin:/bin').split(':').map((d) => d + '/');
  for (const d of dirs) {
    try {
      const st = ctx.sys.stat(d + name);
      return st.ino === bb.ino && st.dev === bb.dev;
    } catch {
      // not in this directory
    }
  }
  return false;
}
