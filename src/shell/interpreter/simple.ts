/**
 * Simple commands (XCU 2.9.1 "Simple Commands", 2.9.5 "Function Definition
 * Command", bash(1) ALIASES): words are expanded, redirections applied,
 * assignments made, then a function, a builtin or a program runs.
 */
import type { Command } from '../parse/ast.ts';
import { parse } from '../parse/parser.ts';
import { expandString, expandWords } from './expand.ts';
import { BUILTINS } from './builtins.ts';
import { runExternal } from './exec.ts';
import { MAX_NESTING } from './shell.ts';
import type { Shell, Stdio, Var } from './shell.ts';
import { ReturnSignal } from './signals.ts';
import { say } from './io.ts';

type Simple = Extract<Command, { type: 'simple' }>;

/** A simple command (XCU 2.9.1): expand, redirect, then a function, a builtin or a program (fork+exec). */
export async function execSimple(sh: Shell, cmd: Simple, io: Stdio, forked: boolean): Promise<number> {
  sh.substStatus = undefined;
  const alias = aliasFor(sh, cmd);
  if (alias) return alias(io);
  let argv: string[];
  try {
    argv = await expandWords(cmd.words, sh.expander(io));
  } catch (e) {
    return sh.expansionFailed(e, io);
  }
  const assigns = new Map<string, string>();
  try {
    for (const a of cmd.assigns) assigns.set(a.name, await expandString(a.value, sh.expander(io)));
  } catch (e) {
    return sh.expansionFailed(e, io);
  }
  const rio = await sh.redirect(cmd.redirs, io);
  if (!rio) return (sh.status = 1);
  if (sh.opts.xtrace) {
    const shown = [...[...assigns].map(([k, v]) => `${k}=${v}`), ...argv.map(quoteForTrace)];
    say(rio.stderr, `+ ${shown.join(' ')}\n`);
  }
  if (!argv.length) {
    for (const [k, v] of assigns) sh.set(k, v);
    return (sh.status = sh.substStatus ?? 0);
  }
  const name = argv[0];
  const fn = sh.funcs.get(name);
  if (fn) return (sh.status = await callFunction(sh, name, fn, argv, assigns, rio));
  const builtin = BUILTINS.get(name);
  if (builtin) {
    const saved = new Map<string, Var | undefined>();
    for (const [k, v] of assigns) {
      saved.set(k, sh.vars.get(k));
      sh.set(k, v, true);
    }
    try {
      return (sh.status = await builtin(sh, argv, rio));
    } finally {
      if (!builtin.special) for (const [k, v] of saved) v ? sh.vars.set(k, v) : sh.vars.delete(k);
    }
  }
  return (sh.status = await runExternal(sh, argv, sh.environment(assigns), rio, forked));
}

/** Alias substitution for the command word (bash(1) ALIASES), as text re-parsed with the rest of the words. */
function aliasFor(sh: Shell, cmd: Simple): ((io: Stdio) => Promise<number>) | undefined {
  const first = cmd.words[0];
  if (!sh.interactive || !first || cmd.assigns.length || first.parts.length !== 1) return undefined;
  const p = first.parts[0];
  if (p.type !== 'lit' || p.quoted || sh.expandingAliases.has(p.value)) return undefined;
  const value = sh.aliases.get(p.value);
  if (value === undefined) return undefined;
  const r = parse(`${value} ${cmd.words.slice(1).map((w) => w.raw).join(' ')}`);
  if (r.kind !== 'ok') return undefined;
  return async (io) => {
    const rio = await sh.redirect(cmd.redirs, io);
    if (!rio) return (sh.status = 1);
    sh.expandingAliases.add(p.value);
    try {
      return await sh.execList(r.script, rio);
    } finally {
      sh.expandingAliases.delete(p.value);
    }
  };
}

/** Call a shell function: positional parameters, local frame, `return`, and bash's nesting limit. */
async function callFunction(sh: Shell, name: string, body: Command, argv: string[], assigns: Map<string, string>, io: Stdio): Promise<number> {
  if (sh.depth >= MAX_NESTING) {
    sh.error(io, `${name}: maximum function nesting level exceeded (${MAX_NESTING})`);
    throw new ReturnSignal(1);
  }
  await sh.checkpoint();
  const savedArgs = sh.positional;
  const frame = new Map<string, Var | undefined>();
  for (const [k, v] of assigns) {
    frame.set(k, sh.vars.get(k));
    sh.set(k, v, true);
  }
  sh.positional = argv.slice(1);
  sh.localFrames.push(frame);
  sh.depth++;
  try {
    return await sh.execCommand(body, io);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    sh.depth--;
    sh.positional = savedArgs;
    sh.localFrames.pop();
    for (const [k, v] of frame) v ? sh.vars.set(k, v) : sh.vars.delete(k);
  }
}

function quoteForTrace(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
