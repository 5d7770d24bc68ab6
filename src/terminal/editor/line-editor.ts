/**
 * A pure line editor after GNU readline's emacs mode (bash(1) READLINE):
 * it turns keys from xterm's `onData` into the line being edited and the
 * escape sequences that redraw it, and reports what the host must do
 * (run the line, send SIGINT, ask for completions). No DOM and no xterm:
 * it only produces text to write, so it is unit-tested with plain strings.
 */
import type { Completion } from '../../shell/session.ts';
import { decideCompletion, formatCandidates } from './completion-list.ts';
import type { EditorEffect, FeedResult } from './effects.ts';
import { History, HISTORY_SIZE } from './history.ts';

export { HISTORY_SIZE, type EditorEffect, type FeedResult };
import { KEYMAP, isPrintable, splitKeys, type KeyAction } from './keys.ts';
import { stripAnsi } from './text-width.ts';
import { LineView } from './line-view.ts';
import { LineBuffer } from './line-buffer.ts';
import { backwardBigWord, backwardWord, forwardWord } from './words.ts';
import { HistorySearch } from './history-search.ts';

/** Past this many candidates, readline asks before listing them (its completion-query-items default). */
export const COMPLETION_QUERY_ITEMS = 100;

/** One terminal's line editor: start(prompt), feed(keys), completion(answer). */
export class LineEditor {
  #prompt = '';
  #promptChars: string[] = [];
  readonly #buf = new LineBuffer();
  #active = false;
  #completing = false;
  /** Candidates waiting for the reader's y/n to "Display all N possibilities?". */
  #asking: readonly string[] | null = null;
  /** Whether the last key, and the one before it, were Tab: readline lists ambiguous candidates on a Tab that follows a Tab. */
  #lastWasTab = false;
  #tabAfterTab = false;
  #pasting = false;
  #afterCR = false;
  readonly #history = new History();
  #search: HistorySearch | null = null;
  readonly #view: LineView;

  constructor(options: { columns: number; history?: readonly string[] }) {
    const editor = this;
    this.#view = new LineView({
      promptText: () => (this.#search ? this.#search.prompt() : this.#prompt),
      promptChars: () => (this.#search ? [...this.#search.prompt()] : this.#promptChars),
      get chars() { return editor.#buf.chars; },
      get cursor() { return editor.#buf.cursor; },
    }, options.columns);
    this.setHistory(options.history ?? []);
  }

  /** The line being edited. */
  get line(): string {
    return this.#buf.text;
  }

  /** The cursor, in code points from the start of the line. */
  get cursor(): number {
    return this.#buf.cursor;
  }

  /** True between `start` and the key that ends the line. */
  get active(): boolean {
    return this.#active;
  }

  /** The prompt of the current (or last) line. */
  get prompt(): string {
    return this.#prompt;
  }

  /** Past lines, oldest first. */
  get history(): readonly string[] {
    return this.#history.entries;
  }

  /** Replace the history (e.g. with the session's after a reload). */
  setHistory(lines: readonly string[]): void {
    this.#history.replace(lines);
  }

  /** The terminal was resized; xterm reflows wrapped rows, so recompute where the cursor is. */
  setColumns(columns: number): void {
    this.#view.resize(columns);
  }

  /** Begin reading a line after `prompt`, which is printed at column `startCol`. Returns the text to write. */
  start(prompt: string, startCol = 0): string {
    this.#lastWasTab = false;
    this.#tabAfterTab = false;
    this.#asking = null;
    this.#prompt = prompt;
    this.#promptChars = [...stripAnsi(prompt)];
    this.#buf.set([]);
    this.#active = true;
    this.#completing = false;
    this.#search = null;
    this.#history.rewind();
    return this.#view.begin(startCol);
  }

  /** Process keys until the line ends (or a completion is pending); unconsumed keys come back in `rest`. */
  feed(data: string): FeedResult {
    const effects: EditorEffect[] = [];
    if (!this.#active || this.#completing) return { effects, rest: data };
    const keys = splitKeys(data);
    let out = '';
    let i = 0;
    while (i < keys.length && this.#active && !this.#completing) {
      if (this.#asking) {
        out += this.#answer(keys[i++]);
        continue;
      }
      if (this.#inserts(keys[i])) {
        const run: string[] = [];
        for (; i < keys.length && this.#inserts(keys[i]); i++) run.push(keys[i] === '\t' ? ' ' : keys[i]);
        out += this.#search ? this.#searchType(run) : this.#insert(run);
        this.#afterCR = false;
        this.#lastWasTab = false;
        continue;
      }
      const key = keys[i++];
      this.#tabAfterTab = this.#lastWasTab && key === '\t';
      this.#lastWasTab = key === '\t';
      const skipLF = key === '\n' && this.#afterCR;
      this.#afterCR = key === '\r';
      if (skipLF) continue;
      const action = this.#pasting ? pasteAction(key) : KEYMAP.get(key);
      if (action === undefined) continue;
      const done = this.#search ? this.#searchKey(action) : this.#do(action);
      out += done.text;
      if (done.effect) {
        if (out) effects.push({ kind: 'write', text: out });
        out = '';
        effects.push(done.effect);
      }
    }
    if (out) effects.push({ kind: 'write', text: out });
    return { effects, rest: keys.slice(i).join('') };
  }

  /** Apply the answer to a `complete` effect: complete one candidate, extend to the common prefix, or list them. */
  completion(answer: Completion): EditorEffect[] {
    if (!this.#completing) return [];
    this.#completing = false;
    const line = this.line;
    const from = [...line.slice(0, Math.max(0, Math.min(answer.from, line.length)))].length;
    const { chars, cursor } = this.#buf;
    const start = Math.min(from, cursor);
    const word = chars.slice(start, cursor).join('');
    const decision = decideCompletion(answer.candidates, word, this.#tabAfterTab);
    if (decision.kind === 'bell') return [decision];
    if (decision.kind === 'insert') return [{ kind: 'write', text: this.#replaceWord(start, decision.text) }];
    if (decision.candidates.length > COMPLETION_QUERY_ITEMS) {
      // readline's completion-query-items: ask before flooding the screen.
      this.#asking = decision.candidates;
      return [{ kind: 'write', text: this.#view.below(`\r\nDisplay all ${decision.candidates.length} possibilities? (y or n)`, false) }];
    }
    return [{ kind: 'write', text: this.interject(formatCandidates(decision.candidates, this.#view.columns)) }];
  }

  /** The key answering "Display all N possibilities?": y or space lists them, anything else declines; then the line again. */
  #answer(key: string): string {
    const candidates = this.#asking ?? [];
    this.#asking = null;
    const list = key === 'y' || key === 'Y' || key === ' ' ? formatCandidates(candidates, this.#view.columns) : '';
    return this.#view.fresh('\r\n' + list);
  }

  /** Print whole lines (each ending in CRLF) below the line being edited, then draw the prompt and line again under them. */
  interject(lines: string): string {
    if (!this.#active) return lines;
    return this.#view.below('\r\n' + lines, true);
  }

  /** End the line from outside (e.g. the host interrupts a pending completion): moves below it. */
  abandon(): string {
    if (!this.#active) return '';
    this.#active = false;
    this.#completing = false;
    return this.#view.below('\r\n', false);
  }

  #inserts(key: string): boolean {
    return isPrintable(key) || (this.#pasting && key === '\t');
  }

  #do(action: KeyAction): { text: string; effect?: EditorEffect } {
    const buf = this.#buf;
    const { chars, cursor } = buf;
    switch (action) {
      case 'accept-line': {
        const line = this.line;
        const text = this.abandon();
        this.#history.add(line);
        return { text, effect: { kind: 'submit', line } };
      }
      case 'interrupt': {
        const text = this.#view.below('^C\r\n', false);
        this.#active = false;
        return { text, effect: { kind: 'interrupt' } };
      }
      case 'delete-char-or-eof':
        if (chars.length === 0) {
          this.#active = false;
          return { text: '', effect: { kind: 'eof' } };
        }
        return { text: this.#redrawIf(buf.delete(cursor, cursor + 1)) };
      case 'complete':
        this.#completing = true;
        return { text: '', effect: { kind: 'complete', line: this.line, cursor: chars.slice(0, cursor).join('').length } };
      case 'backward-char': return { text: this.#moveTo(cursor - 1) };
      case 'forward-char': return { text: this.#moveTo(cursor + 1) };
      case 'beginning-of-line': return { text: this.#moveTo(0) };
      case 'end-of-line': return { text: this.#moveTo(chars.length) };
      case 'backward-word': return { text: this.#moveTo(backwardWord(chars, cursor)) };
      case 'forward-word': return { text: this.#moveTo(forwardWord(chars, cursor)) };
      case 'previous-history': return { text: this.#recall(this.#history.index - 1) };
      case 'next-history': return { text: this.#recall(this.#history.index + 1) };
      case 'backward-delete-char': return { text: this.#redrawIf(buf.delete(cursor - 1, cursor)) };
      case 'delete-char': return { text: this.#redrawIf(buf.delete(cursor, cursor + 1)) };
      case 'kill-line': return { text: this.#redrawIf(buf.kill(cursor, chars.length)) };
      case 'unix-line-discard': return { text: this.#redrawIf(buf.kill(0, cursor)) };
      case 'unix-word-rubout': return { text: this.#redrawIf(buf.kill(backwardBigWord(chars, cursor), cursor)) };
      case 'backward-kill-word': return { text: this.#redrawIf(buf.kill(backwardWord(chars, cursor), cursor)) };
      case 'kill-word': return { text: this.#redrawIf(buf.kill(cursor, forwardWord(chars, cursor))) };
      case 'yank': return { text: this.#insert(buf.killed) };
      case 'transpose-chars': return { text: this.#redrawIf(buf.transpose()) };
      case 'clear-screen':
        // clear(1)'s sequence: home, erase display; then the prompt and line at the top.
        return { text: this.#view.clearScreen() };
      case 'reverse-search-history':
        this.#search = new HistorySearch(this.#history.entries, this.#history.index, chars, cursor);
        return { text: this.#view.redraw() };
      case 'paste-start': this.#pasting = true; return { text: '' };
      case 'paste-end': this.#pasting = false; return { text: '' };
      case 'abort': case 'escape': return { text: '' };
    }
  }

  /** Keys while Ctrl-R search is on (readline's isearch): typing narrows, Ctrl-R goes older, other keys accept. */
  #searchKey(action: KeyAction): { text: string; effect?: EditorEffect } {
    const search = this.#search as HistorySearch;
    if (action === 'reverse-search-history') {
      search.older();
      return { text: this.#showSearch() };
    }
    if (action === 'backward-delete-char') {
      search.erase();
      return { text: this.#showSearch() };
    }
    this.#search = null;
    if (action === 'abort') {
      this.#buf.set(search.original, search.originalCursor);
      return { text: this.#view.redraw() };
    }
    if (search.found) this.#history.jump(search.match);
    const text = this.#view.redraw();
    if (action === 'escape' || action === 'paste-start' || action === 'paste-end') return { text };
    const then = this.#do(action);
    return { text: text + then.text, effect: then.effect };
  }

  #searchType(run: readonly string[]): string {
    (this.#search as HistorySearch).type(run.join(''));
    return this.#showSearch();
  }

  #showSearch(): string {
    const search = this.#search as HistorySearch;
    if (search.found) {
      this.#buf.set([...search.line], search.cursor);
    }
    return this.#view.redraw();
  }

  #moveTo(n: number): string {
    const to = this.#buf.clamp(n);
    if (to === this.#buf.cursor) return '';
    this.#buf.cursor = to;
    return this.#view.moveTo(to);
  }

  #insert(run: readonly string[]): string {
    const atEnd = this.#buf.atEnd;
    if (!this.#buf.insert(run)) return '';
    // Typing at the end of the line: echo the characters, as a terminal in cooked mode would.
    return atEnd ? this.#view.echo(run) : this.#view.redraw();
  }

  /** Replace the word before the cursor with a completion. */
  #replaceWord(from: number, text: string): string {
    this.#buf.replaceBeforeCursor(from, text);
    return this.#view.redraw();
  }

  #redrawIf(changed: boolean): string {
    return changed ? this.#view.redraw() : '';
  }

  #recall(index: number): string {
    const line = this.#history.go(index, this.#buf.chars);
    if (!line) return '';
    this.#buf.set(line);
    return this.#view.redraw();
  }
}

/** Inside a bracketed paste (xterm's `\x1b[200~`…`\x1b[201~`) only line ends act; other control keys are text-free. */
function pasteAction(key: string): KeyAction | undefined {
  if (key === '\r' || key === '\n') return 'accept-line';
  if (key === '\x1b[201~') return 'paste-end';
  return undefined;
}
