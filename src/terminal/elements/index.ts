/**
 * The only terminal JavaScript a chapter loads up front: it defines the
 * custom elements of the markup contract (markup.md). Everything heavy
 * (xterm, the worker with the shell and model) is a dynamic import in
 * <sim-terminal>, fetched when a terminal is about to be used.
 */
import { SimClaim } from './sim-claim.ts';
import { SimCmd } from './sim-cmd.ts';
import { SimTerminal } from './sim-terminal.ts';

const elements: [string, CustomElementConstructor][] = [
  ['sim-terminal', SimTerminal],
  ['sim-cmd', SimCmd],
  ['sim-claim', SimClaim],
];
for (const [name, element] of elements) if (!customElements.get(name)) customElements.define(name, element);
