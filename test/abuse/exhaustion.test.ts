/**
 * Resource exhaustion inside the model (issue 9): each ends in a Linux-style
 * error or a stated limit, never a hang or a JavaScript exception, and the
 * world stays usable afterwards.
 */
import { describe, expect, it } from 'vitest';
import { isSysError } from '../../src/model/errors.ts';
import { openSession } from '../../src/shell/open-session.ts';

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

function session() {
  let out = '';
  const s = openSession('laptop', { color: false, yieldToHost: turn, onOutput: (t) => { out += t; } });
  return { s, take: () => { const o = out; out = ''; return o; } };
}

describe('exhaustion', () => {
  it('100 000 namespaced processes: fork stops with ENOMEM once RAM is full, and freeing some lets the host log in again', () => {
    const { s } = session();
    const login = s.world.primary.kernel.login();
    let made = 0;
    let error: unknown;
    const children = [];
    for (; made < 100_000; made++) {
      try {
        children.push(login.spawn({ argv: ['sleep', 'infinity'], newNamespaces: ['pid', 'uts', 'ipc', 'net', 'mnt'], background: true }));
      } catch (e) {
        error = e;
        break;
      }
    }
    expect(made).toBeLessThan(100_000);
    expect(isSysError(error) && ['ENOMEM', 'EAGAIN'].includes(error.code)).toBe(true);
    expect(() => s.world.primary.kernel.login()).toThrow(/Cannot allocate memory|Resource temporarily unavailable/);
    for (const c of children.slice(0, 100)) c.exit(0);
    expect(s.world.primary.kernel.login().getcwd()).toBe('/root');
  });

  it('a 1 MiB command line is refused or run, never thrown', async () => {
    const { s, take } = session();
    const r = await s.input(`echo ${'x'.repeat(1 << 20)} | wc -c`);
    expect(r.kind).toBe('done');
    const out = take();
    if (r.kind === 'done' && r.status === 0) expect(out.trim()).toBe(String((1 << 20) + 1));
    else expect(out).toMatch(/^(sh|bash|echo): /m);
  });

  it('a 2 000-line paste runs every line in order', async () => {
    const { s, take } = session();
    for (let i = 0; i < 2000; i++) await s.input(`echo line-${i} >> /root/paste`);
    expect((await s.input('wc -l < /root/paste')).kind).toBe('done');
    expect(take().trim()).toBe('2000');
  });

  it('runaway output ends with the shell\'s limit message', async () => {
    const { s, take } = session();
    const r = await s.input('yes');
    expect(r.kind === 'done' && r.status !== 0).toBe(true);
    const out = take();
    expect(out.length).toBeLessThan(5 * 1024 * 1024);
    expect(out.slice(-300)).toMatch(/output/i);
  });

  it('deep recursion ends with bash\'s nesting message', async () => {
    const { s, take } = session();
    const r = await s.input('f() { f; }; f');
    expect(r.kind === 'done' && r.status !== 0).toBe(true);
    expect(take()).toMatch(/maximum function nesting level exceeded/);
  });
});
