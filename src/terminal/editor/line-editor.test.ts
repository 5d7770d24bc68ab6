/**
 * The line editor against readline's emacs bindings (bash(1) READLINE):
 * each row is keys as xterm's onData delivers them → the line and cursor.
 * Rendering is checked by replaying the written text into @xterm/headless.
 */
import { describe, expect, it } from 'vitest';
import { HeadlessScreen } from '../testing/headless-screen.ts';
import { LineEditor, type EditorEffect } from './line-editor.ts';

const LEFT = '\x1b[D', RIGHT = '\x1b[C', UP = '\x1b[A', DOWN = '\x1b[B';
const HOME = '\x1b[H', END = '\x1b[F', DEL = '\x1b[3~', BS = '\x7f';
const ALT_B = '\x1bb', ALT_F = '\x1bf', ALT_D = '\x1bd', ALT_BS = '\x1b\x7f';

function typed(keys: string, history: string[] = []): LineEditor {
  const editor = new LineEditor({ columns: 80, history });
  editor.start('$ ');
  editor.feed(keys);
  return editor;
}

describe('editing keys (bash(1) "Commands for Moving", "Commands for Changing Text", "Killing and Yanking")', () => {
  it.each([
    { name: 'plain text', keys: 'echo hi', line: 'echo hi', cursor: 7 },
    { name: 'left arrow then insert', keys: `echo hi${LEFT}${LEFT}X`, line: 'echo Xhi', cursor: 6 },
    { name: 'left stops at start', keys: `ab${LEFT}${LEFT}${LEFT}${LEFT}`, line: 'ab', cursor: 0 },
    { name: 'right stops at end', keys: `ab${RIGHT}${RIGHT}`, line: 'ab', cursor: 2 },
    { name: 'application-mode arrows (SS3)', keys: `ab\x1bOD\x1bODc`, line: 'cab', cursor: 1 },
    { name: 'Home / End', keys: `bc${HOME}a${END}d`, line: 'abcd', cursor: 4 },
    { name: 'Ctrl-A / Ctrl-E', keys: `bc\x01a\x05d`, line: 'abcd', cursor: 4 },
    { name: 'Ctrl-B / Ctrl-F', keys: `ac\x02b\x06d`, line: 'abcd', cursor: 4 },
    { name: 'Backspace', keys: `abc${BS}`, line: 'ab', cursor: 2 },
    { name: 'Backspace at start does nothing', keys: `ab\x01${BS}`, line: 'ab', cursor: 0 },
    { name: 'Delete under cursor', keys: `abc${LEFT}${LEFT}${DEL}`, line: 'ac', cursor: 1 },
    { name: 'Ctrl-D deletes under cursor on a non-empty line', keys: `abc\x01\x04`, line: 'bc', cursor: 0 },
    { name: 'Ctrl-K kills to end', keys: `echo hello${LEFT}${LEFT}${LEFT}\x0b`, line: 'echo he', cursor: 7 },
    { name: 'Ctrl-U kills to start', keys: `echo hello${ALT_B}\x15`, line: 'hello', cursor: 0 },
    { name: 'Ctrl-W kills a whitespace word', keys: 'ls -la /etc/x\x17', line: 'ls -la ', cursor: 7 },
    { name: 'Ctrl-W skips trailing spaces', keys: 'ls -la   \x17', line: 'ls ', cursor: 3 },
    { name: 'Alt-Backspace kills an alphanumeric word', keys: `cat /etc/hosts${ALT_BS}`, line: 'cat /etc/', cursor: 9 },
    { name: 'Alt-D kills the next word', keys: `one two three\x01${ALT_D}`, line: ' two three', cursor: 0 },
    { name: 'Ctrl-Y yanks the last kill', keys: `abc def\x17\x01\x19 `, line: 'def abc ', cursor: 4 },
    { name: 'Alt-B moves to word starts', keys: `docker run --rm${ALT_B}${ALT_B}`, line: 'docker run --rm', cursor: 7 },
    { name: 'Alt-F moves to word ends', keys: `docker run --rm\x01${ALT_F}${ALT_F}`, line: 'docker run --rm', cursor: 10 },
    { name: 'Ctrl-Left / Ctrl-Right move by words', keys: `a bc d\x1b[1;5D\x1b[1;5D\x1b[1;5C`, line: 'a bc d', cursor: 4 },
    { name: 'Ctrl-T transposes', keys: `ab\x14`, line: 'ba', cursor: 2 },
    { name: 'unknown escape sequences are ignored', keys: `a\x1b[15~\x1b[1;2Pb`, line: 'ab', cursor: 2 },
    { name: 'C0 controls without a binding are ignored', keys: 'a\x1d\x1cb', line: 'ab', cursor: 2 },
    { name: 'multibyte text counts code points', keys: `héllo 🐳${LEFT}x`, line: 'héllo x🐳', cursor: 7 },
  ])('$name', ({ keys, line, cursor }) => {
    const editor = typed(keys);
    expect(editor.line).toBe(line);
    expect(editor.cursor).toBe(cursor);
  });
});

describe('history (bash(1) "Commands for Manipulating the History")', () => {
  const history = ['ls', 'docker ps', 'echo one'];
  it.each([
    { name: 'Up recalls the last line', keys: UP, line: 'echo one' },
    { name: 'Up twice goes older', keys: UP + UP, line: 'docker ps' },
    { name: 'Up stops at the oldest', keys: UP + UP + UP + UP + UP, line: 'ls' },
    { name: 'Down returns to the draft', keys: `dra${UP}${UP}${DOWN}${DOWN}`, line: 'dra' },
    { name: 'Ctrl-P / Ctrl-N', keys: '\x10\x10\x0e', line: 'echo one' },
    { name: 'Ctrl-R finds the newest match', keys: '\x12o', line: 'echo one' },
    { name: 'Ctrl-R again goes to an older match', keys: '\x12s\x12', line: 'ls' },
    { name: 'Ctrl-R narrows as you type', keys: '\x12dock', line: 'docker ps' },
    { name: 'Ctrl-R then an arrow accepts and moves', keys: `\x12dock${RIGHT}`, line: 'docker ps' },
    { name: 'Ctrl-R then Ctrl-G restores the line', keys: 'xy\x12dock\x07', line: 'xy' },
    { name: 'Ctrl-R with no match keeps the line', keys: 'xy\x12zzz\x1b', line: 'xy' },
  ])('$name', ({ keys, line }) => {
    expect(typed(keys, history).line).toBe(line);
  });

  it('Ctrl-R then Enter runs the match', () => {
    const editor = new LineEditor({ columns: 80, history });
    editor.start('$ ');
    const { effects } = editor.feed('\x12dock\r');
    expect(effects).toContainEqual({ kind: 'submit', line: 'docker ps' });
  });

  it('entered lines join the history, without consecutive duplicates or blank lines', () => {
    const editor = new LineEditor({ columns: 80 });
    for (const line of ['a', 'b', 'b', '  ', 'c']) {
      editor.start('$ ');
      editor.feed(line + '\r');
    }
    expect(editor.history).toEqual(['a', 'b', 'c']);
  });
});

describe('effects: what the host must do', () => {
  const run = (keys: string): { effects: EditorEffect[]; rest: string; editor: LineEditor } => {
    const editor = new LineEditor({ columns: 80 });
    editor.start('$ ');
    return { ...editor.feed(keys), editor };
  };
  const kinds = (effects: EditorEffect[]): string[] => effects.filter((e) => e.kind !== 'write').map((e) => e.kind);

  it.each([
    { name: 'Enter submits and stops; the rest waits', keys: 'ls\rpwd\r', kinds: ['submit'], rest: 'pwd\r' },
    { name: 'CRLF counts as one Enter', keys: 'ls\r\npwd', kinds: ['submit'], rest: '\npwd' },
    { name: 'Ctrl-C interrupts', keys: 'sleep\x03ls', kinds: ['interrupt'], rest: 'ls' },
    { name: 'Ctrl-D on an empty line is end of input', keys: '\x04', kinds: ['eof'], rest: '' },
    { name: 'Tab asks for completion and waits', keys: 'ec\tho', kinds: ['complete'], rest: 'ho' },
    { name: 'a bracketed paste inserts Tab as a space', keys: '\x1b[200~a\tb\x1b[201~', kinds: [], rest: '' },
    { name: 'a multi-line paste submits line by line', keys: '\x1b[200~ls\rpwd\r\x1b[201~', kinds: ['submit'], rest: 'pwd\r\x1b[201~' },
  ])('$name', ({ keys, kinds: expected, rest }) => {
    const result = run(keys);
    expect(kinds(result.effects)).toEqual(expected);
    expect(result.rest).toBe(rest);
  });

  it('Ctrl-C echoes ^C and a new line', () => {
    const { effects } = run('abc\x01\x03');
    expect(effects[0]).toEqual({ kind: 'write', text: 'abc\x1b[3D\x1b[3C^C\r\n' });
  });

  it('a CRLF split across two feeds still counts once', () => {
    const editor = new LineEditor({ columns: 80 });
    editor.start('$ ');
    editor.feed('a\r');
    editor.start('$ ');
    expect(editor.feed('\nb').effects.map((e) => e.kind)).toEqual(['write']);
    expect(editor.line).toBe('b');
  });

  it('an inactive editor hands everything back', () => {
    const editor = new LineEditor({ columns: 80 });
    expect(editor.feed('ls\r')).toEqual({ effects: [], rest: 'ls\r' });
  });
});

describe('completion (readline "Completing")', () => {
  const complete = (keys: string, from: number, candidates: string[]) => {
    const editor = new LineEditor({ columns: 40 });
    editor.start('$ ');
    const asked = editor.feed(keys).effects.find((e) => e.kind === 'complete');
    const effects = editor.completion({ from, candidates });
    return { editor, asked, effects };
  };

  it.each([
    { name: 'one candidate completes and adds a space', keys: 'doc\t', from: 0, candidates: ['docker'], line: 'docker ' },
    { name: 'a directory gets no space', keys: 'ls /et\t', from: 3, candidates: ['/etc/'], line: 'ls /etc/' },
    { name: 'several extend to the common prefix', keys: 'docker i\t', from: 7, candidates: ['image', 'images', 'info'], line: 'docker i' },
    { name: 'common prefix longer than the word', keys: 'docker im\t', from: 7, candidates: ['image', 'images'], line: 'docker image' },
    { name: 'completion mid-line keeps the tail', keys: `ls /et x${LEFT}${LEFT}\t`, from: 3, candidates: ['/etc/'], line: 'ls /etc/ x' },
    { name: 'no candidate rings the bell', keys: 'zz\t', from: 0, candidates: [], line: 'zz' },
  ])('$name', ({ keys, from, candidates, line }) => {
    const { editor, asked } = complete(keys, from, candidates);
    expect(asked?.kind).toBe('complete');
    expect(editor.line).toBe(line);
  });

  it.each([
    { answer: 'y', listed: true },
    { answer: ' ', listed: true },
    { answer: 'n', listed: false },
    { answer: '\x7f', listed: false },
  ])('over 100 candidates asks first; "$answer" lists: $listed', async ({ answer, listed }) => {
    const names = Array.from({ length: 150 }, (_, i) => `prog${String(i).padStart(3, '0')}`);
    const screen = new HeadlessScreen(40, 100);
    const editor = new LineEditor({ columns: 40 });
    const write = async (effects: EditorEffect[]) => { for (const e of effects) if (e.kind === 'write') await screen.write(e.text); };
    await screen.write(editor.start('$ '));
    await write(editor.feed('ls pr\t').effects);
    await write(editor.completion({ from: 3, candidates: names }));
    await write(editor.feed('\t').effects);
    await write(editor.completion({ from: 3, candidates: names }));
    expect(screen.lines().at(-1)).toBe('Display all 150 possibilities? (y or n)');
    await write(editor.feed(answer + 'x').effects);
    const lines = screen.lines();
    expect(lines.at(-1)).toBe('$ ls progx');
    expect(lines.some((l) => l.startsWith('prog000'))).toBe(listed);
  });

  it('asks with the cursor as a UTF-16 index', () => {
    const { asked } = complete(`🐳 ab${LEFT}\t`, 0, []);
    expect(asked).toEqual({ kind: 'complete', line: '🐳 ab', cursor: 4 });
  });

  it('rings the bell on the first ambiguous Tab, like readline', () => {
    const { effects } = complete('docker i\t', 7, ['image', 'images', 'info']);
    expect(effects).toEqual([{ kind: 'bell' }]);
  });

  it('a key between two Tabs starts over: bell again', () => {
    const { editor } = complete('docker i\t', 7, ['image', 'images', 'info', 'in']);
    editor.feed('n\x7f\t');
    expect(editor.completion({ from: 7, candidates: ['image', 'images', 'info'] })).toEqual([{ kind: 'bell' }]);
  });

  it('lists ambiguous candidates in columns below the line on the second Tab, then redraws it', async () => {
    const { editor } = complete('docker i\t', 7, ['image', 'images', 'info']);
    editor.feed('\t');
    const effects = editor.completion({ from: 7, candidates: ['image', 'images', 'info'] });
    const screen = new HeadlessScreen(40, 10);
    await screen.write('$ docker i');
    for (const e of effects) if (e.kind === 'write') await screen.write(e.text);
    expect(screen.lines()).toEqual(['$ docker i', 'image   images  info', '$ docker i']);
    expect(screen.cursor()).toEqual({ x: 10, y: 2 });
  });
});

describe('rendering on a real VT parser (@xterm/headless)', () => {
  async function render(columns: number, keys: string[], prompt = '$ '): Promise<{ screen: HeadlessScreen; editor: LineEditor }> {
    const screen = new HeadlessScreen(columns, 12);
    const editor = new LineEditor({ columns });
    await screen.write(editor.start(prompt));
    for (const k of keys) {
      for (const e of editor.feed(k).effects) if (e.kind === 'write') await screen.write(e.text);
    }
    return { screen, editor };
  }

  it.each([
    { name: 'typing', columns: 20, keys: ['echo hello'], lines: ['$ echo hello'], cursor: { x: 12, y: 0 } },
    { name: 'insert mid-line', columns: 20, keys: ['echo hllo', LEFT.repeat(3), 'e'], lines: ['$ echo hello'], cursor: { x: 9, y: 0 } },
    { name: 'wrapping exactly at the edge', columns: 10, keys: ['12345678'], lines: ['$ 12345678', ''], cursor: { x: 0, y: 1 } },
    { name: 'a long line wraps', columns: 10, keys: ['1234567890abc'], lines: ['$ 12345678', '90abc'], cursor: { x: 5, y: 1 } },
    { name: 'left across a wrap', columns: 10, keys: ['1234567890', LEFT.repeat(3)], lines: ['$ 12345678', '90'], cursor: { x: 9, y: 0 } },
    { name: 'Home from the second row', columns: 10, keys: ['1234567890abc', HOME], lines: ['$ 12345678', '90abc'], cursor: { x: 2, y: 0 } },
    { name: 'delete at the start shifts wrapped text', columns: 10, keys: ['1234567890abc', HOME, DEL], lines: ['$ 23456789', '0abc'], cursor: { x: 2, y: 0 } },
    { name: 'Ctrl-U on a wrapped line clears both rows', columns: 10, keys: ['1234567890abc', '\x15'], lines: ['$'], cursor: { x: 2, y: 0 } },
    { name: 'history recall shorter than the line', columns: 10, keys: ['ls\r'], lines: ['$ ls'], cursor: { x: 0, y: 1 } },
    { name: 'a wide character does not split across rows', columns: 6, keys: ['abc中d'], lines: ['$ abc', '中d'], cursor: { x: 3, y: 1 } },
    { name: 'Ctrl-L clears and redraws at the top', columns: 20, keys: ['ab\x0c'], lines: ['$ ab'], cursor: { x: 4, y: 0 } },
    { name: 'a coloured prompt counts only its text', columns: 10, keys: ['123456789'], prompt: '\x1b[32m#\x1b[0m ', lines: ['# 12345678', '9'], cursor: { x: 1, y: 1 } },
    { name: 'reverse search prompt', columns: 40, keys: ['\x12'], lines: ["(reverse-i-search)`': "], cursor: { x: 22, y: 0 } },
  ])('$name', async ({ columns, keys, lines, cursor, prompt }) => {
    const { screen } = await render(columns, keys, prompt);
    expect(screen.lines().map((l) => l.trimEnd())).toEqual(lines.map((l) => l.trimEnd()).filter((l, i, a) => i < a.length - 1 || l !== ''));
    expect(screen.cursor()).toEqual(cursor);
  });

  it('a prompt printed after output without a newline keeps its column', async () => {
    const screen = new HeadlessScreen(10, 5);
    await screen.write('hi');
    const editor = new LineEditor({ columns: 10 });
    await screen.write(editor.start('$ ', 2));
    for (const e of editor.feed('123456\x01').effects) if (e.kind === 'write') await screen.write(e.text);
    expect(screen.lines()).toEqual(['hi$ 123456']);
    expect(screen.cursor()).toEqual({ x: 4, y: 0 });
  });
});
