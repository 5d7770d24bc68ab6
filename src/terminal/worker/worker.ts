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

const scope = self as unknown as WorkerScope;
const host = new SessionHost(openSession, (message) => scope.postMessage(message));
scope.onmessage = (event) => void host.handle(event.data);
scope.onunhandledrejection = (event) => scope.postMessage({ type: 'fault', message: String(event.reason) });
