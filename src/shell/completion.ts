/**
 * Tab completion (bash(1) "Programmable Completion", much reduced): command
 * names in command position (builtins, functions, the registry, PATH),
 * `$VAR` names, file names in the current filesystem, and per-command
 * completers other layers register (docker subcommands, container names).
 */
import { completerFor } from './completers.ts';
import { COMMANDS } from './commands/index.ts';
import { BUILTINS } from './interpreter/builtins.ts';
import type { Shell } from './interpreter/shell.ts';

export { registerCompleter } from './completers.ts';
export type { Completer, CompletionRequest } from './completers.ts';

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
    const fn = words.length ? completerFor(words[0].split('/').pop()!) : undefined;
    const custom = fn?.({ words, current: word, sys: sh.sys });
    const quote = /^["']/.test(word) ? word[0] : '';
    candidates = custom ? custom.filter((c) => c.startsWith(word)) : fileNames(sh, word.slice(quote.length), false).map((c) => quote + c);
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
