/**
 * find(1), the everyday subset: paths, then -name -iname -path -type -maxdepth
 * -mindepth -size -newer -user -empty -print -delete -exec CMD {} \; / +,
 * with ! -not -a -o and ( ). Output order is directory order (sorted here).
 */
import type { Command, CommandContext } from '../../types.ts';
import type { Stat } from '../../../model/fs/types.ts';
import { isSysError } from '../../../model/errors.ts';
import { matchPattern } from '../../interpreter/pattern.ts';
import { Names } from './fileinfo.ts';

type Node =
  | { t: 'and' | 'or'; a: Node; b: Node }
  | { t: 'not'; a: Node }
  | { t: 'test'; fn: (path: string, st: Stat, depth: number) => boolean }
  | { t: 'action'; kind: 'print' | 'delete' | 'exec' | 'execplus' | 'print0'; argv?: string[] };

class FindError extends Error {}

function parseExpr(args: string[], names: Names, ctx: CommandContext, opts: { maxdepth: number; mindepth: number; hasAction: boolean }): Node | undefined {
  let i = 0;
  const primary = (): Node => {
    const a = args[i++];
    const need = (): string => {
      const v = args[i++];
      if (v === undefined) throw new FindError(`missing argument to \`${a}'`);
      return v;
    };
    switch (a) {
      case '(': {
        const n = or();
        if (args[i++] !== ')') throw new FindError("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
        return n;
      }
      case '!': case '-not': return { t: 'not', a: primary() };
      case '-name': { const p = need(); return { t: 'test', fn: (path) => matchPattern(p, path.slice(path.lastIndexOf('/') + 1) || path) }; }
      case '-iname': { const p = need().toLowerCase(); return { t: 'test', fn: (path) => matchPattern(p, (path.slice(path.lastIndexOf('/') + 1) || path).toLowerCase()) }; }
      case '-path': case '-wholename': { const p = need(); return { t: 'test', fn: (path) => matchPattern(p, path) }; }
      case '-type': {
        const v = need();
        const map: Record<string, string> = { f: 'file', d: 'dir', l: 'symlink', c: 'chardev', b: 'blockdev', p: 'fifo', s: 'socket' };
        const types = v.split(',').map((x) => map[x]);
        if (types.some((x) => !x)) throw new FindError(`Unknown argument to -type: ${v}`);
        return { t: 'test', fn: (_p, st) => types.includes(st.type) };
      }
      case '-maxdepth': opts.maxdepth = Number(need()); return { t: 'test', fn: () => true };
      case '-mindepth': opts.mindepth = Number(need()); return { t: 'test', fn: () => true };
      case '-empty': return { t: 'test', fn: (p, st) => (st.type === 'dir' ? ctx.sys.readdir(p).length === 0 : st.type === 'file' && st.size === 0) };
      case '-user': { const u = need(); return { t: 'test', fn: (_p, st) => names.user(st.uid) === u || String(st.uid) === u }; }
      case '-newer': { const ref = ctx.sys.stat(need()).mtime; return { t: 'test', fn: (_p, st) => st.mtime > ref }; }
      case '-perm': { const m = parseInt(need().replace(/^[-/]/, ''), 8); return { t: 'test', fn: (_p, st) => (st.mode & 0o7777) === m }; }
      case '-size': {
        const v = need();
        const m = /^([+-]?)(\d+)([ckMGb]?)$/.exec(v);
        if (!m) throw new FindError(`invalid -size type \`${v}'`);
        const unit = { c: 1, k: 1024, M: 1024 ** 2, G: 1024 ** 3, b: 512, '': 512 }[m[3]]!;
        const n = Number(m[2]);
        return { t: 'test', fn: (_p, st) => { const s = Math.ceil(st.size / unit); return m[1] === '+' ? s > n : m[1] === '-' ? s < n : s === n; } };
      }
      case '-print': opts.hasAction = true; return { t: 'action', kind: 'print' };
      case '-print0': opts.hasAction = true; return { t: 'action', kind: 'print0' };
      case '-delete': opts.hasAction = true; return { t: 'action', kind: 'delete' };
      case '-exec': case '-execdir': case '-ok': {
        opts.hasAction = true;
        const argv: string[] = [];
        while (i < args.length && args[i] !== ';' && !(args[i] === '+' && args[i - 1] === '{}')) argv.push(args[i++]);
        if (i >= args.length) throw new FindError(`missing argument to \`${a}'`);
        const plus = args[i++] === '+';
        return { t: 'action', kind: plus ? 'execplus' : 'exec', argv };
      }
      case '-true': return { t: 'test', fn: () => true };
      case '-false': return { t: 'test', fn: () => false };
      case '-xdev': case '-mount': case '-depth': case '-follow': return { t: 'test', fn: () => true };
      default:
        if (a?.startsWith('-')) throw new FindError(`unknown predicate \`${a}'`);
        throw new FindError(`paths must precede expression: \`${a}'`);
    }
  };
  const and = (): Node => {
    let n = primary();
    while (i < args.length && args[i] !== '-o' && args[i] !== '-or' && args[i] !== ')') {
      if (args[i] === '-a' || args[i] === '-and') i++;
      n = { t: 'and', a: n, b: primary() };
    }
    return n;
  };
  const or = (): Node => {
    let n = and();
    while (args[i] === '-o' || args[i] === '-or') {
      i++;
      n = { t: 'or', a: n, b: and() };
    }
    return n;
  };
  if (!args.length) return undefined;
  const n = or();
  if (i < args.length) throw new FindError(`unexpected \`${args[i]}'`);
  return n;
}

export const find: Command = {
  name: 'find',
  summary: 'search for files in a directory hierarchy',
  help: `Usage: find [-H] [-L] [-P] [starting-point...] [expression]

Default path is the current directory; default expression is -print.
Expression may consist of: operators, options, tests, and actions.

operators: ( EXPR )   ! EXPR   -not EXPR   EXPR1 -a EXPR2   EXPR1 -o EXPR2
options:   -maxdepth LEVELS -mindepth LEVELS -xdev
tests:     -name PATTERN -iname PATTERN -path PATTERN -type [bcdpfls] -size N[ckMG]
           -empty -newer FILE -user NAME -perm MODE
actions:   -print -print0 -delete -exec COMMAND ; -exec COMMAND {} +
`,
  async run(ctx) {
    const args = ctx.argv.slice(1).filter((a) => a !== '-H' && a !== '-L' && a !== '-P');
    const paths: string[] = [];
    while (args.length && !args[0].startsWith('-') && args[0] !== '(' && args[0] !== '!') paths.push(args.shift()!);
    if (!paths.length) paths.push('.');
    const opts = { maxdepth: Infinity, mindepth: 0, hasAction: false };
    let expr: Node | undefined;
    try {
      expr = parseExpr(args, new Names(ctx.sys), ctx, opts);
    } catch (e) {
      if (e instanceof FindError) {
        ctx.stderr.write(`find: ${e.message}\n`);
        return 1;
      }
      if (isSysError(e)) {
        ctx.stderr.write(`find: ${e.path ?? ''}: ${e.strerror}\n`);
        return 1;
      }
      throw e;
    }
    let status = 0;
    const plus: { argv: string[]; files: string[] }[] = [];
    const io = { stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr };
    const evalNode = async (n: Node, path: string, st: Stat, depth: number): Promise<boolean> => {
      switch (n.t) {
        case 'and': return (await evalNode(n.a, path, st, depth)) && evalNode(n.b, path, st, depth);
        case 'or': return (await evalNode(n.a, path, st, depth)) || evalNode(n.b, path, st, depth);
        case 'not': return !(await evalNode(n.a, path, st, depth));
        case 'test': return n.fn(path, st, depth);
        case 'action':
          if (n.kind === 'print') ctx.stdout.write(path + '\n');
          else if (n.kind === 'print0') ctx.stdout.write(path + '\0');
          else if (n.kind === 'delete') {
            try {
              if (st.type === 'dir') ctx.sys.rmdir(path);
              else ctx.sys.unlink(path);
            } catch (e) {
              if (!isSysError(e)) throw e;
              ctx.stderr.write(`find: cannot delete '${path}': ${e.strerror}\n`);
              status = 1;
              return false;
            }
          } else if (n.kind === 'execplus') {
            let slot = plus.find((x) => x.argv === n.argv);
            if (!slot) plus.push((slot = { argv: n.argv!, files: [] }));
            slot.files.push(path);
          } else {
            const argv = n.argv!.map((a) => a.replaceAll('{}', path));
            const st2 = await ctx.runShell(argv.map(shq).join(' '), ctx.sys, io);
            return st2 === 0;
          }
          return true;
      }
    };
    const visit = async (path: string, depth: number): Promise<void> => {
      let st: Stat;
      try {
        st = ctx.sys.lstat(path);
      } catch (e) {
        if (!isSysError(e)) throw e;
        ctx.stderr.write(`find: '${path}': ${e.strerror}\n`);
        status = 1;
        return;
      }
      await ctx.checkpoint();
      const deleting = opts.hasAction && args.includes('-delete');
      if (!deleting && depth >= opts.mindepth) {
        const ok = expr ? await evalNode(expr, path, st, depth) : true;
        if (ok && !opts.hasAction) ctx.stdout.write(path + '\n');
      }
      if (st.type === 'dir' && depth < opts.maxdepth) {
        let names: string[] = [];
        try {
          names = ctx.sys.readdir(path);
        } catch (e) {
          if (!isSysError(e)) throw e;
          ctx.stderr.write(`find: '${path}': ${e.strerror}\n`);
          status = 1;
        }
        for (const n of names) await visit(path.endsWith('/') ? path + n : `${path}/${n}`, depth + 1);
      }
      if (deleting && depth >= opts.mindepth && expr) await evalNode(expr, path, st, depth);
    };
    for (const p of paths) await visit(p, 0);
    for (const slot of plus) {
      const argv = slot.argv.flatMap((a) => (a === '{}' ? slot.files : [a]));
      if ((await ctx.runShell(argv.map(shq).join(' '), ctx.sys, io)) !== 0) status = 1;
    }
    return status;
  },
};

function shq(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
