/**
 * What every shell of one session shares with its host (the terminal's
 * Session, the CLI, the claim checker): the event-loop yield, the Ctrl-C
 * flag for the foreground job, terminal width, and interactive nesting
 * (`docker run -it alpine sh` pushes a shell the terminal then talks to).
 */
import type { Sys } from '../../model/kernel/types.ts';
import type { Stdio } from './shell.ts';
import { Interrupted, isFatal } from './signals.ts';

export interface ShellHost {
  /** Give the host's event loop a turn (a worker reads Ctrl-C messages then). */
  yieldToHost(): Promise<void>;
  /** Checkpoints since start; every 64th yields to the host. */
  ticks: number;
  /** Ctrl-C was pressed: the foreground job stops at its next checkpoint. */
  interrupted: boolean;
  columns: number;
  /** Run `argv` (a shell, usually) interactively in `sys`'s process, until it exits; resolves with its status. */
  interact(sys: Sys, argv: readonly string[], io: Stdio, env?: ReadonlyMap<string, string>): Promise<number>;
  /** Lines typed so far (the `history` builtin). */
  readonly history: string[];
  /** Background jobs the current command line may still start (fork-bomb guard); reset per line by the session. */
  jobBudget: number;
  /** Set when the budget ran out: every background shell stops at its next checkpoint. */
  runaway: boolean;
  /** Tells the host a foreground child is running (Ctrl-C sends it SIGINT) or has ended. */
  foreground(child: Sys, running: boolean): void;
}

/** Background jobs one command line may start, transitively (illustrative model guard: a fork bomb must end, the page must not). */
export const MAX_JOBS_PER_LINE = 4096;

/** A host for scripts with no terminal (claim checker, `sim -c`, tests): `-it` shells read their stdin instead. */
export function batchHost(opts: { columns?: number; yieldToHost?: () => Promise<void> } = {}): ShellHost {
  const host: ShellHost = {
    yieldToHost: opts.yieldToHost ?? (() => Promise.resolve()),
    ticks: 0,
    interrupted: false,
    columns: opts.columns ?? 80,
    history: [],
    interact: async (sys, argv, io, env) => {
      const { runProgram } = await import('./exec.ts');
      return runProgram(host, sys, [...argv], new Map(env ?? []), io);
    },
    foreground: () => {},
    jobBudget: MAX_JOBS_PER_LINE,
    runaway: false,
  };
  return host;
}

/** A command's checkpoint: a fatal signal on its process (or Ctrl-C on the foreground) throws Interrupted; every 64th call yields to the host. */
export async function checkpoint(host: ShellHost, sys: Sys, background: boolean): Promise<void> {
  check(host, sys, background);
  if (++host.ticks % 64 === 0) {
    await host.yieldToHost();
    check(host, sys, background);
  }
}

function check(host: ShellHost, sys: Sys, background: boolean): void {
  let sig;
  try {
    sig = sys.pendingSignal();
  } catch {
    sig = undefined;
  }
  if (isFatal(sig)) throw new Interrupted(sig);
  if (host.interrupted && !background) throw new Interrupted('SIGINT');
  if (host.runaway && background) throw new Interrupted('SIGKILL');
}
