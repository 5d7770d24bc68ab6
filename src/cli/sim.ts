/**
 * The headless CLI: `npm run -s sim -- [--scenario NAME] (-c SCRIPT | FILE | < stdin)`.
 * Drives the same Session as the browser worker and prints what the
 * terminal would print in answer to the script (colour only on a TTY), then
 * exits with the script's status.
 */
import { readFileSync } from 'node:fs';
import { openSession, SCENARIO_NAMES } from '../shell/open-session.ts';
import { runScript } from '../shell/run-script.ts';

const USAGE = `usage: npm run -s sim -- [--scenario NAME] [--color|--no-color] (-c SCRIPT | FILE.sh | - )
  Runs SCRIPT (or the file, or stdin) in a fresh model world and prints its output.
  Scenarios: ${SCENARIO_NAMES.join(', ')}`;

interface Args { scenario: string; color: boolean; script: string }

function parseArgs(argv: string[]): Args {
  let scenario = 'laptop';
  let color = Boolean(process.stdout.isTTY);
  let script: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') { console.log(USAGE); process.exit(0); }
    else if (a === '--scenario') scenario = need(argv[++i], a);
    else if (a.startsWith('--scenario=')) scenario = a.slice('--scenario='.length);
    else if (a === '--color') color = true;
    else if (a === '--no-color') color = false;
    else if (a === '-c') script = need(argv[++i], a);
    else if (a === '-') script = readFileSync(0, 'utf8');
    else if (a.startsWith('-')) die(`sim: unknown option '${a}'\n${USAGE}`);
    else if (script === undefined) script = readFile(a);
    else die(`sim: unexpected argument '${a}'\n${USAGE}`);
  }
  if (!SCENARIO_NAMES.includes(scenario)) die(`sim: unknown scenario '${scenario}' (known: ${SCENARIO_NAMES.join(', ')})`);
  return { scenario, color, script: script ?? readFileSync(0, 'utf8') };
}

function need(v: string | undefined, flag: string): string {
  if (v === undefined) die(`sim: option '${flag}' needs a value\n${USAGE}`);
  return v;
}

function readFile(path: string): string {
  try { return readFileSync(path, 'utf8'); } catch (e) { die(`sim: ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : String(e)}`); }
}

function die(message: string): never {
  process.stderr.write(message + '\n');
  process.exit(2);
}

const args = parseArgs(process.argv.slice(2));
const strip = (s: string): string => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
const session = openSession(args.scenario, {
  yieldToHost: () => new Promise<void>((resolve) => setImmediate(resolve)),
  color: args.color,
  columns: process.stdout.columns ?? 80,
  onOutput: (text) => process.stdout.write(args.color ? text : strip(text)),
});
const status = await runScript(session, args.script);
process.exitCode = status;
