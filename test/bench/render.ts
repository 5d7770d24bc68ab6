/** Run `seq N` in a fresh session and render its output in @xterm/headless: does a long output stall? */
import xterm from '@xterm/headless';
import { openSession } from '../../src/shell/open-session.ts';

export async function renderLines(n: number): Promise<{ ms: number; lines: number }> {
  const term = new xterm.Terminal({ cols: 100, rows: 30, scrollback: n + 100, allowProposedApi: true });
  const t0 = performance.now();
  const session = openSession('laptop', { color: true, columns: 100, onOutput: (t) => term.write(t.replace(/\n/g, '\r\n')) });
  await session.input(`seq ${n}`);
  await new Promise<void>((resolve) => term.write('', resolve));
  const ms = performance.now() - t0;
  const buf = term.buffer.active;
  let last = '';
  for (let y = buf.length - 1; y >= 0 && !last.trim(); y--) last = buf.getLine(y)?.translateToString(true) ?? '';
  term.dispose();
  if (last.trim() !== String(n)) throw new Error(`render: last line was "${last}", not ${n}`);
  return { ms, lines: buf.length };
}
