/**
 * The file tree the Lab page mounts into its WebContainer (WebContainer API
 * `FileSystemTree`, https://webcontainers.io/api#filesystemtree): the model,
 * the shell and the headless CLI exactly as the tests run them (src/model,
 * src/shell, src/cli, without tests), their one npm dependency, a
 * package.json, and `lab/sim.mjs`, the same CLI bundled by esbuild for the
 * older Node inside WebContainers, which cannot run .ts files. Built at build
 * time (src/pages/lab/files.json.ts); written to disk by the tests.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** A WebContainer FileSystemTree (files as UTF-8 text). */
export interface FileTree {
  [name: string]: { file: { contents: string } } | { directory: FileTree };
}

/** The folders of the repository that go into the sandbox, and which files of them. */
const SOURCES: readonly { dir: string; keep: (file: string) => boolean }[] = [
  { dir: 'src/model', keep: (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') },
  { dir: 'src/shell', keep: (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') },
  { dir: 'src/cli', keep: (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') },
  { dir: 'node_modules/@noble/hashes', keep: (f) => (f.endsWith('.js') && !f.includes('/')) || f === 'package.json' || f === 'LICENSE' },
];

/** The sandbox's package.json: ESM, and the commands a reader runs. */
export const LAB_PACKAGE_JSON = JSON.stringify({
  name: 'containers-vs-vms-lab',
  private: true,
  type: 'module',
  description: 'The model of a Linux host behind containers-vs-vms, and its headless CLI.',
  scripts: {
    sim: 'node lab/sim.mjs',
    'sim:ts': 'node --experimental-strip-types src/cli/sim.ts',
  },
}, null, 2) + '\n';

/** Add one file to a tree at a "/"-separated path. */
export function put(tree: FileTree, path: string, contents: string): void {
  const parts = path.split('/');
  let node = tree;
  for (const dir of parts.slice(0, -1)) {
    const next = (node[dir] ??= { directory: {} });
    if (!('directory' in next)) throw new Error(`${path}: ${dir} is a file`);
    node = next.directory;
  }
  node[parts[parts.length - 1]] = { file: { contents } };
}

/** Paths of every file in a tree, sorted. */
export function paths(tree: FileTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([name, n]) => ('file' in n ? [prefix + name] : paths(n.directory, `${prefix}${name}/`))).sort();
}

/** The sources part of the tree, read from the repository at `root`. */
export function sourceTree(root: string): FileTree {
  const tree: FileTree = {};
  for (const { dir, keep } of SOURCES) {
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        const rel = relative(join(root, dir), p).split(sep).join('/');
        if (e.isDirectory()) { if (!dir.startsWith('node_modules')) walk(p); }
        else if (keep(rel)) put(tree, `${dir}/${rel}`, readFileSync(p, 'utf8'));
      }
    };
    walk(join(root, dir));
  }
  put(tree, 'package.json', LAB_PACKAGE_JSON);
  return tree;
}

/** The CLI as one ES module for Node 18+ (types stripped, @noble/hashes inlined). */
export async function bundleCli(root: string): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [join(root, 'src/cli/sim.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    write: false,
    legalComments: 'inline',
    logLevel: 'silent',
  });
  return `// Bundled from src/cli/sim.ts by esbuild (src/site/lab/tree.ts).\n${out.outputFiles[0].text}`;
}

/** Everything the Lab mounts: the sources and the bundled CLI. */
export async function labTree(root: string): Promise<FileTree> {
  const tree = sourceTree(root);
  put(tree, 'lab/sim.mjs', await bundleCli(root));
  return tree;
}

/** Write a tree to a folder (what WebContainer's mount does, on a real disk). */
export function writeTree(tree: FileTree, dir: string): void {
  for (const [name, n] of Object.entries(tree)) {
    const p = join(dir, name);
    if ('file' in n) { mkdirSync(dirname(p), { recursive: true }); writeFileSync(p, n.file.contents); }
    else { mkdirSync(p, { recursive: true }); writeTree(n.directory, p); }
  }
}
