/**
 * A reload replays what the reader did, against the real Session: the saved
 * lines rebuild the same world, including leaving a container shell with
 * Ctrl-D and a loop abandoned with Ctrl-C (issue 6: "the session survives a
 * reload of the page").
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openSession } from '../../src/shell/open-session.ts';
import { TerminalHarness } from '../../src/terminal/testing/harness.ts';

const open: TerminalHarness[] = [];
afterEach(() => { for (const h of open.splice(0)) h.dispose(); });

async function typed(keys: string[], snapshot?: TerminalHarness['snapshot']): Promise<TerminalHarness> {
  const h = new TerminalHarness(openSession, { columns: 80, rows: 60 });
  open.push(h);
  await h.start(snapshot);
  for (const k of keys) {
    h.keys(k);
    await h.settle();
  }
  return h;
}

describe('reload', () => {
  it.each([
    { name: 'files and containers come back', before: ['echo kept > /root/note\r', 'docker run --name c1 alpine true\r'], after: 'cat /root/note; docker ps -a --format "{{.Names}}"\r', shows: 'kept\nc1\n' },
    { name: 'Ctrl-D out of a container shell replays as leaving it', before: ['docker run -it alpine sh\r', '\x04'], after: 'hostname\r', shows: 'laptop\n' },
    { name: 'a loop abandoned at PS2 is not replayed', before: ['for i in 1 2\r', '\x03', 'echo after\r'], after: 'echo $?\r', shows: '0\n' },
  ])('$name', async ({ before, after, shows }) => {
    const first = await typed(before);
    const again = await typed([after], first.snapshot);
    expect(again.text()).toContain(shows.trimEnd());
    expect(again.text()).toMatch(/^\[Restored|^root@laptop/);
  });
});
