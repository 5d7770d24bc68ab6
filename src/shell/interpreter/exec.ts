/**
 * Running a program (execve(2) as the shell does it, XCU 2.9.1.1 "Command
 * Search and Execution"): search PATH in the child's own filesystem view,
 * refuse non-executables (126), report missing commands (127), run model
 * programs from the registry (BusyBox by argv[0]), follow `#!` lines, and run
 * other files as sh scripts (ENOEXEC fallback).
 */
import type { Sys } from '../../model/kernel/types.ts';
import type { Command, CommandContext } from '../types.ts';
import { isSysError } from '../../model/errors.ts';
import { toText } from '../../model/fs/data.ts';
import { programOf, shebangOf } from '../../model/program.ts';
import { findCommand } from '../commands/index.ts';
import { BUSYBOX_APPLETS } from './busybox.ts';
import { batchHost, checkpoint } from './host.ts';
import type { ShellHost } from './host.ts';
import { MAX_NESTING, Shell, cpuOf } from './shell.ts';
import type { Flavor, Stdio } from './shell.ts';
import { ExitSignal, Interrupted, OutputLimit } from './signals.ts';
import { say } from './io.ts';

/**
 * How deeply shells have run shells through exec (a script running itself,
 * `sh -c 'sh -c …'`): each process inherits its parent shell's depth + 1, so
 * the same 1000 limit that stops `f() { f; }` stops runaway exec chains too.
 */
const execDepth = new WeakMap<Sys, number>();

/** The nesting depth a shell running in process `sys` starts at. */
export function inheritedDepth(sys: Sys): number {
  return execDepth.get(sys) ?? 0;
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** fork(2) failed (EAGAIN at pids.max): bash's message; the command fails with status 254 like bash's failed fork. */
export function forkError(sh: Shell, io: Stdio, e: unknown): number {
  if (isSysError(e)) {
    sh.error(io, `fork: ${e.strerror}`);
    return 254;
  }
  throw e;
}

/** Fork+exec `argv` as a child of the shell (or exec in place in an already-forked subshell) and wait for it. */
export async function runExternal(sh: Shell, argv: string[], env: Map<string, string>, io: Stdio, inPlace: boolean): Promise<number> {
  let child: Sys;
  if (inPlace) {
    child = sh.sys;
  } else {
    try {
      child = sh.sys.spawn({ argv, env, cwd: sh.sys.getcwd() });
    } catch (e) {
      return forkError(sh, io, e);
    }
  }
  if (!inPlace) execDepth.set(child, sh.depth + 1);
  sh.host.foreground(child, true);
  let status = 1;
  let signalled: string | undefined;
  try {
    // `PATH=/x cmd` searches the temporary PATH afresh, as bash does
    const hash = env.get('PATH') === sh.get('PATH') ? sh.hash : undefined;
    status = await runProgram(sh.host, child, argv, env, io, sh.background, inPlace, 0, sh.flavor, hash);
  } finally {
    sh.host.foreground(child, false);
    // bash reports "Killed"/"Terminated" for a child a signal ended, not for one that exited 137 or 143 itself (docker run does)
    signalled = child.pendingSignal();
    if (!inPlace) {
      sh.childCpu += cpuOf(child);
      try {
        child.exit(status);
      } catch {
        // killed already (OOM, SIGKILL): it is a zombie waiting for us
      }
      try {
        const st = sh.sys.wait(child.pid);
        if (typeof st === 'number' && st > 128) status = st;
      } catch {
        // reaped elsewhere
      }
    }
  }
  if (status === 137 && signalled === 'SIGKILL') say(io.stderr, 'Killed\n');
  else if (status === 143 && signalled === 'SIGTERM') say(io.stderr, 'Terminated\n');
  return status;
}

type Resolved = { readonly path: string } | { readonly error: string; readonly status: number };

/** PATH search (or the path itself if it has a slash) through `sys`'s view of the filesystem. */
export function resolveCommand(sys: Sys, name: string, pathVar: string | undefined): Resolved {
  const check = (p: string): Resolved | undefined => {
    let st;
    try {
      st = sys.stat(p);
    } catch (e) {
      if (isSysError(e, 'EACCES')) return { error: 'Permission denied', status: 126 };
      return undefined;
    }
    if (st.type === 'dir') return { error: 'Is a directory', status: 126 };
    if (st.type !== 'file' || (st.mode & 0o111) === 0) return { error: 'Permission denied', status: 126 };
    return { path: p };
  };
  if (name.includes('/')) return check(name) ?? { error: 'No such file or directory', status: 127 };
  if (!name) return { error: 'command not found', status: 127 };
  let denied: Resolved | undefined;
  for (const dir of (pathVar ?? DEFAULT_PATH).split(':')) {
    const r = check(`${dir || '.'}/${name}`);
    if (r && 'path' in r) return r;
    if (r && r.error === 'Permission denied') denied ??= r;
  }
  return denied ?? { error: 'command not found', status: 127 };
}

/** PATH search through bash's hash table (`hash`): a remembered path is re-checked with one stat, not a walk of every PATH entry. */
function hashed(hash: Map<string, string> | undefined, sys: Sys, name: string, pathVar: string | undefined): Resolved {
  if (!hash || name.includes('/')) return resolveCommand(sys, name, pathVar);
  const known = hash.get(name);
  if (known) {
    const r = resolveCommand(sys, known, pathVar);
    if ('path' in r) return r;
    hash.delete(name);
  }
  const r = resolveCommand(sys, name, pathVar);
  if ('path' in r) hash.set(name, r.path);
  return r;
}

/** exec a program in process `sys` (already forked): resolve, then run the model program, the interpreter of a `#!` script, or sh. */
export async function runProgram(host: ShellHost, sys: Sys, argv: string[], env: Map<string, string>, io: Stdio, background = false, execNow = false, hops = 0, flavor: Flavor = 'bash', hash?: Map<string, string>): Promise<number> {
  const name = argv[0] ?? '';
  const r = hashed(hash, sys, name, env.get('PATH'));
  if ('error' in r) {
    // BusyBox ash says "sh: foo: not found" where bash says "command not found"
    say(io.stderr, `sh: ${name}: ${r.error === 'command not found' && flavor === 'ash' ? 'not found' : r.error}\n`);
    return r.status;
  }
  let data;
  try {
    data = sys.readFile(r.path);
  } catch (e) {
    if (isSysError(e)) {
      say(io.stderr, `sh: ${name}: ${e.strerror}\n`);
      return 126;
    }
    throw e;
  }
  if (execNow) {
    try {
      sys.exec(argv, env);
    } catch {
      // the model could not record the exec; the program still runs in this process
    }
  }
  const prog = programOf(data);
  if (prog) {
    let args = argv;
    let cmdName = prog;
    if (prog === 'busybox') {
      let applet = basename(name);
      if (applet === 'busybox') {
        args = argv.slice(1);
        if (!args.length) {
          io.stdout.write('BusyBox v1.36.1 (2023-07-27 17:12:24 UTC) multi-call binary.\nUsage: busybox [function [arguments]...]\n');
          return 0;
        }
        applet = basename(args[0]);
      }
      if (!BUSYBOX_APPLETS.has(applet)) {
        say(io.stderr, `${applet}: applet not found\n`);
        return 127;
      }
      cmdName = applet === 'ash' ? 'sh' : applet;
    }
    const cmd = findCommand(cmdName);
    if (!cmd) {
      say(io.stderr, `sh: ${prog === 'busybox' ? cmdName : name}: not available in this model\n`);
      return 127;
    }
    return runCommand(cmd, makeContext(host, sys, args, env, io, background, prog === 'busybox'));
  }
  const bang = shebangOf(data);
  if (bang && bang.length && hops < 4) {
    try {
      sys.stat(bang[0]);
    } catch {
      say(io.stderr, `sh: ${name}: ${bang[0]}: bad interpreter: No such file or directory\n`);
      return 126;
    }
    return runProgram(host, sys, [bang[0], ...bang.slice(1), r.path, ...argv.slice(1)], env, io, background, false, hops + 1, flavor);
  }
  // ENOEXEC: POSIX shells run the file as a shell script in a new shell
  const sh = new Shell({ sys, host, env, argv0: name, args: argv.slice(1) });
  sh.depth = inheritedDepth(sys);
  if (sh.depth >= MAX_NESTING) {
    say(io.stderr, `sh: ${name}: maximum nesting level exceeded (${MAX_NESTING})\n`);
    return 126;
  }
  let status: number;
  try {
    status = await sh.runSource(toText(data, 1024 * 1024), io);
  } catch (e) {
    if (e instanceof ExitSignal) status = e.status;
    else throw e;
  }
  return sh.finish(status, io);
}

const hosts = new WeakMap<CommandContext, ShellHost>();

/** The session host behind a context (a plain batch host for contexts built elsewhere, e.g. other layers' tests). */
export function hostOf(ctx: CommandContext): ShellHost {
  let h = hosts.get(ctx);
  if (!h) {
    h = batchHost({ columns: ctx.columns });
    hosts.set(ctx, h);
  }
  return h;
}

/** The CommandContext a program gets: its argv, environment, streams and its own process's Sys. */
export function makeContext(host: ShellHost, sys: Sys, argv: readonly string[], env: Map<string, string>, io: Stdio, background: boolean, busybox = false): CommandContext {
  const ctx: CommandContext = {
    argv,
    env,
    busybox,
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
    sys,
    columns: host.columns,
    checkpoint: () => checkpoint(host, sys, background),
    runShell: async (source, sys2, io2) => {
      const sh = new Shell({ sys: sys2, host, env: io2?.env ?? env });
      sh.depth = inheritedDepth(sys);
      try {
        return await sh.runSource(source, { stdin: io2?.stdin ?? io.stdin, stdout: io2?.stdout ?? io.stdout, stderr: io2?.stderr ?? io.stderr });
      } catch (e) {
        if (e instanceof ExitSignal) return e.status;
        throw e;
      }
    },
    interact: (sys2, argv2, env2) => host.interact(sys2, argv2, io, env2),
  };
  hosts.set(ctx, host);
  return ctx;
}

/** Run a registered command, turning what it throws into shell-style results: never a JavaScript stack. */
export async function runCommand(cmd: Command, ctx: CommandContext, inShell = false): Promise<number> {
  const name = basename(ctx.argv[0] ?? cmd.name);
  try {
    if (ctx.argv[1] === '--help' && cmd.help) {
      ctx.stdout.write(cmd.help.endsWith('\n') ? cmd.help : cmd.help + '\n');
      return 0;
    }
    const st = await cmd.run(ctx);
    return Number.isInteger(st) ? st & 255 : 1;
  } catch (e) {
    // a builtin runs in the shell's own process: a fatal signal (SIGPIPE on a full pipe) ends the shell, not just the builtin
    if (e instanceof Interrupted) {
      if (inShell) throw e;
      return e.status;
    }
    if (e instanceof OutputLimit) throw e;
    if (e instanceof ExitSignal) return e.status;
    if (isSysError(e)) {
      say(ctx.stderr, `${name}: ${e.path ? e.path + ': ' : ''}${e.message}\n`);
      return 1;
    }
    const msg = e instanceof Error ? e.message : String(e);
    say(ctx.stderr, `${name}: internal error in the model: ${msg}\n`);
    return 1;
  }
}

function basename(p: string): string {
  const s = p.replace(/\/+$/, '');
  return s.slice(s.lastIndexOf('/') + 1) || p;
}

/**
 * fork+exec `argv` as a child of the command's own process and wait for it
 * (what xargs, timeout, nice and friends do); EAGAIN prints bash's fork error.
 */
export async function runChild(ctx: CommandContext, argv: string[], io?: Partial<Stdio>, env?: Map<string, string>): Promise<number> {
  const host = hostOf(ctx);
  const e = env ?? ctx.env;
  let child: Sys;
  try {
    child = ctx.sys.spawn({ argv, env: e, cwd: ctx.sys.getcwd() });
    execDepth.set(child, inheritedDepth(ctx.sys) + 1);
  } catch (err) {
    if (isSysError(err)) {
      say(ctx.stderr, `${basename(ctx.argv[0] ?? 'sh')}: fork: ${err.strerror}\n`);
      return 126;
    }
    throw err;
  }
  let status = 1;
  try {
    status = await runProgram(host, child, argv, e, { stdin: io?.stdin ?? ctx.stdin, stdout: io?.stdout ?? ctx.stdout, stderr: io?.stderr ?? ctx.stderr });
  } finally {
    try {
      child.exit(status);
    } catch {
      // killed already
    }
    try {
      const st = ctx.sys.wait(child.pid);
      if (typeof st === 'number' && st > 128) status = st;
    } catch {
      // reaped elsewhere
    }
  }
  return status;
}
