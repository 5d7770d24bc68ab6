/**
 * One entry point, four hosts (design.md): the browser worker, the headless
 * CLI, the claim checker and the WebContainer lab all open sessions here.
 * A session is a fresh World built from a named scenario, with every program
 * of the shell's registry installed on its hosts, and a root login shell on
 * the first machine.
 */
import { findScenario, SCENARIOS, SCENARIO_NAMES } from '../model/world/scenarios.ts';
import type { World } from '../model/world/world.ts';
import { COMMANDS } from './commands/index.ts';
import { setHostYield } from '../model/kernel/index.ts';
import { createShellSession } from './session-impl.ts';
import type { ShellSession } from './session-impl.ts';
import type { SessionOptions } from './session.ts';

export { SCENARIOS, SCENARIO_NAMES };

/** Programs installed in /usr/bin of every scenario's hosts: everything the registry implements. */
export const PROGRAMS: readonly string[] = COMMANDS.map((c) => c.name);

export interface OpenOptions extends Omit<SessionOptions, 'scenario'> {
  /** Let the host's event loop run between steps (the worker passes a macrotask yield). */
  readonly yieldToHost?: () => Promise<void>;
}

/** Build scenario `name`'s world (throws a clear Error for an unknown name). */
export function buildWorld(name: string): World {
  const scenario = findScenario(name);
  if (!scenario) throw new Error(`unknown scenario "${name}" (known: ${SCENARIO_NAMES.join(', ')})`);
  return scenario.build(PROGRAMS);
}

/** A fresh session on scenario `name`; `world` is exposed for live diagrams and tests. */
export function openSession(name: string, opts: OpenOptions): ShellSession & { readonly world: World } {
  const world = buildWorld(name);
  // The same event-loop turn between timer firings as between shell steps, so woken
  // background jobs run to their next wait everywhere (worker, CLI, tests) alike.
  if (opts.yieldToHost) setHostYield(opts.yieldToHost);
  const session = createShellSession({
    scenario: name,
    ...opts,
    login: () => world.primary.kernel.login(),
  });
  return Object.assign(session, { world });
}
