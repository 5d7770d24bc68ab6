/**
 * The book covers every claim of the brief (shared/claims.md, issue 7): each
 * id below appears as a <Claim> in content/chapters, exactly once. The claim
 * suite (claims.test.ts) checks that each one holds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClaims } from '../../src/claims/parse.ts';

/** The 25 claim ids of claims.md, in its order. */
const REQUIRED = [
  'shared-kernel', 'lxc-to-runc', 'union-fs', 'copy-on-write', 'shared-disk', 'density', 'start-time', 'namespaces',
  'cgroups', 'isolation', 'escape', 'other-os', 'small-footprint', 'commit-diff', 'layers-stack', 'same-image-everywhere',
  'small-updates', 'config-drift', 'parallel-tests', 'port-conflict', 'shared-libraries', 'client-server',
  'containers-in-vms', 'hypervisor-types', 'windows-2014',
] as const;

const claims = readdirSync('content/chapters').filter((f) => f.endsWith('.mdx')).sort()
  .flatMap((f) => parseClaims(`content/chapters/${f}`, readFileSync(`content/chapters/${f}`, 'utf8')));

describe('claim coverage', () => {
  it('lists the 25 claims of the brief', () => {
    expect(new Set(REQUIRED).size).toBe(25);
  });
  it.each(REQUIRED.map((id) => [id]))('%s is a <Claim> in the book', (id) => {
    expect(claims.filter((c) => c.id === id).map((c) => `${c.file}:${c.line}`)).toHaveLength(1);
  });
  it('gives every claim id one place, so each permalink is unique', () => {
    const ids = claims.map((c) => c.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
