/**
 * df(1) from GNU coreutils: space on each mounted filesystem (statfs(2)),
 * 1K blocks or -h (powers of 1024), -T for the type; pseudo filesystems
 * with no blocks are hidden unless -a. Columns are padded as GNU does
 * (Filesystem at least 14 wide, numbers right-aligned at least 5).
 */
import type { Command } from '../../types.ts';
import { asBusybox, humanGnu } from './util.ts';
import { isSysError } from '../../../model/errors.ts';
import type { StatFs } from '../../../model/kernel/types.ts';

/** df: report file system space usage. */
export const df: Command = {
  name: 'df',
  summary: 'report file system space usage',
  help: `Usage: df [OPTION]... [FILE]...
Show information about the file system on which each FILE resides,
or all file systems by default.

  -a, --all             include pseudo, duplicate, inaccessible file systems
  -h, --human-readable  print sizes in powers of 1024 (e.g., 1023M)
  -i, --inodes          list inode information instead of block usage
  -k                    like --block-size=1K
  -T, --print-type      print file system type
  -t, --type=TYPE       limit listing to file systems of type TYPE
      --help        display this help and exit`,
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let human = false;
    let showType = false;
    let all = false;
    let inodes = false;
    let onlyType: string | undefined;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--human-readable') human = true;
      else if (a === '--print-type') showType = true;
      else if (a === '--all') all = true;
      else if (a === '--inodes') inodes = true;
      else if (a === '-t' || a === '--type') onlyType = args[++i];
      else if (a.startsWith('--type=')) onlyType = a.slice(7);
      else if (a.startsWith('-') && a.length > 1 && !a.startsWith('--')) {
        for (const c of a.slice(1)) {
          if (c === 'h') human = true;
          else if (c === 'T') showType = true;
          else if (c === 'a') all = true;
          else if (c === 'i') inodes = true;
          else if (c === 'k' || c === 'l' || c === 'P') continue;
          else { ctx.stderr.write(`df: invalid option -- '${c}'\nTry 'df --help' for more information.\n`); return 1; }
        }
      } else files.push(a);
    }
    let status = 0;
    const stats: StatFs[] = [];
    if (files.length) {
      for (const f of files) {
        try {
          stats.push(ctx.sys.statfs(f));
        } catch (e) {
          if (!isSysError(e)) throw e;
          ctx.stderr.write(`df: ${f}: ${e.strerror}\n`);
          status = 1;
        }
      }
    } else {
      const seen = new Set<string>();
      for (const m of ctx.sys.mounts()) {
        let st: StatFs;
        try {
          st = ctx.sys.statfs(m.target);
        } catch {
          continue;
        }
        if (!all && (st.totalBytes === 0 || seen.has(`${m.target}`))) continue;
        if (onlyType && st.fstype !== onlyType) continue;
        seen.add(m.target);
        stats.push({ ...st, source: m.source, target: m.target, fstype: m.fstype });
      }
    }
    if (asBusybox(ctx)) {
      // BusyBox df (coreutils/df.c): fixed columns "%-20s %9s %9s %9s %3u%% %s", one decimal in -h sizes.
      const bbSize = (b: number): string => (human ? busyboxHuman(b) : String(Math.ceil(b / 1024)));
      let out = `${'Filesystem'.padEnd(20)} ${(human ? 'Size' : '1K-blocks').padStart(9)} ${'Used'.padStart(9)} Available Use% Mounted on\n`;
      for (const s of stats) {
        const pc = s.usedBytes + s.availBytes === 0 ? 0 : Math.ceil((s.usedBytes * 100) / (s.usedBytes + s.availBytes));
        out += `${s.source.padEnd(20)} ${bbSize(s.totalBytes).padStart(9)} ${bbSize(s.usedBytes).padStart(9)} ${bbSize(s.availBytes).padStart(9)} ${String(pc).padStart(3)}% ${s.target}\n`;
      }
      ctx.stdout.write(out);
      return status;
    }
    const head = ['Filesystem', ...(showType ? ['Type'] : []), inodes ? 'Inodes' : human ? 'Size' : '1K-blocks', inodes ? 'IUsed' : 'Used', inodes ? 'IFree' : human ? 'Avail' : 'Available', inodes ? 'IUse%' : 'Use%', 'Mounted on'];
    const size = (b: number): string => (human ? humanGnu(b) : String(Math.ceil(b / 1024)));
    const pct = (used: number, avail: number): string => (used + avail === 0 ? '-' : `${Math.ceil((used * 100) / (used + avail))}%`);
    const rows = stats.map((s) => [
      s.source, ...(showType ? [s.fstype] : []),
      inodes ? String(s.totalInodes) : size(s.totalBytes),
      inodes ? String(s.usedInodes) : size(s.usedBytes),
      inodes ? String(Math.max(0, s.totalInodes - s.usedInodes)) : size(s.availBytes),
      inodes ? pct(s.usedInodes, s.totalInodes - s.usedInodes) : pct(s.usedBytes, s.availBytes),
      s.target,
    ]);
    const mins = [14, ...(showType ? [4] : []), 5, 5, 5, 4, 0];
    const right = [false, ...(showType ? [false] : []), true, true, true, true, false];
    const all2 = [head, ...rows];
    const w = mins.map((m, i) => Math.max(m, ...all2.map((r) => r[i].length)));
    ctx.stdout.write(all2.map((r) => r.map((c, i) => (i === r.length - 1 ? c : right[i] ? c.padStart(w[i]) : c.padEnd(w[i]))).join(' ')).join('\n') + '\n');
    return status;
  },
};

/** BusyBox make_human_readable_str: "58.4G", "64.0M", "0". */
function busyboxHuman(bytes: number): string {
  if (bytes === 0) return '0';
  const units = ['', 'K', 'M', 'G', 'T', 'P'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? String(v) : `${v.toFixed(1)}${units[i]}`;
}
