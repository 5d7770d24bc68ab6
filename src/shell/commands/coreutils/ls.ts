/**
 * ls(1) in GNU coreutils' formats: columns on a terminal, one per line in a
 * pipe, `-l` with aligned columns (`drwxr-xr-x 2 root root 4096 Jan  1 00:00 etc`),
 * devices as `major, minor` (overlayfs whiteouts show as `c--------- … 0, 0`),
 * `-a -A -h -i -d -R -1 -F -n -S -t -r`, bytewise (C locale) order.
 */
import type { Command, CommandContext } from '../../types.ts';
import type { Stat } from '../../../model/fs/types.ts';
import { isSysError } from '../../../model/errors.ts';
import { compareNames } from '../../../model/fs/path.ts';
import { blocks512, humanSize, lsDate, modeString, Names } from './fileinfo.ts';
import { has, parseOrUsage } from './util.ts';
import type { Parsed } from './util.ts';

interface Entry {
  readonly name: string;
  readonly path: string;
  readonly st: Stat;
  readonly target?: string;
}

const HELP = `Usage: ls [OPTION]... [FILE]...
List information about the FILEs (the current directory by default).
Sort entries alphabetically if none of -cftuvSUX nor --sort is specified.

  -a, --all                  do not ignore entries starting with .
  -A, --almost-all           do not list implied . and ..
  -d, --directory            list directories themselves, not their contents
  -F, --classify             append indicator (one of */=>@|) to entries
  -h, --human-readable       with -l and -s, print sizes like 1K 234M 2G etc.
  -i, --inode                print the index number of each file
  -l                         use a long listing format
  -n, --numeric-uid-gid      like -l, but list numeric user and group IDs
  -r, --reverse              reverse order while sorting
  -R, --recursive            list subdirectories recursively
  -S                         sort by file size, largest first
  -t                         sort by time, newest first
  -1                         list one file per line
`;

function classify(e: Entry): string {
  switch (e.st.type) {
    case 'dir': return '/';
    case 'symlink': return '@';
    case 'fifo': return '|';
    case 'socket': return '=';
    case 'file': return e.st.mode & 0o111 ? '*' : '';
    default: return '';
  }
}

class Lister {
  readonly #ctx: CommandContext;
  readonly #p: Parsed;
  readonly #long: boolean;
  readonly #names: Names;
  status = 0;
  constructor(ctx: CommandContext, p: Parsed) {
    this.#ctx = ctx;
    this.#p = p;
    this.#long = has(p, 'l') || has(p, 'n');
    this.#names = new Names(ctx.sys);
  }

  entry(name: string, path: string, follow: boolean): Entry {
    const sys = this.#ctx.sys;
    let st = sys.lstat(path);
    if (follow && st.type === 'symlink') {
      try {
        st = sys.stat(path);
      } catch {
        // dangling: list the link itself
      }
    }
    const target = st.type === 'symlink' ? sys.readlink(path) : undefined;
    return { name, path, st, target };
  }

  sort(list: Entry[]): Entry[] {
    const p = this.#p;
    const sorted = [...list].sort((a, b) => {
      if (has(p, 'S') && a.st.size !== b.st.size) return b.st.size - a.st.size;
      if (has(p, 't') && a.st.mtime !== b.st.mtime) return b.st.mtime - a.st.mtime;
      return compareNames(a.name, b.name);
    });
    return has(p, 'r') ? sorted.reverse() : sorted;
  }

  /** Entries of a directory per -a/-A; unreadable entries are reported and skipped. */
  children(dir: string): Entry[] | undefined {
    const sys = this.#ctx.sys;
    let names: string[];
    try {
      names = sys.readdir(dir);
    } catch (e) {
      this.#error(e, `cannot open directory '${dir}'`);
      return undefined;
    }
    const out: Entry[] = [];
    if (has(this.#p, 'a')) for (const n of ['.', '..']) out.push(this.entry(n, `${dir}/${n}`, false));
    for (const n of names) {
      if (n.startsWith('.') && !has(this.#p, 'a') && !has(this.#p, 'A')) continue;
      try {
        out.push(this.entry(n, dir === '/' ? `/${n}` : `${dir}/${n}`, false));
      } catch (e) {
        this.#error(e, `cannot access '${dir}/${n}'`);
      }
    }
    return this.sort(out);
  }

  #busyboxFormat(list: Entry[], withTotal: boolean): string {
    const p = this.#p;
    let out = '';
    if (this.#long) {
      if (withTotal) out += `total ${Math.floor((1 + list.reduce((n, e) => n + blocks512(e.st), 0)) / 2)}\n`;
      const now = this.#ctx.sys.realtime();
      for (const e of list) out += busyboxLong(e, this.#names, has(p, 'n'), has(p, 'h'), now, has(p, 'i')) + (has(p, 'F') && e.target === undefined ? classify(e) : '') + '\n';
      return out;
    }
    const cells = list.map((e) => e.name + (has(p, 'F') ? classify(e) : ''));
    if (!cells.length) return '';
    if (has(p, '1') || !this.#ctx.stdout.isTty) return cells.map((c) => c + '\n').join('');
    const width = Math.max(...cells.map((c) => c.length)) + 2;
    const cols = Math.max(1, Math.floor((this.#ctx.columns - 1) / width));
    const rows = Math.ceil(cells.length / cols);
    for (let r = 0; r < rows; r++) {
      let line = '';
      for (let c = 0; c < cols; c++) {
        const i = c * rows + r;
        if (i >= cells.length) break;
        const last = c === cols - 1 || (c + 1) * rows + r >= cells.length;
        line += last ? cells[i] : cells[i].padEnd(width);
      }
      out += line + '\n';
    }
    return out;
  }

  #error(e: unknown, what: string): void {
    if (!isSysError(e)) throw e;
    this.#ctx.stderr.write(`ls: ${what}: ${e.strerror}\n`);
    this.status = 2;
  }

  format(list: Entry[], withTotal: boolean): string {
    if (this.#ctx.busybox) return this.#busyboxFormat(list, withTotal);
    if (!list.length) return withTotal && this.#long ? 'total 0\n' : '';
    const p = this.#p;
    const ino = has(p, 'i');
    const suffix = (e: Entry): string => (has(p, 'F') ? classify(e) : '');
    if (this.#long) {
      const human = has(p, 'h');
      const numeric = has(p, 'n');
      const rows = list.map((e) => {
        const size = e.st.type === 'chardev' || e.st.type === 'blockdev' ? `${e.st.rdev[0]}, ${e.st.rdev[1]}` : human ? humanSize(e.st.size) : String(e.st.size);
        return {
          ino: String(e.st.ino),
          mode: modeString(e.st),
          nlink: String(e.st.nlink),
          user: numeric ? String(e.st.uid) : this.#names.user(e.st.uid),
          group: numeric ? String(e.st.gid) : this.#names.group(e.st.gid),
          size,
          date: lsDate(e.st.mtime, this.#ctx.sys.realtime()),
          name: e.name + (e.target !== undefined ? ` -> ${e.target}` : suffix(e)),
        };
      });
      const w = (k: keyof (typeof rows)[number]): number => Math.max(...rows.map((r) => r[k].length));
      const [wi, wl, wu, wg, ws] = [w('ino'), w('nlink'), w('user'), w('group'), w('size')];
      let out = '';
      if (withTotal) {
        const kb = list.reduce((s, e) => s + blocks512(e.st), 0) / 2;
        out += `total ${human ? humanSize(kb * 1024) : kb}\n`;
      }
      for (const r of rows) {
        out += `${ino ? r.ino.padStart(wi) + ' ' : ''}${r.mode} ${r.nlink.padStart(wl)} ${r.user.padEnd(wu)} ${r.group.padEnd(wg)} ${r.size.padStart(ws)} ${r.date} ${r.name}\n`;
      }
      return out;
    }
    const cells = list.map((e) => (ino ? `${String(e.st.ino).padStart(Math.max(...list.map((x) => String(x.st.ino).length)))} ` : '') + e.name + suffix(e));
    if (has(p, '1') || !this.#ctx.stdout.isTty) return cells.map((c) => c + '\n').join('');
    return columns(cells, this.#ctx.columns);
  }
}

/** BusyBox's ls formats (coreutils/ls.c display_single): fixed-width long lines, and columns as wide as the longest name + 2. */
function busyboxLong(e: Entry, names: Names, numeric: boolean, human: boolean, nowUs: number, ino: boolean): string {
  const st = e.st;
  const dev = st.type === 'chardev' || st.type === 'blockdev';
  const size = dev ? `${String(st.rdev[0]).padStart(4)}, ${String(st.rdev[1]).padStart(3)}` : human ? humanSize(st.size).padStart(5) : String(st.size).padStart(9);
  const user = numeric ? String(st.uid) : names.user(st.uid).slice(0, 8);
  const group = numeric ? String(st.gid) : names.group(st.gid).slice(0, 8);
  const date = lsDate(st.mtime, nowUs);
  return `${ino ? String(st.ino).padStart(8) + ' ' : ''}${modeString(st).padEnd(10)} ${String(st.nlink).padStart(4)} ${user.padEnd(8)} ${group.padEnd(8)} ${size} ${date} ${e.name}${e.target !== undefined ? ` -> ${e.target}` : ''}`;
}

/** GNU ls -C: as many columns as fit the width, filled top to bottom, two spaces between. */
export function columns(cells: readonly string[], width: number): string {
  const n = cells.length;
  let best = 1;
  let bestWidths = [Math.max(...cells.map((c) => c.length))];
  for (let cols = 2; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    if (Math.ceil(n / rows) < cols) continue;
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) widths.push(Math.max(0, ...cells.slice(c * rows, (c + 1) * rows).map((x) => x.length)));
    const total = widths.reduce((s, x) => s + x, 0) + 2 * (cols - 1);
    if (total < width) {
      best = cols;
      bestWidths = widths;
    }
  }
  const rows = Math.ceil(n / best);
  let out = '';
  for (let r = 0; r < rows; r++) {
    const line: string[] = [];
    for (let c = 0; c < best; c++) {
      const i = c * rows + r;
      if (i >= n) break;
      const last = c === best - 1 || (c + 1) * rows + r >= n;
      line.push(last ? cells[i] : cells[i].padEnd(bestWidths[c] + 2));
    }
    out += line.join('') + '\n';
  }
  return out;
}

export const ls: Command = {
  name: 'ls',
  summary: 'list directory contents',
  help: HELP,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'ls', {
      flags: 'aAdFhilnrRSt1CL',
      long: { all: 'a', 'almost-all': 'A', directory: 'd', classify: 'F', 'human-readable': 'h', inode: 'i', 'numeric-uid-gid': 'n', reverse: 'r', recursive: 'R', 'color=': 'color', color: 'color' },
    }, 2);
    if (typeof p === 'number') return p;
    const l = new Lister(ctx, p);
    const operands = p.operands.length ? p.operands : ['.'];
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    for (const o of operands) {
      try {
        const e = l.entry(o, o, !has(p, 'l') || o.endsWith('/') || has(p, 'L'));
        const isDir = e.st.type === 'dir' || (e.st.type === 'symlink' && !has(p, 'l') && isDirTarget(ctx, o));
        if (isDir && !has(p, 'd')) dirs.push(e);
        else files.push(e);
      } catch (e) {
        if (!isSysError(e)) throw e;
        ctx.stderr.write(ctx.busybox ? `ls: ${o}: ${e.strerror}\n` : `ls: cannot access '${o}': ${e.strerror}\n`);
        l.status = ctx.busybox ? 1 : 2;
      }
    }
    let out = l.format(l.sort(files), false);
    const many = operands.length > 1 || has(p, 'R');
    const queue = l.sort(dirs).map((d) => d.path);
    let first = !out;
    while (queue.length) {
      const dir = queue.shift()!;
      const kids = l.children(dir);
      if (!kids) continue;
      if (many) out += `${first ? '' : '\n'}${dir}:\n`;
      first = false;
      out += l.format(kids, true);
      if (has(p, 'R')) {
        const sub = kids.filter((k) => k.st.type === 'dir' && k.name !== '.' && k.name !== '..').map((k) => (dir.endsWith('/') ? dir + k.name : `${dir}/${k.name}`));
        queue.unshift(...sub);
      }
      ctx.stdout.write(out);
      out = '';
      await ctx.checkpoint();
    }
    ctx.stdout.write(out);
    return l.status;
  },
};

function isDirTarget(ctx: CommandContext, path: string): boolean {
  try {
    return ctx.sys.stat(path).type === 'dir';
  } catch {
    return false;
  }
}
