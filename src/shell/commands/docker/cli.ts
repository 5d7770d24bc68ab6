/**
 * Shared plumbing of the docker CLI: connect to the daemon's socket (the CLI
 * is only a client, facts §4), print daemon errors in the CLI's words, and
 * build the program runner that runs a container's process through the shell.
 */
import type { CommandContext } from '../../types.ts';
import { Daemon } from '../../../model/engine/daemon.ts';
import { DOCKER_SOCKET } from '../../../model/engine/install.ts';
import { ApiError, type ContainerIO, type Interactor, type ProgramRunner } from '../../../model/engine/types.ts';
import type { Sys } from '../../../model/kernel/types.ts';
import { isSysError } from '../../../model/errors.ts';
import { FlagError } from './args.ts';

/** One subcommand: gets its arguments (after the subcommand name) and the daemon. */
export type Sub = (ctx: CommandContext, d: Daemon, args: readonly string[]) => Promise<number>;

/** The message the CLI prints when nothing listens on the socket. */
export const NO_DAEMON = `Cannot connect to the Docker daemon at unix://${DOCKER_SOCKET}. Is the docker daemon running?`;

/** connect(2) to /var/run/docker.sock; undefined when no daemon listens. */
export function connectDaemon(ctx: CommandContext): Daemon | undefined {
  try {
    const server = ctx.sys.connect(DOCKER_SOCKET);
    return server instanceof Daemon ? server : undefined;
  } catch (e) {
    if (isSysError(e)) return undefined;
    throw e;
  }
}

/** Print a failure like the docker CLI; returns the exit status (`docker run` uses 125). */
export function fail(ctx: CommandContext, e: unknown, cmd: string, runStyle = false): number {
  if (e instanceof FlagError) {
    ctx.stderr.write(`${e.message}\nSee 'docker ${cmd} --help'.\n`);
    return 125;
  }
  if (e instanceof ApiError) {
    if (runStyle) {
      ctx.stderr.write(`docker: Error response from daemon: ${e.message}\n\nRun 'docker ${cmd} --help' for more information\n`);
      return e.message.includes('executable file not found') || e.message.includes('no such file or directory') ? 127 : e.message.includes('permission denied') ? 126 : 125;
    }
    ctx.stderr.write(`Error response from daemon: ${e.message}\n`);
    return 1;
  }
  if (e instanceof UsageError) {
    ctx.stderr.write(`${e.message}\n`);
    return e.status;
  }
  throw e;
}

/** A CLI-side usage error ("docker: 'x' requires at least 1 argument"). */
export class UsageError extends Error {
  readonly status: number;
  constructor(message: string, status = 1) {
    super(message);
    this.status = status;
  }
}

/** cobra's argument-count errors, as the docker CLI prints them. */
export function requireArgs(args: readonly string[], min: number, cmd: string, usage: string, max = Infinity): void {
  if (args.length >= min && args.length <= max) return;
  const what = max === min ? `exactly ${min} argument${min === 1 ? '' : 's'}` : args.length < min ? `at least ${min} argument${min === 1 ? '' : 's'}` : `at most ${max} argument${max === 1 ? '' : 's'}`;
  throw new UsageError(`docker: 'docker ${cmd}' requires ${what}\n\nUsage:  docker ${cmd} ${usage}\n\nSee 'docker ${cmd} --help' for more information`, 1);
}

/** POSIX-shell quoting of one word. */
export function shQuote(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

/**
 * A runner that runs `argv` as the program of the container's process, as
 * execve(2) in place (the shell's own PATH search, BusyBox dispatch and #!
 * handling), so PID 1 is the program itself and no shell reports its death.
 */
export function shellRunner(ctx: CommandContext): ProgramRunner {
  return async (sys, argv, env, io) => {
    // imported when first used: the interpreter imports the command registry, which imports this folder
    const { hostOf, runProgram } = await import('../../interpreter/exec.ts');
    return runProgram(hostOf(ctx), sys, [...argv], new Map(env), {
      stdout: { write: (t: string) => io.stdout(t), isTty: false },
      stderr: { write: (t: string) => io.stderr(t), isTty: false },
      stdin: { readAll: io.stdin ?? (async () => '') },
      // background: the container is not the shell's foreground job; only signals sent to it (docker stop/kill, the CLI's proxy) reach it
    }, true, true);
  };
}

/**
 * Wait for an attached container while proxying the CLI's own signals to it
 * (docker run's --sig-proxy, on by default): Ctrl-C on `docker run` sends
 * SIGINT to the container's PID 1, which ignores it unless it has a handler.
 */
export async function waitProxyingSignals(ctx: CommandContext, d: Daemon, id: string, task: Promise<number>): Promise<number> {
  ctx.sys.signal?.('SIGINT', 'catch');
  ctx.sys.signal?.('SIGTERM', 'catch');
  let done = false;
  const finished = task.then((st) => {
    done = true;
    return { st };
  });
  while (!done) {
    const r = await Promise.race([finished, ctx.sys.sleep(Infinity).then(() => undefined, () => undefined)]);
    if (r) return r.st;
    const sig = ctx.sys.pendingSignal();
    if (sig && !done) {
      try {
        d.kill(id, sig);
      } catch {
        /* exited meanwhile */
      }
    }
  }
  return (await finished).st;
}

/** Attach a container's output to this command's stdout/stderr. */
export function attachIo(ctx: CommandContext, stdin?: () => Promise<string>): ContainerIO {
  return { stdout: (t) => ctx.stdout.write(t), stderr: (t) => ctx.stderr.write(t), ...(stdin ? { stdin } : {}) };
}

/** Sleep on the virtual clock as this CLI process (docker stop's grace period). */
export function sleeper(ctx: CommandContext): (us: number) => Promise<void> {
  return (us) => ctx.sys.sleep(us);
}

/** The shell's interactive attach (ctx.interact, added by the shell layer), if this context has one. */
export function interactOf(ctx: CommandContext): Interactor | undefined {
  const f = (ctx as CommandContext & { interact?: (sys: Sys, argv: string[]) => Promise<number> }).interact;
  return f ? (sys, argv) => f.call(ctx, sys, [...argv]) : undefined;
}

/**
 * After `docker run -d` / `docker start`: let the container's program run
 * until it blocks (a server waiting, a sleep) or ends, before the CLI
 * returns, so that `docker run -d …; docker logs …` sees the start-up output
 * the way a real host, whose container runs in parallel, usually does.
 * Bounded: a program that never blocks stops being waited for.
 */
export async function letRun(task: Promise<number>, turns = 1500): Promise<void> {
  let done = false;
  void task.then(() => (done = true), () => (done = true));
  for (let i = 0; i < turns && !done; i++) await Promise.resolve();
}
