/**
 * The Lab's sandbox files, run with real Node: the exact tree mounted into the
 * WebContainer is written to a temporary folder and the CLI runs from it,
 * both as the .ts sources the tests run and as the bundle WebContainers run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { labTree, paths, writeTree, type FileTree } from './tree.ts';

let tree: FileTree;
let dir: string;
beforeAll(async () => {
  tree = await labTree(process.cwd());
  dir = mkdtempSync(join(tmpdir(), 'lab-tree-'));
  writeTree(tree, dir);
});

const node = (args: string[]): string => execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 60_000 });

describe('the Lab file tree', () => {
  it('holds the model, the shell, the CLI, a package.json and the bundle, but no tests', () => {
    const all = paths(tree);
    expect(all).toEqual(expect.arrayContaining(['package.json', 'src/cli/sim.ts', 'src/shell/session.ts', 'src/model/errors.ts', 'lab/sim.mjs']));
    expect(all.filter((p) => p.endsWith('.test.ts'))).toEqual([]);
  });

  it.each([
    ['the sources (node src/cli/sim.ts)', ['src/cli/sim.ts']],
    ['the bundle WebContainers run (node lab/sim.mjs)', ['lab/sim.mjs']],
  ])('%s prints hi for echo hi', (_n, entry) => {
    expect(node([...entry, '-c', 'echo hi'])).toBe('hi\n');
  });

  it('runs docker in the model from the bundle', () => {
    expect(node(['lab/sim.mjs', '-c', 'docker run --rm alpine cat /etc/alpine-release'])).toMatch(/(^|\n)3\.\d+\.\d+\n$/);
  });
});
