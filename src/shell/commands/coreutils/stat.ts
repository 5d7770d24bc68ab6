/** stat(1) in GNU's default format, plus -c FORMAT (%n %s %a %A %U %G %u %g %i %h %F %y %Y %d %t %T %b). */
import type { Command } from '../../types.ts';
import type { Stat } from '../../../model/fs/types.ts';
import { isSysError } from '../../../model/errors.ts';
import { blocks512, fullDate, modeString, Names } from './fileinfo.ts';
import { has, parseOrUsage } from './util.ts';

const TYPE_NAME: Record<string, string> = { file: 'regular file', dir: 'directory', symlink: 'symbolic link', chardev: 'character special file', blockdev: 'block special file', fifo: 'fifo', socket: 'socket' };

function typeName(st: Stat): string {
  return st.type === 'file' && st.size === 0 ? 'regular empty file' : TYPE_NAME[st.type];
}

function format(fmt: string, name: string, st: Stat, names: Names, target: string | undefined): string {
  return fmt.replace(/%([%nNsaAUGugihFyYdDtTbBXZxzwWo])/g, (_m, c: string) => {
    switch (c) {
      case '%': return '%';
      case 'n': return name;
      case 'N': return target !== undefined ? `'${name}' -> '${target}'` : `'${name}'`;
      case 's': return String(st.size);
      case 'a': return (st.mode & 0o7777).toString(8);
      case 'A': return modeString(st);
      case 'U': return names.user(st.uid);
      case 'G': return names.group(st.gid);
      case 'u': return String(st.uid);
      case 'g': return String(st.gid);
      case 'i': return String(st.ino);
      case 'h': return String(st.nlink);
      case 'F': return typeName(st);
      case 'y': case 'x': case 'z': return fullDate(c === 'z' ? st.ctime : st.mtime);
      case 'Y': case 'X': case 'Z': return String(Math.floor((c === 'Z' ? st.ctime : st.mtime) / 1e6));
      case 'd': return String(st.dev);
      case 'D': return st.dev.toString(16);
      case 't': return st.rdev[0].toString(16);
      case 'T': return st.rdev[1].toString(16);
      case 'b': return String(blocks512(st));
      case 'B': return '512';
      case 'o': return '4096';
      case 'w': case 'W': return '-';
    }
    return '';
  });
}

export const stat: Command = {
  name: 'stat',
  summary: 'display file or file system status',
  help: `Usage: stat [OPTION]... FILE...
Display file or file system status.

  -L, --dereference     follow links
  -c  --format=FORMAT   use the specified FORMAT instead of the default;
                          output a newline after each use of FORMAT
  -t, --terse           print the information in terse form
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'stat', { flags: 'Lt', withArg: 'c', long: { dereference: 'L', 'format=': 'c', terse: 't', 'printf=': 'printf' } });
    if (typeof p === 'number') return p;
    if (!p.operands.length) {
      ctx.stderr.write("stat: missing operand\nTry 'stat --help' for more information.\n");
      return 1;
    }
    const names = new Names(ctx.sys);
    let status = 0;
    for (const f of p.operands) {
      let st: Stat;
      try {
        st = has(p, 'L') ? ctx.sys.stat(f) : ctx.sys.lstat(f);
      } catch (e) {
        if (!isSysError(e)) throw e;
        ctx.stderr.write(`stat: cannot statx '${f}': ${e.strerror}\n`);
        status = 1;
        continue;
      }
      const target = st.type === 'symlink' ? ctx.sys.readlink(f) : undefined;
      const custom = p.values.get('c') ?? p.values.get('printf');
      if (custom !== undefined) {
        ctx.stdout.write(format(custom, f, st, names, target) + (p.values.has('printf') ? '' : '\n'));
        continue;
      }
      if (has(p, 't')) {
        ctx.stdout.write(format('%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o', f, st, names, target).replace('%f', (st.mode | 0o100000).toString(16)) + '\n');
        continue;
      }
      const dev = `${st.dev.toString(16)}h/${st.dev}d`;
      const devType = st.type === 'chardev' || st.type === 'blockdev' ? ` Device type: ${st.rdev[0]},${st.rdev[1]}` : '';
      ctx.stdout.write(
        `  File: ${target !== undefined ? `${f} -> ${target}` : f}\n` +
          `  Size: ${String(st.size).padEnd(15)} Blocks: ${String(blocks512(st)).padEnd(10)} IO Block: 4096   ${typeName(st)}\n` +
          `Device: ${dev.padEnd(15)} Inode: ${String(st.ino).padEnd(11)} Links: ${st.nlink}${devType}\n` +
          `Access: (${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(st)})  Uid: (${String(st.uid).padStart(5)}/${names.user(st.uid).padStart(8)})   Gid: (${String(st.gid).padStart(5)}/${names.group(st.gid).padStart(8)})\n` +
          `Access: ${fullDate(st.mtime)}\nModify: ${fullDate(st.mtime)}\nChange: ${fullDate(st.ctime)}\n Birth: -\n`,
      );
    }
    return status;
  },
};
