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
    // A share link made in this claim's terminal: open the terminal so it can show the commands and ask.
    if (location.hash.includes(`run-claim-${this.#id}=`)) this.#terminal();
  }

  disconnectedCallback(): void {
    this.removeEventListener('click', this.#onClick);
  }

  get #id(): string {
    return this.dataset.claimId ?? 'claim';
  }

  /** The claim's terminal, created in the slot on first use (a fresh world, not saved across reloads). */
  #terminal(): { terminal: SimTerminal; created: boolean } {
    const slot = this.querySelector<HTMLElement>('[data-terminal-slot]') ?? this;
    const existing = slot.querySelector<SimTerminal>('sim-terminal');
    if (existing) return { terminal: existing, created: false };
    const terminal = document.createElement('sim-terminal') as SimTerminal;
    terminal.id = `terminal-claim-${this.#id}`;
    terminal.dataset.terminalId = `claim-${this.#id}`;
    terminal.dataset.scenario = this.dataset.scenario ?? 'laptop';
    terminal.dataset.persist = 'false';
    slot.append(terminal);
    return { terminal, created: true };
  }

  /** Open (or reset) the claim's terminal and type the run script. */
  async reproduce(): Promise<void> {
    const { terminal, created } = this.#terminal();
    if (!created) await terminal.reset();
    await terminal.start();
    // After start, so the live terminal has its height and ends up fully in view.
    terminal.scrollIntoView({ block: 'nearest' });
    await terminal.run(this.dataset.run ?? '');
  }
}
