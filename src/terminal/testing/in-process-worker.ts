/**
 * Test double for a Web Worker: a SessionHost in the same thread behind the
 * WorkerLike interface, with messages structured-cloned and delivered on
 * later macrotasks, as postMessage does. `freeze()` makes it stop answering
 * (a worker stuck in a loop); `crash()` fires onerror (a worker that died).
 */
import { SessionHost, type OpenSession } from '../worker/session-host.ts';
import type { ToWorker } from '../worker/protocol.ts';
import type { WorkerLike } from '../worker/worker-client.ts';

/** A worker that runs its SessionHost in-process. */
export class InProcessWorker implements WorkerLike {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  readonly host: SessionHost;
  terminated = false;
  frozen = false;
  readonly received: ToWorker[] = [];

  constructor(open: OpenSession) {
    this.host = new SessionHost(open, (message) => {
      if (this.terminated || this.frozen) return;
      const data = structuredClone(message);
      setTimeout(() => { if (!this.terminated) this.onmessage?.({ data }); }, 0);
    }, () => new Promise((resolve) => setTimeout(resolve, 0)));
    // As worker.ts does once its script has loaded.
    setTimeout(() => { if (!this.terminated && !this.frozen) this.onmessage?.({ data: { type: 'pong', id: 0 } }); }, 0);
  }

  postMessage(message: ToWorker): void {
    if (this.terminated || this.frozen) return;
    const data = structuredClone(message);
    this.received.push(data);
    setTimeout(() => void this.host.handle(data), 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Stop answering anything, as a worker stuck in a loop that never yields. */
  freeze(): void {
    this.frozen = true;
  }

  /** Die, as a worker whose script threw at top level. */
  crash(message: string): void {
    this.onerror?.({ message });
  }
}
