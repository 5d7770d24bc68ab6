/**
 * The registry of per-command tab completers (bash's `complete -F`). It
 * imports nothing from the shell, so command folders can register at module
 * load without an import cycle: `registerCompleter('docker', fn)`.
 */
import type { Sys } from '../model/kernel/types.ts';

/** What a per-command completer sees: the words before the cursor (argv[0] first) and the word being completed. */
export interface CompletionRequest {
  readonly words: readonly string[];
  readonly current: string;
  readonly sys: Sys;
}

/** Returns full candidate words for `current`, or undefined to fall back to file names. */
export type Completer = (req: CompletionRequest) => readonly string[] | undefined;

const completers = new Map<string, Completer>();

/** Register completion for a command (e.g. `registerCompleter('docker', …)` from commands/docker). */
export function registerCompleter(command: string, fn: Completer): void {
  completers.set(command, fn);
}

/** The completer registered for `command`, if any. */
export function completerFor(command: string): Completer | undefined {
  return completers.get(command);
}
