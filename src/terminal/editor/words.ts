/**
 * Word boundaries as readline defines them (bash(1) READLINE, "Commands for
 * Moving"): `forward-word`/`backward-word` use words of letters and digits,
 * `unix-word-rubout` (Ctrl-W) uses whitespace-delimited words.
 */

const ALNUM = /^[\p{L}\p{N}]$/u;

/** True for a character readline counts as part of a word (letters and digits). */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ALNUM.test(ch);
}

/** Index after the end of the next alphanumeric word (Alt-F). */
export function forwardWord(chars: readonly string[], at: number): number {
  let i = at;
  while (i < chars.length && !isWordChar(chars[i])) i++;
  while (i < chars.length && isWordChar(chars[i])) i++;
  return i;
}

/** Index of the start of the current or previous alphanumeric word (Alt-B). */
export function backwardWord(chars: readonly string[], at: number): number {
  let i = at;
  while (i > 0 && !isWordChar(chars[i - 1])) i--;
  while (i > 0 && isWordChar(chars[i - 1])) i--;
  return i;
}

/** Index of the start of the previous whitespace-delimited word (Ctrl-W). */
export function backwardBigWord(chars: readonly string[], at: number): number {
  let i = at;
  while (i > 0 && /\s/.test(chars[i - 1])) i--;
  while (i > 0 && !/\s/.test(chars[i - 1])) i--;
  return i;
}
