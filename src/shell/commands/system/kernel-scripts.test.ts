// The scripts of test/kernel-scripts/*.sh, run on the model and compared with their .out files
// (the outputs util-linux, procps and iproute2 print on a real kernel; test/real-kernel.test.ts
// checks the same files against the real thing).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemHost } from './testing.ts';

const DIR = join(import.meta.dirname, '../../../../test/kernel-scripts');
const scripts = readdirSync(DIR).filter((f) => f.endsWith('.sh')).sort();

describe.each(scripts.map((f) => [f]))('%s', (file) => {
  it('prints what the real tools print', async () => {
    const h = systemHost();
    const r = await h.sh(readFileSync(join(DIR, file), 'utf8'), undefined, true);
    expect(r.out).toBe(readFileSync(join(DIR, file.replace(/\.sh$/, '.out')), 'utf8'));
  });
});
