/**
 * Fuzzing the shell as a reader would abuse it (issue 6, "Proof"): seeded
 * random byte strings and random recombinations of valid command lines.
 * Never an uncaught exception or a JavaScript error text; every 2/126/127
 * status comes with a message; every input ends (a yield budget presses
 * Ctrl-C on runaway loops, so time is bounded without wall-clock checks).
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../model/rng.ts';
import { testSession } from './testing/harness.ts';
import type { TestSession } from './testing/harness.ts';

const CORPUS = [
  'echo hello world', 'ls -la /etc', 'cat /etc/hostname', 'X=1; echo $X', 'for i in 1 2 3; do echo $i; done',
  'if [ -d /tmp ]; then echo yes; else echo no; fi', 'echo "$(pwd)"', 'seq 5 | sort -r | head -2', 'mkdir -p /tmp/a/b',
  'cd /tmp && ls', 'echo ${HOME:-none}', 'case x in x) echo x;; esac', 'f() { echo $1; }; f arg', 'echo $((3 * 7))',
  'grep root /etc/passwd', 'find /etc -name "host*"', 'cat <<EOF\nhi\nEOF', 'echo a > /tmp/f; cat /tmp/f', 'wc -l /etc/passwd',
  'test -f /etc/hosts && echo ok', "sed 's/a/b/g' /etc/hostname", 'echo `date +%s`', '(cd /; pwd)', '{ echo a; echo b; } | cat',
  'ps', 'uname -a', 'rm -rf /tmp/a', 'printf "%s\\n" x y', 'export Y=2; env | grep Y', 'set -- a b c; echo $#',
];
const GLUE = [' | ', '; ', ' && ', ' || ', ' $(', ')', '"', "'", '`', ' > /tmp/x ', ' < /nope ', '\n', ' { ', ' } ', ' ( ', ' ) ', ' ;; ', ' \\', '${', '}', ' 2>&1 '];
const BYTES = 'abcxyz019 \t\n;|&<>()[]{}$`\'"\\*?#=~!-+/.:,%^@';

function randomBytes(rng: Rng): string {
  const n = rng.int(40);
  let s = '';
  for (let i = 0; i < n; i++) s += rng.next() < 0.1 ? String.fromCharCode(rng.int(256)) : BYTES[rng.int(BYTES.length)];
  return s;
}

function recombine(rng: Rng): string {
  const k = 1 + rng.int(3);
  let s = '';
  for (let i = 0; i < k; i++) {
    const line = CORPUS[rng.int(CORPUS.length)];
    const a = rng.int(line.length + 1);
    const b = a + rng.int(line.length - a + 1);
    s += (rng.next() < 0.5 ? line : line.slice(a, b)) + GLUE[rng.int(GLUE.length)];
  }
  return s.replace(/&(?!&)/g, '&&');
}

/** Feed one (possibly multi-line) input; abandon it if it stays open. */
async function feed(t: TestSession, input: string): Promise<{ status: number; out: string; exited?: boolean }> {
  let status = 0;
  for (const line of input.split('\n')) {
    const r = await t.session.input(line);
    if (r.kind === 'exit') return { status: r.status, out: t.take(), exited: true };
    status = r.kind === 'more' ? -1 : r.status;
  }
  if (status === -1) {
    t.session.interrupt();
    status = 0;
  }
  return { status, out: t.take() };
}

const SEEDS = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.FUZZ_SEEDS?.split(',').map(Number) ?? [7];
const ROUNDS = Number((globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.FUZZ_ROUNDS ?? 400);

describe.each(SEEDS.flatMap((seed) => [
  ['random bytes', randomBytes, seed] as const,
  ['recombined command lines', recombine, seed + 1000] as const,
]))('fuzz: %s (seed %d)', (_name, gen, seed) => {
  it('never throws, never shows a JavaScript error, always ends', async () => {
    const rng = new Rng(seed);
    let t: TestSession | undefined;
    let yields = 0;
    const yieldToHost = async (): Promise<void> => {
      if (++yields % 2000 === 0) t?.session.interrupt();
    };
    for (let i = 0; i < ROUNDS; i++) {
      if (i % 25 === 0) t = testSession({ yieldToHost, outputLimit: 256 * 1024 });
      const input = gen(rng);
      await t!.session.input('true');
      const { status, out, exited } = await feed(t!, input);
      expect(Number.isInteger(status) && status >= 0 && status <= 255, `status ${status} for ${JSON.stringify(input)}`).toBe(true);
      expect(out, JSON.stringify(input)).not.toMatch(/internal error|TypeError|ReferenceError|RangeError|\n\s+at /);
      if ((status === 2 || status === 126 || status === 127) && !input.includes(">")) expect(out.length, `silent failure for ${JSON.stringify(input)}`).toBeGreaterThan(0);
      if (exited) t = testSession({ yieldToHost, outputLimit: 256 * 1024 });
    }
  });
});
