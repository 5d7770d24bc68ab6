/**
 * The Session (session.ts) over the interpreter: one login shell on the
 * scenario's first machine, PS1/PS2, history, Ctrl-C, completion, and a
 * stack of interactive shells (`docker run -it alpine sh` pushes one; its
 * `exit` or Ctrl-D pops it and the command that pushed it carries on).
 */
import type { Sys } from '../model/kernel/types.ts';
import type { InputResult, Session, SessionOptions, SessionSnapshot, Completion } from './session.ts';
import { parse } from './parse/parser.ts';
import type { Script } from './parse/ast.ts';
import { Shell } from './interpreter/shell.ts';
import type { Stdio } from './interpreter/shell.ts';
import type { ShellHost } from './interpreter/host.ts';
import { MAX_JOBS_PER_LINE } from './interpreter/host.ts';
import { OutputBudget, TerminalInput, isTerminal } from './interpreter/io.ts';
import { ExitSignal, Interrupted, LoopSignal, OutputLimit, ReturnSignal, isFatal } from './interpreter/signals.ts';
import { runProgram, resolveCommand } from './interpreter/exec.ts';
import { expandPrompt, flavorOf } from './interpreter/flavor.ts';
import { reapJobs } from './interpreter/builtins-jobs.ts';
import { complete } from './completion.ts';
import { programOf } from '../model/program.ts';
import { toText } from '../model/fs/data.ts';
import { isSysError } from '../model/errors.ts';

/** Version of SessionSnapshot's shape; a saved snapshot with another version is discarded. */
export const SNAPSHOT_VERSION = 1;
/** Terminal output allowed per command line before it is stopped (illustrative guard, not a Linux limit). */
export const OUTPUT_LIMIT = 4 * 1024 * 1024;

export interface ShellSessionOptions extends SessionOptions {
  /** The login shell's process (a fresh World's first machine). */
  readonly login: () => Sys;
  /** Let the host's event loop run (a worker: a macrotask, so Ctrl-C messages arrive). */
  readonly yieldToHost?: () => Promise<void>;
  /** Environment of the login shell; default: HOME, PATH, TERM, USER, SHELL for root. */
  readonly env?: ReadonlyMap<string, string>;
  readonly outputLimit?: number;
  /**
   * True for a real terminal (the browser): a program reading the terminal
   * (`cat > f`, `read x`, `docker run -i`) waits for the next lines typed,
   * until Ctrl-D (eof()); prompt() is '' meanwhile. False (scripts, claim
   * checks, the CLI): such programs read end-of-file at once, so a script's
   * next lines are never swallowed as input.
   */
  readonly terminalStdin?: boolean;
}

/** A Session whose terminal can also send end-of-file (Ctrl-D on an empty line). */
export interface ShellSession extends Session {
  /** Ctrl-D: leaves the innermost interactive shell (the login shell too: then `exit`). */
  eof(): Promise<InputResult>;
}

type Outcome = { readonly kind: 'done' | 'exit'; readonly status: number };

interface Frame {
  readonly shell: Shell;
  lines: string[];
  running: Promise<Outcome> | undefined;
  /** Resolves the `interact()` that pushed this frame. */
  readonly resolve: ((status: number) => void) | undefined;
}

const SHELL_PROGRAMS = new Set(['sh', 'bash', 'ash', 'dash']);

/** Create the terminal's session: `login()` gives the first shell's process. */
export function createShellSession(opts: ShellSessionOptions): ShellSession {
  return new ShellSessionImpl(opts);
}

class ShellSessionImpl implements ShellSession {
  readonly scenario: string;
  readonly #opts: ShellSessionOptions;
  readonly #host: ShellHost;
  readonly #frames: Frame[] = [];
  readonly #inputs: string[] = [];
  readonly #foreground = new Set<Sys>();
  #onPush: (() => void) | undefined;
  /** `^C` was already printed for the running command (interrupted while reading the terminal). */
  #caretShown = false;
  /** A program waiting for typed input (TerminalInput with a Tty). */
  #reader: { kind: 'line' | 'all'; lines: string[]; resolve: (v: string | undefined) => void; reject: (e: unknown) => void } | undefined;
  readonly #tty = {
    read: (kind: 'line' | 'all'): Promise<string | undefined> =>
      new Promise<string | undefined>((resolve, reject) => {
        this.#reader = { kind, lines: [], resolve, reject };
        this.#onPush?.();
      }),
  };
  #exited = false;

  constructor(opts: ShellSessionOptions) {
    this.scenario = opts.scenario;
    this.#opts = opts;
    this.#host = {
      yieldToHost: opts.yieldToHost ?? (() => Promise.resolve()),
      ticks: 0,
      interrupted: false,
      columns: opts.columns ?? 80,
      history: [],
      interact: (sys, argv, io, env) => this.#interact(sys, argv, io, env),
      foreground: (child, running) => (running ? this.#foreground.add(child) : this.#foreground.delete(child)),
      jobBudget: MAX_JOBS_PER_LINE,
      runaway: false,
    };
    const sys = opts.login();
    const env = opts.env ?? loginEnv(sys);
    const shell = new Shell({ sys, host: this.#host, env, argv0: '-bash', interactive: true, flavor: 'bash' });
    const home = env.get('HOME');
    if (home) {
      try {
        sys.chdir(home);
      } catch {
        // no home directory: stay where the process started
      }
    }
    shell.set('PWD', safeCwd(sys), true);
    this.#frames.push({ shell, lines: [], running: undefined, resolve: undefined });
  }

  get #top(): Frame {
    return this.#frames[this.#frames.length - 1];
  }

  prompt(): string {
    if (this.#reader) return '';
    const f = this.#top;
    const sh = f.shell;
    if (f.lines.length) return sh.get('PS2') ?? '> ';
    const ps1 = sh.get('PS1') ?? (sh.flavor === 'ash' ? '\\w \\$ ' : '\\u@\\h:\\w\\$ ');
    let host = 'localhost';
    try {
      host = sh.sys.uname().nodename;
    } catch {
      // keep the default
    }
    return expandPrompt(ps1, { user: userName(sh.sys), host, cwd: safeCwd(sh.sys), home: sh.get('HOME'), uid: sh.sys.uid });
  }

  /** Lines arriving while a command runs (typed ahead, pasted) wait their turn, as a tty buffers them. */
  input(line: string): Promise<InputResult> {
    return this.#enqueue(() => this.#input(line));
  }

  #queue: Promise<unknown> = Promise.resolve();

  #enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const p = this.#queue.then(fn);
    this.#queue = p.catch(() => undefined);
    return p;
  }

  async #input(line: string): Promise<InputResult> {
    if (this.#exited) return { kind: 'exit', status: this.#top.shell.status };
    this.#inputs.push(line);
    // a command still finishing (Ctrl-C'd while it read the terminal) completes before the next line runs
    if (this.#top.running && !this.#reader) await this.#settle();
    if (this.#exited) return { kind: 'exit', status: this.#top.shell.status };
    const reader = this.#reader;
    if (reader) {
      if (reader.kind === 'line') {
        this.#reader = undefined;
        reader.resolve(line);
      } else reader.lines.push(line);
      return this.#settle();
    }
    const f = this.#top;
    f.lines.push(line);
    const source = f.lines.join('\n');
    const r = parse(source);
    if (r.kind === 'incomplete') return { kind: 'more' };
    f.lines = [];
    if (source.trim()) this.#host.history.push(source);
    if (r.kind === 'error') {
      this.#opts.onOutput(`sh: ${r.message}\n`);
      f.shell.status = 2;
      return { kind: 'done', status: 2 };
    }
    if (!r.script.length) {
      const notices = reapJobs(f.shell);
      if (notices) this.#opts.onOutput(notices);
      return { kind: 'done', status: f.shell.status };
    }
    this.#host.interrupted = false;
    this.#caretShown = false;
    this.#host.runaway = false;
    this.#host.jobBudget = MAX_JOBS_PER_LINE;
    f.running = this.#run(f, r.script);
    return this.#settle();
  }

  eof(): Promise<InputResult> {
    return this.#enqueue(() => this.#eof());
  }

  async #eof(): Promise<InputResult> {
    if (this.#exited) return { kind: 'exit', status: this.#top.shell.status };
    const reader = this.#reader;
    if (reader) {
      this.#reader = undefined;
      reader.resolve(reader.kind === 'all' ? reader.lines.map((l) => l + '\n').join('') : undefined);
      return this.#settle();
    }
    const f = this.#top;
    if (f.lines.length) {
      f.lines = [];
      this.#opts.onOutput('sh: syntax error: unexpected end of file\n');
      f.shell.status = 2;
      return { kind: 'done', status: 2 };
    }
    if (f.shell.flavor === 'bash') this.#opts.onOutput('exit\n');
    f.running = Promise.resolve({ kind: 'exit', status: f.shell.status });
    return this.#settle();
  }

  interrupt(): void {
    const reader = this.#reader;
    if (reader) {
      // the terminal is showing an empty prompt: ^C belongs there now, not when the program has unwound
      this.#reader = undefined;
      this.#caretShown = true;
      this.#opts.onOutput('^C\n');
      reader.reject(new Interrupted('SIGINT'));
    }
    const f = this.#top;
    if (!f.running) {
      f.lines = [];
      return;
    }
    this.#host.interrupted = true;
    for (const child of this.#foreground) {
      try {
        child.kill(child.pid, 'SIGINT');
      } catch {
        // already gone
      }
    }
  }

  complete(line: string, cursor: number): Completion {
    try {
      return complete(this.#top.shell, line, cursor);
    } catch {
      return { from: cursor, candidates: [] };
    }
  }

  history(): readonly string[] {
    return this.#host.history;
  }

  resize(columns: number): void {
    if (columns > 0) this.#host.columns = columns;
  }

  snapshot(): SessionSnapshot {
    return { version: SNAPSHOT_VERSION, scenario: this.scenario, inputs: [...this.#inputs] };
  }

  #io(): Stdio {
    const budget = new OutputBudget(this.#opts.outputLimit ?? OUTPUT_LIMIT);
    const out = budget.wrap(this.#opts.onOutput, true);
    return { stdin: new TerminalInput(this.#opts.terminalStdin ? this.#tty : undefined), stdout: out, stderr: out };
  }

  async #run(f: Frame, script: Script): Promise<Outcome> {
    const sh = f.shell;
    const io = this.#io();
    try {
      return { kind: 'done', status: await sh.runScript(script, io) };
    } catch (e) {
      if (e instanceof ExitSignal) return { kind: 'exit', status: await sh.finish(e.status, io).catch(() => e.status) };
      if (e instanceof ReturnSignal) return { kind: 'done', status: (sh.status = e.status) };
      if (e instanceof LoopSignal) return { kind: 'done', status: (sh.status = 0) };
      if (e instanceof Interrupted) {
        if (ownSignal(sh.sys)) {
          // the shell's own process was killed (kill -9 $$, docker stop, OOM): it is gone
          if (e.signal === 'SIGKILL') this.#opts.onOutput('Killed\n');
          return { kind: 'exit', status: e.status };
        }
        if (e.signal === 'SIGINT' && !this.#caretShown) this.#opts.onOutput('^C\n');
        this.#caretShown = false;
        return { kind: 'done', status: (sh.status = e.status) };
      }
      if (e instanceof OutputLimit) {
        this.#opts.onOutput(`\nsh: ${e.message}\n`);
        return { kind: 'done', status: (sh.status = 1) };
      }
      if (isSysError(e)) {
        // a failed system call that no command caught: report it the way the shell reports errors
        this.#opts.onOutput(`sh: ${e.path ? e.path + ': ' : ''}${e.strerror}\n`);
        return { kind: 'done', status: (sh.status = 1) };
      }
      const msg = e instanceof Error ? e.message : String(e);
      this.#opts.onOutput(`sh: internal error in the model: ${msg}\n`);
      return { kind: 'done', status: (sh.status = 1) };
    }
  }

  /** Wait for the innermost running command; return early if it pushed an interactive shell. */
  async #settle(): Promise<InputResult> {
    for (;;) {
      const f = this.#top;
      if (!f.running) return { kind: 'done', status: f.shell.status };
      if (this.#reader) return { kind: 'done', status: 0 };
      const pushed = new Promise<'pushed'>((res) => (this.#onPush = () => res('pushed')));
      const r = await Promise.race([f.running, pushed]);
      this.#onPush = undefined;
      if (r === 'pushed') return { kind: 'done', status: 0 };  // a nested shell, or a program now reading the terminal
      f.running = undefined;
      if (r.kind === 'exit') {
        if (this.#frames.length === 1) {
          this.#exited = true;
          return { kind: 'exit', status: r.status };
        }
        this.#frames.pop();
        f.resolve?.(r.status);
        continue;
      }
      const notices = reapJobs(f.shell);
      if (notices) this.#opts.onOutput(notices);
      return { kind: 'done', status: r.status };
    }
  }

  /** CommandContext.interact: push an interactive shell in `sys`, or run a non-shell program normally. */
  async #interact(sys: Sys, argv: readonly string[], io: Stdio, env?: ReadonlyMap<string, string>): Promise<number> {
    const environment = new Map(env ?? processEnv(sys) ?? [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']]);
    if (!isTerminal(io.stdin) || !isShellProgram(sys, argv[0] ?? '', environment)) {
      return runProgram(this.#host, sys, [...argv], environment, io);
    }
    if (this.#frames.length > 64) {
      io.stderr.write('sh: too many nested interactive shells\n');
      return 1;
    }
    if (!environment.has('HOME')) environment.set('HOME', sys.uid === 0 ? '/root' : '/');
    const flavor = flavorOf(sys, argv[0], environment);
    const shell = new Shell({ sys, host: this.#host, env: environment, argv0: argv[0], interactive: true, flavor });
    return new Promise<number>((resolve) => {
      this.#frames.push({ shell, lines: [], running: undefined, resolve });
      this.#onPush?.();
    });
  }
}

/** Did the shell's own process receive a fatal signal? */
function ownSignal(sys: Sys): boolean {
  try {
    return isFatal(sys.pendingSignal());
  } catch {
    return false;
  }
}

function isShellProgram(sys: Sys, name: string, env: ReadonlyMap<string, string>): boolean {
  const r = resolveCommand(sys, name, env.get('PATH'));
  if (!('path' in r)) return false;
  try {
    const prog = programOf(sys.readFile(r.path));
    const base = name.slice(name.lastIndexOf('/') + 1);
    return prog !== undefined && (SHELL_PROGRAMS.has(prog) || (prog === 'busybox' && SHELL_PROGRAMS.has(base)));
  } catch {
    return false;
  }
}

/** The process's own environment, as /proc/self/environ shows it (what the runtime gave it: PATH, HOSTNAME, HOME…). */
function processEnv(sys: Sys): Map<string, string> | undefined {
  try {
    const text = toText(sys.readFile('/proc/self/environ'), 1 << 20);
    const env = new Map<string, string>();
    for (const entry of text.split('\0')) {
      const eq = entry.indexOf('=');
      if (eq > 0) env.set(entry.slice(0, eq), entry.slice(eq + 1));
    }
    return env.size ? env : undefined;
  } catch {
    return undefined;
  }
}

function safeCwd(sys: Sys): string {
  try {
    return sys.getcwd();
  } catch {
    return '/';
  }
}

/** The user name for the prompt: /etc/passwd in the process's view, as getpwuid(3) would find it. */
function userName(sys: Sys): string {
  try {
    const passwd = toText(sys.readFile('/etc/passwd'), 65536);
    for (const line of passwd.split('\n')) {
      const f = line.split(':');
      if (f.length > 2 && Number(f[2]) === sys.uid) return f[0];
    }
  } catch {
    // no passwd file
  }
  return sys.uid === 0 ? 'root' : 'I have no name!';
}

function loginEnv(sys: Sys): Map<string, string> {
  const root = sys.uid === 0;
  return new Map([
    ['HOME', root ? '/root' : '/home/user'],
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['TERM', 'xterm-256color'],
    ['USER', userName(sys)],
    ['LOGNAME', userName(sys)],
    ['SHELL', '/bin/bash'],
    ['LANG', 'C.UTF-8'],
  ]);
}
