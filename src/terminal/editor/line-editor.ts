/**
 * A pure line editor after GNU readline's emacs mode (bash(1) READLINE):
 * it turns keys from xterm's `onData` into the line being edited and the
 * escape sequences that redraw it, and reports what the host must do
 * (run the line, send SIGINT, ask for completions). No DOM and no xterm:
 * it only produces text to write, so it is unit-tested with plain strings.
 */
import type { Completion } from '../../shell/session.ts';
import { decideCompletion, formatCandidates } from './completion-list.ts';
import { HISTORY_SIZE, type EditorEffect, type FeedResult } from './effects.ts';

export { HISTORY_SIZE, type EditorEffect, type FeedResult };
import { KEYMAP, isPrintable, splitKeys, type KeyAction } from './keys.ts';
import { stripAnsi } from './text-width.ts';
import { LineView } from './line-view.ts';
import { backwardBigWord, backwardWord, forwardWord } from './words.ts';
import { HistorySearch } from './history-search.ts';

/** Past this many candidates, readline asks before listing them (its completion-query-items default). */
export const COMPLETION_QUERY_ITEMS = 100;

/** One terminal's line editor: start(prompt), feed(keys), completion(answer). */
export class LineEditor {
  #prompt = '';
  #promptChars: string[] = [];
  #chars: string[] = [];
  #cursor = 0;
  #active = false;
  #completing = false;
  /** Candidates waiting for the reader's y/n to "Display all N possibilities?". */
  #asking: readonly string[] | null = null;
  /** Whether the last key, and the one before it, were Tab: readline lists ambiguous candidates on a Tab that follows a Tab. */
  #lastWasTab = false;
  #tabAfterTab = false;
  #pasting = false;
  #afterCR = false;
  #history: string[] = [];
  #histIndex = 0;
  #draft: string[] = [];
  #killed: string[] = [];
  #search: HistorySearch | null = null;
  readonly #view: LineView;

  constructor(options: { columns: number; history?: readonly string[] }) {
    const editor = this;
    this.#view = new LineView({
      promptText: () => (this.#search ? this.#search.prompt() : this.#prompt),
      promptChars: () => (this.#search ? [...this.#search.prompt()] : this.#promptChars),
      get chars() { return editor.#chars; },
      get cursor() { return editor.#cursor; },
    }, options.columns);
    this.setHistory(options.history ?? []);
  }

  /** The line being edited. */
  get line(): string {
    return this.#chars.join('');
  }

  /** The cursor, in code points from the start of the line. */
  get cursor(): number {
    return this.#cursor;
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
    return this.#history;
  }

  /** Replace the history (e.g. with the session's after a reload). */
  setHistory(lines: readonly string[]): void {
    this.#history = lines.filter((l) => l.trim() !== '').slice(-HISTORY_SIZE);
    this.#histIndex = this.#history.length;
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
    this.#chars = [];
    this.#cursor = 0;
    this.#active = true;
    this.#completing = false;
    this.#search = null;
    this.#histIndex = this.#history.length;
    this.#draft = [];
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
    const start = Math.min(from, this.#cursor);
    const word = this.#chars.slice(start, this.#cursor).join('');
    const decision = decideCompletion(answer.candidates, word, this.#tabAfterTab);
    if (decision.kind === 'bell') return [decision];
    if (decision.kind === 'insert') return [{ kind: 'write', text: this.#replace(start, decision.text) }];
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
    const chars = this.#chars;
    switch (action) {
      case 'accept-line': {
        const line = this.line;
        const text = this.abandon();
        if (line.trim() !== '' && this.#history.at(-1) !== line) {
          this.#history.push(line);
          if (this.#history.length > HISTORY_SIZE) this.#history.shift();
        }
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
        return { text: this.#delete(this.#cursor, this.#cursor + 1) };
      case 'complete':
        this.#completing = true;
        return { text: '', effect: { kind: 'complete', line: this.line, cursor: chars.slice(0, this.#cursor).join('').length } };
      case 'backward-char': return { text: this.#moveTo(this.#cursor - 1) };
      case 'forward-char': return { text: this.#moveTo(this.#cursor + 1) };
      case 'beginning-of-line': return { text: this.#moveTo(0) };
      case 'end-of-line': return { text: this.#moveTo(chars.length) };
      case 'backward-word': return { text: this.#moveTo(backwardWord(chars, this.#cursor)) };
      case 'forward-word': return { text: this.#moveTo(forwardWord(chars, this.#cursor)) };
      case 'previous-history': return { text: this.#recall(this.#histIndex - 1) };
      case 'next-history': return { text: this.#recall(this.#histIndex + 1) };
      case 'backward-delete-char': return { text: this.#delete(this.#cursor - 1, this.#cursor) };
      case 'delete-char': return { text: this.#delete(this.#cursor, this.#cursor + 1) };
      case 'kill-line': return { text: this.#kill(this.#cursor, chars.length) };
      case 'unix-line-discard': return { text: this.#kill(0, this.#cursor) };
      case 'unix-word-rubout': return { text: this.#kill(backwardBigWord(chars, this.#cursor), this.#cursor) };
      case 'backward-kill-word': return { text: this.#kill(backwardWord(chars, this.#cursor), this.#cursor) };
      case 'kill-word': return { text: this.#kill(this.#cursor, forwardWord(chars, this.#cursor)) };
      case 'yank': return { text: this.#insert(this.#killed) };
      case 'transpose-chars': return { text: this.#transpose() };
      case 'clear-screen':
        // clear(1)'s sequence: home, erase display; then the prompt and line at the top.
        return { text: this.#view.clearScreen() };
      case 'reverse-search-history':
        this.#search = new HistorySearch(this.#history, this.#histIndex, this.#chars, this.#cursor);
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
      this.#chars = [...search.original];
      this.#cursor = search.originalCursor;
      return { text: this.#view.redraw() };
    }
    this.#histIndex = search.found ? search.match : this.#histIndex;
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
      this.#chars = [...search.line];
      this.#cursor = search.cursor;
    }
    return this.#view.redraw();
  }

  #moveTo(n: number): string {
    const to = Math.max(0, Math.min(n, this.#chars.length));
    if (to === this.#cursor) return '';
    this.#cursor = to;
    return this.#view.moveTo(to);
  }

  #insert(run: readonly string[]): string {
    if (run.length === 0) return '';
    const atEnd = this.#cursor === this.#chars.length;
    this.#chars.splice(this.#cursor, 0, ...run);
    this.#cursor += run.length;
    if (!atEnd) return this.#view.redraw();
    // Typing at the end of the line: echo the characters, as a terminal in cooked mode would.
    return this.#view.echo(run);
  }

  #delete(from: number, to: number): string {
    const a = Math.max(0, from);
    const b = Math.min(this.#chars.length, to);
    if (a >= b) return '';
    this.#chars.splice(a, b - a);
    this.#cursor = a;
    return this.#view.redraw();
  }

  #kill(from: number, to: number): string {
    if (from >= to) return '';
    this.#killed = this.#chars.slice(from, to);
    return this.#delete(from, to);
  }

  #transpose(): string {
    const n = this.#chars.length;
    if (n < 2 || this.#cursor === 0) return '';
    const at = this.#cursor === n ? n - 1 : this.#cursor;
    [this.#chars[at - 1], this.#chars[at]] = [this.#chars[at], this.#chars[at - 1]];
    this.#cursor = at + 1;
    return this.#view.redraw();
  }

  #replace(from: number, text: string): string {
    this.#chars.splice(from, this.#cursor - from, ...text);
    this.#cursor = from + [...text].length;
    return this.#view.redraw();
  }

  #recall(index: number): string {
    if (index < 0 || index > this.#history.length || index === this.#histIndex) return '';
    if (this.#histIndex === this.#history.length) this.#draft = [...this.#chars];
    this.#histIndex = index;
    this.#chars = index === this.#history.length ? [...this.#draft] : [...this.#history[index]];
    this.#cursor = this.#chars.length;
    return this.#view.redraw();
  }
}

/** Inside a bracketed paste (xterm's `\x1b[200~`…`\x1b[201~`) only line ends act; other control keys are text-free. */
function pasteAction(key: string): KeyAction | undefined {
  if (key === '\r' || key === '\n') return 'accept-line';
  if (key === '\x1b[201~') return 'paste-end';
  return undefined;
}
