/**
 * Feed a script to a Session line by line, as if typed at the prompt (open
 * constructs continue on the next line). Used by the CLI, the claim checker
 * and replay. Returns the last command's status, or the shell's exit status.
 */
import type { Session } from './session.ts';

export interface ScriptResult {
  /** $? after the last complete command (or the status `exit` gave). */
  readonly status: number;
  /** Status of every complete top-level input, in order, with its first line. */
  readonly steps: ReadonlyArray<{ readonly line: string; readonly status: number }>;
  /** True when the script ended inside an open construct (a missing `done`, quote...). */
  readonly unterminated: boolean;
}

export async function runScriptDetailed(session: Session, script: string): Promise<ScriptResult> {
  const lines = script.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const steps: Array<{ line: string; status: number }> = [];
  let status = 0;
  let first: string | undefined;
  let open = false;
  for (const line of lines) {
    first ??= line;
    const r = await session.input(line);
    if (r.kind === 'more') { open = true; continue; }
    open = false;
    status = r.status;
    steps.push({ line: first, status });
    first = undefined;
    if (r.kind === 'exit') break;
  }
  if (open) {
    session.interrupt();
    return { status: 2, steps, unterminated: true };
  }
  return { status, steps, unterminated: false };
}

/** runScriptDetailed, returning only the final status. */
export async function runScript(session: Session, script: string): Promise<number> {
  return (await runScriptDetailed(session, script)).status;
}
