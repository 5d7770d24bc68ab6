/**
 * The docker CLI in a terminal session (src/shell/open-session.ts): Ctrl-C on
 * an attached `docker run` is proxied to the container (docker run
 * --sig-proxy, default true), and `docker run -it` hands the terminal to the
 * container's shell until it exits.
 */
import { describe, expect, it } from 'vitest';
import { openSession } from '../../open-session.ts';

describe('docker in a session', () => {
  it('Ctrl-C on an attached server reaches PID 1 (python: KeyboardInterrupt, 130)', async () => {
    let out = '';
    const s = openSession('laptop', { onOutput: (t) => (out += t), columns: 100 });
    await s.input('docker pull shop/app:1.0 >/dev/null');
    const running = s.input('docker run --name web shop/app:1.0');
    await new Promise((r) => setTimeout(r, 100));
    s.interrupt();
    expect(await running).toEqual({ kind: 'done', status: 130 });
    await s.input('docker inspect -f "{{.State.Status}} {{.State.ExitCode}}" web');
    expect(out).toContain('Press CTRL+C to quit\n');
    expect(out).toContain('exited 130\n');
  });

  it('docker run -it: the next lines go to the container shell, exit returns to the host', async () => {
    let out = '';
    const s = openSession('laptop', { onOutput: (t) => (out += t), columns: 100 });
    await s.input('docker pull alpine >/dev/null');
    await s.input('docker run -it --name box -h box alpine sh');
    await s.input('hostname');
    await s.input('echo inside > /tmp/x');
    const r = await s.input('exit');
    expect(r).toEqual({ kind: 'done', status: 0 });
    await s.input('docker diff box');
    expect(out).toContain('box\n');
    expect(out).toContain('C /tmp\nA /tmp/x\n');
  });

  it('tab completion offers docker subcommands and container names', async () => {
    const s = openSession('laptop', { onOutput: () => {}, columns: 100 });
    expect(s.complete('docker re', 9).candidates).toEqual(['rename', 'restart']);
    await s.input('docker run --name web1 alpine true >/dev/null 2>&1');
    expect(s.complete('docker rm w', 11).candidates).toEqual(['web1']);
  });

  it('docker exec -it opens a shell in a running container; ps there shows PID 1 and the shell (PPID 0)', async () => {
    let out = '';
    const s = openSession('laptop', { onOutput: (t) => (out += t), columns: 100 });
    await s.input('docker run -d --name web -h web shop/app:1.0 >/dev/null 2>&1');
    await s.input('docker exec -it web bash');
    await s.input('hostname');
    await s.input('ps -o pid,ppid,comm');
    expect(await s.input('exit')).toEqual({ kind: 'done', status: 0 });
    expect(out).toContain('web\n');
    expect(out).toMatch(/ +PID +PPID COMMAND\n +1 +0 python3\n +\d+ +0 bash\n +\d+ +\d+ ps\n/);
  });
});
