/**
 * Keys the browser should handle instead of the terminal (xterm's
 * attachCustomKeyEventHandler: returning false leaves the event to the page).
 * Tab completes inside the terminal, so to avoid a keyboard trap (WCAG 2.1
 * SC 2.1.2) Shift+Tab, and Escape followed by Tab, move focus as usual.
 * Ctrl-C with a selection copies it; Ctrl-V / Cmd-V paste through the browser.
 */

/** What the filter reads from the terminal. */
export interface SelectionSource {
  hasSelection(): boolean;
}

/** The subset of KeyboardEvent the filter reads. */
export interface KeyLike {
  readonly type: string;
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** Build the handler; it remembers whether Escape was the previous key. */
export function keyFilter(term: SelectionSource): (event: KeyLike) => boolean {
  let escaped = false;
  return (event) => {
    if (event.key === 'Tab' && (event.shiftKey || escaped)) {
      if (event.type === 'keydown') escaped = false;
      return false;
    }
    const plainCtrl = event.ctrlKey && !event.altKey;
    if (plainCtrl && event.key.toLowerCase() === 'c' && term.hasSelection()) return false;
    if ((plainCtrl || event.metaKey) && event.key.toLowerCase() === 'v') return false;
    if (event.type === 'keydown' && !['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) escaped = event.key === 'Escape';
    return true;
  };
}
