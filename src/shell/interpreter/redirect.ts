/**
 * Redirections (XCU 2.7): `<`, `>`, `>>`, `>|`, `2>&1`, `>&2`, `&>`, here-documents,
 * applied left to right. Output files are opened (created or truncated) when
 * the redirection is made, as open(2) would, through the shell's own Sys.
 */
import type { Redir } from '../parse/ast.ts';
import type { Output } from '../types.ts';
import type { Sys } from '../../model/kernel/types.ts';
import { isSysError } from '../../model/errors.ts';
import { fromText, toText } from '../../model/fs/data.ts';
import { ExpandError, expandString } from './expand.ts';
import { ArithError } from './arith.ts';
import { EMPTY_INPUT, FileOutput, NULL_OUTPUT, TextInput } from './io.ts';
import type { Shell, Stdio } from './shell.ts';

/** A redirection that failed before any system call (bad fd, ambiguous target). */
export class RedirError extends Error {}

function readText(sys: Sys, path: string): string {
  return toText(sys.readFile(path), 16 * 1024 * 1024);
}

/** Apply redirections (XCU 2.7) left to right; on failure print bash's message and return undefined (status 1). */
export async function applyRedirections(sh: Shell, redirs: readonly Redir[], io: Stdio): Promise<Stdio | undefined> {
  if (!redirs.length) return io;
  let cur: Stdio = io;
  for (const r of redirs) {
    let target = '';
    try {
      target = r.heredoc ? '' : await expandString(r.target, sh.expander(cur));
      cur = applyRedir(sh, r, target, cur, r.heredoc ? await expandString(r.heredoc, sh.expander(cur)) : '');
    } catch (e) {
      if (e instanceof ExpandError || e instanceof ArithError) {
        sh.error(io, e.message);
        return undefined;
      }
      if (isSysError(e)) {
        sh.error(io, `${target}: ${e.strerror}`);
        return undefined;
      }
      if (e instanceof RedirError) {
        sh.error(io, e.message);
        return undefined;
      }
      throw e;
    }
  }
  return cur;
}

function applyRedir(sh: Shell, r: Redir, target: string, io: Stdio, heredoc: string): Stdio {
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
    if (op === '>&' && r.fd === undefined) return applyRedir(sh, { ...r, op: '&>' }, target, io, heredoc);
    throw new RedirError(`${target}: ambiguous redirect`);
  }
  if (!target) throw new RedirError(`${r.target.raw}: ambiguous redirect`);
  if (op === '<') {
    const fd = r.fd ?? 0;
    const text = target === '/dev/null' ? '' : readText(sh.sys, target);
    return fd === 0 ? { ...io, stdin: new TextInput(text) } : io;
  }
  if (op === '<>') return io;
  const out = openOut(sh, target, op === '>>' || op === '&>>', io);
  if (op === '&>' || op === '&>>') return { ...io, stdout: out, stderr: out };
  const fd = r.fd ?? 1;
  return fd === 1 ? { ...io, stdout: out } : fd === 2 ? { ...io, stderr: out } : io;
}

/** open(2) for writing at redirection time (O_CREAT|O_TRUNC or O_APPEND), so a failure stops the command before it runs. */
function openOut(sh: Shell, path: string, append: boolean, io: Stdio): Output {
  if (path === '/dev/null') return NULL_OUTPUT;
  if (path === '/dev/stdout') return io.stdout;
  if (path === '/dev/stderr') return io.stderr;
  let isDir = false;
  try {
    isDir = sh.sys.stat(path).type === 'dir';
  } catch {
    // creating a new file
  }
  if (isDir) throw new RedirError(`${path}: Is a directory`);
  if (append) sh.sys.writeFile(path, fromText(''), { append: true });
  else sh.sys.writeFile(path, fromText(''));
  return new FileOutput(sh.sys, path);
}
