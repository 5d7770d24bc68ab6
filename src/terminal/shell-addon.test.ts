/**
 * The page side end to end without a browser: keys into @xterm/headless →
 * ShellAddon → WorkerClient → in-process worker → SessionHost → a fake
 * Session, and the screen read back. Covers typing, type-ahead, paste,
 * Ctrl-C at the prompt and during a command, PS2, completion, exit, a worker
 * that stops answering and one that dies.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeOpener } from './testing/fake-session.ts';
import { TerminalHarness } from './testing/harness.ts';

const P = 'root@host:~#';
let harness: TerminalHarness | null = null;

async function open(options: ConstructorParameters<typeof TerminalHarness>[1] = {}): Promise<TerminalHarness> {
  harness = new TerminalHarness(fakeOpener().open, { columns: 80, ...options });
  await harness.start();
  return harness;
}

afterEach(() => {
  harness?.dispose();
  harness = null;
});

describe('typing at the prompt', () => {
  it.each([
    { name: 'a command and its output', keys: ['echo hi\r'], screen: [`${P} echo hi`, 'hi', `${P}`] },
    { name: 'an unknown command', keys: ['nope\r'], screen: [`${P} nope`, 'sh: nope: command not found', `${P}`] },
    { name: 'editing before Enter', keys: ['ecXho hi', '\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x7f', '\x05 there\r'], screen: [`${P} echo hi there`, 'hi there', `${P}`] },
    { name: 'history recall', keys: ['echo one\r', 'echo two\r', '\x1b[A\x1b[A\r'], screen: [`${P} echo one`, 'one', `${P} echo two`, 'two', `${P} echo one`, 'one', `${P}`] },
    { name: 'a multi-line paste runs line by line', keys: ['\x1b[200~echo a\recho b\r\x1b[201~'], screen: [`${P} echo a`, 'a', `${P} echo b`, 'b', `${P}`] },
    { name: 'type-ahead while a command runs waits for the prompt', keys: ['echo a\recho b\r'], screen: [`${P} echo a`, 'a', `${P} echo b`, 'b', `${P}`] },
    { name: 'PS2 for an open construct', keys: ['for i in 1\r', 'done\r'], screen: [`${P} for i in 1`, '> done', `${P}`] },
    { name: 'Ctrl-C at the prompt', keys: ['echo abc\x03'], screen: [`${P} echo abc^C`, `${P}`] },
    { name: 'Ctrl-D inside an open construct', keys: ['for x\r', '\x04'], screen: [`${P} for x`, '> sh: syntax error: unexpected end of file', `${P}`] },
    { name: 'Ctrl-C abandons PS2', keys: ['for x\r', '\x03'], screen: [`${P} for x`, '> ^C', `${P}`] },
    { name: 'Ctrl-D on an empty line exits', keys: ['\x04'], screen: [`${P} exit`, '[The shell exited with status 0. Press Enter for a fresh session.]'] },
    { name: 'Tab completes a single candidate', keys: ['ech\t', 'ok\r'], screen: [`${P} echo ok`, 'ok', `${P}`] },
    { name: 'Tab lists several candidates', keys: ['e\t', '\t'], screen: [`${P} e`, 'echo  exit', `${P} e`] },
  ])('$name', async ({ keys, screen }) => {
    const h = await open();
    for (const k of keys) {
      h.keys(k);
      await h.settle();
    }
    expect(h.text()).toBe(screen.join('\n'));
  });

  it('reports ready only after all type-ahead ran', async () => {
    const h = await open();
    h.states.length = 0;
    h.keys('echo a\recho b\recho c\r');
    await h.settle();
    // Between lines the prompt is shown but type-ahead is pending, so 'ready' is reported once, at the end.
    expect(h.states).toEqual(['busy', 'ready']);
  });

  it('type() runs lines as if typed, replacing a half-typed line', async () => {
    const h = await open();
    h.keys('half');
    await h.settle();
    h.addon.type('echo x\necho y');
    await h.settle();
    expect(h.text()).toBe([`${P} echo x`, 'x', `${P} echo y`, 'y', `${P}`].join('\n'));
  });

  it('type() after exit asks for a fresh session first, then types', async () => {
    const h = await open();
    h.keys('exit\r');
    await h.settle();
    h.addon.type('echo again');
    await h.settle();
    expect(h.events).toEqual(['fresh']);
    expect(h.text()).toBe(`${P} echo again\nagain\n${P}`);
  });

  it('output without a final newline leaves the prompt on the same row, as in bash', async () => {
    const h = await open();
    h.keys('printf partial\r');
    await h.settle();
    h.keys('x');
    await h.settle();
    expect(h.text()).toBe(`${P} printf partial\npartial${P} x`);
  });

  it('Ctrl-C interrupts a running command', async () => {
    const h = await open();
    h.keys('hang\r');
    await new Promise((r) => setTimeout(r, 20));
    expect(h.addon.state).toBe('busy');
    h.keys('\x03');
    await h.settle();
    expect(h.text()).toBe(`${P} hang\n^C\n${P}`);
  });

  it('keys typed before Ctrl-C during a command are discarded, those after it kept', async () => {
    const h = await open();
    h.keys('hang\r');
    await new Promise((r) => setTimeout(r, 20));
    h.keys('lost\x03echo kept\r');
    await h.settle();
    expect(h.text()).toBe(`${P} hang\n^C\n${P} echo kept\nkept\n${P}`);
  });
});

describe('a worker in trouble', () => {
  it('one that stops answering is reported as hung', async () => {
    const h = await open({ timing: { heartbeatMs: 5, hangAfterMs: 40 } });
    h.keys('hang\r');
    await new Promise((r) => setTimeout(r, 10));
    h.workers[0]?.freeze();
    await new Promise((r) => setTimeout(r, 120));
    expect(h.events).toContain('hang');
  });

  it('one that answers slowly but surely is not', async () => {
    const h = await open({ timing: { heartbeatMs: 5, hangAfterMs: 400 } });
    h.keys('hang\r');
    await new Promise((r) => setTimeout(r, 600));
    expect(h.events).toEqual([]);
    h.keys('\x03');
    await h.settle();
  });

  it('one that dies is reported as a fault', async () => {
    const h = await open();
    h.keys('hang\r');
    await new Promise((r) => setTimeout(r, 10));
    h.workers[0]?.crash('out of memory');
    await new Promise((r) => setTimeout(r, 10));
    expect(h.events).toEqual(['fault: out of memory']);
    expect(h.workers[0]?.terminated).toBe(true);
  });

  it('a restart replays the snapshot and shows a prompt again', async () => {
    const h = await open();
    h.keys('echo kept\r');
    await h.settle();
    h.addon.restart(true);
    h.client.start({ scenario: 'laptop', columns: 60, color: false, snapshot: { version: 1, scenario: 'laptop', inputs: ['echo kept'] } });
    await h.settle();
    h.keys('\x1b[A');
    await h.settle();
    expect(h.addon.editor.line).toBe('echo kept');
    expect(h.workers).toHaveLength(2);
    expect(h.workers[0]?.terminated).toBe(true);
  });
});
