/**
 * Test double for src/shell's Session: a few words (`echo`, `printf`, `false`,
 * `hang`, `for …`/`done`, `exit`, `boom`) with the Session contract's shape,
 * so the terminal layer is tested without the real shell and model.
 */
import type { Completion, InputResult, Session, SessionOptions, SessionSnapshot } from '../../shell/session.ts';

/** Bumped by tests that simulate a newer build. */
export const FAKE_SNAPSHOT_VERSION = 1;

/** A scripted Session. */
export class FakeSession implements Session {
  readonly scenario: string;
  readonly #onOutput: (text: string) => void;
  readonly #inputs: string[] = [];
  readonly #history: string[] = [];
  #open = false;
  #interrupted = false;
  #wake: (() => void) | null = null;
  version = FAKE_SNAPSHOT_VERSION;
  columns: number;

  constructor(options: SessionOptions) {
    this.scenario = options.scenario;
    this.#onOutput = options.onOutput;
    this.columns = options.columns ?? 80;
  }

  prompt(): string {
    return this.#open ? '> ' : 'root@host:~# ';
  }

  async input(line: string): Promise<InputResult> {
    this.#inputs.push(line);
    if (line.trim() !== '') this.#history.push(line);
    this.#interrupted = false;
    const [word, ...args] = line.trim().split(/\s+/);
    if (this.#open) {
      if (word === 'done') this.#open = false;
      return word === 'done' ? { kind: 'done', status: 0 } : { kind: 'more' };
    }
    switch (word) {
      case undefined: case '': return { kind: 'done', status: 0 };
      case 'echo': this.#onOutput(args.join(' ') + '\n'); return { kind: 'done', status: 0 };
      case 'printf': this.#onOutput(args.join(' ')); return { kind: 'done', status: 0 };
      case 'false': return { kind: 'done', status: 1 };
      case 'for': this.#open = true; return { kind: 'more' };
      case 'exit': return { kind: 'exit', status: Number(args[0] ?? 0) };
      case 'boom': throw new Error('model bug');
      case 'lines': for (let i = 1; i <= Number(args[0]); i++) this.#onOutput(`line ${i}\n`); return { kind: 'done', status: 0 };
      case 'hang':
        await new Promise<void>((resolve) => { this.#wake = resolve; });
        if (this.#interrupted) this.#onOutput('^C\n');
        return { kind: 'done', status: this.#interrupted ? 130 : 0 };
      default:
        this.#onOutput(`sh: ${word}: command not found\n`);
        return { kind: 'done', status: 127 };
    }
  }

  /** Ctrl-D, as session-impl's ShellSession.eof: bash prints `exit`. */
  async eof(): Promise<InputResult> {
    if (this.#open) {
      this.#open = false;
      this.#onOutput('sh: syntax error: unexpected end of file\n');
      return { kind: 'done', status: 2 };
    }
    this.#onOutput('exit\n');
    return { kind: 'exit', status: 0 };
  }

  interrupt(): void {
    this.#interrupted = true;
    this.#open = false;
    this.#wake?.();
    this.#wake = null;
  }

  complete(line: string, cursor: number): Completion {
    const from = line.lastIndexOf(' ', cursor - 1) + 1;
    const word = line.slice(from, cursor);
    return { from, candidates: ['echo', 'exit', 'false', 'for', 'docker'].filter((c) => c.startsWith(word)) };
  }

  history(): readonly string[] {
    return this.#history;
  }

  resize(columns: number): void {
    this.columns = columns;
  }

  snapshot(): SessionSnapshot {
    return { version: this.version, scenario: this.scenario, inputs: [...this.#inputs] };
  }
}

/** An OpenSession that records the sessions it opened. */
export function fakeOpener(): { open: (scenario: string, options: Omit<SessionOptions, 'scenario'>) => FakeSession; opened: FakeSession[] } {
  const opened: FakeSession[] = [];
  return {
    opened,
    open: (scenario, options) => {
      if (scenario === 'nowhere') throw new Error(`unknown scenario '${scenario}'`);
      const session = new FakeSession({ ...options, scenario });
      opened.push(session);
      return session;
    },
  };
}
