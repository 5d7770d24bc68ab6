/** chmod(1) (octal and symbolic modes like u+x,go-w, -R) and chown(1) (USER[:GROUP], numeric or by name, -R). */
import type { Command, CommandContext } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import { toText } from '../../../model/fs/data.ts';
import { has, parseArgs, UsageError } from './util.ts';

/** Apply a chmod mode string to `mode` (the file's current bits); undefined if the string is invalid. */
export function applyMode(spec: string, mode: number, isDir: boolean): number | undefined {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let m = mode & 0o7777;
  for (const clause of spec.split(',')) {
    const c = /^([ugoa]*)((?:[-+=][rwxXst]*)+)$/.exec(clause);
    if (!c) return undefined;
    const who = c[1] || 'a';
    const mask = (who.includes('u') || who.includes('a') ? 0o4700 : 0) | (who.includes('g') || who.includes('a') ? 0o2070 : 0) | (who.includes('o') || who.includes('a') ? 0o1007 : 0);
    for (const op of c[2].match(/[-+=][rwxXst]*/g) ?? []) {
      let bits = 0;
      for (const ch of op.slice(1)) {
        if (ch === 'r') bits |= 0o444;
        if (ch === 'w') bits |= 0o222;
        if (ch === 'x') bits |= 0o111;
        if (ch === 'X' && (isDir || (m & 0o111) !== 0)) bits |= 0o111;
        if (ch === 's') bits |= 0o6000;
        if (ch === 't') bits |= 0o1000;
      }
      bits &= mask;
      if (op[0] === '+') m |= bits;
      else if (op[0] === '-') m &= ~bits;
      else m = (m & ~mask) | bits;
    }
  }
  return m;
}

async function walk(ctx: CommandContext, name: string, path: string, recursive: boolean, fn: (p: string) => void): Promise<boolean> {
  let ok = true;
  try {
    fn(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    ctx.stderr.write(e.code === 'ENOENT' ? `${name}: cannot access '${path}': ${e.strerror}\n` : `${name}: changing ${name === 'chmod' ? 'permissions' : 'ownership'} of '${path}': ${e.strerror}\n`);
    return false;
  }
  if (recursive) {
    let st;
    try {
      st = ctx.sys.lstat(path);
    } catch {
      return ok;
    }
    if (st.type === 'dir') {
      for (const n of ctx.sys.readdir(path)) {
        await ctx.checkpoint();
        if (!(await walk(ctx, name, `${path}/${n}`, true, fn))) ok = false;
      }
    }
  }
  return ok;
}

export const chmod: Command = {
  name: 'chmod',
  summary: 'change file mode bits',
  help: `Usage: chmod [OPTION]... MODE[,MODE]... FILE...
  or:  chmod [OPTION]... OCTAL-MODE FILE...
Change the mode of each FILE to MODE.

  -R, --recursive        change files and directories recursively
  -v, --verbose          output a diagnostic for every file processed

Each MODE is of the form '[ugoa]*([-+=]([rwxXst]*|[ugo]))+|[-+=][0-7]+'.
`,
  async run(ctx) {
    // modes like -x look like options: take the first operand-ish argument as the mode
    const argv = [...ctx.argv];
    const modeIdx = argv.findIndex((a, i) => i > 0 && !/^-[Rv]+$/.test(a) && a !== '--recursive' && a !== '--verbose');
    if (modeIdx < 0) {
      ctx.stderr.write("chmod: missing operand\nTry 'chmod --help' for more information.\n");
      return 1;
    }
    const spec = argv.splice(modeIdx, 1)[0];
    let p;
    try {
      p = parseArgs(argv, { flags: 'Rvfc', long: { recursive: 'R', verbose: 'v' } });
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      ctx.stderr.write(`chmod: ${e.message}\nTry 'chmod --help' for more information.\n`);
      return 1;
    }
    if (!p.operands.length) {
      ctx.stderr.write(`chmod: missing operand after '${spec}'\nTry 'chmod --help' for more information.\n`);
      return 1;
    }
    if (applyMode(spec, 0, false) === undefined) {
      ctx.stderr.write(`chmod: invalid mode: '${spec}'\nTry 'chmod --help' for more information.\n`);
      return 1;
    }
    let status = 0;
    for (const f of p.operands) {
      const ok = await walk(ctx, 'chmod', f, has(p, 'R'), (path) => {
        const st = ctx.sys.stat(path);
        if (st.type === 'symlink') return;
        ctx.sys.chmod(path, applyMode(spec, st.mode, st.type === 'dir')!);
      });
      if (!ok) status = 1;
    }
    return status;
  },
};

function lookup(ctx: CommandContext, file: string, name: string): number | undefined {
  if (/^\d+$/.test(name)) return Number(name);
  try {
    for (const line of toText(ctx.sys.readFile(file), 1 << 20).split('\n')) {
      const f = line.split(':');
      if (f[0] === name && f.length > 2) return Number(f[2]);
    }
  } catch {
    // no database
  }
  return undefined;
}

export const chown: Command = {
  name: 'chown',
  summary: 'change file owner and group',
  help: `Usage: chown [OPTION]... [OWNER][:[GROUP]] FILE...
Change the owner and/or group of each FILE to OWNER and/or GROUP.

  -R, --recursive        operate on files and directories recursively
`,
  async run(ctx) {
    let p;
    try {
      p = parseArgs(ctx.argv, { flags: 'Rvfh', long: { recursive: 'R', verbose: 'v' } });
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      ctx.stderr.write(`chown: ${e.message}\nTry 'chown --help' for more information.\n`);
      return 1;
    }
    const [spec, ...files] = p.operands;
    if (!spec || !files.length) {
      ctx.stderr.write(`chown: missing operand${spec ? ` after '${spec}'` : ''}\nTry 'chown --help' for more information.\n`);
      return 1;
    }
    const [u, g] = spec.split(/[:.]/);
    const uid = u ? lookup(ctx, '/etc/passwd', u) : undefined;
    const gid = g ? lookup(ctx, '/etc/group', g) : undefined;
    if (u && uid === undefined) {
      ctx.stderr.write(`chown: invalid user: '${spec}'\n`);
      return 1;
    }
    if (g && gid === undefined) {
      ctx.stderr.write(`chown: invalid group: '${spec}'\n`);
      return 1;
    }
    let status = 0;
    for (const f of files) {
      const ok = await walk(ctx, 'chown', f, has(p, 'R'), (path) => {
        const st = ctx.sys.stat(path);
        ctx.sys.chown(path, uid ?? st.uid, gid ?? st.gid);
      });
      if (!ok) status = 1;
    }
    return status;
  },
};
