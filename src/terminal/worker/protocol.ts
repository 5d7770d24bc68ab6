/**
 * The messages between the page and the worker that runs a Session
 * (structured-clone data over postMessage, HTML "Web Workers"). The page
 * sends keys' results (whole lines), the worker streams output and answers.
 * Both ends validate what they receive: a message of the wrong shape is
 * dropped, never trusted.
 */
import type { Completion, InputResult, SessionSnapshot } from '../../shell/session.ts';

/** Bumped when a message changes shape; page and worker come from one build, so this guards stale caches. */
export const PROTOCOL_VERSION = 1;

/** Page → worker. */
export type ToWorker =
  /** Open a session; with `snapshot`, replay its inputs silently first (a reload or a restart). */
  | { readonly type: 'init'; readonly version: number; readonly scenario: string; readonly columns: number; readonly color: boolean; readonly snapshot?: SessionSnapshot }
  /** One line typed at the prompt (or a continuation line after PS2). */
  | { readonly type: 'input'; readonly line: string }
  /** Ctrl-C. */
  | { readonly type: 'interrupt' }
  /** Ctrl-D on an empty line: end of input for the innermost shell (bash prints `exit` and leaves it). */
  | { readonly type: 'eof' }
  | { readonly type: 'complete'; readonly id: number; readonly line: string; readonly cursor: number }
  | { readonly type: 'resize'; readonly columns: number }
  | { readonly type: 'snapshot' }
  /** Heartbeat: the worker answers `pong` whenever its event loop is free. */
  | { readonly type: 'ping'; readonly id: number };

/** Worker → page. */
export type FromWorker =
  /** The session is open and its first prompt is `prompt`; `replayed` inputs were restored; `notice` says why a snapshot was dropped. */
  | { readonly type: 'ready'; readonly prompt: string; readonly history: readonly string[]; readonly replayed: number; readonly notice?: string }
  | { readonly type: 'output'; readonly text: string }
  /** A fresh prompt without a command having run (after Ctrl-C at the prompt), and what to persist now. */
  | { readonly type: 'prompt'; readonly text: string; readonly snapshot: SessionSnapshot }
  /** A line finished: its result, the prompt to show next (PS2 for `more`), and what to persist. */
  | { readonly type: 'result'; readonly result: InputResult; readonly prompt: string; readonly snapshot: SessionSnapshot }
  | { readonly type: 'completion'; readonly id: number; readonly completion: Completion }
  | { readonly type: 'snapshot'; readonly snapshot: SessionSnapshot }
  | { readonly type: 'pong'; readonly id: number }
  /** Something broke inside the worker (a bug, not a shell error): the page offers a restart. */
  | { readonly type: 'fault'; readonly message: string };

type Shape = Record<string, (v: unknown) => boolean>;

const str = (v: unknown): boolean => typeof v === 'string';
const int = (v: unknown): boolean => Number.isSafeInteger(v);
const bool = (v: unknown): boolean => typeof v === 'boolean';
const strings = (v: unknown): boolean => Array.isArray(v) && v.every(str);
const optional = (check: (v: unknown) => boolean) => (v: unknown): boolean => v === undefined || check(v);

/** True for a SessionSnapshot's shape (version, scenario, inputs). */
export function isSnapshot(v: unknown): v is SessionSnapshot {
  return has(v, { version: int, scenario: str, inputs: strings });
}

function isResult(v: unknown): v is InputResult {
  if (!has(v, { kind: str })) return false;
  const kind = (v as { kind: string }).kind;
  if (kind === 'more') return true;
  return (kind === 'done' || kind === 'exit') && has(v, { status: int });
}

function isCompletion(v: unknown): v is Completion {
  return has(v, { from: int, candidates: strings });
}

function has(v: unknown, shape: Shape): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const record = v as Record<string, unknown>;
  return Object.entries(shape).every(([key, check]) => check(record[key]));
}

const TO_WORKER: Record<ToWorker['type'], Shape> = {
  init: { version: int, scenario: str, columns: int, color: bool, snapshot: optional(isSnapshot) },
  input: { line: str },
  interrupt: {},
  eof: {},
  complete: { id: int, line: str, cursor: int },
  resize: { columns: int },
  snapshot: {},
  ping: { id: int },
};

const FROM_WORKER: Record<FromWorker['type'], Shape> = {
  ready: { prompt: str, history: strings, replayed: int, notice: optional(str) },
  output: { text: str },
  prompt: { text: str, snapshot: isSnapshot },
  result: { result: isResult, prompt: str, snapshot: isSnapshot },
  completion: { id: int, completion: isCompletion },
  snapshot: { snapshot: isSnapshot },
  pong: { id: int },
  fault: { message: str },
};

/** True when `v` is a well-formed page → worker message. */
export function isToWorker(v: unknown): v is ToWorker {
  return checkType(v, TO_WORKER);
}

/** True when `v` is a well-formed worker → page message. */
export function isFromWorker(v: unknown): v is FromWorker {
  return checkType(v, FROM_WORKER);
}

function checkType(v: unknown, table: Record<string, Shape>): boolean {
  if (!has(v, { type: str })) return false;
  const type = (v as { type: string }).type;
  return Object.hasOwn(table, type) && has(v, table[type]);
}
