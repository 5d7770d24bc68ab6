import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openSession } from '../../src/shell/open-session.ts';
import { runScript } from '../../src/shell/run-script.ts';

// Issue 5's proof scripts: each .sh in a fresh laptop world prints its .out, except the
// host's baseline memory in `free` rows (other layers' daemons move it; the e2e tests
// in src/shell/commands/virt check the VM deltas exactly).
const masked = (t: string): string => t.replace(/^(Mem:)(\s+\d+)+/gm, '$1 …');
const DIR = 'test/hypervisor-scripts';
const scripts = readdirSync(DIR).filter((f) => f.endsWith('.sh')).sort();

describe.each(scripts)('%s', (file) => {
  it('prints its .out', async () => {
    let out = '';
    const session = openSession('laptop', { color: false, columns: 80, onOutput: (t) => { out += t; } });
    await runScript(session, readFileSync(`${DIR}/${file}`, 'utf8'));
    expect(masked(out)).toBe(masked(readFileSync(`${DIR}/${file.replace(/\.sh$/, '.out')}`, 'utf8')));
  });
});
