/**
 * `docker exec` as runc exec does it (facts §4.4): a helper process joins
 * the container's namespaces and cgroup (nsexec), takes the container's
 * capabilities and seccomp profile, and forks the program, which is then
 * inside the container's PID namespace with a parent outside it (PPID 0).
 */
import type { Sys } from '../kernel/types.ts';
import { toText } from '../fs/data.ts';
import { cgroupPath, processEnv } from './config.ts';
import { lookPath } from './runc.ts';
import { containerCaps } from './security.ts';
import { ApiError, type Container, type ContainerIO, type Interactor, type ProgramRunner } from './types.ts';

/** Options of one exec. */
export interface ExecOptions {
  readonly env?: readonly string[];
  readonly workdir?: string;
  readonly runner?: ProgramRunner;
  readonly io: ContainerIO;
  readonly interact?: Interactor;
}

/** Run `argv` in container `c` (whose shim is `shim`); resolves with its exit status. */
export function execInContainer(c: Container, shim: Sys | undefined, argv: readonly string[], opts: ExecOptions, reap: (parent: Sys, child: Sys) => void): Promise<number> {
    if (!c.state.running || !c.init) throw new ApiError(409, `container ${c.id} is not running`);
    if (c.state.paused) throw new ApiError(409, `container ${c.id} is paused, unpause the container before exec`);
    const env = new Map(processEnv(c));
    for (const e of opts.env ?? []) {
      const i = e.indexOf('=');
      if (i > 0) env.set(e.slice(0, i), e.slice(i + 1));
    }
    // runc exec: a helper joins the container's namespaces and cgroup (nsexec), drops to the container's
    // capabilities, and forks the process, which is then inside the PID namespace with a parent outside it (PPID 0).
    if (!shim) throw new ApiError(409, `container ${c.id} is not running`);
    const helper = shim.spawn({ argv: ['runc', 'init'], env, cgroup: cgroupPath(c.id) });
    let proc: Sys;
    let procHostPid = -1;
    try {
      helper.setns(c.state.pid, ['ipc', 'uts', 'net', 'pid', 'mnt', 'cgroup']);
      helper.setCapabilities(containerCaps(c.host.privileged, c.host.capAdd, c.host.capDrop));
      helper.setSeccomp?.(c.host.privileged ? 'unconfined' : 'docker-default');
      proc = helper.spawn({ argv: [...argv], env, cwd: opts.workdir || c.config.WorkingDir || '/' });
      // its PID as the helper (in the host's PID namespace) numbers it: the host namespace's last PID (proc(5))
      procHostPid = Number(toText(shim.readFile('/proc/sys/kernel/ns_last_pid')).trim());
    } catch (e) {
      reap(shim, helper);
      throw e;
    }
    const done = (st: number) => {
      try {
        proc.exit(st);
      } catch {
        /* killed already */
      }
      try {
        helper.wait(procHostPid);
      } catch {
        /* reaped */
      }
      reap(shim, helper);
      return st;
    };
    if (!lookPath(proc, argv[0], env)) {
      done(127);
      throw new ApiError(126, `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown`);
    }
    const runner = opts.runner;
    const run = opts.interact ? opts.interact(proc, argv) : runner ? runner(proc, argv, env, opts.io) : Promise.resolve(126);
    return run.then(done, () => done(255));
  }
