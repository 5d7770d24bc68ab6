/**
 * Batched terminal output. Everything bound for xterm (command output, the
 * editor's echo, prompts) goes through one FIFO so it stays in order, one
 * `write` in flight at a time (xterm's flow-control advice: wait for the
 * write callback). A little text is written at once; a backlog is written
 * once per animation frame, in chunks xterm parses within the frame. Actions
 * queued with `then` run once the text before them has been parsed, e.g. to
 * read the cursor column before drawing a prompt.
 */

/** Where the queue writes: xterm's `write(data, callback)`. */
export type WriteFn = (text: string, done: () => void) => void;

/** Keep at most this much unwritten text; a runaway command's oldest output is dropped first. */
export const MAX_BACKLOG = 1 << 20;
/** Up to this much pending text is written at once instead of on the next frame. */
export const IMMEDIATE_CHARS = 4096;
/** Text handed to xterm per write: xterm parses one write in one go, so big writes would block a frame. */
export const WRITE_CHUNK = 8 * 1024;
/** How much of the newest text survives a trim. */
export const KEEP_AFTER_TRIM = 256 * 1024;

type Item = { text: string } | { readonly action: () => string };

/** FIFO of text and actions, flushed per frame. */
export class OutputQueue {
  readonly #write: WriteFn;
  readonly #schedule: (run: () => void) => void;
  #items: Item[] = [];
  #backlog = 0;
  #scheduled = false;
  #writing = false;
  #dropped = 0;

  /** `schedule` defaults to requestAnimationFrame. */
  constructor(write: WriteFn, schedule: (run: () => void) => void = (run) => requestAnimationFrame(() => run())) {
    this.#write = write;
    this.#schedule = schedule;
  }

  /** Bytes of text not yet handed to xterm. */
  get backlog(): number {
    return this.#backlog;
  }

  /** True when nothing is waiting or being written. */
  get idle(): boolean {
    return this.#items.length === 0 && !this.#writing;
  }

  /** Queue text. */
  push(text: string): void {
    if (text === '') return;
    this.#items.push({ text });
    this.#backlog += text.length;
    if (this.#backlog > MAX_BACKLOG) this.#trim();
    this.#kick();
  }

  /** Run `action` after everything queued so far is on screen; the text it returns is written next. */
  then(action: () => string): void {
    this.#items.push({ action });
    this.#kick();
  }

  /** Forget everything not yet written (Reset). */
  clear(): void {
    this.#items = [];
    this.#backlog = 0;
  }

  #kick(): void {
    if (this.#scheduled || this.#writing) return;
    // Echo, prompts and short output go out at once (typing must feel instant, and a pasted script
    // must not wait a frame per line); bulk output is written once per frame.
    if (this.#backlog <= IMMEDIATE_CHARS) {
      this.#flush();
      return;
    }
    this.#scheduled = true;
    this.#schedule(() => {
      this.#scheduled = false;
      this.#flush();
    });
  }

  #flush(): void {
    while (this.#items.length > 0 && !this.#writing) {
      const first = this.#items[0];
      if ('action' in first) {
        this.#items.shift();
        const text = first.action();
        if (text !== '') {
          this.#items.unshift({ text });
          this.#backlog += text.length;
        }
        continue;
      }
      let text = '';
      while (text.length < WRITE_CHUNK && this.#items.length > 0 && 'text' in this.#items[0]) {
        const item = this.#items[0] as { text: string };
        const room = WRITE_CHUNK - text.length;
        if (item.text.length <= room) {
          text += item.text;
          this.#items.shift();
        } else {
          // Cut before a trailing high surrogate or mid-escape would only garble one frame; xterm's parser keeps state across writes.
          text += item.text.slice(0, room);
          item.text = item.text.slice(room);
        }
      }
      this.#backlog -= text.length;
      this.#writing = true;
      this.#write(text, () => {
        this.#writing = false;
        // More arrived while xterm was parsing: next frame, so the page can paint in between.
        if (this.#items.length > 0) this.#kick();
      });
    }
  }

  /** Drop the oldest queued text (never actions), keeping whole lines of the newest. */
  #trim(): void {
    let excess = this.#backlog - KEEP_AFTER_TRIM;
    const kept: Item[] = [];
    for (const item of this.#items) {
      if ('action' in item || excess <= 0) {
        kept.push(item);
        continue;
      }
      if (item.text.length <= excess) {
        excess -= item.text.length;
        this.#dropped += item.text.length;
        continue;
      }
      const cut = item.text.indexOf('\n', excess);
      const at = cut < 0 ? item.text.length : cut + 1;
      this.#dropped += at;
      excess = 0;
      if (at < item.text.length) kept.push({ text: item.text.slice(at) });
    }
    const notice = `[… ${this.#dropped} characters of earlier output not shown, to keep the page responsive …]\r\n`;
    this.#dropped = 0;
    this.#items = [{ text: notice }, ...kept];
    this.#backlog = this.#items.reduce((n, item) => n + ('text' in item ? item.text.length : 0), 0);
  }
}
