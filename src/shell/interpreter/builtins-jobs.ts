/**
 * Job control builtins (bash(1) "JOB CONTROL"): jobs, wait, kill with `%N`
 * job specs. Background jobs are forked shells started by `cmd &`.
 */
import { SIGNALS } from '../../model/kernel/types.ts';
import type { Signal } from '../../model/kernel/types.ts';
import { isSysError } from '../../model/errors.ts';
import type { Builtin } from './builtins.ts';
import type { Job, Shell, Stdio } from './shell.ts';

type Def = (fn: (sh: Shell, argv: string[], io: Stdio) => Promise<number> | number, special?: boolean) => Builtin;

function jobLine(j: Job, current: boolean): string {
  const state = j.status === undefined ? 'Running' : j.status === 0 ? 'Done' : `Exit ${j.status}`;
  return `[${j.id}]${current ? '+' : '-'}  ${state.padEnd(24)}${j.command}${j.status === undefined ? ' &' : ''}\n`;
}

/** `[1]+  Done   cmd` notices for finished jobs, printed before the next prompt (interactive shells). */
export function reapJobs(sh: Shell): string {
  let out = '';
  const last = sh.jobs.at(-1);
  for (const j of sh.jobs) {
    if (j.status !== undefined && !j.notified) {
      j.notified = true;
      out += jobLine(j, j === last);
    }
  }
  sh.jobs = sh.jobs.filter((j) => !j.notified);
  return out;
}

function findJob(sh: Shell, spec: string): Job | undefined {
  if (spec === '%%' || spec === '%+' || spec === '%') return sh.jobs.at(-1);
  if (spec.startsWith('%')) return sh.jobs.find((j) => String(j.id) === spec.slice(1));
  return sh.jobs.find((j) => String(j.pid) === spec);
}

const SIG_BY_NUMBER = new Map<number, Signal>(Object.entries(SIGNALS).map(([k, v]) => [v, k as Signal]));

function parseSignal(s: string): Signal | undefined {
  if (/^\d+$/.test(s)) return SIG_BY_NUMBER.get(Number(s));
  const up = s.toUpperCase();
  const name = (up.startsWith('SIG') ? up : `SIG${up}`) as Signal;
  return name in SIGNALS ? name : undefined;
}

export function jobBuiltins(def: Def): [string, Builtin][] {
  return [
    ['jobs', def((sh, _argv, io) => {
      const last = sh.jobs.at(-1);
      for (const j of sh.jobs) {
        io.stdout.write(jobLine(j, j === last));
        if (j.status !== undefined) j.notified = true;
      }
      sh.jobs = sh.jobs.filter((j) => !j.notified);
      return 0;
    })],
    ['wait', def(async (sh, argv, io) => {
      const specs = argv.slice(1);
      if (!specs.length) {
        for (const j of [...sh.jobs]) {
          await waitJob(sh, j.done);
          j.notified = true;
        }
        sh.jobs = sh.jobs.filter((j) => !j.notified);
        return 0;
      }
      let status = 0;
      for (const s of specs) {
        const j = findJob(sh, s);
        if (!j) {
          sh.error(io, `wait: ${s.startsWith('%') ? `${s}: no such job` : `pid ${s} is not a child of this shell`}`);
          status = 127;
          continue;
        }
        status = await waitJob(sh, j.done);
        j.notified = true;
      }
      sh.jobs = sh.jobs.filter((j) => !j.notified);
      return status;
    })],
    ['fg', def(async (sh, argv, io) => {
      const j = findJob(sh, argv[1] ?? '%%');
      if (!j) {
        sh.error(io, `fg: ${argv[1] ?? 'current'}: no such job`);
        return 1;
      }
      // bash prints the job's command, then waits for it in the foreground
      io.stdout.write(j.command + '\n');
      const status = await waitJob(sh, j.done);
      j.notified = true;
      sh.jobs = sh.jobs.filter((x) => x !== j);
      return status;
    })],
    ['bg', def((sh, argv, io) => {
      const j = findJob(sh, argv[1] ?? '%%');
      if (!j) {
        sh.error(io, `bg: ${argv[1] ?? 'current'}: no such job`);
        return 1;
      }
      sh.error(io, `bg: job ${j.id} already in background`);
      return 0;
    })],
    ['kill', def(async (sh, argv, io) => {
      const args = argv.slice(1);
      let sig: Signal = 'SIGTERM';
      if (args[0] === '-l' || args[0] === '-L') {
        io.stdout.write(Object.entries(SIGNALS).map(([k, v]) => `${String(v).padStart(2)}) ${k}`).join('\n') + '\n');
        return 0;
      }
      if (args[0] === '-s' || args[0] === '-n') {
        args.shift();
        const s = parseSignal(args.shift() ?? '');
        if (!s) {
          sh.error(io, `kill: ${argv[2]}: invalid signal specification`);
          return 1;
        }
        sig = s;
      } else if (args[0]?.startsWith('-') && args[0].length > 1) {
        const s = parseSignal(args[0].slice(1));
        if (!s) {
          sh.error(io, `kill: ${args[0].slice(1)}: invalid signal specification`);
          return 1;
        }
        sig = s;
        args.shift();
      }
      if (!args.length) {
        io.stderr.write('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n');
        return 2;
      }
      let status = 0;
      for (const a of args) {
        let pid: number;
        if (a.startsWith('%')) {
          const j = findJob(sh, a);
          if (!j) {
            sh.error(io, `kill: ${a}: no such job`);
            status = 1;
            continue;
          }
          pid = j.pid;
        } else if (/^-?\d+$/.test(a)) pid = Number(a);
        else {
          sh.error(io, `kill: ${a}: arguments must be process or job IDs`);
          status = 1;
          continue;
        }
        try {
          sh.sys.kill(pid, sig);
        } catch (e) {
          if (!isSysError(e)) throw e;
          sh.error(io, `kill: (${pid}) - ${e.strerror}`);
          status = 1;
        }
      }
      await sh.checkpoint();
      return status;
    })],
  ];
}

/**
 * Wait for a background job while letting virtual time pass: background jobs
 * sleep passively (the kernel's background flag), so the waiting shell moves
 * the clock to the next timer (Sys.idle), as a shell blocked in wait(2) lets
 * time go by.
 */
async function waitJob(sh: { sys: { idle?(done?: () => boolean): Promise<boolean> }; host: { interrupted: boolean } }, done: Promise<number>): Promise<number> {
  let finished = false;
  void done.then(() => { finished = true; }, () => { finished = true; });
  while (!finished && !sh.host.interrupted) {
    if (!(await sh.sys.idle?.(() => finished))) break;
  }
  return done;
}
