/**
 * A host for the system tools' tests: the kernel's test machine with every
 * registered program installed in /usr/bin, and a root shell that runs
 * scripts without a terminal (like the docker CLI's testing host).
 */
import type { Kernel } from '../../../model/kernel/kernel.ts';
import type { KernelOptions } from '../../../model/kernel/kernel.ts';
import { bootTestKernel } from '../../../model/kernel/testkit.ts';
import { programFile } from '../../../model/program.ts';
import type { Sys } from '../../../model/kernel/types.ts';
import { batchHost } from '../../interpreter/host.ts';
import { Shell } from '../../interpreter/shell.ts';
import { ExitSignal } from '../../interpreter/signals.ts';
import { COMMANDS } from '../index.ts';

/** A booted test machine with a root login shell. */
export interface SystemHost {
  readonly kernel: Kernel;
  readonly login: Sys;
  /** Run a script as root in a fresh non-interactive shell; returns output and status. */
  /** `merged`: stderr goes to `out` too, in order (like 2>&1). */
  sh(script: string, sys?: Sys, merged?: boolean): Promise<{ out: string; err: string; status: number }>;
}

/** Boot the machine and install the programs. */
export function systemHost(over: Partial<KernelOptions> = {}): SystemHost {
  const kernel = bootTestKernel(over);
  const disk = kernel.options.rootfs;
  for (const c of COMMANDS) {
    for (const dir of ['/usr/bin']) {
      try {
        disk.write(`${dir}/${c.name}`, programFile(c.name), { mode: 0o755 });
      } catch {
        // a name with a slash or an odd character: skip
      }
    }
  }
  if (!COMMANDS.some((c) => c.name === 'bash')) disk.write('/usr/bin/bash', programFile('sh'), { mode: 0o755 });
  const login = kernel.login(['-bash']);
  const host = batchHost();
  return {
    kernel, login,
    async sh(script, sys = login, merged = false) {
      let out = '';
      let err = '';
      const env = new Map([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOME', '/root'], ['SHELL', '/bin/sh']]);
      const shell = new Shell({ sys, host, env });
      let status: number;
      try {
        status = await shell.runSource(script, {
          stdin: { readAll: async () => '' },
          stdout: { write: (t: string) => void (out += t), isTty: false },
          stderr: { write: (t: string) => void (merged ? (out += t) : (err += t)), isTty: false },
        });
      } catch (e) {
        if (e instanceof ExitSignal) status = e.status;
        else throw e;
      }
      return { out, err, status };
    },
  };
}
