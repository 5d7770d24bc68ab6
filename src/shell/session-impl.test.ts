/**
 * The Session contract (session.ts) as the terminal uses it: bash's prompt
 * and PS2, Ctrl-C on a runaway loop (status 130, `^C`), Ctrl-D, nested
 * interactive shells, completion, history, snapshots, and the guards that
 * keep the worker alive (output limit, fork-bomb job budget).
 */
import { describe, expect, it } from 'vitest';
import { testSession } from './testing/harness.ts';
import { registerCompleter } from './completers.ts';

const macrotask = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('prompt and continuation (bash PROMPTING: \\u@\\h:\\w\\$)', () => {
  it.each([
    ['', 'root@host:~# '],
    ['cd /tmp', 'root@host:/tmp# '],
    ['cd /', 'root@host:/# '],
    ['mkdir -p /root/a/b; cd a/b', 'root@host:~/a/b# '],
    ['PS1="custom> "', 'custom> '],
    ['echo "open', '> '],
    ['for i in 1; do', '> '],
  ])('after %j the prompt is %j', async (line, prompt) => {
    const t = testSession();
    await t.run(line);
    expect(t.session.prompt()).toBe(prompt);
  });

  it('runs a multi-line construct once it is complete and records it in history', async () => {
    const t = testSession();
    expect(await t.session.input('for i in 1 2')).toEqual({ kind: 'more' });
    expect(await t.session.input('do echo $i')).toEqual({ kind: 'more' });
    expect(await t.session.input('done')).toEqual({ kind: 'done', status: 0 });
    expect(t.take()).toBe('1\n2\n');
    expect(t.session.history()).toEqual(['for i in 1 2\ndo echo $i\ndone']);
    expect(t.session.snapshot()).toEqual({ version: 1, scenario: 'test', inputs: ['for i in 1 2', 'do echo $i', 'done'] });
  });

  it('reports a syntax error with status 2 and keeps going', async () => {
    const t = testSession();
    expect(await t.session.input('echo )')).toEqual({ kind: 'done', status: 2 });
    expect(t.take()).toBe("sh: syntax error near unexpected token `)'\n");
    expect((await t.run('echo $?')).out).toBe('2\n');
  });
});

describe('typed-ahead input', () => {
  it('runs lines sent while a command runs one after another, in order', async () => {
    const t = testSession({ yieldToHost: macrotask });
    const a = t.session.input('for i in 1 2 3; do echo a$i; done');
    const b = t.session.input('echo b');
    expect(await a).toEqual({ kind: 'done', status: 0 });
    expect(await b).toEqual({ kind: 'done', status: 0 });
    expect(t.take()).toBe('a1\na2\na3\nb\n');
  });
});

describe('background jobs at the prompt (bash JOB CONTROL)', () => {
  it('prints [N] PID when a job starts and [N]+  Done before a later prompt', async () => {
    const t = testSession();
    const r = await t.run('true &');
    expect(r.out).toMatch(/^\[1\] \d+\n$/);
    await macrotask();
    expect((await t.run('')).out).toBe('[1]+  Done                    true\n');
  });
});

describe('programs reading the terminal (terminalStdin)', () => {
  it('`cat > file` takes the next lines until Ctrl-D, with no prompt meanwhile', async () => {
    const t = testSession({ terminalStdin: true });
    expect(await t.session.input('cat > /tmp/f')).toEqual({ kind: 'done', status: 0 });
    expect(t.session.prompt()).toBe('');
    await t.session.input('hello');
    await t.session.input('world');
    expect(await t.session.eof()).toEqual({ kind: 'done', status: 0 });
    expect(t.session.prompt()).toBe('root@host:~# ');
    expect((await t.run('cat /tmp/f')).out).toBe('hello\nworld\n');
  });

  it('`read` takes one line', async () => {
    const t = testSession({ terminalStdin: true });
    await t.session.input('read -p "name? " who; echo "hi $who"');
    expect(await t.session.input('ada')).toEqual({ kind: 'done', status: 0 });
    expect(t.take()).toBe('name? hi ada\n');
  });

  it('Ctrl-C stops a program waiting for input (130)', async () => {
    const t = testSession({ terminalStdin: true });
    await t.session.input('wc -l');
    await t.session.input('one line');
    t.session.interrupt();
    expect(t.take()).toBe('^C\n');
    expect(await t.session.input('echo $?')).toEqual({ kind: 'done', status: 0 });
    expect(t.take()).toBe('130\n');
  });

  it('without a terminal (scripts, claims) the same programs read end-of-file at once', async () => {
    const t = testSession();
    expect(await t.run('wc -l; echo next')).toMatchObject({ out: '0\nnext\n', status: 0 });
  });
});

describe('Ctrl-C and Ctrl-D', () => {
  it('stops `while true; do :; done` with ^C and status 130', async () => {
    const t = testSession({ yieldToHost: macrotask });
    const pending = t.session.input('while true; do :; done; echo not reached');
    await macrotask();
    t.session.interrupt();
    expect(await pending).toEqual({ kind: 'done', status: 130 });
    expect(t.take()).toBe('^C\n');
    expect((await t.run('echo $?')).out).toBe('130\n');
  });

  it('abandons an open construct', async () => {
    const t = testSession();
    await t.session.input('if true; then');
    t.session.interrupt();
    expect(t.session.prompt()).toBe('root@host:~# ');
  });

  it('Ctrl-D on the login shell exits like `exit`', async () => {
    const t = testSession();
    await t.run('false');
    expect(await t.session.eof()).toEqual({ kind: 'exit', status: 1 });
    expect(t.take()).toBe('exit\n');
  });
});

describe('the shell process itself', () => {
  it('`kill -9 $$` ends the session like a killed bash', async () => {
    const t = testSession();
    const r = await t.run('kill -9 $$; echo not reached');
    expect(r.result).toEqual({ kind: 'exit', status: 137 });
    expect(r.out).toBe('Killed\n');
  });

  it("`time` reports bash's real/user/sys lines from the virtual clock", async () => {
    const t = testSession();
    const r = await t.run('time sleep 2');
    expect(r.out).toBe('\nreal\t0m2.000s\nuser\t0m0.000s\nsys\t0m0.000s\n');
  });
});

describe('nested interactive shells (ctx.interact)', () => {
  it('typing `sh` pushes a shell in a new process; `exit N` returns to the login shell with $? = N', async () => {
    const t = testSession();
    const outer = (await t.run('echo $$')).out;
    expect(await t.session.input('sh')).toEqual({ kind: 'done', status: 0 });
    const inner = (await t.run('echo $$')).out;
    expect(inner).not.toBe(outer);
    expect(await t.session.input('exit 5')).toEqual({ kind: 'done', status: 5 });
    expect(t.take()).toBe('exit\n');
    expect((await t.run('echo $$ $?')).out).toBe(`${outer.trim()} 5\n`);
  });

  it('Ctrl-D leaves the nested shell only', async () => {
    const t = testSession();
    await t.session.input('bash');
    expect(await t.session.eof()).toEqual({ kind: 'done', status: 0 });
    expect((await t.run('echo still here')).out).toContain('still here');
  });

  it('without a terminal (a pipe), sh reads its script from stdin instead', async () => {
    const t = testSession();
    expect((await t.run('echo "echo from pipe" | sh')).out).toBe('from pipe\n');
  });
});

describe('completion', () => {
  it.each([
    ['ech', 0, ['echo']],
    ['ls /et', 3, ['/etc/']],
    ['cat /etc/host', 4, ['/etc/hostname', '/etc/hosts']],
    ['echo $HO', 5, ['$HOME']],
    ['ls | gre', 5, ['grep']],
    ['cat "/etc/host', 4, ['"/etc/hostname', '"/etc/hosts']],
  ])('%j', async (line, from, candidates) => {
    const t = testSession();
    expect(t.session.complete(line, line.length)).toEqual({ from, candidates });
  });
});

describe('completion hooks and history', () => {
  it('a registered completer answers for its command; files are the fallback', async () => {
    registerCompleter('frob', (req) => (req.words.length === 1 ? ['start', 'stop'] : undefined));
    const t = testSession();
    expect(t.session.complete('frob st', 7)).toEqual({ from: 5, candidates: ['start', 'stop'] });
    expect(t.session.complete('frob start /et', 14)).toEqual({ from: 11, candidates: ['/etc/'] });
  });

  it('`history` numbers the lines typed, like bash', async () => {
    const t = testSession();
    await t.run('echo a');
    await t.run('true');
    expect((await t.run('history')).out).toBe('    1  echo a\n    2  true\n    3  history\n');
  });
});

describe('guards: the worker never hangs', () => {
  it('stops runaway output with a clear message', async () => {
    const t = testSession({ outputLimit: 64 * 1024 });
    const r = await t.run('yes');
    expect(r.status).toBe(1);
    expect(r.out.length).toBeLessThan(70 * 1024);
    expect(r.out).toMatch(/\nsh: output limit reached \(.*\); command stopped\n$/);
  });

  it('`yes | head -3` ends (the writer gets SIGPIPE)', async () => {
    const t = testSession();
    expect(await t.run('yes | head -3; echo ${PIPESTATUS:-done}')).toMatchObject({ out: 'y\ny\ny\ndone\n', status: 0 });
  });

  it('a fork bomb in a cgroup with pids.max meets EAGAIN and bash\'s message', async () => {
    const t = testSession();
    const r = await t.run('mkdir /sys/fs/cgroup/jail; echo 20 > /sys/fs/cgroup/jail/pids.max; echo $$ > /sys/fs/cgroup/jail/cgroup.procs\nf() { sleep 1 | f; }; f');
    expect(r.out).toContain('sh: fork: Resource temporarily unavailable\n');
    expect(r.status).not.toBe(0);
  });

  it('the classic `:(){ :|:& };:` ends, stopped by the job budget', async () => {
    const t = testSession();
    const r = await t.run('mkdir /sys/fs/cgroup/jail; echo 20 > /sys/fs/cgroup/jail/pids.max; echo $$ > /sys/fs/cgroup/jail/cgroup.procs\n:(){ :|:& };:');
    await macrotask();
    const all = r.out + t.take();
    expect(all).toContain('sh: fork: Resource temporarily unavailable\n');
    expect(all).toContain('background jobs from one command line: the model stopped them all');
  });
});
