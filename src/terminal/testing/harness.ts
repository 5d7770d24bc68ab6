/**
 * Drive the page side of a terminal without a browser: an @xterm/headless
 * screen, the ShellAddon, a WorkerClient and an in-process worker running
 * a SessionHost with any OpenSession (the fake, or the real one for
 * transcripts). `keys()` types, `settle()` waits until the terminal is idle.
 */
import type { SessionSnapshot } from '../../shell/session.ts';
import { ShellAddon, type TerminalState } from '../shell-addon.ts';
import type { OpenSession } from '../worker/session-host.ts';
import { WorkerClient, type ClientTiming } from '../worker/worker-client.ts';
import { HeadlessScreen } from './headless-screen.ts';
import { InProcessWorker } from './in-process-worker.ts';

export interface HarnessOptions {
  readonly scenario?: string;
  readonly columns?: number;
  readonly rows?: number;
  readonly timing?: Partial<ClientTiming>;
}

/** One headless terminal wired like the browser's. */
export class TerminalHarness {
  readonly screen: HeadlessScreen;
  readonly addon: ShellAddon;
  readonly client: WorkerClient;
  readonly workers: InProcessWorker[] = [];
  readonly states: TerminalState[] = [];
  readonly events: string[] = [];
  /** What the page would have saved last (from results and Ctrl-C prompts). */
  snapshot: SessionSnapshot | undefined;
  readonly #scenario: string;

  constructor(open: OpenSession, options: HarnessOptions = {}) {
    this.#scenario = options.scenario ?? 'laptop';
    this.screen = new HeadlessScreen(options.columns ?? 80, options.rows ?? 24);
    this.client = new WorkerClient(() => {
      const worker = new InProcessWorker(open);
      this.workers.push(worker);
      return worker;
    }, {
      ready: (m) => this.addon.ready(m.prompt, m.history, m.notice ? [m.notice] : []),
      output: (text) => this.addon.output(text),
      result: (m) => {
        this.snapshot = m.snapshot;
        this.addon.result(m.result, m.prompt);
      },
      prompt: (text, snapshot) => {
        this.snapshot = snapshot;
        this.addon.prompt(text);
      },
      hang: () => this.events.push('hang'),
      fault: (message) => this.events.push(`fault: ${message}`),
    }, options.timing);
    this.addon = new ShellAddon({
      port: this.client,
      onState: (s) => this.states.push(s),
      // As mount.ts does: a fresh world in a new worker, screen cleared.
      onFreshSession: () => {
        this.events.push('fresh');
        this.addon.restart(true);
        this.client.start({ scenario: this.#scenario, columns: this.screen.term.cols, color: false });
      },
      schedule: (run) => setTimeout(run, 0),
    });
    this.screen.term.loadAddon(this.addon as never);
  }

  /** Open the session and wait for the first prompt. */
  async start(snapshot?: SessionSnapshot): Promise<void> {
    this.client.start({ scenario: this.#scenario, columns: this.screen.term.cols, color: false, ...(snapshot ? { snapshot } : {}) });
    await this.settle();
  }

  /** Keys as xterm's onData would deliver them (headless `input` fires onData). */
  keys(data: string): void {
    this.screen.term.input(data, true);
  }

  /** Wait until the terminal shows a prompt with nothing pending (or the shell exited). */
  async settle(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let calm = 0;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 2));
      const quiet = (this.addon.state === 'ready' || this.addon.state === 'exited') && this.addon.idle && !this.client.busy;
      calm = quiet ? calm + 1 : 0;
      if (calm >= 3) return;
    }
    throw new Error(`terminal did not settle (state ${this.addon.state}):\n${this.screen.text()}`);
  }

  /** The screen, rows trimmed. */
  text(): string {
    return this.screen.lines().map((l) => l.trimEnd()).join('\n');
  }

  dispose(): void {
    this.client.dispose();
    this.screen.dispose();
  }
}
