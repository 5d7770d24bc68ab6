/**
 * Background jobs (bash(1) JOB CONTROL, without stopping or process
 * groups): `cmd &` runs in a forked shell while the prompt returns; a budget
 * per command line keeps a fork bomb from running forever in the page.
 */
import type { AndOr } from '../parse/ast.ts';
import { MAX_JOBS_PER_LINE } from './host.ts';
import { EMPTY_INPUT, say } from './io.ts';
import type { Job, Shell, Stdio } from './shell.ts';

/** `LIST &` (XCU 2.9.3.1): fork a shell for the job, remember it for jobs/wait/$!, print `[N] PID` when interactive. */
export function startJob(self: Shell, ao: AndOr, io: Stdio): void {
  if (self.host.runaway) return;
  if (--self.host.jobBudget < 0) {
    self.host.runaway = true;
    self.error(io, `more than ${MAX_JOBS_PER_LINE} background jobs from one command line: the model stopped them all`);
    return;
  }
  const id = (self.jobs.at(-1)?.id ?? 0) + 1;
  let pid = 0;
  // subshell() spawns the child and calls fn synchronously, before its first await: pid is known on return
  const done = self.subshell({ ...io, stdin: EMPTY_INPUT }, async (sh, sio) => {
    pid = sh.sys.pid;
    await sh.checkpoint();
    // `cmd &` with one simple command: the forked shell execs it in place (one process, as in sh/bash/ash)
    const p = ao.first;
    if (!ao.rest.length && p.commands.length === 1 && !p.negate && !p.time) return sh.execCommand(p.commands[0], sio, true);
    return sh.execAndOr({ ...ao, background: false }, sio);
  }, true).then(
    (s) => (job.status = s),
    () => (job.status = 1),
  );
  const job: Job = { id, pid, command: ao.first.raw + ao.rest.map((r) => ` ${r.op} ${r.pipeline.raw}`).join(''), status: undefined, done, notified: false };
  if (!pid) return;
  self.jobs.push(job);
  self.lastBg = pid;
  self.status = 0;
  if (self.interactive && pid) say(io.stderr, `[${id}] ${pid}\n`);
}
