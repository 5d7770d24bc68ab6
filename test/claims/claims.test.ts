/**
 * The claim suite: every <Claim> in content/chapters, found by parsing the
 * MDX, runs against a fresh model in Node. Its `run` script goes first (as the
 * reader's Reproduce button types it), then every line of `check` must exit 0.
 * Run one chapter alone: `npm run test:claims -- -t 05-layered-images`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { parseClaims } from '../../src/claims/parse.ts';
import { verifyClaim } from './verify.ts';

const DIR = 'content/chapters';
const files = readdirSync(DIR).filter((f) => f.endsWith('.mdx')).sort();
const counts = new Map<string, number>();

for (const file of files) {
  const path = `${DIR}/${file}`;
  const claims = parseClaims(path, readFileSync(path, 'utf8'));
  if (claims.length === 0) continue;
  describe(file.replace(/\.mdx$/, ''), () => {
    it.each(claims.map((c) => [c.id, c] as const))('claim %s holds', async (_id, claim) => {
      await verifyClaim(claim);
      counts.set(file, (counts.get(file) ?? 0) + 1);
    });
  });
}

afterAll(() => {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const lines = [...counts].map(([f, n]) => `  ${f}: ${n}`);
  console.log(`claims checked: ${total} in ${counts.size} chapter(s)\n${lines.join('\n')}`);
});
