/**
 * Tab completion (bash(1) "Programmable Completion", much reduced): command
 * names in command position (builtins, functions, the registry, PATH),
 * `$VAR` names, file names in the current filesystem, and per-command
 * completers other layers register (docker subcommands, container names).
 */
import type { Sys } from '../model/kernel/types.ts';
import { COMMANDS } from './commands/index.ts';
import { BUILTINS } from './interpreter/builtins.ts';
import type { Shell } from './interpreter/shell.ts';

/** What a per-command completer sees: the words before the cursor (argv[0] first) and the word being completed. */
export interface CompletionRequest {
  readonly words: readonly string[];
  readonly current: string;
  readonly sys: Sys;
}

/** Returns full candidate words for `current`, or undefined to fall back to file names. */
export type Completer = (req: CompletionRequest) => readonly string[] | undefined;

// `var`, not `const`: commands/index.ts and this file import each other, and a command
// folder may register before this module body has run (vitest evaluates the graph asynchronously).
// eslint-disable-next-line no-var
var completerMap: Map<string, Completer> | undefined;
function completersOf(): Map<string, Completer> {
  return (completerMap ??= new Map<string, Completer>());
}

/** Register completion for a command (e.g. `registerCompleter('docker', …)` from commands/docker). */
export function registerCompleter(command: string, fn: Completer): void {
  completersOf().set(command, fn);
}

const BREAKS = new Set([' ', '\t', ';', '|', '&', '<', '>', '(', ')', '`']);

/** Candidates for the word ending at `cursor` in `line`, as typed in shell `sh`. */
export function complete(sh: Shell, line: string, cursor: number): { from: number; candidates: string[] } {
  let from = cursor;
  while (from > 0 && !BREAKS.has(line[from - 1])) from--;
  const word = line.slice(from, cursor);
  const before = line.slice(0, from);
  const segment = before.split(/;|\|\||&&|\||&|\$\(|`|\(/).pop() ?? '';
  const words = segment.trim() ? segment.trim().split(/\s+/) : [];
  let candidates: string[] = [];
  if (word.startsWith('$') && !word.includes('/')) {
    const p = word.slice(1).replace(/^\{/, '');
    candidates = [...sh.vars.keys()].filter((k) => k.startsWith(p)).map((k) => (word.startsWith('${') ? '${' + k + '}' : '$' + k));
  } else if (words.length === 0 && !word.includes('/')) {
    candidates = commandNames(sh).filter((n) => n.startsWith(word));
  } else {
    const fn = words.length ? completersOf().get(words[0].split('/').pop()!) : undefined;
    const custom = fn?.({ words, current: word, sys: sh.sys });
    candidates = custom ? custom.filter((c) => c.startsWith(word)) : fileNames(sh, word, false);
  }
  return { from, candidates: [...new Set(candidates)].sort() };
}

function commandNames(sh: Shell): string[] {
  const names = new Set<string>([...BUILTINS.keys(), ...sh.funcs.keys(), ...COMMANDS.map((c) => c.name)]);
  for (const dir of (sh.get('PATH') ?? '').split(':')) {
    try {
      for (const n of sh.sys.readdir(dir || '.')) names.add(n);
    } catch {
      // missing PATH entries are normal
    }
  }
  return [...names];
}

/** File names completing `word` (directories get a trailing slash). */
export function fileNames(sh: Shell, word: string, dirsOnly: boolean): string[] {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const prefix = word.slice(slash + 1);
  let dir = dirPart || '.';
  if (dir.startsWith('~')) dir = (sh.get('HOME') ?? '/') + dir.slice(1);
  let names: string[];
  try {
    names = sh.sys.readdir(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) {
    if (!n.startsWith(prefix) || (n.startsWith('.') && !prefix.startsWith('.'))) continue;
    let isDir = false;
    try {
      isDir = sh.sys.stat(`${dir}/${n}`).type === 'dir';
    } catch {
      // dangling symlink
    }
    if (dirsOnly && !isDir) continue;
    out.push(dirPart + n + (isDir ? '/' : ''));
  }
  return out;
}
