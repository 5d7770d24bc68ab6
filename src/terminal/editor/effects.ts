/**
 * The line editor's words for what the host (the ShellAddon) must do after
 * some keys: write text, run a line, send SIGINT, end input, or ask the
 * session for completions.
 */

/** What the host must do after some keys. `write` text goes to the terminal as is. */
export type EditorEffect =
  | { readonly kind: 'write'; readonly text: string }
  /** Enter: run this line (the editor is inactive until the next `start`). */
  | { readonly kind: 'submit'; readonly line: string }
  /** Ctrl-C: `^C` was echoed; send SIGINT and show a fresh prompt. */
  | { readonly kind: 'interrupt' }
  /** Ctrl-D on an empty line: end of input, like bash's `exit`. */
  | { readonly kind: 'eof' }
  /** Tab: ask for completions of `line` at `cursor` (UTF-16 index), then call `completion()`. */
  | { readonly kind: 'complete'; readonly line: string; readonly cursor: number }
  | { readonly kind: 'bell' };

/** The result of feeding keys: effects in order, and the keys not consumed because the editor stopped (Enter, Tab, Ctrl-C). */
export interface FeedResult {
  readonly effects: EditorEffect[];
  readonly rest: string;
}

