/**
 * Saving a terminal's session across page loads (HTML "Web storage",
 * localStorage): only the lines typed (a SessionSnapshot), since replaying
 * them on a fresh world rebuilds the same state. Keyed by page path and
 * terminal id; the record carries a version, and anything unreadable, of
 * another version or scenario is removed and reported in one line.
 */
import type { SessionSnapshot } from '../../shell/session.ts';
import { isSnapshot } from '../worker/protocol.ts';

/** Bump when the stored record's shape changes. */
export const STORAGE_VERSION = 1;
/** Past this many lines, or characters, a session is not saved (a replay that long would be slow anyway). */
export const MAX_SAVED_LINES = 2000;
/** Past this many characters of input, likewise. */
export const MAX_SAVED_CHARS = 200_000;

/** The part of Storage used here. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What loading found: a snapshot to replay, and/or why a saved one was dropped. */
export interface Loaded {
  readonly snapshot?: SessionSnapshot;
  readonly notice?: string;
}

/** The one-line notices shown when a saved session is discarded. */
export const STORAGE_NOTICES = {
  corrupt: 'Your saved session could not be read and was discarded.',
  version: 'Your saved session is from an older version of this site and was discarded.',
} as const;

/** The localStorage key of one terminal on one page. */
export function storageKey(pagePath: string, terminalId: string): string {
  return `sim-terminal:${pagePath}:${terminalId}`;
}

/** Read the saved snapshot for `scenario`; a bad record is removed and explained. */
export function loadSnapshot(storage: StorageLike, key: string, scenario: string): Loaded {
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return {};
  }
  if (raw === null) return {};
  let record: unknown;
  try {
    record = JSON.parse(raw);
  } catch {
    return discard(storage, key, STORAGE_NOTICES.corrupt);
  }
  if (typeof record !== 'object' || record === null || !('v' in record)) return discard(storage, key, STORAGE_NOTICES.corrupt);
  if (record.v !== STORAGE_VERSION) return discard(storage, key, STORAGE_NOTICES.version);
  const snapshot = (record as { snapshot?: unknown }).snapshot;
  if (!isSnapshot(snapshot)) return discard(storage, key, STORAGE_NOTICES.corrupt);
  if (snapshot.scenario !== scenario) return discard(storage, key, undefined);
  return { snapshot: { version: snapshot.version, scenario: snapshot.scenario, inputs: [...snapshot.inputs] } };
}

/** Save a snapshot; an empty or oversized one removes the record instead. False when storage refused. */
export function saveSnapshot(storage: StorageLike, key: string, snapshot: SessionSnapshot): boolean {
  const chars = snapshot.inputs.reduce((n, line) => n + line.length, 0);
  try {
    if (snapshot.inputs.length === 0 || snapshot.inputs.length > MAX_SAVED_LINES || chars > MAX_SAVED_CHARS) {
      storage.removeItem(key);
      return snapshot.inputs.length === 0;
    }
    storage.setItem(key, JSON.stringify({ v: STORAGE_VERSION, snapshot }));
    return true;
  } catch {
    return false;
  }
}

/** Forget the saved session (Reset). */
export function clearSnapshot(storage: StorageLike, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Storage disabled: nothing was saved either.
  }
}

function discard(storage: StorageLike, key: string, notice: string | undefined): Loaded {
  clearSnapshot(storage, key);
  return notice ? { notice } : {};
}
