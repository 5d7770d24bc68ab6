// Runs test/kernel-scripts/*.sh on the real kernel and compares with the same .out files the model must
// print (src/shell/commands/system/kernel-scripts.test.ts). Needs root and util-linux's unshare; skipped
// loudly otherwise. Runs of blanks are compared as one space: procps 3.3 pads PID to 5 columns where
// procps-ng 4 (the model's reference, facts §11) pads to 7.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, 'kernel-scripts');
const scripts = readdirSync(DIR).filter((f) => f.endsWith('.sh')).sort();

function why(): string | undefined {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not root';
  try {
    execFileSync('unshare', ['--pid', '--fork', '--mount-proc', 'true'], { stdio: 'ignore' });
  } catch {
    return 'unshare --pid --fork --mount-proc does not work here';
  }
  return undefined;
}

const reason = why();
const norm = (s: string): string => s.replace(/[ \t]+/g, ' ').replace(/ +\n/g, '\n');

describe('real kernel', () => {
  if (reason) {
    it.skip(`SKIPPED: the real-kernel comparison needs root and unshare (${reason})`, () => undefined);
    return;
  }
  it.each(scripts.map((f) => [f]))('%s matches its .out', (file) => {
    const src = readFileSync(join(DIR, file), 'utf8');
    if (/^# requires: cgroup2$/m.test(src) && !existsSync('/sys/fs/cgroup/cgroup.controllers')) {
      console.warn(`real-kernel: ${file} skipped: this host does not use the cgroup v2 unified hierarchy`);
      return;
    }
    const r = spawnSync('sh', ['-c', `exec 2>&1; ${src}`], { encoding: 'utf8', cwd: DIR, timeout: 20_000 });
    expect(norm(r.stdout)).toBe(norm(readFileSync(join(DIR, file.replace(/\.sh$/, '.out')), 'utf8')));
  });
});
