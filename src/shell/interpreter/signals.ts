/**
 * Control flow that unwinds the interpreter: break/continue/return/exit
 * (XCU 2.14 special built-ins) and a fatal signal delivered to the running
 * command (signal(7): the shell reports 128+N as the status).
 */
import { SIGNALS } from '../../model/kernel/types.ts';
import type { Signal } from '../../model/kernel/types.ts';

/** `break N` / `continue N` unwinding to the Nth enclosing loop. */
export class LoopSignal {
  readonly kind: 'break' | 'continue';
  levels: number;
  constructor(kind: 'break' | 'continue', levels: number) {
    this.kind = kind;
    this.levels = levels;
  }
}

/** `return [N]` from a function or a sourced file. */
export class ReturnSignal {
  readonly status: number;
  constructor(status: number) {
    this.status = status;
  }
}

/** `exit [N]`, end of input, or `set -e` tripping: the shell process ends. */
export class ExitSignal {
  readonly status: number;
  constructor(status: number) {
    this.status = status;
  }
}

/** A fatal signal (Ctrl-C = SIGINT, OOM kill = SIGKILL, SIGPIPE on a full pipe) ending the running command. */
export class Interrupted extends Error {
  readonly signal: Signal;
  constructor(signal: Signal) {
    super(signal);
    this.signal = signal;
  }
  /** Exit status a shell reports for a process killed by this signal: 128 + signal number. */
  get status(): number {
    return 128 + SIGNALS[this.signal];
  }
}

/** The runaway-output guard tripped: the whole command line is stopped. */
export class OutputLimit extends Error {
  constructor(limit: number) {
    super(`output limit reached (${Math.round(limit / 1048576)} MiB per command line); command stopped`);
  }
}

/** Signals that terminate a process by default (signal(7), "Term"/"Core" actions). */
export function isFatal(sig: Signal | undefined): sig is Signal {
  return sig !== undefined && sig !== 'SIGCHLD' && sig !== 'SIGCONT' && sig !== 'SIGSTOP' && sig !== 'SIGTSTP';
}
