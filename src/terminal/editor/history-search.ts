/**
 * Ctrl-R, readline's `reverse-search-history` (bash(1) "Searching"): an
 * incremental search backwards through the history for a line containing
 * the typed text, shown as `(reverse-i-search)`query': line`.
 */

/** The state of one incremental search. */
export class HistorySearch {
  /** The line and cursor before the search began (restored by Ctrl-G). */
  readonly original: readonly string[];
  readonly originalCursor: number;
  readonly #history: readonly string[];
  readonly #start: number;
  #query = '';
  #failed = false;
  /** Index in the history of the line shown, or -1 before anything matched. */
  match = -1;
  /** The matched line and where the match starts in it (code points). */
  line = '';
  cursor = 0;

  constructor(history: readonly string[], start: number, original: readonly string[], cursor: number) {
    this.#history = history;
    this.#start = start;
    this.original = [...original];
    this.originalCursor = cursor;
  }

  /** True when a history line matches the query typed so far. */
  get found(): boolean {
    return this.match >= 0 && !this.#failed;
  }

  /** The prompt readline shows in place of PS1. */
  prompt(): string {
    return `(${this.#failed ? 'failed ' : ''}reverse-i-search)\`${this.#query}': `;
  }

  /** More query text: the current match is kept if it still matches, else search older lines. */
  type(text: string): void {
    this.#query += text;
    this.#find(this.match >= 0 ? this.match : this.#start - 1);
  }

  /** Ctrl-R again: the next older match. */
  older(): void {
    if (this.#query === '') return;
    this.#find((this.match >= 0 ? this.match : this.#start) - 1);
  }

  /** Backspace: shorten the query and search again from where the search began. */
  erase(): void {
    this.#query = [...this.#query].slice(0, -1).join('');
    this.match = -1;
    this.#failed = false;
    if (this.#query !== '') this.#find(this.#start - 1);
  }

  #find(from: number): void {
    for (let i = Math.min(from, this.#history.length - 1); i >= 0; i--) {
      const at = this.#history[i].lastIndexOf(this.#query);
      if (at >= 0) {
        this.match = i;
        this.line = this.#history[i];
        this.cursor = [...this.line.slice(0, at)].length;
        this.#failed = false;
        return;
      }
    }
    this.#failed = true;
  }
}
