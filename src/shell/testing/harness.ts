/**
 * A booted Debian-like host with every registry program in /usr/bin and a
 * root login session on it, for the shell's tests: `await run('echo hi')`
 * gives the terminal's text and the last status, as the CLI would.
 */
import { VirtualClock } from '../../model/clock.ts';
import { Rng } from '../../model/rng.ts';
import { Kernel } from '../../model/kernel/kernel.ts';
import { debianRoot, HOST_KERNEL } from '../../model/world/host.ts';
import { COMMANDS } from '../commands/index.ts';
import { createShellSession } from '../session-impl.ts';
import type { ShellSession } from '../session-impl.ts';
import type { InputResult } from '../session.ts';

export interface TestSession {
  readonly session: ShellSession;
  readonly kernel: Kernel;
  /** Output since the last take(). */
  take(): string;
  /** Type `script` line by line; returns output and the last result. */
  run(script: string): Promise<{ out: string; status: number; result: InputResult }>;
}

/** A fresh host and login session (programs = the whole registry). */
export function testSession(opts: { columns?: number; outputLimit?: number; yieldToHost?: () => Promise<void>; terminalStdin?: boolean } = {}): TestSession {
  const clock = new VirtualClock();
  const spec = { name: 'host', cpus: 2, memoryBytes: 4 * 1024 ** 3, diskBytes: 32 * 1024 ** 3, programs: [...new Set([...COMMANDS.map((c) => c.name), 'busybox'])] };
  const kernel = new Kernel({
    clock, rng: new Rng(7), hostname: 'host', release: HOST_KERNEL.release, version: HOST_KERNEL.version, machine: 'x86_64',
    cpus: spec.cpus, memoryBytes: spec.memoryBytes, rootfs: debianRoot(spec, () => clock.realtime), diskBytes: spec.diskBytes,
  });
  let buf = '';
  const session = createShellSession({ scenario: 'test', columns: opts.columns ?? 80, outputLimit: opts.outputLimit, yieldToHost: opts.yieldToHost, terminalStdin: opts.terminalStdin, login: () => kernel.login(), onOutput: (t) => (buf += t) });
  const take = (): string => {
    const t = buf;
    buf = '';
    return t;
  };
  return {
    session,
    kernel,
    take,
    async run(script) {
      let result: InputResult = { kind: 'done', status: 0 };
      for (const line of script.split('\n')) result = await session.input(line);
      return { out: take(), status: result.kind === 'more' ? -1 : result.status, result };
    },
  };
}

/** Run one script in a fresh session: its output and final status. */
export async function sh(script: string): Promise<{ out: string; status: number }> {
  const t = testSession();
  const r = await t.run(script);
  return { out: r.out, status: r.status };
}
