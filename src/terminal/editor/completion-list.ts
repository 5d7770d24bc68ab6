/**
 * How bash lists ambiguous completions (readline's `display_matches`): the
 * names sorted, in columns as wide as the longest name plus two spaces, filled
 * top to bottom then left to right, as many columns as fit the terminal.
 * Paths show only their last component, as readline does for filenames.
 */

/** The part of a candidate readline shows in a list: `/etc/hosts` → `hosts`, `/etc/` → `etc/`. */
export function displayName(candidate: string): string {
  const trimmed = candidate.endsWith('/') ? candidate.slice(0, -1) : candidate;
  const slash = trimmed.lastIndexOf('/');
  return slash < 0 ? candidate : candidate.slice(slash + 1);
}

/** The longest common prefix of some strings (readline completes this much before listing). */
export function commonPrefix(items: readonly string[]): string {
  if (items.length === 0) return '';
  let prefix = items[0];
  for (const item of items) {
    let i = 0;
    while (i < prefix.length && i < item.length && prefix[i] === item[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/** Format candidates in columns for a terminal `columns` wide; every line ends in CRLF. */
export function formatCandidates(candidates: readonly string[], columns: number): string {
  const names = [...new Set(candidates.map(displayName))].sort();
  if (names.length === 0) return '';
  const width = Math.max(...names.map((n) => [...n].length)) + 2;
  const perLine = Math.max(1, Math.floor(columns / width));
  const rows = Math.ceil(names.length / perLine);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perLine; c++) {
      const name = names[c * rows + r];
      if (name === undefined) break;
      const isLast = names[(c + 1) * rows + r] === undefined;
      line += isLast ? name : name + ' '.repeat(width - [...name].length);
    }
    lines.push(line);
  }
  return lines.map((l) => l + '\r\n').join('');
}

/** What one Tab does with the session's answer (readline's rl_complete). */
export type CompletionDecision =
  | { readonly kind: 'bell' }
  /** Replace the word with `text` (a single match gets a trailing space unless it is a directory). */
  | { readonly kind: 'insert'; readonly text: string }
  | { readonly kind: 'list'; readonly candidates: readonly string[] };

/** No match: bell. One: complete it. Several: extend to their common prefix, else bell, or list them when this Tab followed a Tab. */
export function decideCompletion(answer: readonly string[], word: string, tabAfterTab: boolean): CompletionDecision {
  const candidates = [...new Set(answer)];
  if (candidates.length === 0) return { kind: 'bell' };
  if (candidates.length === 1) {
    const only = candidates[0];
    return { kind: 'insert', text: only.endsWith('/') ? only : only + ' ' };
  }
  const prefix = commonPrefix(candidates);
  if (prefix.length > word.length) return { kind: 'insert', text: prefix };
  return tabAfterTab ? { kind: 'list', candidates } : { kind: 'bell' };
}
