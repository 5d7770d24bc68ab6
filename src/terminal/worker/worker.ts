/**
 * Web Worker entry (HTML "Dedicated workers"): the shell and the model run
 * here so a busy command never freezes the page. Loaded by the page with
 * Vite's `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`.
 */
import { openSession } from '../../shell/open-session.ts';
import { SessionHost } from './session-host.ts';
import type { FromWorker } from './protocol.ts';

/** The part of DedicatedWorkerGlobalScope this entry uses (the DOM lib types `self` as a Window). */
interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onunhandledrejection: ((event: PromiseRejectionEvent) => void) | null;
}

/** A macrotask turn (MessageChannel, not setTimeout's 4 ms clamp) so page messages such as Ctrl-C are handled mid-command. */
function yieldToHost(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const scope = self as unknown as WorkerScope;
const host = new SessionHost(openSession, (message) => scope.postMessage(message), yieldToHost);
scope.onmessage = (event) => void host.handle(event.data);
scope.onunhandledrejection = (event) => scope.postMessage({ type: 'fault', message: String(event.reason) });
// Say hello at once: the page's heartbeat allows a slow script download until it hears from the worker.
scope.postMessage({ type: 'pong', id: 0 });
