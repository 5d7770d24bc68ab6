/**
 * A Session is one terminal's world: a scenario's fresh World, a shell
 * process on its first machine, history, and the prompt. The browser worker,
 * the headless CLI (`npm run sim`), the claim checker and the WebContainer lab
 * all drive this same interface: one entry point, four hosts.
 */

/** The result of giving the session one line of input. */
export type InputResult =
  /** The line completed a command; this is its exit status ($?). */
  | { readonly kind: 'done'; readonly status: number }
  /** The line left a construct open (quote, `do`, here-doc...): show PS2 and send more. */
  | { readonly kind: 'more' }
  /** The shell exited (`exit`): the host should offer a fresh session. */
  | { readonly kind: 'exit'; readonly status: number };

/** Tab completion: replace `line.slice(from, cursor)` with one of `candidates`. */
export interface Completion {
  readonly from: number;
  readonly candidates: readonly string[];
}

/** What persists across a page reload: replaying `inputs` on a fresh scenario rebuilds the same world (the model is deterministic). */
export interface SessionSnapshot {
  readonly version: number;
  readonly scenario: string;
  readonly inputs: readonly string[];
}

export interface SessionOptions {
  readonly scenario: string;
  /** Terminal width, for ls/ps/top column layout. */
  readonly columns?: number;
  /** True when output goes to a terminal that understands ANSI colour. */
  readonly color?: boolean;
  /** Receives output as it is produced (stdout and stderr interleaved, "\n" line ends). */
  readonly onOutput: (text: string) => void;
}

export interface Session {
  readonly scenario: string;
  /** PS1 as it should be shown now, e.g. `root@host:~# ` or `/ # ` inside a container. */
  prompt(): string;
  /** Run one line typed at the prompt (or the next line of an open construct). */
  input(line: string): Promise<InputResult>;
  /** Ctrl-C: SIGINT to the foreground process group; an open construct is abandoned. */
  interrupt(): void;
  complete(line: string, cursor: number): Completion;
  /** Lines entered so far, for the line editor's history (oldest first). */
  history(): readonly string[];
  resize(columns: number): void;
  snapshot(): SessionSnapshot;
}
