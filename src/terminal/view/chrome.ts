/**
 * The live terminal's controls around the xterm screen: a toolbar (screen
 * reader mode, share link, Reset), a status line for notices (a live region),
 * a Restart button shown when the worker stops answering, and the
 * confirmation panel for commands arriving in a share link. Built with
 * createElement and textContent only: nothing from a URL becomes markup.
 */

/** References to the controls. */
export interface Chrome {
  readonly root: HTMLElement;
  /** The bordered, padded frame around the screen (takes the terminal's background). */
  readonly frame: HTMLElement;
  /** Where xterm opens: no padding of its own, so the fit addon measures it exactly. */
  readonly screen: HTMLElement;
  readonly screenReader: HTMLButtonElement;
  readonly share: HTMLButtonElement;
  readonly reset: HTMLButtonElement;
  readonly restart: HTMLButtonElement;
  /** Focus was on the static panel (its Start button) when it was replaced: the terminal should take it. */
  readonly hadFocus: boolean;
  /** Say something in the status line (announced politely), or clear it. */
  status(text: string): void;
  /** Show shared lines as text with Run / Dismiss buttons; resolves true when the reader chose Run. */
  confirmShared(lines: readonly string[]): Promise<boolean>;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(action: string, text: string, label?: string): HTMLButtonElement {
  const b = el('button', 'sim-terminal-button', text);
  b.type = 'button';
  b.dataset.action = action;
  if (label) b.setAttribute('aria-label', label);
  return b;
}

/** Build the controls inside `host` (in its static figure when there is one, replacing the Start panel). */
export function buildChrome(host: HTMLElement, label: string, idBase: string): Chrome {
  const figure = host.querySelector<HTMLElement>(':scope > figure.terminal-static');
  const staticPanel = figure?.querySelector<HTMLElement>('.terminal-screen');
  const hadFocus = Boolean(staticPanel?.contains(document.activeElement));
  staticPanel?.setAttribute('hidden', '');
  const root = el('div', 'sim-terminal-live');
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', label);

  const toolbar = el('div', 'sim-terminal-toolbar');
  const screenReader = button('screen-reader', 'Screen reader mode');
  screenReader.setAttribute('aria-pressed', 'false');
  const share = button('share', 'Copy share link', 'Copy share link (it carries the commands typed in this terminal)');
  const reset = button('reset', 'Reset', 'Reset the terminal to a fresh world');
  toolbar.append(screenReader, share, reset);

  const frame = el('div', 'sim-terminal-screen');
  const screen = el('div', 'sim-terminal-viewport');
  frame.append(screen);
  const keys = el('p', 'sim-terminal-keys', 'Keys: Tab completes, Up/Down recall history, Ctrl-R searches it, Ctrl-C interrupts. Shift+Tab, or Escape then Tab, leaves the terminal.');
  keys.id = `${idBase}-keys`;
  const statusLine = el('p', 'sim-terminal-status');
  statusLine.setAttribute('role', 'status');
  const restart = button('restart', 'Restart the terminal');
  restart.hidden = true;
  const footer = el('div', 'sim-terminal-footer');
  footer.append(statusLine, restart);
  const sharedSlot = el('div', 'sim-terminal-shared-slot');

  root.append(toolbar, sharedSlot, frame, footer, keys);
  (figure ?? host).append(root);

  return {
    root, frame, screen, screenReader, share, reset, restart, hadFocus,
    status(text: string) {
      statusLine.textContent = text;
    },
    confirmShared(lines: readonly string[]): Promise<boolean> {
      return new Promise((resolve) => {
        const panel = el('section', 'sim-terminal-shared');
        const heading = el('p', 'sim-terminal-shared-title', `This link carries ${lines.length === 1 ? 'a command' : `${lines.length} lines of commands`} for this terminal. Nothing has run.`);
        heading.id = `${idBase}-shared`;
        heading.tabIndex = -1;
        panel.setAttribute('aria-labelledby', heading.id);
        const note = el('p', 'sim-terminal-shared-note', 'Read what is below first: it runs in a fresh session only if you press Run.');
        const pre = el('pre', 'sim-terminal-shared-lines');
        pre.append(el('code', '', lines.join('\n')));
        const run = button('shared-run', lines.length === 1 ? 'Run this command' : 'Run these commands');
        const dismiss = button('shared-dismiss', 'Dismiss');
        const actions = el('div', 'sim-terminal-shared-actions');
        actions.append(run, dismiss);
        panel.append(heading, note, pre, actions);
        sharedSlot.replaceChildren(panel);
        const answer = (yes: boolean) => {
          panel.remove();
          resolve(yes);
        };
        run.addEventListener('click', () => answer(true), { once: true });
        dismiss.addEventListener('click', () => answer(false), { once: true });
        host.scrollIntoView({ block: 'start' });
        heading.focus({ preventScroll: true });
      });
    },
  };
}
