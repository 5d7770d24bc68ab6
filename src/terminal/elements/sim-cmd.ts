/**
 * <sim-cmd>: a command in the prose with a Run button that types it into a
 * chapter terminal: the one named by data-terminal, else the nearest
 * <sim-terminal> before it on the page (claim terminals excluded).
 */
import type { SimTerminal } from './sim-terminal.ts';

/** Custom element class for <sim-cmd>. */
export class SimCmd extends HTMLElement {
  readonly #onClick = (event: Event): void => {
    const target = event.target;
    if (!(target instanceof Element) || !target.closest('button[data-action="run"]')) return;
    const command = this.querySelector('code')?.textContent ?? '';
    const terminal = this.target();
    if (!terminal || command.trim() === '') return;
    terminal.scrollIntoView({ block: 'nearest' });
    void terminal.run(command);
  };

  connectedCallback(): void {
    this.addEventListener('click', this.#onClick);
  }

  disconnectedCallback(): void {
    this.removeEventListener('click', this.#onClick);
  }

  /** The terminal this command runs in. */
  target(): SimTerminal | null {
    const named = this.dataset.terminal;
    if (named) return document.getElementById(`terminal-${named}`) as SimTerminal | null;
    const all = [...document.querySelectorAll<SimTerminal>('sim-terminal')].filter((t) => !t.closest('sim-claim'));
    let before: SimTerminal | null = null;
    for (const t of all) if (t.compareDocumentPosition(this) & Node.DOCUMENT_POSITION_FOLLOWING) before = t;
    return before ?? all[0] ?? null;
  }
}
