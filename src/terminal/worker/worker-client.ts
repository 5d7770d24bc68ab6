/**
 * The page's end of the worker protocol: starts the worker, sends lines,
 * routes answers, and watches it with a heartbeat. While a command runs the
 * page pings every second; a worker that has not said anything for
 * `hangAfterMs` is stuck (a loop that never yields) and `onHang` fires once,
 * so the terminal can offer a restart: terminate, new worker, replay.
 */
import type { Completion, SessionSnapshot } from '../../shell/session.ts';
import { PROTOCOL_VERSION, isFromWorker, type FromWorker, type ToWorker } from './protocol.ts';

/** The part of a Worker the client uses (a real Worker, or an in-process stand-in in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

/** What the client reports to the terminal. */
export interface ClientEvents {
  ready(message: Extract<FromWorker, { type: 'ready' }>): void;
  output(text: string): void;
  result(message: Extract<FromWorker, { type: 'result' }>): void;
  /** A fresh prompt after Ctrl-C at the prompt; `snapshot` is what to persist now. */
  prompt(text: string, snapshot: SessionSnapshot): void;
  /** The worker stopped answering (a runaway loop); it is still running until `restart` or `dispose`. */
  hang(): void;
  /** The worker crashed or reported a bug. */
  fault(message: string): void;
}

/** What a session starts from. */
export interface ClientInit {
  readonly scenario: string;
  readonly columns: number;
  readonly color: boolean;
  readonly snapshot?: SessionSnapshot;
}

/** Timers, injectable for tests. */
export interface ClientTiming {
  readonly heartbeatMs: number;
  readonly hangAfterMs: number;
  /** How long a new worker may take to load its script (a slow network) before it counts as failed. */
  readonly bootTimeoutMs: number;
  readonly now: () => number;
}

const DEFAULT_TIMING: ClientTiming = { heartbeatMs: 1000, hangAfterMs: 5000, bootTimeoutMs: 30_000, now: () => performance.now() };

/** One terminal's worker, restartable. */
export class WorkerClient {
  readonly #create: () => WorkerLike;
  readonly #events: ClientEvents;
  readonly #timing: ClientTiming;
  #worker: WorkerLike | null = null;
  #busy = false;
  #lastHeard = 0;
  #hung = false;
  /** The worker has said something since it was started (its script loaded: worker.ts greets at once). */
  #heard = false;
  /** When the heartbeat last ran: a long gap means the page's timers were throttled (a background tab). */
  #lastBeat = 0;
  #ticker: ReturnType<typeof setInterval> | null = null;
  #nextId = 1;
  #completions = new Map<number, (c: Completion) => void>();

  constructor(create: () => WorkerLike, events: ClientEvents, timing: Partial<ClientTiming> = {}) {
    this.#create = create;
    this.#events = events;
    this.#timing = { ...DEFAULT_TIMING, ...timing };
  }

  /** True while a line (or the initial replay) runs. */
  get busy(): boolean {
    return this.#busy;
  }

  /** Start a worker and open a session in it (after terminating any previous worker). */
  start(init: ClientInit): void {
    this.#stopWorker();
    const worker = this.#create();
    this.#worker = worker;
    this.#heard = false;
    worker.onmessage = (event) => {
      if (this.#worker === worker) this.#receive(event.data);
    };
    worker.onerror = (event) => {
      if (this.#worker !== worker) return;
      this.#stopWorker();
      this.#events.fault(event.message || 'the worker stopped');
    };
    this.#setBusy(true);
    this.#send({ type: 'init', version: PROTOCOL_VERSION, ...init });
  }

  /** Run one line; the answer comes as `result`. */
  input(line: string): void {
    this.#setBusy(true);
    this.#send({ type: 'input', line });
  }

  /** Ctrl-C (SIGINT to the foreground job; at the prompt the worker answers with `prompt`). */
  interrupt(): void {
    this.#send({ type: 'interrupt' });
  }

  /** Ctrl-D on an empty line; the answer comes as `result`. */
  eof(): void {
    this.#setBusy(true);
    this.#send({ type: 'eof' });
  }

  /** Ask for completions; resolves with none if the worker goes away first. */
  complete(line: string, cursor: number): Promise<Completion> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      if (!this.#worker) return resolve({ from: cursor, candidates: [] });
      this.#completions.set(id, resolve);
      this.#send({ type: 'complete', id, line, cursor });
    });
  }

  resize(columns: number): void {
    this.#send({ type: 'resize', columns });
  }

  /** Stop the worker and the heartbeat for good. */
  dispose(): void {
    this.#stopWorker();
  }

  #send(message: ToWorker): void {
    this.#worker?.postMessage(message);
  }

  #receive(data: unknown): void {
    if (!isFromWorker(data)) return;
    this.#lastHeard = this.#timing.now();
    this.#heard = true;
    switch (data.type) {
      case 'ready':
        this.#setBusy(false);
        return this.#events.ready(data);
      case 'output': return this.#events.output(data.text);
      case 'result':
        this.#setBusy(false);
        return this.#events.result(data);
      case 'prompt': return this.#events.prompt(data.text, data.snapshot);
      case 'completion': {
        const resolve = this.#completions.get(data.id);
        this.#completions.delete(data.id);
        return resolve?.(data.completion);
      }
      case 'fault':
        this.#stopWorker();
        return this.#events.fault(data.message);
      case 'pong': case 'snapshot': return;
    }
  }

  #setBusy(busy: boolean): void {
    this.#busy = busy;
    if (busy && this.#ticker === null) {
      this.#lastHeard = this.#timing.now();
      this.#lastBeat = this.#lastHeard;
      this.#hung = false;
      this.#ticker = setInterval(() => this.#beat(), this.#timing.heartbeatMs);
    } else if (!busy && this.#ticker !== null) {
      clearInterval(this.#ticker);
      this.#ticker = null;
    }
  }

  #beat(): void {
    if (this.#hung) return;
    const now = this.#timing.now();
    // Browsers slow timers in background tabs: after such a gap, judge silence afresh rather than on stale pings.
    if (now - this.#lastBeat > 3 * this.#timing.heartbeatMs) this.#lastHeard = now;
    this.#lastBeat = now;
    const silent = now - this.#lastHeard;
    if (!this.#heard) {
      // Still loading its script: allow a slow network, but not forever.
      if (silent >= this.#timing.bootTimeoutMs) {
        this.#stopWorker();
        this.#events.fault('its program did not load in time');
      }
      return;
    }
    if (silent >= this.#timing.hangAfterMs) {
      this.#hung = true;
      this.#events.hang();
      return;
    }
    this.#send({ type: 'ping', id: this.#nextId++ });
  }

  #stopWorker(): void {
    this.#setBusy(false);
    this.#worker?.terminate();
    this.#worker = null;
    for (const resolve of this.#completions.values()) resolve({ from: 0, candidates: [] });
    this.#completions.clear();
  }
}

/** Vite's worker idiom: bundled as its own chunk, loaded as an ES module. */
export function createSessionWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}
