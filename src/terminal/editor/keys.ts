/**
 * Keyboard input as xterm delivers it through `onData`: printable text,
 * C0 control characters (Ctrl-A = \x01 …) and escape sequences (ECMA-48 CSI
 * `ESC [ … final`, SS3 `ESC O x`, and `ESC x` for Alt/Meta-x as readline reads
 * it). `splitKeys` cuts a chunk into keys; `KEYMAP` names readline's bindings
 * (bash(1) "Commands for Moving", "Killing and Yanking", "Searching").
 */

/** Cut one onData chunk into keys: one escape sequence or one code point each. */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < data.length) {
    if (data[i] !== '\x1b') {
      const cp = data.codePointAt(i) ?? 0;
      const ch = String.fromCodePoint(cp);
      keys.push(ch);
      i += ch.length;
      continue;
    }
    const next = data[i + 1];
    if (next === '[') {
      // CSI: parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, final 0x40–0x7E.
      let j = i + 2;
      while (j < data.length && data.charCodeAt(j) >= 0x20 && data.charCodeAt(j) <= 0x3f) j++;
      keys.push(data.slice(i, Math.min(j + 1, data.length)));
      i = j + 1;
    } else if (next === 'O' && i + 2 < data.length) {
      keys.push(data.slice(i, i + 3));
      i += 3;
    } else if (next !== undefined) {
      const cp = data.codePointAt(i + 1) ?? 0;
      const ch = String.fromCodePoint(cp);
      keys.push('\x1b' + ch);
      i += 1 + ch.length;
    } else {
      keys.push('\x1b');
      i += 1;
    }
  }
  return keys;
}

/** What a key does, named after readline's functions (bash(1) READLINE). */
export type KeyAction =
  | 'accept-line' | 'backward-char' | 'forward-char' | 'beginning-of-line' | 'end-of-line'
  | 'backward-word' | 'forward-word' | 'previous-history' | 'next-history'
  | 'backward-delete-char' | 'delete-char' | 'delete-char-or-eof' | 'kill-line'
  | 'unix-line-discard' | 'unix-word-rubout' | 'backward-kill-word' | 'kill-word' | 'yank'
  | 'clear-screen' | 'interrupt' | 'reverse-search-history' | 'abort' | 'complete'
  | 'paste-start' | 'paste-end' | 'escape' | 'transpose-chars';

/** Readline's default emacs-mode bindings, for xterm's normal and application cursor modes. */
export const KEYMAP: ReadonlyMap<string, KeyAction> = new Map<string, KeyAction>([
  ['\r', 'accept-line'], ['\n', 'accept-line'],
  ['\x1b[D', 'backward-char'], ['\x1bOD', 'backward-char'], ['\x02', 'backward-char'],
  ['\x1b[C', 'forward-char'], ['\x1bOC', 'forward-char'], ['\x06', 'forward-char'],
  ['\x1b[H', 'beginning-of-line'], ['\x1bOH', 'beginning-of-line'], ['\x1b[1~', 'beginning-of-line'],
  ['\x1b[7~', 'beginning-of-line'], ['\x01', 'beginning-of-line'],
  ['\x1b[F', 'end-of-line'], ['\x1bOF', 'end-of-line'], ['\x1b[4~', 'end-of-line'],
  ['\x1b[8~', 'end-of-line'], ['\x05', 'end-of-line'],
  ['\x1bb', 'backward-word'], ['\x1b[1;5D', 'backward-word'], ['\x1b[1;3D', 'backward-word'],
  ['\x1bf', 'forward-word'], ['\x1b[1;5C', 'forward-word'], ['\x1b[1;3C', 'forward-word'],
  ['\x1b[A', 'previous-history'], ['\x1bOA', 'previous-history'], ['\x10', 'previous-history'],
  ['\x1b[B', 'next-history'], ['\x1bOB', 'next-history'], ['\x0e', 'next-history'],
  ['\x7f', 'backward-delete-char'], ['\b', 'backward-delete-char'],
  ['\x1b[3~', 'delete-char'], ['\x04', 'delete-char-or-eof'],
  ['\x0b', 'kill-line'], ['\x15', 'unix-line-discard'], ['\x17', 'unix-word-rubout'],
  ['\x1b\x7f', 'backward-kill-word'], ['\x1b\b', 'backward-kill-word'], ['\x1bd', 'kill-word'],
  ['\x19', 'yank'], ['\x0c', 'clear-screen'], ['\x03', 'interrupt'],
  ['\x12', 'reverse-search-history'], ['\x07', 'abort'], ['\t', 'complete'], ['\x14', 'transpose-chars'],
  ['\x1b[200~', 'paste-start'], ['\x1b[201~', 'paste-end'], ['\x1b', 'escape'],
]);

/** True for a key that inserts itself (a printable code point). */
export function isPrintable(key: string): boolean {
  if (key.length > 2 || key.startsWith('\x1b')) return false;
  const cp = key.codePointAt(0) ?? 0;
  return cp >= 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0);
}
