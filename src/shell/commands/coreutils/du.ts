/** du(1): disk usage in 1K blocks as ext4 allocates them (4 KiB blocks), -s -h -a -c -k -m -b, hard links counted once. */
import type { Command } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import { blocks512, humanSize } from './fileinfo.ts';
import { has, parseOrUsage } from './util.ts';
import type { Parsed } from './util.ts';

export const du: Command = {
  name: 'du',
  summary: 'estimate file space usage',
  help: `Usage: du [OPTION]... [FILE]...
Summarize device usage of the set of FILEs, recursively for directories.

  -a, --all             write counts for all files, not just directories
  -b, --bytes           equivalent to '--apparent-size --block-size=1'
  -c, --total           produce a grand total
  -h, --human-readable  print sizes in human readable format (e.g., 1K 234M 2G)
  -k                    like --block-size=1K
  -m                    like --block-size=1M
  -s, --summarize       display only a total for each argument
  -d, --max-depth=N     print the total for a directory only if it is N or fewer levels below the command line argument
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'du', { flags: 'abchkmsxL', withArg: 'd', long: { all: 'a', bytes: 'b', total: 'c', 'human-readable': 'h', summarize: 's', 'max-depth=': 'd', 'apparent-size': 'A' } });
    if (typeof p === 'number') return p;
    const seen = new Set<string>();
    let status = 0;
    let grand = 0;
    const maxDepth = has(p, 's') ? 0 : p.values.has('d') ? Number(p.values.get('d')) : Infinity;
    const fmt = (bytes: number): string => format(p, bytes);
    const walk = async (path: string, depth: number): Promise<number> => {
      let st;
      try {
        st = ctx.sys.lstat(path);
      } catch (e) {
        if (!isSysError(e)) throw e;
        ctx.stderr.write(`du: cannot access '${path}': ${e.strerror}\n`);
        status = 1;
        return 0;
      }
      const key = `${st.dev}:${st.ino}`;
      if (st.nlink > 1 && st.type !== 'dir') {
        if (seen.has(key)) return 0;
        seen.add(key);
      }
      let total = has(p, 'b') || has(p, 'A') ? (st.type === 'dir' ? 4096 : st.size) : blocks512(st) * 512;
      if (st.type === 'dir') {
        let names: string[] = [];
        try {
          names = ctx.sys.readdir(path);
        } catch (e) {
          if (!isSysError(e)) throw e;
          ctx.stderr.write(`du: cannot read directory '${path}': ${e.strerror}\n`);
          status = 1;
        }
        for (const n of names) total += await walk(path.endsWith('/') ? path + n : `${path}/${n}`, depth + 1);
        await ctx.checkpoint();
        if (depth <= maxDepth) ctx.stdout.write(`${fmt(total)}\t${path}\n`);
      } else if (depth === 0 || (has(p, 'a') && depth <= maxDepth)) ctx.stdout.write(`${fmt(total)}\t${path}\n`);
      return total;
    };
    for (const path of p.operands.length ? p.operands : ['.']) grand += await walk(path, 0);
    if (has(p, 'c')) ctx.stdout.write(`${fmt(grand)}\ttotal\n`);
    return status;
  },
};

function format(p: Parsed, bytes: number): string {
  if (has(p, 'h')) return humanSize(bytes);
  if (has(p, 'b')) return String(bytes);
  if (has(p, 'm')) return String(Math.ceil(bytes / 1024 / 1024));
  return String(Math.ceil(bytes / 1024));
}

