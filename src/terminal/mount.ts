/**
 * The heavy half of <sim-terminal>, loaded by dynamic import only when a
 * terminal is about to be used: creates the xterm Terminal with the fit and
 * shell addons, the worker running the Session, and wires persistence
 * (localStorage), share links, Reset, screen-reader mode, theme changes, and
 * recovery when the worker stops answering or crashes.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import type { SessionSnapshot } from '../shell/session.ts';
import { ShellAddon, type TerminalState } from './shell-addon.ts';
import { storage, type Booted } from './boot.ts';
import { clearSnapshot, saveSnapshot } from './state/persistence.ts';
import { readShared, shareUrl, withoutShared } from './state/share-link.ts';
import { buildChrome } from './view/chrome.ts';
import { themeFor } from './view/theme.ts';
import type { ClientEvents } from './worker/worker-client.ts';
import { keyFilter } from './view/key-filter.ts';

/** What <sim-terminal> asks of a mounted terminal. */
export interface TerminalController {
  /** Type lines and press Enter after each, as the reader would. */
  type(text: string): void;
  /** A fresh world: new worker, no replay, saved session forgotten. */
  reset(): void;
  focus(): void;
  dispose(): void;
}

/** data-state values: the stable hooks end-to-end tests wait on. */
export type HostState = TerminalState | 'hung' | 'error';

/** Faults in a row (no prompt in between) after which the terminal stops restarting the worker by itself. */
const MAX_AUTO_RESTARTS = 2;

/** What <sim-terminal> tells mountTerminal about itself. */
export interface MountOptions {
  readonly terminalId: string;
  readonly scenario: string;
  /** Save the session in localStorage (chapter terminals yes, claim terminals no). */
  readonly persist: boolean;
  /** The accessible name of the terminal group, e.g. "Terminal (scenario laptop)". */
  readonly label: string;
  readonly onState: (state: HostState) => void;
}

const SCREEN_READER_KEY = 'sim-terminal:screen-reader';

/** Turn a <sim-terminal> into a live terminal, around a session already starting in its worker (boot.ts). */
export function mountTerminal(host: HTMLElement, booted: Booted, options: MountOptions): TerminalController {
  const { terminalId, scenario } = options;
  const { client, store, key } = booted;
  const chrome = buildChrome(host, options.label, host.id || `sim-terminal-${terminalId}`);
  const srOn = storage()?.getItem(SCREEN_READER_KEY) === '1';

  const term = new Terminal({
    convertEol: true,
    scrollback: 5000,
    rows: 18,
    fontSize: 14,
    fontFamily: getComputedStyle(host).getPropertyValue('--font-mono').trim() || 'monospace',
    theme: themeFor(host),
    minimumContrastRatio: 4.5,
    screenReaderMode: srOn,
    // Option as Meta on macOS, so Alt-B / Alt-F / Alt-D reach the line editor as readline expects.
    macOptionIsMeta: true,
  });
  const fit = new FitAddon();
  let lastSnapshot: SessionSnapshot | undefined;
  let faults = 0;
  /** True once the first worker was replaced: restarts say so themselves, without "Restored your session". */
  let restarted = false;
  /** Notices to print above the next first prompt (a restart's reason, a discarded save). */
  const pendingNotices: string[] = [];
  let state: HostState = 'starting';
  const setState = (next: HostState) => {
    state = next;
    options.onState(next);
  };

  const shell = new ShellAddon({
    port: {
      input: (line) => client.input(line),
      interrupt: () => client.interrupt(),
      eof: () => client.eof(),
      complete: (line, cursor) => client.complete(line, cursor),
      resize: (columns) => client.resize(columns),
    },
    onState: (s) => setState(s),
    onFreshSession: () => reset(),
  });

  const events: ClientEvents = {
    ready(message) {
      faults = 0;
      chrome.restart.hidden = true;
      const notices = [...pendingNotices];
      pendingNotices.length = 0;
      if (message.notice) notices.push(message.notice);
      if (message.replayed > 0 && !restarted) notices.push(`Restored your session: ${message.replayed} earlier ${message.replayed === 1 ? 'line' : 'lines'} replayed. Reset starts afresh.`);
      if (message.notice && store) clearSnapshot(store, key);
      if (message.replayed === 0) lastSnapshot = undefined;
      shell.ready(message.prompt, message.history, notices);
      // Also in the page's live region, so a screen reader hears them without screen-reader mode.
      if (notices.length > 0) chrome.status(notices.join(' '));
    },
    output: (text) => shell.output(text),
    result(message) {
      lastSnapshot = message.snapshot;
      if (store) saveSnapshot(store, key, message.snapshot);
      if (state === 'hung') hideHang();
      if (message.result.kind === 'exit' && store) clearSnapshot(store, key);
      shell.result(message.result, message.prompt);
    },
    prompt(text, snapshot) {
      lastSnapshot = snapshot;
      if (store) saveSnapshot(store, key, snapshot);
      shell.prompt(text);
    },
    hang() {
      if (state === 'starting' && lastSnapshot) {
        // The replay itself is stuck: a saved line loops without yielding. Start afresh rather than replay it again.
        if (store) clearSnapshot(store, key);
        lastSnapshot = undefined;
        pendingNotices.push('Your saved session could not be replayed (a command in it never finished), so the terminal started afresh.');
        startWorker(undefined, false);
        return;
      }
      setState('hung');
      const text = 'The terminal stopped answering: a command is running without pause (Ctrl-C cannot reach it). Restart it to go on; your earlier commands are replayed.';
      shell.notice(text);
      chrome.status(text);
      chrome.restart.hidden = false;
    },
    fault(message) {
      faults += 1;
      if (faults > MAX_AUTO_RESTARTS) {
        // The worker cannot even start (a script that fails to load, a scenario that throws): stop retrying.
        const text = `The terminal could not start (${message}).`;
        setState('error');
        shell.notice(text);
        chrome.status(text + ' Try Restart, or reload the page.');
        chrome.restart.hidden = false;
        return;
      }
      const fresh = faults > 1;
      pendingNotices.push(fresh
        ? `The simulation failed again (${message}); it restarted with a fresh world.`
        : `The simulation failed (${message}); it restarted and replayed your earlier commands.`);
      startWorker(fresh ? undefined : lastSnapshot, false);
    },
  };

  function hideHang(): void {
    chrome.restart.hidden = true;
    chrome.status('');
  }

  function startWorker(snapshot: SessionSnapshot | undefined, clearScreen: boolean): void {
    restarted = true;
    shell.restart(clearScreen);
    client.start({ scenario, columns: term.cols, color: true, ...(snapshot ? { snapshot } : {}) });
  }

  function reset(): void {
    lastSnapshot = undefined;
    if (store) clearSnapshot(store, key);
    hideHang();
    startWorker(undefined, true);
  }

  term.loadAddon(fit);
  term.loadAddon(shell);
  term.open(chrome.screen);
  term.attachCustomKeyEventHandler(keyFilter(term));
  term.textarea?.setAttribute('aria-describedby', chrome.root.querySelector('.sim-terminal-keys')?.id ?? '');
  fit.fit();
  // The Start button the reader was on has gone: the keyboard focus moves to the terminal, not the page.
  if (chrome.hadFocus) term.focus();

  // Theme follows the page (BaseLayout's data-theme, or the system when unset).
  const applyTheme = () => {
    const theme = themeFor(host);
    term.options.theme = theme;
    // The padding around xterm's canvas takes the same background (CSSOM, allowed by a strict style-src).
    chrome.frame.style.backgroundColor = theme.background ?? '';
  };
  applyTheme();
  const themeWatch = new MutationObserver(applyTheme);
  themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
  const media = matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', applyTheme);

  let fitFrame = 0;
  const sizeWatch = new ResizeObserver(() => {
    cancelAnimationFrame(fitFrame);
    fitFrame = requestAnimationFrame(() => fit.fit());
  });
  sizeWatch.observe(chrome.screen);

  chrome.screenReader.setAttribute('aria-pressed', String(srOn));
  chrome.screenReader.addEventListener('click', () => {
    const on = !term.options.screenReaderMode;
    term.options.screenReaderMode = on;
    chrome.screenReader.setAttribute('aria-pressed', String(on));
    try { storage()?.setItem(SCREEN_READER_KEY, on ? '1' : '0'); } catch { /* not remembered */ }
    chrome.status(on ? 'Screen reader mode on: output is announced.' : 'Screen reader mode off.');
  });
  chrome.reset.addEventListener('click', () => {
    reset();
    chrome.status('The terminal was reset to a fresh world.');
    term.focus();
  });
  chrome.restart.addEventListener('click', () => {
    hideHang();
    faults = 0;
    pendingNotices.push('Restarted after the terminal stopped answering; earlier commands were replayed.');
    startWorker(lastSnapshot, false);
    term.focus();
  });
  chrome.share.addEventListener('click', () => void copyShareLink());

  async function copyShareLink(): Promise<void> {
    const lines = lastSnapshot?.inputs ?? [];
    if (lines.length === 0) return chrome.status('Type some commands first: the link carries them.');
    const url = shareUrl(location, terminalId, lines);
    if (!url) return chrome.status('This session is too long to fit in a link.');
    try {
      await navigator.clipboard.writeText(url);
      const what = lines.length === 1 ? 'your command and runs it' : `your ${lines.length} lines and runs them`;
      chrome.status(`Link copied. Opening it shows ${what} only after the reader confirms.`);
    } catch {
      chrome.status(`Copy this link: ${url}`);
    }
  }

  // A share link names this terminal: show the lines, run them only on the reader's word.
  const shared = readShared(location.hash, terminalId);
  const forgetShared = () => history.replaceState(history.state, '', location.pathname + location.search + withoutShared(location.hash, terminalId));
  if (booted.notice) pendingNotices.push(booted.notice);
  lastSnapshot = booted.snapshot;
  booted.relay.attach(events);
  // boot.ts guessed the width; now xterm has measured it.
  client.resize(term.cols);
  if (shared.kind === 'invalid') {
    forgetShared();
    chrome.status('The link carried commands that could not be read safely, so nothing was run.');
  } else if (shared.kind === 'lines') {
    void chrome.confirmShared(shared.lines).then((run) => {
      forgetShared();
      if (!run) return chrome.status('The shared commands were dismissed; nothing ran.');
      reset();
      shell.type(shared.lines.join('\n'));
      term.focus();
    });
  }

  return {
    type: (text) => shell.type(text),
    reset,
    focus: () => term.focus(),
    dispose() {
      themeWatch.disconnect();
      media.removeEventListener('change', applyTheme);
      sizeWatch.disconnect();
      client.dispose();
      term.dispose();
      chrome.root.remove();
      host.querySelector('figure.terminal-static .terminal-screen')?.removeAttribute('hidden');
    },
  };
}
