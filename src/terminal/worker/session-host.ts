/**
 * The worker's side of the protocol, without the worker: it opens a Session,
 * replays a saved snapshot silently, runs lines one at a time, and streams
 * output in batches (one postMessage per ~16 ms or 32 KB, not per write).
 * worker.ts binds it to `self`; tests drive it directly with a fake Session.
 */
import type { InputResult, Session, SessionSnapshot } from '../../shell/session.ts';
import { PROTOCOL_VERSION, isToWorker, type FromWorker, type ToWorker } from './protocol.ts';

/** What the worker passes to `openSession`. */
export interface OpenOptions {
  readonly columns: number;
  readonly color: boolean;
  readonly onOutput: (text: string) => void;
  /** Give the worker's event loop a macrotask turn, so a Ctrl-C message can arrive during a busy loop. */
  readonly yieldToHost?: () => Promise<void>;
}

/** How a host opens a session: src/shell/open-session.ts's `openSession(scenario, options)`. */
export type OpenSession = (scenario: string, options: OpenOptions) => Session;

/** A Session that can also take end-of-file (src/shell/session-impl.ts's ShellSession). */
type MaybeEof = Session & { eof?: () => Promise<InputResult> };

/**
 * During a replay, a line still running after this long is interrupted, as
 * the reader must have done (Ctrl-C on a loop or a long sleep), so a saved
 * session cannot hang the terminal on reload.
 */
export const REPLAY_LINE_MS = 1000;

/** During a replay, the worker's event loop gets a turn at least this often. */
const REPLAY_TURN_MS = 50;

/** Output is posted when this much is buffered, even before the timer fires. */
const FLUSH_BYTES = 32 * 1024;
const FLUSH_MS = 16;

/** Notices the page shows in one line when a saved session cannot be used. */
export const NOTICES = {
  otherVersion: 'The saved session came from an older version of this site and was discarded.',
  otherScenario: 'The saved session belonged to another scenario and was discarded.',
  replayFailed: 'The saved session could not be replayed and was discarded.',
} as const;

/** One worker's session and its message handling. */
export class SessionHost {
  readonly #open: OpenSession;
  readonly #post: (message: FromWorker) => void;
  readonly #yield: (() => Promise<void>) | undefined;
  #session: Session | null = null;
  #scenario = '';
  /**
   * The lines to replay for this session (what the page saves). Built here rather than taken
   * from session.snapshot(), so that what the reader did at the prompt replays exactly: Ctrl-D
   * is recorded as the `exit` it amounts to, and the lines of a construct abandoned with
   * Ctrl-C or Ctrl-D are dropped (they ran nothing).
   */
  #log: string[] = [];
  /** Index in #log where the open construct (PS2) began, or null at PS1. */
  #openSince: number | null = null;
  #muted = false;
  #busy = false;
  #pending = '';
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** Lines run one after another, even if the page sends the next before the last finished. */
  #queue: Promise<void> = Promise.resolve();

  constructor(open: OpenSession, post: (message: FromWorker) => void, yieldToHost?: () => Promise<void>) {
    this.#open = open;
    this.#post = post;
    this.#yield = yieldToHost;
  }

  /** Handle one message from the page; malformed messages are ignored. */
  handle(data: unknown): Promise<void> {
    if (!isToWorker(data)) return Promise.resolve();
    const message: ToWorker = data;
    switch (message.type) {
      case 'ping':
        this.#post({ type: 'pong', id: message.id });
        return Promise.resolve();
      case 'interrupt':
        return this.#guard(async () => this.#interrupt());
      case 'complete':
        return this.#guard(async () => {
          if (!this.#session) return;
          const completion = this.#session.complete(message.line, message.cursor);
          this.#post({ type: 'completion', id: message.id, completion: { from: completion.from, candidates: [...completion.candidates] } });
        });
      case 'resize':
        return this.#guard(async () => this.#session?.resize(message.columns));
      case 'snapshot':
        return this.#guard(async () => {
          if (this.#session) this.#post({ type: 'snapshot', snapshot: this.#snapshot(this.#session) });
        });
      case 'init':
        return this.#enqueue(() => this.#init(message));
      case 'input':
        return this.#enqueue(() => this.#run((s) => s.input(message.line), message.line));
      case 'eof':
        // Ctrl-D at PS1 leaves the innermost shell like `exit`; at PS2 it abandons the construct.
        return this.#enqueue(() => this.#run((s) => (s.eof ? s.eof() : s.input('exit')), this.#openSince === null ? 'exit' : null));
    }
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(() => this.#guard(task));
    return this.#queue;
  }

  async #guard(task: () => Promise<void>): Promise<void> {
    try {
      await task();
    } catch (error) {
      this.#flush();
      this.#post({ type: 'fault', message: describe(error) });
    }
  }

  async #init(message: Extract<ToWorker, { type: 'init' }>): Promise<void> {
    if (message.version !== PROTOCOL_VERSION) throw new Error(`protocol version ${message.version}, expected ${PROTOCOL_VERSION}`);
    const options: OpenOptions = {
      columns: message.columns,
      color: message.color,
      onOutput: (text) => this.#output(text),
      ...(this.#yield ? { yieldToHost: this.#yield } : {}),
    };
    const open = () => this.#open(message.scenario, options);
    let session = open();
    let notice: string | undefined;
    let replayed = 0;
    this.#scenario = message.scenario;
    this.#log = [];
    this.#openSince = null;
    const saved = message.snapshot;
    if (saved && saved.inputs.length > 0) {
      if (saved.scenario !== message.scenario) notice = NOTICES.otherScenario;
      else if (saved.version !== session.snapshot().version) notice = NOTICES.otherVersion;
      else {
        this.#muted = true;
        try {
          let turn = Date.now();
          for (const line of saved.inputs) {
            const result = await replayLine(session, line);
            replayed += 1;
            this.#record(line, result);
            if (result.kind === 'exit') break;
            // A long replay still answers the page's heartbeat, so it is not taken for a hung worker.
            if (this.#yield && Date.now() - turn > REPLAY_TURN_MS) {
              await this.#yield();
              turn = Date.now();
            }
          }
        } catch {
          notice = NOTICES.replayFailed;
          replayed = 0;
          this.#log = [];
          this.#openSince = null;
          session = open();
        } finally {
          this.#muted = false;
          this.#pending = '';
        }
      }
    }
    this.#session = session;
    this.#post({ type: 'ready', prompt: session.prompt(), history: [...session.history()], replayed, ...(notice ? { notice } : {}) });
  }

  /** Run one step; `logged` is what replays it (null: it only abandoned an open construct). */
  async #run(step: (session: MaybeEof) => Promise<InputResult>, logged: string | null): Promise<void> {
    const session = this.#session;
    if (!session) return;
    this.#busy = true;
    try {
      const result = await step(session);
      this.#flush();
      if (logged === null) this.#abandon();
      else this.#record(logged, result);
      // The session shows PS2 itself while a construct is open (and honours a PS1/PS2 the reader set).
      const prompt = session.prompt();
      this.#post({ type: 'result', result: { ...result }, prompt, snapshot: this.#snapshot(session) });
    } finally {
      this.#busy = false;
    }
  }

  #interrupt(): void {
    const session = this.#session;
    if (!session) return;
    session.interrupt();
    if (this.#busy) return;
    // At the prompt there is no command to end the line: bash just prints a fresh PS1.
    this.#abandon();
    this.#post({ type: 'prompt', text: session.prompt(), snapshot: this.#snapshot(session) });
  }

  /** Log a step that ran; a `more` result leaves a construct open. */
  #record(line: string, result: InputResult): void {
    if (result.kind === 'more') this.#openSince ??= this.#log.length;
    else this.#openSince = null;
    this.#log.push(line);
  }

  /** The open construct was abandoned: its lines ran nothing, so they are not replayed. */
  #abandon(): void {
    if (this.#openSince !== null) this.#log.length = this.#openSince;
    this.#openSince = null;
  }

  #snapshot(session: Session): SessionSnapshot {
    return { version: session.snapshot().version, scenario: this.#scenario, inputs: [...this.#log] };
  }

  #output(text: string): void {
    if (this.#muted || text === '') return;
    this.#pending += text;
    if (this.#pending.length >= FLUSH_BYTES) this.#flush();
    else this.#timer ??= setTimeout(() => this.#flush(), FLUSH_MS);
  }

  #flush(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#pending === '') return;
    const text = this.#pending;
    this.#pending = '';
    this.#post({ type: 'output', text });
  }
}

/** Run one saved line; interrupt it if it outlives REPLAY_LINE_MS. */
async function replayLine(session: Session, line: string): Promise<InputResult> {
  const timer = setTimeout(() => session.interrupt(), REPLAY_LINE_MS);
  try {
    return await session.input(line);
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
