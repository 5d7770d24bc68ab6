/**
 * The interpreter: walks the tree parse() builds (XCU 2.9 "Shell Commands").
 * A Shell runs in one model process (its Sys); builtins run there, every
 * other command is a child process (fork+exec through sys.spawn, see
 * exec.ts), and subshells, pipeline stages, `$(…)` and `&` jobs are forked
 * shells, so a fork bomb meets pids.max like the real one does.
 */
import type { AndOr, Command, Pipeline, Redir, Script } from '../parse/ast.ts';
import type { Input, Output } from '../types.ts';
import type { Sys } from '../../model/kernel/types.ts';
import { parse } from '../parse/parser.ts';
import { ExpandError } from './expand.ts';
import type { ExpandHost } from './expand.ts';
import { ArithError } from './arith.ts';
import { BufferOutput, TextInput, say } from './io.ts';
import { ExitSignal, Interrupted, LoopSignal, ReturnSignal } from './signals.ts';
import type { ShellHost } from './host.ts';
import { checkpoint } from './host.ts';
import { startJob } from './jobs.ts';
import { forkError } from './exec.ts';
import { applyRedirections } from './redirect.ts';
import { execSimple } from './simple.ts';
import { execCompound } from './compound.ts';

/** The three standard streams of a command. */
export interface Stdio {
  readonly stdin: Input;
  readonly stdout: Output;
  readonly stderr: Output;
}

/** bash's FUNCNEST-style guard: `f() { f; }; f` stops here. */
export const MAX_NESTING = 1000;
/** Largest single expansion result (bytes); illustrative guard against `$(yes)`-style bombs. */
export const MAX_EXPANSION = 4 * 1024 * 1024;

export interface Var {
  value: string;
  exported: boolean;
}

/** A background job (`cmd &`), for `jobs`, `wait` and `$!`. */
export interface Job {
  readonly id: number;
  readonly pid: number;
  readonly command: string;
  status: number | undefined;
  readonly done: Promise<number>;
  notified: boolean;
}

/** Which shell this is: bash on hosts and in bash images, BusyBox ash in alpine (prompts and `$0`). */
export type Flavor = 'bash' | 'ash';

export interface ShellInit {
  readonly sys: Sys;
  readonly host: ShellHost;
  readonly env?: ReadonlyMap<string, string>;
  readonly argv0?: string;
  readonly args?: readonly string[];
  readonly flavor?: Flavor;
  readonly interactive?: boolean;
}

/** A shell process: its variables, functions, options and jobs. */
export class Shell {
  sys: Sys;
  readonly host: ShellHost;
  readonly vars = new Map<string, Var>();
  readonly funcs = new Map<string, Command>();
  positional: string[];
  argv0: string;
  readonly flavor: Flavor;
  interactive: boolean;
  readonly opts = { errexit: false, xtrace: false, nounset: false, pipefail: false };
  /** `trap` actions by signal name (EXIT runs when this shell ends; others are recorded only). Not inherited by subshells. */
  readonly traps = new Map<string, string>();
  /** bash's command hash table (`hash`): name → path found on PATH. Cleared when PATH changes. */
  readonly hash = new Map<string, string>();
  /** `alias` definitions (expanded in interactive shells, as bash does). */
  readonly aliases = new Map<string, string>();
  /** Aliases being substituted now (an alias is not expanded inside itself). */
  readonly expandingAliases = new Set<string>();
  status = 0;
  lastBg: number | undefined;
  jobs: Job[] = [];
  depth = 0;
  /** CPU time (µs) of the children this shell has waited for, for `time`'s user line (getrusage RUSAGE_CHILDREN). */
  childCpu = 0;
  /** Files being sourced (`return` is allowed in them). */
  sourceDepth = 0;
  localFrames: Map<string, Var | undefined>[] = [];
  #random = 0;
  /** Inside an if/while condition or on the left of && / ||: `set -e` does not trip (XCU 2.14 set -e). */
  #condition = 0;
  #loops = 0;

  constructor(init: ShellInit) {
    this.sys = init.sys;
    this.host = init.host;
    this.argv0 = init.argv0 ?? 'sh';
    this.positional = [...(init.args ?? [])];
    this.flavor = init.flavor ?? 'bash';
    this.interactive = init.interactive ?? false;
    for (const [k, v] of init.env ?? []) this.vars.set(k, { value: v, exported: true });
    if (!this.vars.has('IFS')) this.vars.set('IFS', { value: ' \t\n', exported: false });
    if (!this.vars.has('PATH')) this.vars.set('PATH', { value: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', exported: true });
    this.vars.set('PPID', { value: String(init.sys.ppid), exported: false });
  }

  /** A forked copy running in `sys` (subshell, pipeline stage, `$(…)`, background job). */
  fork(sys: Sys): Shell {
    const sh = new Shell({ sys, host: this.host, argv0: this.argv0, args: this.positional, flavor: this.flavor });
    sh.vars.clear();
    for (const [k, v] of this.vars) sh.vars.set(k, { ...v });
    for (const [k, v] of this.funcs) sh.funcs.set(k, v);
    for (const [k, v] of this.aliases) sh.aliases.set(k, v);
    Object.assign(sh.opts, this.opts);
    sh.status = this.status;
    sh.lastBg = this.lastBg;
    sh.depth = this.depth;
    sh.#subshellPid = this.#subshellPid;
    return sh;
  }

  /** `$$` is the PID of the original shell even inside subshells (XCU 2.5.2). */
  #subshellPid: number | undefined;

  // ---- variables

  get(name: string): string | undefined {
    switch (name) {
      case '?': return String(this.status);
      case '$': return String(this.#subshellPid ?? this.sys.pid);
      case '!': return this.lastBg === undefined ? undefined : String(this.lastBg);
      case '#': return String(this.positional.length);
      case '0': return this.argv0;
      case '-': return (this.opts.errexit ? 'e' : '') + (this.opts.nounset ? 'u' : '') + (this.opts.xtrace ? 'x' : '') + (this.interactive ? 'i' : '');
      case '@': case '*': return this.positional.join(' ');
      case 'RANDOM':
        // bash's $RANDOM: 0..32767 from a per-shell LCG seeded by the PID (deterministic, like everything in the model)
        this.#random = (Math.imul(this.#random || this.sys.pid, 1103515245) + 12345) & 0x7fffffff;
        return String((this.#random >> 16) & 0x7fff);
      case 'PWD': return this.vars.get('PWD')?.value ?? this.#cwd();
    }
    if (/^[1-9][0-9]*$/.test(name)) return this.positional[Number(name) - 1];
    return this.vars.get(name)?.value;
  }

  set(name: string, value: string, exported?: boolean): void {
    const old = this.vars.get(name);
    if (name === 'PATH') this.hash.clear();
    this.vars.set(name, { value, exported: exported ?? old?.exported ?? false });
  }

  /** The environment passed to children: exported variables (environ(7)). */
  environment(extra?: ReadonlyMap<string, string>): Map<string, string> {
    const env = new Map<string, string>();
    for (const [k, v] of this.vars) if (v.exported) env.set(k, v.value);
    for (const [k, v] of extra ?? []) env.set(k, v);
    return env;
  }

  #cwd(): string {
    try {
      return this.sys.getcwd();
    } catch {
      return '/';
    }
  }

  /** Print `sh: MESSAGE` on stderr (bash's error prefix; the brief's `sh:` for every flavour). */
  error(io: Stdio, message: string): void {
    say(io.stderr, `sh: ${message}\n`);
  }

  // ---- checkpoints

  /** Yield to the host now and then; throw if this shell's process or the foreground got a fatal signal. */
  async checkpoint(sys: Sys = this.sys): Promise<void> {
    await checkpoint(this.host, sys, this.#background);
  }

  /** Is this shell part of a background job (Ctrl-C does not reach it)? */
  get background(): boolean {
    return this.#background;
  }

  /** True in a background job's shell: Ctrl-C goes to the foreground process group only. */
  #background = false;

  // ---- entry points

  /** Parse and run `source` (sh -c, eval, source, a script file). Syntax errors print bash's words, status 2. */
  async runSource(source: string, io: Stdio): Promise<number> {
    const r = parse(source);
    if (r.kind === 'incomplete') {
      this.error(io, 'syntax error: unexpected end of file');
      return (this.status = 2);
    }
    if (r.kind === 'error') {
      this.error(io, r.message);
      return (this.status = 2);
    }
    return this.runScript(r.script, io);
  }

  /** The shell process is ending with `status`: run the EXIT trap once (bash(1) trap), and return the status. */
  async finish(status: number, io: Stdio): Promise<number> {
    const action = this.traps.get('EXIT');
    if (action === undefined) return status;
    this.traps.delete('EXIT');
    this.status = status;
    try {
      await this.runSource(action, io);
    } catch (e) {
      if (e instanceof ExitSignal) return e.status;
      if (!(e instanceof ReturnSignal) && !(e instanceof LoopSignal)) throw e;
    }
    return status;
  }

  /** Run a parsed script; ExitSignal propagates to the caller (the process ends). */
  async runScript(script: Script, io: Stdio): Promise<number> {
    return this.execList(script, io);
  }

  // ---- lists, pipelines

  async execList(list: Script, io: Stdio): Promise<number> {
    for (const ao of list) {
      if (ao.background) startJob(this, ao, io);
      else await this.execAndOr(ao, io);
    }
    return this.status;
  }

  /** One and-or list (`a && b || c`), in the foreground. */
  async execAndOr(ao: AndOr, io: Stdio): Promise<number> {
    const guarded = ao.rest.length > 0;
    if (guarded) this.#condition++;
    let status: number;
    try {
      status = await this.#execPipeline(ao.first, io);
    } finally {
      if (guarded) this.#condition--;
    }
    for (let i = 0; i < ao.rest.length; i++) {
      const { op, pipeline } = ao.rest[i];
      if ((op === '&&') !== (status === 0)) continue;
      const last = i === ao.rest.length - 1;
      if (!last) this.#condition++;
      try {
        status = await this.#execPipeline(pipeline, io);
      } finally {
        if (!last) this.#condition--;
      }
    }
    return status;
  }

  async #execPipeline(p: Pipeline, io: Stdio): Promise<number> {
    await this.checkpoint();
    const t0 = p.time ? this.sys.now() : 0;
    const c0 = this.childCpu;
    if (p.negate) this.#condition++;
    let status: number;
    try {
      if (p.commands.length === 1) status = await this.execCommand(p.commands[0], io);
      else {
        let input = io.stdin;
        status = 0;
        let failed = 0;
        for (let i = 0; i < p.commands.length; i++) {
          const last = i === p.commands.length - 1;
          const out = last ? io.stdout : new BufferOutput();
          const cmd = p.commands[i];
          status = await this.subshell({ ...io, stdin: input, stdout: out }, (sh, sio) => sh.execCommand(cmd, sio, true));
          if (status !== 0) failed = status;
          if (out instanceof BufferOutput) input = new TextInput(out.text());
        }
        if (this.opts.pipefail && status === 0) status = failed;
      }
    } finally {
      if (p.negate) this.#condition--;
    }
    if (p.negate) status = status === 0 ? 1 : 0;
    this.status = status;
    if (p.time) this.#reportTime(io, this.sys.now() - t0, this.childCpu - c0);
    if (status === 130 && this.host.interrupted && !this.#background) throw new Interrupted('SIGINT');
    if (status !== 0 && this.opts.errexit && this.#condition === 0 && !p.negate) throw new ExitSignal(status);
    return status;
  }

  /** bash's `time` report: real/user/sys, from the virtual clock (facts: none needed, it is measured). */
  #reportTime(io: Stdio, us: number, cpu: number): void {
    const fmt = (v: number): string => `${Math.floor(v / 60e6)}m${((v % 60e6) / 1e6).toFixed(3)}s`;
    say(io.stderr, `\nreal\t${fmt(us)}\nuser\t${fmt(cpu)}\nsys\t${fmt(0)}\n`);
  }

  /** Fork a shell process and run `fn` in it; its exit status is reaped like a child's. */
  async subshell(io: Stdio, fn: (sh: Shell, io: Stdio) => Promise<number>, background = false): Promise<number> {
    let child: Sys;
    try {
      child = this.sys.spawn({ argv: [this.argv0], env: this.environment(), cwd: this.#cwd(), background: background || this.#background });
    } catch (e) {
      return forkError(this, io, e);
    }
    const sh = this.fork(child);
    sh.#subshellPid = this.#subshellPid ?? this.sys.pid;
    sh.#background = background || this.#background;
    let status = 1;
    try {
      try {
        status = await fn(sh, io);
      } catch (e) {
        if (e instanceof ExitSignal) status = e.status;
        else if (e instanceof Interrupted) status = e.status;
        else if (e instanceof ReturnSignal) status = e.status;
        else if (e instanceof LoopSignal) status = 0;
        else throw e;
      }
      status = await sh.finish(status, io);
    } finally {
      this.childCpu += sh.childCpu + cpuOf(child);
      try {
        child.exit(status);
        this.sys.wait(child.pid);
      } catch {
        // already reaped or killed: the status we have is the one to report
      }
    }
    return status & 255;
  }


  // ---- commands

  async execCommand(cmd: Command, io: Stdio, forked = false): Promise<number> {
    if (cmd.type === 'simple') return execSimple(this, cmd, io, forked);
    if (cmd.type === 'func') {
      this.funcs.set(cmd.name, cmd.body);
      return (this.status = 0);
    }
    const rio = await this.redirect(cmd.redirs, io);
    if (!rio) return (this.status = 1);
    switch (cmd.type) {
      case 'subshell':
        return (this.status = forked ? await this.execList(cmd.body, rio) : await this.subshell(rio, (sh, sio) => sh.execList(cmd.body, sio)));
      case 'group':
        return this.execList(cmd.body, rio);
      default:
        return execCompound(this, cmd, rio);
    }
  }

  /** Run a condition list (if/while/until): `set -e` does not trip inside it. */
  async condition(script: Script, io: Stdio): Promise<number> {
    this.#condition++;
    try {
      return await this.execList(script, io);
    } finally {
      this.#condition--;
    }
  }

  /** Run a loop body; returns what `break`/`continue` asked for at this level. */
  async loopBody(body: Script, io: Stdio): Promise<'break' | 'continue' | undefined> {
    try {
      await this.execList(body, io);
      return undefined;
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.levels > 1) {
        e.levels--;
        throw e;
      }
      return e.kind;
    }
  }

  /** Number of enclosing loops (for `break`/`continue` outside a loop). */
  get loopDepth(): number {
    return this.#loops;
  }

  /** Run `fn` as a loop (break/continue count it). */
  async inLoop<T>(fn: () => Promise<T>): Promise<T> {
    this.#loops++;
    try {
      return await fn();
    } finally {
      this.#loops--;
    }
  }

  /** The expansion context: variables, `$(…)` in a forked shell, globbing in this process's view. */
  expander(io: Stdio): ExpandHost {
    return {
      sys: this.sys,
      nounset: this.opts.nounset,
      maxExpansion: MAX_EXPANSION,
      get: (n) => this.get(n),
      set: (n, v) => this.set(n, v),
      positional: () => this.positional,
      commandSubst: async (body) => {
        const file = catShortcut(body);
        if (file) {
          // bash's $(< file): the file's contents, read by the shell itself
          const rio = await this.redirect([file], io);
          this.substStatus = this.status = rio ? 0 : 1;
          return rio ? rio.stdin.readAll() : '';
        }
        const out = new BufferOutput();
        const st = await this.subshell({ ...io, stdout: out }, (sh, sio) => sh.execList(body, sio));
        this.status = st;
        this.substStatus = st;
        return out.text();
      },
    };
  }

  /** Status of the last `$(…)` in the command being expanded (`x=$(false)` sets $? to 1). */
  substStatus: number | undefined;

  /** An expansion error: bash's message, status 1; a non-interactive shell exits (XCU 2.8.1). */
  expansionFailed(e: unknown, io: Stdio): number {
    if (e instanceof ExpandError || e instanceof ArithError) {
      this.error(io, e.message);
      this.status = 1;
      if (!this.interactive) throw new ExitSignal(1);
      return 1;
    }
    throw e;
  }

  // ---- redirections

  /** Apply redirections (XCU 2.7); on failure print bash's message and return undefined (status 1). */
  redirect(redirs: readonly Redir[], io: Stdio): Promise<Stdio | undefined> {
    return applyRedirections(this, redirs, io);
  }
}

/** `$(< file)`: a lone input redirection, which bash reads without forking cat. */
function catShortcut(body: Script): Redir | undefined {
  if (body.length !== 1 || body[0].rest.length || body[0].background) return undefined;
  const cmds = body[0].first.commands;
  if (cmds.length !== 1) return undefined;
  const c = cmds[0];
  if (c.type !== 'simple' || c.words.length || c.assigns.length || c.redirs.length !== 1 || c.redirs[0].op !== '<') return undefined;
  return c.redirs[0];
}

/** CPU time a process has used so far (0 if the kernel cannot say). */
export function cpuOf(sys: Sys): number {
  try {
    return sys.self().cpuTime;
  } catch {
    return 0;
  }
}
