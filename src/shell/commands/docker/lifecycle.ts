/**
 * Container lifecycle commands (cli/command/container/{start,stop,kill,
 * restart,pause,unpause,rm,rename,wait}.go): each takes one or more names or
 * IDs, prints each one it handled (as typed), and reports failures per
 * container with "Error response from daemon: …", exit status 1 if any failed.
 */
import type { CommandContext } from '../../types.ts';
import type { Daemon } from '../../../model/engine/daemon.ts';
import { SIGNALS, type Signal } from '../../../model/kernel/types.ts';
import { parseFlags } from './args.ts';
import { startDelay } from './run.ts';
import { attachIo, fail, interactOf, letRun, requireArgs, shellRunner, sleeper, UsageError, waitProxyingSignals, type Sub } from './cli.ts';

async function each(ctx: CommandContext, cmd: string, refs: readonly string[], fn: (ref: string) => Promise<boolean>): Promise<number> {
  let status = 0;
  for (const ref of refs) {
    try {
      if (await fn(ref)) ctx.stdout.write(`${ref}\n`);
    } catch (e) {
      status = fail(ctx, e, cmd) || 1;
    }
  }
  return status;
}

/** Parse a signal name or number ("KILL", "SIGTERM", "9") like signal.ParseSignal. */
export function parseSignal(s: string): Signal {
  const up = s.toUpperCase();
  const name = (up.startsWith('SIG') ? up : `SIG${up}`) as Signal;
  if (name in SIGNALS) return name;
  const byNum = Object.entries(SIGNALS).find(([, n]) => String(n) === s);
  if (byNum) return byNum[0] as Signal;
  throw new UsageError(`invalid signal: ${s}`);
}

/** docker start [-a]: start created or exited containers. */
export const start: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [{ name: 'attach', short: 'a', kind: 'bool' }, { name: 'interactive', short: 'i', kind: 'bool' }]);
    requireArgs(p.args, 1, 'start', '[OPTIONS] CONTAINER [CONTAINER...]');
    if (p.bools.has('attach')) {
      const c = d.get(p.args[0]);
      await startDelay(ctx);
      // -ai on a container created with -t: the terminal becomes the container's (docker start -ai)
      const interact = p.bools.has('interactive') && c.config.Tty ? interactOf(ctx) : undefined;
      if (interact) return await d.start(c.id, { interact });
      const stdin = p.bools.has('interactive') ? () => ctx.stdin.readAll() : undefined;
      return await waitProxyingSignals(ctx, d, c.id, d.start(c.id, { runner: shellRunner(ctx), io: attachIo(ctx, stdin) }));
    }
    return each(ctx, 'start', p.args, async (ref) => {
      await startDelay(ctx);
      await letRun(d.start(ref, { runner: shellRunner(ctx) }));
      return true;
    });
  } catch (e) {
    return fail(ctx, e, 'start');
  }
};

function timeoutOf(p: ReturnType<typeof parseFlags>): number {
  const t = p.strings.get('time') ?? p.strings.get('timeout');
  return t === undefined ? 10 : Number(t);
}

/** docker stop: SIGTERM, SIGKILL after -t seconds (default 10). */
export const stop: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [{ name: 'time', short: 't', kind: 'string' }, { name: 'timeout', kind: 'string' }, { name: 'signal', short: 's', kind: 'string' }]);
    requireArgs(p.args, 1, 'stop', '[OPTIONS] CONTAINER [CONTAINER...]');
    return each(ctx, 'stop', p.args, async (ref) => {
      await d.stop(ref, timeoutOf(p), sleeper(ctx));
      return true;
    });
  } catch (e) {
    return fail(ctx, e, 'stop');
  }
};

/** docker restart: stop then start. */
export const restart: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [{ name: 'time', short: 't', kind: 'string' }, { name: 'timeout', kind: 'string' }]);
    requireArgs(p.args, 1, 'restart', '[OPTIONS] CONTAINER [CONTAINER...]');
    return each(ctx, 'restart', p.args, async (ref) => {
      await d.restart(ref, timeoutOf(p), sleeper(ctx), { runner: shellRunner(ctx) });
      return true;
    });
  } catch (e) {
    return fail(ctx, e, 'restart');
  }
};

/** docker kill [-s SIG]: signal PID 1 (default SIGKILL). */
export const kill: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [{ name: 'signal', short: 's', kind: 'string' }]);
    requireArgs(p.args, 1, 'kill', '[OPTIONS] CONTAINER [CONTAINER...]');
    const sig = parseSignal(p.strings.get('signal') ?? 'KILL');
    return each(ctx, 'kill', p.args, async (ref) => {
      const task = d.get(ref).task;
      d.kill(ref, sig);
      if (sig === 'SIGKILL' && task) await task;
      else await ctx.checkpoint();
      return true;
    });
  } catch (e) {
    return fail(ctx, e, 'kill');
  }
};

/** docker pause: freeze the container's cgroup. */
export const pause: Sub = async (ctx, d, args) => {
  requireArgsSafe(args, 'pause');
  return each(ctx, 'pause', args, async (ref) => (d.pause(ref), true));
};

/** docker unpause: thaw the container's cgroup. */
export const unpause: Sub = async (ctx, d, args) => {
  requireArgsSafe(args, 'unpause');
  return each(ctx, 'unpause', args, async (ref) => (d.unpause(ref), true));
};

function requireArgsSafe(args: readonly string[], cmd: string): void {
  if (args.length === 0) throw new UsageError(`docker: 'docker ${cmd}' requires at least 1 argument\n\nUsage:  docker ${cmd} CONTAINER [CONTAINER...]\n\nSee 'docker ${cmd} --help' for more information`);
}

/** docker rm [-f]: remove containers (running ones only with -f). */
export const rm: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [{ name: 'force', short: 'f', kind: 'bool' }, { name: 'volumes', short: 'v', kind: 'bool' }, { name: 'link', short: 'l', kind: 'bool' }]);
    requireArgs(p.args, 1, 'rm', '[OPTIONS] CONTAINER [CONTAINER...]');
    return each(ctx, 'rm', p.args, async (ref) => {
      await d.remove(ref, p.bools.has('force'));
      return true;
    });
  } catch (e) {
    return fail(ctx, e, 'rm');
  }
};

/** docker rename OLD NEW. */
export const rename: Sub = async (ctx, d, args) => {
  try {
    requireArgs(args, 2, 'rename', 'CONTAINER NEW_NAME', 2);
    d.rename(args[0], args[1]);
    return 0;
  } catch (e) {
    return fail(ctx, e, 'rename');
  }
};

/** docker wait: print each container's exit status when it ends. */
export const wait: Sub = async (ctx, d, args) => {
  try {
    requireArgs(args, 1, 'wait', 'CONTAINER [CONTAINER...]');
    return each(ctx, 'wait', args, async (ref) => {
      ctx.stdout.write(`${await d.wait(ref)}\n`);
      return false;
    });
  } catch (e) {
    return fail(ctx, e, 'wait');
  }
};


