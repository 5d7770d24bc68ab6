/**
 * A deadline for a promise that may never settle: WebContainer.boot() waits
 * with no timeout for an iframe from StackBlitz's servers (toolchain.md), so
 * offline it neither resolves nor rejects.
 */

/** The Lab's boot deadline: its failure message must show within 10 s of the click (issue 8). */
export const BOOT_TIMEOUT_MS = 7000;

/** Thrown when the deadline passes first. */
export class TimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeoutError';
  }
}

/** `promise`, or a TimeoutError after `ms` milliseconds (timer from the caller, so tests control time). */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string, timer: (fn: () => void, ms: number) => unknown = setTimeout): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    timer(() => { if (!done) { done = true; reject(new TimeoutError(message)); } }, ms);
    promise.then(
      (v) => { if (!done) { done = true; resolve(v); } },
      (e: unknown) => { if (!done) { done = true; reject(e); } },
    );
  });
}

/** Why this browser cannot run a WebContainer, or undefined when it can (needs SharedArrayBuffer, so cross-origin isolation). */
export function unsupportedReason(env: { crossOriginIsolated?: boolean; hasSharedArrayBuffer: boolean; isSecureContext?: boolean }): string | undefined {
  if (env.isSecureContext === false) return 'The Node sandbox needs a secure page (https or localhost).';
  if (!env.hasSharedArrayBuffer || env.crossOriginIsolated === false) {
    return 'This browser cannot run the Node sandbox here: it needs SharedArrayBuffer, which browsers give only to cross-origin isolated pages (COOP and COEP headers) — this page was served without them, or the browser does not support them. The terminal above works everywhere.';
  }
  return undefined;
}
