/**
 * The line editor's history list (bash(1) HISTORY, readline's "Commands for
 * Manipulating the History"): lines entered, oldest first, capped at
 * HISTSIZE, without blank lines or a repeat of the previous line (Debian's
 * HISTCONTROL=ignoreboth keeps duplicates out), and the position Up/Down
 * walk, remembering the line being typed before the walk began.
 */

/** HISTSIZE in Debian's default ~/.bashrc. */
export const HISTORY_SIZE = 1000;

/** History entries and the Up/Down position. */
export class History {
  #entries: string[] = [];
  #index = 0;
  #draft: readonly string[] = [];

  /** Past lines, oldest first. */
  get entries(): readonly string[] {
    return this.#entries;
  }

  /** The entry Up/Down is on; `entries.length` means the line being typed. */
  get index(): number {
    return this.#index;
  }

  /** Replace the entries (e.g. with the session's after a reload). */
  replace(lines: readonly string[]): void {
    this.#entries = lines.filter((l) => l.trim() !== '').slice(-HISTORY_SIZE);
    this.rewind();
  }

  /** Record an entered line. */
  add(line: string): void {
    if (line.trim() === '' || this.#entries.at(-1) === line) return;
    this.#entries.push(line);
    if (this.#entries.length > HISTORY_SIZE) this.#entries.shift();
  }

  /** A new line begins: the position goes past the newest entry. */
  rewind(): void {
    this.#index = this.#entries.length;
    this.#draft = [];
  }

  /** Ctrl-R accepted entry `index`: Up/Down go on from there. */
  jump(index: number): void {
    if (index >= 0 && index <= this.#entries.length) this.#index = index;
  }

  /** Move to entry `index`, leaving `current`; returns the line to show, or null when there is no such entry. */
  go(index: number, current: readonly string[]): string[] | null {
    if (index < 0 || index > this.#entries.length || index === this.#index) return null;
    if (this.#index === this.#entries.length) this.#draft = [...current];
    this.#index = index;
    return index === this.#entries.length ? [...this.#draft] : [...this.#entries[index]];
  }
}
