/**
 * <sim-claim>: a claim's Reproduce button. It puts a <sim-terminal> in the
 * claim's slot with a fresh world of the claim's scenario (not saved across
 * reloads) and types the claim's `run` script into it line by line; pressing
 * Reproduce again starts over from a fresh world.
 */
import type { SimTerminal } from './sim-terminal.ts';

/** Custom element class for <sim-claim>. */
export class SimClaim extends HTMLElement {
  readonly #onClick = (event: Event): void => {
    const target = event.target;
    if (target instanceof Element && target.closest('button[data-action="reproduce"]')) void this.reproduce();
  };

  connectedCallback(): void {
    this.addEventListener('click', this.#onClick);
  }

  disconnectedCallback(): void {
    this.removeEventListener('click', this.#onClick);
  }

  /** Open (or reset) the claim's terminal and type the run script. */
  async reproduce(): Promise<void> {
    const id = this.dataset.claimId ?? 'claim';
    const slot = this.querySelector<HTMLElement>('[data-terminal-slot]') ?? this;
    let terminal = slot.querySelector<SimTerminal>('sim-terminal');
    if (terminal) {
      await terminal.reset();
    } else {
      terminal = document.createElement('sim-terminal') as SimTerminal;
      terminal.id = `terminal-claim-${id}`;
      terminal.dataset.terminalId = `claim-${id}`;
      terminal.dataset.scenario = this.dataset.scenario ?? 'laptop';
      terminal.dataset.persist = 'false';
      slot.append(terminal);
    }
    await terminal.start();
    // After start, so the live terminal has its height and ends up fully in view.
    terminal.scrollIntoView({ block: 'nearest' });
    await terminal.run(this.dataset.run ?? '');
  }
}
