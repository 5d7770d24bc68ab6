/**
 * ShellAddon: an xterm addon (activate/dispose, shaped like xterm's own
 * AttachAddon) that connects a terminal to a Session behind a port (the
 * worker client). It owns the line editor: keys go to the editor while a
 * prompt is shown and wait as type-ahead while a command runs, as in a
 * terminal in cooked mode; output and echo go through one batched queue.
 */
import type { ITerminalAddon } from '@xterm/xterm';
import type { Completion, InputResult } from '../shell/session.ts';
import { LineEditor, type EditorEffect } from './editor/line-editor.ts';
import { OutputQueue } from './output-queue.ts';

/** The part of xterm's Terminal the addon uses (also satisfied by @xterm/headless). */
export interface TerminalLike {
  readonly cols: number;
  readonly buffer: { readonly active: { readonly cursorX: number } };
  write(data: string, callback?: () => void): void;
  onData(listener: (data: string) => void): { dispose(): void };
  onResize(listener: (size: { cols: number; rows: number }) => void): { dispose(): void };
}

/** Where lines go: the worker client (or a test double). */
export interface SessionPort {
  input(line: string): void;
  interrupt(): void;
  /** Ctrl-D on an empty line. */
  eof(): void;
  complete(line: string, cursor: number): Promise<Completion>;
  resize(columns: number): void;
}

/**
 * `starting` until the first prompt; `ready` when a prompt is shown and no
 * type-ahead is pending (the stable hook for tests: data-state="ready");
 * `busy` while lines run; `exited` after the shell's `exit`.
 */
export type TerminalState = 'starting' | 'ready' | 'busy' | 'exited';

/** The addon's port to the session and its callbacks to the host element. */
export interface ShellAddonOptions {
  readonly port: SessionPort;
  readonly onState?: (state: TerminalState) => void;
  /** Enter pressed after the shell exited: the host opens a fresh session. */
  readonly onFreshSession?: () => void;
  /** Frame scheduler for output batching (requestAnimationFrame by default). */
  readonly schedule?: (run: () => void) => void;
}

/** Type-ahead beyond this is refused (a pasted novel), with a one-line notice. */
export const MAX_TYPEAHEAD = 256 * 1024;

/** DECSET 2004: xterm wraps pasted text in ESC [200~ … ESC [201~. */
const BRACKETED_PASTE_ON = '\x1b[?2004h';

type Phase = 'starting' | 'prompt' | 'running' | 'interrupting' | 'exited';

/** Line discipline between an xterm and a Session. */
export class ShellAddon implements ITerminalAddon {
  readonly #options: ShellAddonOptions;
  #term: TerminalLike | null = null;
  #editor = new LineEditor({ columns: 80 });
  #queue: OutputQueue | null = null;
  #disposables: { dispose(): void }[] = [];
  #phase: Phase = 'starting';
  #typeahead = '';
  #completing = false;
  #state: TerminalState = 'starting';

  constructor(options: ShellAddonOptions) {
    this.#options = options;
  }

  /** Where the terminal is (see TerminalState). */
  get state(): TerminalState {
    return this.#state;
  }

  /** True when nothing is pending: no type-ahead, no completion asked, all output written. */
  get idle(): boolean {
    return this.#typeahead === '' && !this.#completing && (this.#queue?.idle ?? true);
  }

  /** The line editor (its line, cursor and history), for hosts and tests. */
  get editor(): LineEditor {
    return this.#editor;
  }

  activate(terminal: TerminalLike): void {
    this.#term = terminal;
    this.#editor = new LineEditor({ columns: terminal.cols, history: this.#editor.history });
    this.#queue = new OutputQueue((text, done) => terminal.write(text, done), this.#options.schedule);
    this.#disposables.push(
      terminal.onData((data) => this.#onData(data)),
      terminal.onResize(({ cols }) => {
        this.#editor.setColumns(cols);
        this.#options.port.resize(cols);
      }),
    );
    // Bracketed paste (xterm DECSET 2004): pasted Tabs and line ends arrive marked as pasted.
    this.#queue.push(BRACKETED_PASTE_ON);
  }

  dispose(): void {
    for (const d of this.#disposables) d.dispose();
    this.#disposables = [];
    this.#queue?.clear();
    this.#term = null;
  }

  /** The session is open: load its history, show notices, then the first prompt. */
  ready(prompt: string, history: readonly string[], notices: readonly string[] = []): void {
    this.#editor.setHistory(history);
    for (const notice of notices) this.#queue?.push(`[${notice}]\r\n`);
    this.#showPrompt(prompt);
  }

  /** Output from the running command. */
  output(text: string): void {
    this.#queue?.push(text);
  }

  /** A line finished. */
  result(result: InputResult, prompt: string): void {
    if (result.kind === 'exit') {
      this.#phase = 'exited';
      this.#typeahead = '';
      this.#queue?.push(`[The shell exited with status ${result.status}. Press Enter for a fresh session.]\r\n`);
      this.#setState('exited');
      return;
    }
    this.#showPrompt(prompt);
  }

  /** A fresh prompt after Ctrl-C at the prompt (ignored unless we asked for one). */
  prompt(text: string): void {
    if (this.#phase === 'interrupting') this.#showPrompt(text);
  }

  /** Type lines as if the reader typed them and pressed Enter after each (Run buttons, claims, share links). */
  type(text: string): void {
    // After `exit` there is no shell to type into: open a fresh session first, as Enter would.
    if (this.#phase === 'exited') this.#options.onFreshSession?.();
    const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
    let data = this.#phase === 'prompt' && this.#editor.line !== '' && this.#typeahead === '' ? '\x05\x15' : '';
    for (const line of lines) data += `\x1b[200~${line}\x1b[201~\r`;
    this.#onData(data);
  }

  /** Print a one-line notice (e.g. the worker stopped answering) without losing the line being typed. */
  notice(text: string): void {
    const line = `[${text}]\r\n`;
    if (this.#phase === 'prompt' && this.#editor.active && !this.#completing) this.#queue?.then(() => this.#editor.interject(line));
    else this.#queue?.push('\r\n' + line);
  }

  /** The worker is being replaced (restart or Reset): forget pending input and wait for `ready`. */
  restart(clearScreen: boolean): void {
    this.#typeahead = '';
    this.#completing = false;
    this.#editor.abandon();
    this.#phase = 'starting';
    if (clearScreen) {
      this.#queue?.clear();
      this.#queue?.push('\x1b[H\x1b[2J\x1b[3J');
    }
    this.#setState('starting');
  }

  #onData(data: string): void {
    if (this.#phase === 'exited') {
      if (/[\r\n]/.test(data)) this.#options.onFreshSession?.();
      return;
    }
    const ctrlC = data.lastIndexOf('\x03');
    if (this.#phase === 'running' && ctrlC >= 0) {
      // SIGINT to the foreground job (the shell echoes ^C); keys typed before it are discarded, as the tty driver flushes input.
      this.#options.port.interrupt();
      this.#typeahead = data.slice(ctrlC + 1);
      return;
    }
    if (this.#typeahead.length + data.length > MAX_TYPEAHEAD) {
      this.notice(`Input too long: ${data.length} characters were not typed (the limit is ${MAX_TYPEAHEAD}).`);
      return;
    }
    this.#typeahead += data;
    this.#pump();
  }

  /** Feed type-ahead to the editor until a line is submitted or it runs out. */
  #pump(): void {
    while (this.#phase === 'prompt' && this.#editor.active && !this.#completing && this.#typeahead !== '') {
      // Feed up to the first line end only, so a long paste is not re-split for every line.
      const end = this.#typeahead.search(/[\r\n]/);
      const cut = end < 0 ? this.#typeahead.length : end + 1;
      const { effects, rest } = this.#editor.feed(this.#typeahead.slice(0, cut));
      this.#typeahead = rest + this.#typeahead.slice(cut);
      for (const effect of effects) this.#apply(effect);
    }
    if (this.#phase === 'prompt' && this.#editor.active && !this.#completing && this.#typeahead === '') this.#setState('ready');
  }

  #apply(effect: EditorEffect): void {
    const port = this.#options.port;
    switch (effect.kind) {
      case 'write':
        return this.#queue?.push(effect.text);
      case 'submit':
        this.#phase = 'running';
        this.#setState('busy');
        return port.input(effect.line);
      case 'interrupt':
        this.#phase = 'interrupting';
        return port.interrupt();
      case 'eof':
        // The shell answers (bash prints `exit`; inside an open construct, "unexpected end of file").
        this.#phase = 'running';
        this.#setState('busy');
        return port.eof();
      case 'complete':
        this.#completing = true;
        void port.complete(effect.line, effect.cursor).then((answer) => {
          if (!this.#completing) return;
          this.#completing = false;
          for (const e of this.#editor.completion(answer)) this.#apply(e);
          this.#pump();
        });
        return;
      case 'bell':
        return;
    }
  }

  #showPrompt(prompt: string): void {
    this.#phase = 'prompt';
    this.#queue?.then(() => {
      // A restart or exit since this prompt was queued makes it stale.
      if (this.#phase !== 'prompt' || this.#editor.active) return '';
      const column = Math.min(this.#term?.buffer.active.cursorX ?? 0, (this.#term?.cols ?? 80) - 1);
      const text = this.#editor.start(prompt, column);
      queueMicrotask(() => this.#pump());
      // Re-assert bracketed paste at every prompt: a program may have reset the terminal (RIS, `reset`).
      return BRACKETED_PASTE_ON + text;
    });
  }

  #setState(state: TerminalState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#options.onState?.(state);
  }
}
