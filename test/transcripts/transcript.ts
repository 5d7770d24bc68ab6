/**
 * The transcript format: a scenario, the keys a reader types, and the screen
 * they should leave, as text. Example:
 *
 *     # What this shows.
 *     scenario: laptop
 *     columns: 80
 *     --- keys
 *     echo hi
 *     ech\t hi again
 *     --- screen
 *     root@laptop:~# echo hi
 *     …
 *
 * Each keys line is typed and followed by Enter, unless it ends in `\c`.
 * A line ending in `\&` is typed with Enter and not waited for (a command
 * that runs until the next line interrupts it).
 * Escapes: `\t` Tab, `\e` Escape, `\xNN` any byte (`\x03` Ctrl-C), `\\`.
 * The terminal settles (prompt shown, nothing pending) after every line.
 */

/** One line of keys, and whether to wait for the prompt after it. */
export interface KeyLine {
  readonly data: string;
  readonly wait: boolean;
}

export interface Transcript {
  readonly scenario: string;
  readonly columns: number;
  readonly keys: readonly KeyLine[];
  readonly screen: string;
}

/** Turn the escapes of a keys line into the data xterm would deliver. */
export function unescapeKeys(line: string): string {
  const enter = !line.endsWith('\\c');
  const body = enter ? line.replace(/\\&$/, '') : line.slice(0, -2);
  const keys = body.replace(/\\(x[0-9a-fA-F]{2}|t|e|r|\\)/g, (_, code: string) => {
    if (code === 't') return '\t';
    if (code === 'e') return '\x1b';
    if (code === 'r') return '\r';
    if (code === '\\') return '\\';
    return String.fromCharCode(parseInt(code.slice(1), 16));
  });
  return enter ? keys + '\r' : keys;
}

/** Parse a .transcript file; throws naming the line on a malformed header. */
export function parseTranscript(text: string, name: string): Transcript {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const keysAt = lines.indexOf('--- keys');
  const screenAt = lines.indexOf('--- screen');
  if (keysAt < 0 || screenAt < keysAt) throw new Error(`${name}: needs a "--- keys" section followed by a "--- screen" section`);
  const header = new Map<string, string>();
  lines.slice(0, keysAt).forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const m = /^(\w+):\s*(.*)$/.exec(line);
    if (!m) throw new Error(`${name}:${i + 1}: expected "key: value", got ${JSON.stringify(line)}`);
    header.set(m[1], m[2]);
  });
  const keyLines = lines.slice(keysAt + 1, screenAt);
  // Blank lines at the end of the keys are layout, not Enter presses.
  while (keyLines.length > 0 && keyLines.at(-1) === '') keyLines.pop();
  const screen = lines.slice(screenAt + 1);
  while (screen.length > 0 && screen.at(-1)?.trim() === '') screen.pop();
  return {
    scenario: header.get('scenario') ?? 'laptop',
    columns: Number(header.get('columns') ?? 80),
    keys: keyLines.map((line) => ({ data: unescapeKeys(line), wait: !line.endsWith('\\&') })),
    screen: screen.map((l) => l.trimEnd()).join('\n'),
  };
}
