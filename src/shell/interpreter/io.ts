/**
 * Streams between commands. Pipes are buffered whole (a pipeline's stages
 * run one after another), capped so `yes | head` ends: past the cap the
 * writer gets SIGPIPE, as it would when the reader has gone (pipe(7)).
 */
import type { Input, Output } from '../types.ts';
import type { Sys } from '../../model/kernel/types.ts';
import { fromText } from '../../model/fs/data.ts';
import { isSysError } from '../../model/errors.ts';
import { Interrupted, OutputLimit } from './signals.ts';

/** Illustrative cap on one pipe's buffered bytes (a real pipe holds 64 KiB but drains as it is read). */
export const PIPE_CAP = 8 * 1024 * 1024;

/** An input read from a string: a pipe's contents, a here-document, a file read at open. */
export class TextInput implements Input {
  #text: string;
  #pos = 0;
  constructor(text: string) {
    this.#text = text;
  }
  async readAll(): Promise<string> {
    const rest = this.#text.slice(this.#pos);
    this.#pos = this.#text.length;
    return rest;
  }
  /** One line without its newline, or undefined at EOF (what `read` consumes). */
  readLine(): string | undefined {
    if (this.#pos >= this.#text.length) return undefined;
    const nl = this.#text.indexOf('\n', this.#pos);
    const end = nl < 0 ? this.#text.length : nl;
    const line = this.#text.slice(this.#pos, end);
    this.#pos = nl < 0 ? end : end + 1;
    return line;
  }
}

/** Nothing to read (EOF at once): a background job's stdin, `<&-`. */
export const EMPTY_INPUT: Input = { readAll: async () => '' };

/** The reading end of a terminal: the session hands typed lines (and Ctrl-D) to a program waiting here. */
export interface Tty {
  /** The next line typed ('line', undefined at Ctrl-D) or everything until Ctrl-D ('all'). */
  read(kind: 'line' | 'all'): Promise<string | undefined>;
}

/**
 * The terminal as stdin; isatty(0) is true. With a Tty, a program that reads
 * it waits for the reader's lines until Ctrl-D (cat > file, read NAME); without
 * one (scripts, claim checks) it reads end-of-file at once.
 */
export class TerminalInput implements Input {
  readonly isTty = true;
  readonly #tty: Tty | undefined;
  constructor(tty?: Tty) {
    this.#tty = tty;
  }
  async readAll(): Promise<string> {
    return this.#tty ? ((await this.#tty.read('all')) ?? '') : '';
  }
  /** One typed line, or undefined at Ctrl-D. */
  async readLine(): Promise<string | undefined> {
    return this.#tty ? this.#tty.read('line') : undefined;
  }
}

/** isatty(0) for an Input. */
export function isTerminal(input: Input): boolean {
  return (input as { isTty?: boolean }).isTty === true;
}

/** Read one line from any Input: line-wise when it supports it, else the first line of the rest. */
export async function readLine(input: Input): Promise<string | undefined> {
  if (input instanceof TextInput || input instanceof TerminalInput) return input.readLine();
  const all = await input.readAll();
  if (!all) return undefined;
  const nl = all.indexOf('\n');
  return nl < 0 ? all : all.slice(0, nl);
}

/** A pipe or `$(…)` capture: collects text up to PIPE_CAP, then SIGPIPE. */
export class BufferOutput implements Output {
  readonly isTty = false;
  #chunks: string[] = [];
  #size = 0;
  write(text: string): void {
    if (this.#size + text.length > PIPE_CAP) {
      this.#chunks.push(text.slice(0, Math.max(0, PIPE_CAP - this.#size)));
      this.#size = PIPE_CAP;
      throw new Interrupted('SIGPIPE');
    }
    this.#size += text.length;
    this.#chunks.push(text);
  }
  text(): string {
    return this.#chunks.join('');
  }
}

/** Output redirected to a file: each write appends through the writer's own Sys (open(2) was done at redirection time). */
export class FileOutput implements Output {
  readonly isTty = false;
  readonly #sys: Sys;
  readonly #path: string;
  constructor(sys: Sys, path: string) {
    this.#sys = sys;
    this.#path = path;
  }
  write(text: string): void {
    if (text) this.#sys.writeFile(this.#path, fromText(text), { append: true });
  }
}

/** /dev/null. */
export const NULL_OUTPUT: Output = { isTty: false, write: () => {} };

/** Counts bytes written to the terminal for one command line and stops a runaway (`yes`, `cat` of a huge file). */
export class OutputBudget {
  readonly limit: number;
  used = 0;
  constructor(limit: number) {
    this.limit = limit;
  }
  /** Wrap a terminal sink so that writes past the limit throw OutputLimit. */
  wrap(sink: (text: string) => void, isTty: boolean): Output {
    return {
      isTty,
      write: (text: string) => {
        if (this.used + text.length > this.limit) {
          const room = Math.max(0, this.limit - this.used);
          if (room) sink(text.slice(0, room));
          this.used = this.limit;
          throw new OutputLimit(this.limit);
        }
        this.used += text.length;
        sink(text);
      },
    };
  }
}

/** Write a message of the shell's own (errors, `Killed`, job notices): like bash, a failing stderr (a full disk, a bad redirection target) is ignored. */
export function say(out: Output, text: string): void {
  try {
    out.write(text);
  } catch (e) {
    if (!isSysError(e)) throw e;
  }
}
