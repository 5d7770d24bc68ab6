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
import { isSysError } from '../../model/errors.ts';
import { fromText, toText } from '../../model/fs/data.ts';
import { parse } from '../parse/parser.ts';
import { ExpandError, expandPattern, expandString, expandWords } from './expand.ts';
import type { ExpandHost } from './expand.ts';
import { ArithError, evaluate } from './arith.ts';
import { evaluateCond } from './cond.ts';
import { TestError } from '../commands/coreutils/test.ts';
import { matchPattern } from './pattern.ts';
import { BufferOutput, EMPTY_INPUT, FileOutput, NULL_OUTPUT, TextInput } from './io.ts';
import { ExitSignal, Interrupted, LoopSignal, ReturnSignal } from './signals.ts';
import type { ShellHost } from './host.ts';
import { checkpoint, MAX_JOBS_PER_LINE } from './host.ts';
import { BUILTINS } from './builtins.ts';
import { runExternal, forkError } from './exec.ts';

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
  /** `alias` definitions (expanded in interactive shells, as bash does). */
  readonly aliases = new Map<string, string>();
  #expandingAliases = new Set<string>();
  status = 0;
  lastBg: number | undefined;
  jobs: Job[] = [];
  depth = 0;
  /** CPU time (µs) of the children this shell has waited for, for `time`'s user line (getrusage RUSAGE_CHILDREN). */
  childCpu = 0;
  /** Files being sourced (`return` is allowed in them). */
  sourceDepth = 0;
  localFrames: Map<string, Var | undefined>[] = [];
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
      case 'RANDOM': return String(Math.floor(this.sys.now() / 7) % 32768);
      case 'PWD': return this.vars.get('PWD')?.value ?? this.#cwd();
    }
    if (/^[1-9][0-9]*$/.test(name)) return this.positional[Number(name) - 1];
    return this.vars.get(name)?.value;
  }

  set(name: string, value: string, exported?: boolean): void {
    const old = this.vars.get(name);
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
    io.stderr.write(`sh: ${message}\n`);
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

  /** Run a parsed script; ExitSignal propagates to the caller (the process ends). */
  async runScript(script: Script, io: Stdio): Promise<number> {
    return this.execList(script, io);
  }

  // ---- lists, pipelines

  async execList(list: Script, io: Stdio): Promise<number> {
    for (const ao of list) {
      if (ao.background) this.#startJob(ao, io);
      else await this.#execAndOr(ao, io);
    }
    return this.status;
  }

  async #execAndOr(ao: AndOr, io: Stdio): Promise<number> {
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
    io.stderr.write(`\nreal\t${fmt(us)}\nuser\t${fmt(cpu)}\nsys\t${fmt(0)}\n`);
  }

  /** Fork a shell process and run `fn` in it; its exit status is reaped like a child's. */
  async subshell(io: Stdio, fn: (sh: Shell, io: Stdio) => Promise<number>, background = false): Promise<number> {
    let child: Sys;
    try {
      child = this.sys.spawn({ argv: [this.argv0], env: this.environment(), cwd: this.#cwd() });
    } catch (e) {
      return forkError(this, io, e);
    }
    const sh = this.fork(child);
    sh.#subshellPid = this.#subshellPid ?? this.sys.pid;
    sh.#background = background || this.#background;
    let status = 1;
    try {
      status = await fn(sh, io);
    } catch (e) {
      if (e instanceof ExitSignal) status = e.status;
      else if (e instanceof Interrupted) status = e.status;
      else if (e instanceof ReturnSignal) status = e.status;
      else if (e instanceof LoopSignal) status = 0;
      else throw e;
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

  #startJob(ao: AndOr, io: Stdio): void {
    if (this.host.runaway) return;
    if (--this.host.jobBudget < 0) {
      this.host.runaway = true;
      this.error(io, `more than ${MAX_JOBS_PER_LINE} background jobs from one command line: the model stopped them all`);
      return;
    }
    const id = (this.jobs.at(-1)?.id ?? 0) + 1;
    let pid = 0;
    // subshell() spawns the child and calls fn synchronously, before its first await: pid is known on return
    const done = this.subshell({ ...io, stdin: EMPTY_INPUT }, async (sh, sio) => {
      pid = sh.sys.pid;
      await sh.checkpoint();
      // `cmd &` with one simple command: the forked shell execs it in place (one process, as in sh/bash/ash)
      const p = ao.first;
      if (!ao.rest.length && p.commands.length === 1 && !p.negate && !p.time) return sh.execCommand(p.commands[0], sio, true);
      return sh.#execAndOr({ ...ao, background: false }, sio);
    }, true).then(
      (s) => (job.status = s),
      () => (job.status = 1),
    );
    const job: Job = { id, pid, command: ao.first.raw + ao.rest.map((r) => ` ${r.op} ${r.pipeline.raw}`).join(''), status: undefined, done, notified: false };
    if (!pid) return;
    this.jobs.push(job);
    this.lastBg = pid;
    this.status = 0;
    if (this.interactive && pid) io.stderr.write(`[${id}] ${pid}\n`);
  }

  // ---- commands

  async execCommand(cmd: Command, io: Stdio, forked = false): Promise<number> {
    if (cmd.type === 'simple') return this.#execSimple(cmd, io, forked);
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
      case 'if': {
        for (const c of cmd.clauses) {
          if ((await this.#cond(c.cond, rio)) === 0) return this.execList(c.body, rio);
        }
        if (cmd.orElse) return this.execList(cmd.orElse, rio);
        return (this.status = 0);
      }
      case 'for': {
        const items = cmd.items ? await expandWords(cmd.items, this.expander(rio)) : [...this.positional];
        let status = 0;
        this.#loops++;
        try {
          for (const item of items) {
            await this.checkpoint();
            this.set(cmd.name, item);
            const r = await this.#loopBody(cmd.body, rio);
            status = this.status;
            if (r === 'break') break;
          }
        } finally {
          this.#loops--;
        }
        return (this.status = status);
      }
      case 'while': {
        let status = 0;
        this.#loops++;
        try {
          for (;;) {
            await this.checkpoint();
            const c = await this.#cond(cmd.cond, rio);
            if ((c === 0) === cmd.until) break;
            const r = await this.#loopBody(cmd.body, rio);
            status = this.status;
            if (r === 'break') break;
          }
        } finally {
          this.#loops--;
        }
        return (this.status = status);
      }
      case 'arith': {
        try {
          const v = evaluate(await expandString(cmd.expr, this.expander(rio)), this);
          return (this.status = v !== 0n ? 0 : 1);
        } catch (e) {
          return this.#expansionFailed(e, rio);
        }
      }
      case 'cond': {
        try {
          return (this.status = (await evaluateCond(cmd.words, this.expander(rio))) ? 0 : 1);
        } catch (e) {
          if (e instanceof TestError) {
            this.error(rio, e.message);
            return (this.status = 2);
          }
          return this.#expansionFailed(e, rio);
        }
      }
      case 'case': {
        const word = await expandString(cmd.word, this.expander(rio));
        for (const item of cmd.items) {
          for (const p of item.patterns) {
            if (matchPattern(await expandPattern(p, this.expander(rio)), word)) return this.execList(item.body, rio);
          }
        }
        return (this.status = 0);
      }
    }
  }

  async #cond(script: Script, io: Stdio): Promise<number> {
    this.#condition++;
    try {
      return await this.execList(script, io);
    } finally {
      this.#condition--;
    }
  }

  async #loopBody(body: Script, io: Stdio): Promise<'break' | 'continue' | undefined> {
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
        const out = new BufferOutput();
        const st = await this.subshell({ ...io, stdout: out }, (sh, sio) => sh.execList(body, sio));
        this.status = st;
        this.#substStatus = st;
        return out.text();
      },
    };
  }

  #substStatus: number | undefined;

  async #execSimple(cmd: Extract<Command, { type: 'simple' }>, io: Stdio, forked: boolean): Promise<number> {
    this.#substStatus = undefined;
    const alias = this.#alias(cmd);
    if (alias) return alias(io);
    let argv: string[];
    try {
      argv = await expandWords(cmd.words, this.expander(io));
    } catch (e) {
      return this.#expansionFailed(e, io);
    }
    const assigns = new Map<string, string>();
    try {
      for (const a of cmd.assigns) assigns.set(a.name, await expandString(a.value, this.expander(io)));
    } catch (e) {
      return this.#expansionFailed(e, io);
    }
    const rio = await this.redirect(cmd.redirs, io);
    if (!rio) return (this.status = 1);
    if (this.opts.xtrace) {
      const shown = [...[...assigns].map(([k, v]) => `${k}=${v}`), ...argv.map(quoteForTrace)];
      rio.stderr.write(`+ ${shown.join(' ')}\n`);
    }
    if (!argv.length) {
      for (const [k, v] of assigns) this.set(k, v);
      return (this.status = this.#substStatus ?? 0);
    }
    const name = argv[0];
    const fn = this.funcs.get(name);
    if (fn) return (this.status = await this.#callFunction(name, fn, argv, assigns, rio));
    const builtin = BUILTINS.get(name);
    if (builtin) {
      const saved = new Map<string, Var | undefined>();
      for (const [k, v] of assigns) {
        saved.set(k, this.vars.get(k));
        this.set(k, v, true);
      }
      try {
        return (this.status = await builtin(this, argv, rio));
      } finally {
        if (!builtin.special) for (const [k, v] of saved) v ? this.vars.set(k, v) : this.vars.delete(k);
      }
    }
    return (this.status = await runExternal(this, argv, this.environment(assigns), rio, forked));
  }

  /** Alias substitution for the command word (bash(1) ALIASES), as text re-parsed with the rest of the words. */
  #alias(cmd: Extract<Command, { type: 'simple' }>): ((io: Stdio) => Promise<number>) | undefined {
    const first = cmd.words[0];
    if (!this.interactive || !first || cmd.assigns.length || first.parts.length !== 1) return undefined;
    const p = first.parts[0];
    if (p.type !== 'lit' || p.quoted || this.#expandingAliases.has(p.value)) return undefined;
    const value = this.aliases.get(p.value);
    if (value === undefined) return undefined;
    const r = parse(`${value} ${cmd.words.slice(1).map((w) => w.raw).join(' ')}`);
    if (r.kind !== 'ok') return undefined;
    return async (io) => {
      const rio = await this.redirect(cmd.redirs, io);
      if (!rio) return (this.status = 1);
      this.#expandingAliases.add(p.value);
      try {
        return await this.execList(r.script, rio);
      } finally {
        this.#expandingAliases.delete(p.value);
      }
    };
  }

  #expansionFailed(e: unknown, io: Stdio): number {
    if (e instanceof ExpandError || e instanceof ArithError) {
      this.error(io, e.message);
      this.status = 1;
      if (!this.interactive) throw new ExitSignal(1);
      return 1;
    }
    throw e;
  }

  async #callFunction(name: string, body: Command, argv: string[], assigns: Map<string, string>, io: Stdio): Promise<number> {
    if (this.depth >= MAX_NESTING) {
      this.error(io, `${name}: maximum function nesting level exceeded (${MAX_NESTING})`);
      throw new ReturnSignal(1);
    }
    await this.checkpoint();
    const savedArgs = this.positional;
    const frame = new Map<string, Var | undefined>();
    for (const [k, v] of assigns) {
      frame.set(k, this.vars.get(k));
      this.set(k, v, true);
    }
    this.positional = argv.slice(1);
    this.localFrames.push(frame);
    this.depth++;
    try {
      return await this.execCommand(body, io);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.status;
      throw e;
    } finally {
      this.depth--;
      this.positional = savedArgs;
      this.localFrames.pop();
      for (const [k, v] of frame) v ? this.vars.set(k, v) : this.vars.delete(k);
    }
  }

  // ---- redirections

  /** Apply redirections (XCU 2.7); on failure print bash's message and return undefined (status 1). */
  async redirect(redirs: readonly Redir[], io: Stdio): Promise<Stdio | undefined> {
    if (!redirs.length) return io;
    let cur: Stdio = io;
    for (const r of redirs) {
      let target = '';
      try {
        target = r.heredoc ? '' : await expandString(r.target, this.expander(cur));
        cur = this.#applyRedir(r, target, cur, r.heredoc ? await expandString(r.heredoc, this.expander(cur)) : '');
      } catch (e) {
        if (e instanceof ExpandError || e instanceof ArithError) {
          this.error(io, e.message);
          return undefined;
        }
        if (isSysError(e)) {
          this.error(io, `${target}: ${e.strerror}`);
          return undefined;
        }
        if (e instanceof RedirError) {
          this.error(io, e.message);
          return undefined;
        }
        throw e;
      }
    }
    return cur;
  }

  #applyRedir(r: Redir, target: string, io: Stdio, heredoc: string): Stdio {
    const op = r.op;
    if (op === '<<' || op === '<<-') return r.fd === undefined || r.fd === 0 ? { ...io, stdin: new TextInput(heredoc) } : io;
    if (op === '>&' || op === '<&') {
      const fd = r.fd ?? (op === '>&' ? 1 : 0);
      if (target === '-') return fd === 0 ? { ...io, stdin: EMPTY_INPUT } : fd === 1 ? { ...io, stdout: NULL_OUTPUT } : { ...io, stderr: NULL_OUTPUT };
      if (/^\d+$/.test(target)) {
        const src = Number(target);
        if (fd === 0) return src === 0 ? io : io;
        const out = src === 1 ? io.stdout : src === 2 ? io.stderr : undefined;
        if (!out) throw new RedirError(`${target}: Bad file descriptor`);
        return fd === 1 ? { ...io, stdout: out } : fd === 2 ? { ...io, stderr: out } : io;
      }
      if (op === '>&' && r.fd === undefined) return this.#applyRedir({ ...r, op: '&>' }, target, io, heredoc);
      throw new RedirError(`${target}: ambiguous redirect`);
    }
    if (!target) throw new RedirError(`${r.target.raw}: ambiguous redirect`);
    if (op === '<') {
      const fd = r.fd ?? 0;
      const text = target === '/dev/null' ? '' : readText(this.sys, target);
      return fd === 0 ? { ...io, stdin: new TextInput(text) } : io;
    }
    if (op === '<>') return io;
    const out = this.#openOut(target, op === '>>' || op === '&>>', io);
    if (op === '&>' || op === '&>>') return { ...io, stdout: out, stderr: out };
    const fd = r.fd ?? 1;
    return fd === 1 ? { ...io, stdout: out } : fd === 2 ? { ...io, stderr: out } : io;
  }

  /** open(2) for writing at redirection time (O_CREAT|O_TRUNC or O_APPEND), so a failure stops the command before it runs. */
  #openOut(path: string, append: boolean, io: Stdio): Output {
    if (path === '/dev/null') return NULL_OUTPUT;
    if (path === '/dev/stdout') return io.stdout;
    if (path === '/dev/stderr') return io.stderr;
    let isDir = false;
    try {
      isDir = this.sys.stat(path).type === 'dir';
    } catch {
      // creating a new file
    }
    if (isDir) throw new RedirError(`${path}: Is a directory`);
    if (append) this.sys.writeFile(path, fromText(''), { append: true });
    else this.sys.writeFile(path, fromText(''));
    return new FileOutput(this.sys, path);
  }
}

/** CPU time a process has used so far (0 if the kernel cannot say). */
export function cpuOf(sys: Sys): number {
  try {
    return sys.self().cpuTime;
  } catch {
    return 0;
  }
}

/** A redirection that failed before any system call (bad fd, ambiguous target). */
export class RedirError extends Error {}

function readText(sys: Sys, path: string): string {
  return toText(sys.readFile(path), 16 * 1024 * 1024);
}

function quoteForTrace(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
