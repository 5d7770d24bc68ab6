/**
 * The words of the shell layer. A Command is a program: it runs as a process
 * of the model (ctx.sys is bound to that process), reads stdin, writes stdout
 * and stderr, and returns an exit status. Commands live one per file under
 * commands/, each with its help text, and are listed in commands/index.ts.
 */
import type { Sys } from '../model/kernel/types.ts';

/** Where a command writes: a pipe, a file, or the terminal. */
export interface Output {
  write(text: string): void;
  /** True when this is the terminal (colour and column output allowed, like isatty(3)). */
  readonly isTty: boolean;
}

/** Where a command reads: a pipe, a file, a here-document, or (empty) the terminal. */
export interface Input {
  /** Everything until EOF (pipes in this model are buffered whole). */
  readAll(): Promise<string>;
}

export interface CommandContext {
  readonly argv: readonly string[];
  /** Exported variables, as the process's environment. */
  readonly env: Map<string, string>;
  readonly stdin: Input;
  readonly stdout: Output;
  readonly stderr: Output;
  /** System calls, bound to this command's own process. */
  readonly sys: Sys;
  /** Terminal width in columns (for ls, ps, top). */
  readonly columns: number;
  /** True when the program runs as a BusyBox applet (alpine's /bin/ls → /bin/busybox): print BusyBox's formats and messages. */
  readonly busybox?: boolean;
  /** Give the event loop a turn; throws Interrupted if the process got a fatal signal (Ctrl-C). */
  checkpoint(): Promise<void>;
  /** Run a shell command line in a child shell (for `sh -c`, `docker exec`, `xargs`, `find -exec`). */
  runShell(source: string, sys: Sys, io?: { stdin?: Input; stdout?: Output; stderr?: Output; env?: Map<string, string> }): Promise<number>;
  /**
   * Run `argv` (usually a shell) interactively in process `sys` until it exits,
   * like `docker run -it`, `docker exec -it`, `unshare --fork bash`, a VM
   * console: in a terminal session the reader's next lines go to it and the
   * prompt follows it; with no terminal (pipes, claim checks) it runs
   * non-interactively reading this command's stdin. Resolves with its exit status.
   */
  interact(sys: Sys, argv: readonly string[], env?: ReadonlyMap<string, string>): Promise<number>;
}

/** A program the shell can run. */
export interface Command {
  readonly name: string;
  /** One line for `help`. */
  readonly summary: string;
  /** Full text for `NAME --help` (usage first, like the real tool). */
  readonly help: string;
  run(ctx: CommandContext): Promise<number>;
}
