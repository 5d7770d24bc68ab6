/**
 * <lab-sandbox> — the Lab page's Node sandbox: on the reader's click (never
 * before), loads the WebContainer API (StackBlitz, https://webcontainers.io),
 * boots it with a deadline, mounts /lab/files.json (the model, shell and CLI
 * the tests run) and runs `node lab/sim.mjs -c SCRIPT` under real Node in the
 * browser, streaming its output. With no internet the boot never answers:
 * the deadline turns that into a message within BOOT_TIMEOUT_MS, and nothing
 * else on the page depends on the sandbox.
 *
 * Markup (src/pages/lab/index.astro): [data-start] button, [data-status]
 * live region, a form [data-run-form] with a <textarea> and a [data-run]
 * button (disabled until the sandbox is up), and a [data-output] <pre>.
 */
import { BOOT_TIMEOUT_MS, TimeoutError, unsupportedReason, withTimeout } from '../lab/timeout.ts';
/** Output kept on screen (characters): a runaway script cannot grow the page without bound. */
const MAX_OUTPUT = 200_000;

interface Process { output: ReadableStream<string>; exit: Promise<number>; kill(): void }
interface Container { mount(tree: unknown): Promise<void>; spawn(cmd: string, args: string[]): Promise<Process> }

const strip = (s: string): string => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');

export class LabSandbox extends HTMLElement {
  #status?: HTMLElement;
  #output?: HTMLElement;
  #container?: Container;
  #running?: Process;

  connectedCallback(): void {
    this.#status = this.querySelector<HTMLElement>('[data-status]') ?? undefined;
    this.#output = this.querySelector<HTMLElement>('[data-output]') ?? undefined;
    const start = this.querySelector<HTMLButtonElement>('[data-start]');
    const form = this.querySelector<HTMLFormElement>('[data-run-form]');
    const reason = unsupportedReason({ crossOriginIsolated: self.crossOriginIsolated, hasSharedArrayBuffer: typeof SharedArrayBuffer === 'function', isSecureContext: self.isSecureContext });
    if (!start) return;
    start.hidden = false;
    if (reason) {
      start.disabled = true;
      this.#say(reason, 'unsupported');
      return;
    }
    start.addEventListener('click', () => void this.#boot(start));
    form?.addEventListener('submit', (e) => {
      e.preventDefault();
      const script = form.querySelector('textarea')?.value ?? '';
      void this.#run(script);
    });
  }

  #say(text: string, state: string): void {
    this.dataset.state = state;
    if (this.#status) this.#status.textContent = text;
  }

  async #boot(start: HTMLButtonElement): Promise<void> {
    start.disabled = true;
    this.#say('Loading the WebContainer API and starting Node (this contacts StackBlitz)…', 'booting');
    try {
      const { WebContainer } = await import('@webcontainer/api');
      const container = await withTimeout(
        WebContainer.boot({ coep: 'require-corp' }) as Promise<unknown> as Promise<Container>,
        BOOT_TIMEOUT_MS,
        `StackBlitz's servers did not answer within ${BOOT_TIMEOUT_MS / 1000} seconds`,
      );
      this.#say('Copying the model into the sandbox…', 'mounting');
      const res = await fetch('/lab/files.json');
      if (!res.ok) throw new Error(`/lab/files.json: HTTP ${res.status}`);
      await container.mount(await res.json());
      this.#container = container;
      for (const b of this.querySelectorAll<HTMLButtonElement>('[data-run]')) b.disabled = false;
      this.#say('The sandbox is running Node. Edit the script and press Run.', 'ready');
    } catch (e) {
      const why = e instanceof TimeoutError
        ? `${e.message}: you may be offline, or a network filter blocks stackblitz.com.`
        : `it failed: ${e instanceof Error ? e.message : String(e)}.`;
      this.#say(`The sandbox could not start — ${why} The WebContainer API keeps a failed start until the page is reloaded, so reload to try again. The terminal on this page does not need it and keeps working.`, 'failed');
    }
  }

  async #run(script: string): Promise<void> {
    const c = this.#container;
    if (!c || !this.#output) return;
    this.#running?.kill();
    this.#output.textContent = '';
    this.#say('Running…', 'running');
    const p = await c.spawn('node', ['lab/sim.mjs', '--no-color', '-c', script]);
    this.#running = p;
    const out = this.#output;
    void p.output.pipeTo(new WritableStream({
      write(chunk) {
        out.textContent = (out.textContent + strip(chunk)).slice(-MAX_OUTPUT);
      },
    }));
    const code = await p.exit;
    if (this.#running === p) this.#say(`Exit status ${code}.`, 'ready');
  }
}

if (!customElements.get('lab-sandbox')) customElements.define('lab-sandbox', LabSandbox);
