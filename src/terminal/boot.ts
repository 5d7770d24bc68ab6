/**
 * The first step of starting a terminal, split from mount.ts so it runs in
 * parallel with loading xterm: read the saved session, start the worker and
 * open the Session in it. Events that arrive before the screen exists are
 * held by an EventRelay and replayed when mount.ts attaches.
 */
import type { SessionSnapshot } from '../shell/session.ts';
import { loadSnapshot, storageKey, type StorageLike } from './state/persistence.ts';
import { WorkerClient, createSessionWorker, type ClientEvents } from './worker/worker-client.ts';

/** Queues ClientEvents calls until a target is attached, then forwards them. */
export class EventRelay implements ClientEvents {
  #target: ClientEvents | null = null;
  #held: (() => void)[] = [];

  /** Send everything held so far to `target`, then forward directly. */
  attach(target: ClientEvents): void {
    this.#target = target;
    for (const call of this.#held.splice(0)) call();
  }

  #forward<K extends keyof ClientEvents>(name: K, args: Parameters<ClientEvents[K]>): void {
    const call = () => (this.#target?.[name] as (...a: Parameters<ClientEvents[K]>) => void)(...args);
    if (this.#target) call();
    else this.#held.push(call);
  }

  ready(...args: Parameters<ClientEvents['ready']>): void { this.#forward('ready', args); }
  output(...args: Parameters<ClientEvents['output']>): void { this.#forward('output', args); }
  result(...args: Parameters<ClientEvents['result']>): void { this.#forward('result', args); }
  prompt(...args: Parameters<ClientEvents['prompt']>): void { this.#forward('prompt', args); }
  hang(): void { this.#forward('hang', []); }
  fault(...args: Parameters<ClientEvents['fault']>): void { this.#forward('fault', args); }
}

/** Which terminal to boot, and a first guess of its width. */
export interface BootOptions {
  readonly terminalId: string;
  readonly scenario: string;
  readonly persist: boolean;
  /** A first guess of the width; mount.ts sends the real one once xterm has measured. */
  readonly columns: number;
}

/** A session starting in its worker, not yet on screen. */
export interface Booted {
  readonly client: WorkerClient;
  readonly relay: EventRelay;
  /** localStorage (null when not persisting or when storage is disabled) and this terminal's key. */
  readonly store: StorageLike | null;
  readonly key: string;
  /** What was replayed, if anything, and why a saved session was dropped. */
  readonly snapshot: SessionSnapshot | undefined;
  readonly notice: string | undefined;
}

/** localStorage, or null when the browser refuses it (privacy settings). */
export function storage(): StorageLike | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Read the saved session and start the worker with it. */
export function boot(options: BootOptions): Booted {
  const store = options.persist ? storage() : null;
  const key = storageKey(location.pathname, options.terminalId);
  const saved = store ? loadSnapshot(store, key, options.scenario) : {};
  const relay = new EventRelay();
  const client = new WorkerClient(createSessionWorker, relay);
  client.start({ scenario: options.scenario, columns: options.columns, color: true, ...(saved.snapshot ? { snapshot: saved.snapshot } : {}) });
  return { client, relay, store, key, snapshot: saved.snapshot, notice: saved.notice };
}
