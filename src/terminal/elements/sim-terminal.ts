/**
 * <sim-terminal>: upgrades the server-rendered terminal panel (markup.md) to
 * a live terminal when it nears the viewport (IntersectionObserver) or its
 * Start button is pressed, loading xterm, the worker and the rest with a
 * dynamic import, so a chapter ships almost no JavaScript up front.
 * `data-state`: idle → loading → ready ⇄ busy (also hung, exited, error).
 */
import type { HostState, TerminalController } from '../mount.ts';

/** Custom element class for <sim-terminal>. */
export class SimTerminal extends HTMLElement {
  #controller: Promise<TerminalController> | null = null;
  #observer: IntersectionObserver | null = null;

  readonly #onClick = (event: Event): void => {
    const target = event.target;
    if (target instanceof Element && target.closest('button[data-action="start"]')) {
      void this.start().then((c) => c.focus());
    }
  };

  /** The id used by <Cmd terminal="…">, share links and storage keys. */
  get terminalId(): string {
    return this.dataset.terminalId || this.id.replace(/^terminal-/, '') || 'main';
  }

  connectedCallback(): void {
    this.dataset.state ??= 'idle';
    this.addEventListener('click', this.#onClick);
    if (this.#controller) return;
    if (location.hash.includes(`run-${this.terminalId}=`)) {
      void this.start();
      return;
    }
    if ('IntersectionObserver' in window) {
      // Start when within a screenful of the viewport, so the first prompt is there when the reader arrives.
      this.#observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) void this.start();
      }, { rootMargin: '100% 0px' });
      this.#observer.observe(this);
    }
  }

  disconnectedCallback(): void {
    this.removeEventListener('click', this.#onClick);
    this.#observer?.disconnect();
    this.#observer = null;
    // Moved elsewhere in the page reconnects at once; only a real removal ends the session.
    queueMicrotask(() => {
      if (this.isConnected || !this.#controller) return;
      void this.#controller.then((c) => c.dispose(), () => undefined);
      this.#controller = null;
      this.dataset.state = 'idle';
    });
  }

  /** Start the live terminal (once); resolves when xterm and the worker are set up, before the first prompt. */
  start(): Promise<TerminalController> {
    this.#controller ??= this.#load();
    return this.#controller;
  }

  /** Type lines into the terminal and press Enter after each, starting it if needed. */
  async run(text: string): Promise<void> {
    (await this.start()).type(text);
  }

  /** A fresh world (Reset). */
  async reset(): Promise<void> {
    (await this.start()).reset();
  }

  async #load(): Promise<TerminalController> {
    this.#observer?.disconnect();
    this.dataset.state = 'loading';
    // For the benchmark: performance.measure('sim-terminal:first-prompt:<id>') spans start → first prompt.
    const started = performance.now();
    let prompted = false;
    const scenario = this.dataset.scenario ?? 'laptop';
    const caption = this.querySelector('figcaption')?.textContent?.trim();
    const terminalId = this.terminalId;
    const persist = this.dataset.persist !== 'false';
    // Start the worker while xterm loads: the session boots in parallel with the screen (about 8.4 px per column at 14 px).
    const booting = import('../boot.ts').then(({ boot }) => boot({ terminalId, scenario, persist, columns: Math.max(20, Math.floor((this.clientWidth || 640) / 8.4)) }));
    try {
      const [{ mountTerminal }, booted] = await Promise.all([import('../mount.ts'), booting]);
      return mountTerminal(this, booted, {
        terminalId,
        scenario,
        persist,
        label: caption ? `Terminal: ${caption}` : `Terminal (scenario ${scenario})`,
        onState: (state: HostState) => {
          this.dataset.state = state === 'starting' ? 'loading' : state;
          if (state === 'ready' && !prompted) {
            prompted = true;
            performance.measure(`sim-terminal:first-prompt:${terminalId}`, { start: started });
          }
          this.dispatchEvent(new CustomEvent('sim-terminal-state', { detail: { state }, bubbles: true }));
        },
      });
    } catch (error) {
      void booting.then((b) => b.client.dispose(), () => undefined);
      this.#controller = null;
      this.dataset.state = 'error';
      const message = document.createElement('p');
      message.className = 'sim-terminal-error';
      message.setAttribute('role', 'alert');
      message.textContent = `The terminal could not start (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
      this.append(message);
      throw error;
    }
  }
}
