/**
 * Numbers for charts and <Compare> tables, measured by running the model at
 * build time (issue 7, "Charts … drawn from model runs at build time so they
 * cannot drift from the model"). Each measurement opens a fresh session, types
 * a script as a reader would, and reads the same tools a reader reads:
 * time(1)'s "real" line, free(1)'s used column, df(1)'s Used column on /.
 * Results are cached in module scope: one run per build, however many pages use them.
 */
import { openSession } from '../../shell/open-session.ts';
import { runScriptDetailed } from '../../shell/run-script.ts';

/** Let Node's event loop turn between steps (as test/claims/verify.ts does). */
const yieldToHost = (): Promise<void> => new Promise<void>((r) => setImmediate(r));

/** What one script did in a fresh world: its output, its virtual duration and the host's before/after. */
export interface ScriptRun {
  readonly output: string;
  /** Virtual seconds the script took, to the millisecond (the world's CLOCK_MONOTONIC; what `time { script; }` reports as real). */
  readonly seconds: number;
  /** free -m "used" on the host, MiB, before and after. */
  readonly usedMiB: { readonly before: number; readonly after: number };
  /** df / "Used", KiB, before and after. */
  readonly diskKiB: { readonly before: number; readonly after: number };
}

/** Seconds of every `real` line time(1) printed (bash format: real\t1m12.108s). */
export function parseReal(output: string): number[] {
  return [...output.matchAll(/^real\s+(\d+)m(\d+(?:\.\d+)?)s$/gm)].map((m) => Number(m[1]) * 60 + Number(m[2]));
}

/** The "used" column of every `Mem:` line free(1) printed (procps free -m: total used free …). */
export function parseFreeUsed(output: string): number[] {
  return [...output.matchAll(/^Mem:\s+(\d+)\s+(\d+)/gm)].map((m) => Number(m[2]));
}

/** The "Used" column (1K blocks) of every df(1) line for the mount point /. */
export function parseDfUsed(output: string): number[] {
  return [...output.matchAll(/^\S+\s+\d+\s+(\d+)\s+\d+\s+\d+%\s+\/$/gm)].map((m) => Number(m[1]));
}

/**
 * Run `script` in a fresh `scenario` world, measuring the host around it.
 * Throws naming the first line that exited non-zero, so a broken script fails the build.
 */
export async function measureScript(scenario: string, script: string, setup = ''): Promise<ScriptRun> {
  let output = '';
  const session = openSession(scenario, { color: false, columns: 120, yieldToHost, onOutput: (t) => { output += t; } });
  const step = async (s: string, what: string): Promise<void> => {
    const r = await runScriptDetailed(session, s);
    const bad = r.steps.find((x) => x.status !== 0);
    if (r.unterminated) throw new Error(`${what} ends inside an open construct (missing done/fi/quote?):\n${s}`);
    if (bad) throw new Error(`${what}: \`${bad.line}\` exited ${bad.status} on scenario "${scenario}".\n--- output ---\n${output.trimEnd()}`);
  };
  if (setup.trim()) await step(setup, 'setup script');
  output = '';
  await step('free -m; df /', 'measuring the host');
  const before = output;
  output = '';
  const start = session.world.clock.now;
  await step(script, 'script');
  const seconds = Math.round((session.world.clock.now - start) / 1e3) / 1e3; // ms, as time(1) prints
  const ran = output;
  output = '';
  await step('free -m; df /', 'measuring the host');
  const after = output;
  return {
    output: ran,
    seconds,
    usedMiB: { before: one(parseFreeUsed(before), 'free -m'), after: one(parseFreeUsed(after), 'free -m') },
    diskKiB: { before: one(parseDfUsed(before), 'df /'), after: one(parseDfUsed(after), 'df /') },
  };
}

function one(values: number[], what: string): number {
  if (values.length !== 1) throw new Error(`could not read ${what}'s output (found ${values.length} values)`);
  return values[0];
}

/** Memoise an async measurement in module scope (one run per build). */
export function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
}

const cache = new Map<string, Promise<ScriptRun>>();
/** measureScript, cached by its arguments for the life of the build. */
export function measureCached(scenario: string, script: string, setup = ''): Promise<ScriptRun> {
  const key = JSON.stringify([scenario, setup, script]);
  let p = cache.get(key);
  if (!p) { p = measureScript(scenario, script, setup); cache.set(key, p); }
  return p;
}
