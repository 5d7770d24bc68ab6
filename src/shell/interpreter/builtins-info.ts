/**
 * Builtins that describe the shell: type, command, help, history (bash(1)).
 */
import { COMMANDS } from '../commands/index.ts';
import type { Builtin } from './builtins.ts';
import { resolveCommand, runExternal } from './exec.ts';
import type { Shell, Stdio } from './shell.ts';

type Def = (fn: (sh: Shell, argv: string[], io: Stdio) => Promise<number> | number, special?: boolean) => Builtin;

/** Reserved words, for `type` (bash: "if is a shell keyword"). */
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!']);

function describe(sh: Shell, name: string, verbose: boolean, builtins: ReadonlyMap<string, Builtin>): string | undefined {
  const alias = sh.aliases.get(name);
  if (alias !== undefined) return verbose ? `${name} is aliased to \`${alias}'` : `alias ${name}='${alias}'`;
  if (sh.funcs.has(name)) return verbose ? `${name} is a function` : name;
  if (KEYWORDS.has(name)) return verbose ? `${name} is a shell keyword` : name;
  if (builtins.has(name)) return verbose ? `${name} is a shell builtin` : name;
  const r = resolveCommand(sh.sys, name, sh.get('PATH'));
  if ('path' in r) return verbose ? `${name} is ${r.path}` : r.path;
  return undefined;
}

/** `table()` returns the complete builtin table (which includes these). */
export function infoBuiltins(def: Def, table: () => ReadonlyMap<string, Builtin>): [string, Builtin][] {
  const all = {
    has: (n: string) => table().has(n),
    get: (n: string) => table().get(n),
    keys: () => table().keys(),
  } as ReadonlyMap<string, Builtin>;
  const list: [string, Builtin][] = [
    ['type', def((sh, argv, io) => {
      let status = 0;
      for (const n of argv.slice(1).filter((a) => !a.startsWith('-'))) {
        const d = describe(sh, n, true, all);
        if (d) io.stdout.write(d + '\n');
        else {
          sh.error(io, `type: ${n}: not found`);
          status = 1;
        }
      }
      return status;
    })],
    ['command', def(async (sh, argv, io) => {
      const args = argv.slice(1);
      if (args[0] === '-v' || args[0] === '-V') {
        const verbose = args[0] === '-V';
        let status = 0;
        for (const n of args.slice(1)) {
          const d = describe(sh, n, verbose, all);
          if (d) io.stdout.write(d + '\n');
          else {
            if (verbose) sh.error(io, `command: ${n}: not found`);
            status = 1;
          }
        }
        return status;
      }
      if (args[0] === '-p') args.shift();
      if (!args.length) return 0;
      const b = all.get(args[0]);
      if (b) return b(sh, args, io);
      return runExternal(sh, args, sh.environment(), io, false);
    })],
    ['help', def((_sh, argv, io) => {
      const topic = argv[1];
      if (topic) {
        const c = COMMANDS.find((x) => x.name === topic);
        if (c) {
          io.stdout.write(`${c.name}: ${c.summary}\n`);
          return 0;
        }
        if (all.has(topic)) {
          io.stdout.write(`${topic}: a shell builtin\n`);
          return 0;
        }
        io.stderr.write(`sh: help: no help topics match \`${topic}'.  Try \`help help' or \`man -k ${topic}' or \`info ${topic}'.\n`);
        return 1;
      }
      io.stdout.write('Shell builtins: ' + [...all.keys()].sort().join(' ') + '\n\nCommands (NAME --help for usage):\n');
      const seen = new Set<string>();
      const rows = COMMANDS.filter((c) => !seen.has(c.name) && seen.add(c.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
      const width = Math.min(16, Math.max(...rows.map((c) => c.name.length), 4));
      for (const c of rows) io.stdout.write(`  ${c.name.padEnd(width)}  ${c.summary}\n`);
      return 0;
    })],
    ['history', def((sh, argv, io) => {
      const h = sh.host.history;
      if (argv[1] === '-c') {
        h.length = 0;
        return 0;
      }
      const n = argv[1] && /^\d+$/.test(argv[1]) ? Number(argv[1]) : h.length;
      const start = Math.max(0, h.length - n);
      for (let i = start; i < h.length; i++) io.stdout.write(`${String(i + 1).padStart(5)}  ${h[i]}\n`);
      return 0;
    })],
  ];
  return list;
}
