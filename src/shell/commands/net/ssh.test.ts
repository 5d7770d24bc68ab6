/** ssh(1) between the machines of the two-hosts scenario (the model's LAN, src/model/world/lan.ts). */
import { describe, expect, it } from 'vitest';
import { openSession } from '../../open-session.ts';

async function run(lines: string[]): Promise<{ out: string; status: number; prompt: string }> {
  let out = '';
  const s = openSession('two-hosts', { color: false, onOutput: (t) => { out += t; } });
  let status = 0;
  for (const l of lines) {
    const r = await s.input(l);
    if (r.kind !== 'more') status = r.status;
  }
  return { out, status, prompt: s.prompt() };
}

describe('ssh', () => {
  it.each([
    [['ssh prod hostname'], 'prod\n', 0],
    [['ssh root@prod uname -n'], 'prod\n', 0],
    [['ssh prod false'], '', 1],
    [['ssh nope true'], 'ssh: Could not resolve hostname nope: Name or service not known\n', 255],
    [['ssh'], 'usage: ssh [-t] [user@]destination [command [argument ...]]\n', 255],
  ] as const)('%j prints %j and exits %i', async (lines, out, status) => {
    const r = await run([...lines]);
    expect(r.out).toBe(out);
    expect(r.status).toBe(status);
  });

  it('logs in interactively: the prompt follows, exit comes back', async () => {
    let out = '';
    const s = openSession('two-hosts', { color: false, onOutput: (t) => { out += t; } });
    expect(s.prompt()).toContain('root@dev');
    expect(await s.input('ssh prod')).toEqual({ kind: 'done', status: 0 });
    expect(s.prompt()).toContain('root@prod');
    await s.input('touch /root/was-here');
    expect(await s.input('exit 3')).toEqual({ kind: 'done', status: 3 });
    expect(s.prompt()).toContain('root@dev');
    expect(out).toMatch(/^Linux prod 6\.12\.48\+deb13-amd64 /);
    expect(await s.input('ssh prod test -e /root/was-here')).toEqual({ kind: 'done', status: 0 });
  });

  it('keeps each host its own filesystem', async () => {
    const r = await run(['touch /root/on-dev', 'ssh prod test -e /root/on-dev']);
    expect(r.status).toBe(1);
  });
});
