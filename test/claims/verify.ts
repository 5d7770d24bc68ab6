/**
 * Check one claim against a fresh model: its `run` script first (as the
 * reader's Reproduce button types it), then every line of `check` must exit 0.
 * Shared by the claim suite and the bench.
 */
import type { ClaimSource } from '../../src/claims/parse.ts';
import { openSession } from '../../src/shell/open-session.ts';
import { runScriptDetailed } from '../../src/shell/run-script.ts';

export async function verifyClaim(claim: ClaimSource): Promise<void> {
  let output = '';
  const session = openSession(claim.scenario, { color: false, columns: 100, yieldToHost: () => new Promise<void>((r) => setImmediate(r)), onOutput: (t) => { output += t; } });
  const run = await runScriptDetailed(session, claim.run);
  const runOutput = output;
  output = '';
  const where = `${claim.file}:${claim.line} claim "${claim.id}"`;
  if (run.unterminated) throw new Error(`${where}: its run script ends inside an open construct (missing done/fi/quote?)`);
  const check = await runScriptDetailed(session, claim.check);
  const failed = check.steps.find((s) => s.status !== 0);
  if (failed || check.unterminated) {
    throw new Error([
      `${where} does not hold.`,
      failed ? `expected: check line \`${failed.line}\` to exit 0\nactual:   it exited ${failed.status}` : 'check script ends inside an open construct',
      '--- output of run ---', runOutput.trimEnd(),
      '--- output of check ---', output.trimEnd(),
    ].join('\n'));
  }
}
