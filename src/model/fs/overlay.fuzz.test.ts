// Model fuzzing (issue 9): random operation sequences on an OverlayFs over random lower layers (with whiteouts and
// opaque dirs, as unpacked image layers have), checked after every step against a plain MemoryFs holding a copy of
// the merged tree that receives the same operations. Where the overlay refuses a directory rename with EXDEV
// (overlayfs.rst "Renaming directories"), both sides do what mv(1) does instead: copy the tree, then delete it.
import { describe, expect, it } from 'vitest';
import { isSysError } from '../errors.ts';
import { Rng } from '../rng.ts';
import { fromText, toText } from './data.ts';
import { snapshot } from './filesystem.contract.ts';
import { MemoryFs } from './memory-fs.ts';
import { OverlayFs } from './overlay-fs.ts';
import { overlayRig, testClock } from './overlay-testkit.ts';
import { join } from './path.ts';
import type { FileSystem } from './types.ts';
import { copyTree, listTree, walk } from './walk.ts';

const NAMES = ['a', 'b', 'c', 'd'];
/** Sequences to run; FS_FUZZ_SEQUENCES=3000 for a longer hunt. */
const SEQUENCES = Number(globalThis.process?.env.FS_FUZZ_SEQUENCES ?? 300);

/** A path to act on: mostly an existing one (`known`), sometimes a new name in an existing dir, sometimes anything. */
function randomPath(rng: Rng, known: string[], freshBias = 0.3): string {
  const r = rng.next();
  if (known.length > 0 && r < 1 - freshBias - 0.15) return known[rng.int(known.length)];
  if (known.length > 0 && r < 0.85) return join(known[rng.int(known.length)], NAMES[rng.int(NAMES.length)]);
  const depth = 1 + rng.int(3);
  let p = '';
  for (let i = 0; i < depth; i++) p += '/' + NAMES[rng.int(NAMES.length)];
  return p;
}

/** Try one mutation; errors are part of the outcome. */
function attempt(f: () => void): string {
  try { f(); return 'ok'; } catch (e) { if (isSysError(e)) return e.code; throw e; }
}

/** rm -rf through the FileSystem interface (children first). */
function removeTree(fs: FileSystem, p: string): void {
  if (fs.lstat(p).type === 'dir') for (const n of fs.readdir(p)) removeTree(fs, join(p, n));
  if (fs.lstat(p).type === 'dir') fs.rmdir(p); else fs.unlink(p);
}

/** A random layer: dirs, files, symlinks; upper layers also delete (whiteouts) and replace dirs (opaque). */
function randomLayer(rng: Rng, below: FileSystem | undefined): (fs: FileSystem) => void {
  return (fs) => {
    const paths = below ? listTree(below, '/').map(([p]) => p) : ['/'];
    for (let i = 0; i < 12; i++) {
      const p = randomPath(rng, paths);
      const r = rng.next();
      const op = (): void => {
        if (r < 0.3) fs.write(p, fromText(`L${i}:${p}`), { mode: rng.next() < 0.2 ? 0o600 : 0o644, uid: rng.int(2) * 1000 });
        else if (r < 0.55) fs.mkdir(p, rng.next() < 0.2 ? 0o700 : 0o755);
        else if (r < 0.65) fs.symlink(NAMES[rng.int(4)], p);
        else if (r < 0.8 && below) fs.mknod(p, 'chardev', [0, 0], 0); // whiteout
        else if (below) { fs.mkdir(p); fs.setxattr(p, 'trusted.overlay.opaque', 'y'); }
      };
      ensureParents(fs, p);
      attempt(op);
    }
  };
}

function ensureParents(fs: FileSystem, p: string): void {
  const parts = p.split('/').filter(Boolean);
  let cur = '';
  for (const part of parts.slice(0, -1)) {
    cur += '/' + part;
    if (attempt(() => fs.lstat(cur)) !== 'ok') attempt(() => fs.mkdir(cur));
  }
}

/** What the reference must agree on: types, modes, owners, contents, link targets, devices, user xattrs, file nlink. */
function view(fs: FileSystem): string[] {
  return listTree(fs, '/').map(([p, st]) => {
    const body = st.type === 'file' ? toText(fs.read(p)) : st.type === 'symlink' ? fs.readlink(p) : '';
    const nlink = st.type === 'dir' ? '' : st.nlink;
    return `${p} ${st.type} ${st.mode.toString(8)} ${st.uid}:${st.gid} ${nlink} ${st.rdev} [${body}] ${fs.listxattr(p).join(',')}`;
  });
}

function step(rng: Rng, ov: FileSystem, ref: FileSystem, i: number): string {
  const known = listTree(ref, '/').map(([p]) => p).slice(1);
  const p = randomPath(rng, known, 0.15);
  const q = randomPath(rng, known, 0.5);
  const n = randomPath(rng, known, 0.7);
  const data = fromText(`w${i}`);
  const ops: Array<[string, (fs: FileSystem) => void]> = [
    ['write', (fs) => fs.write(n, data)],
    ['append', (fs) => fs.write(p, data, { append: true })],
    ['create-excl', (fs) => fs.write(n, data, { exclusive: true, mode: 0o640 })],
    ['unlink', (fs) => fs.unlink(p)],
    ['rmdir', (fs) => fs.rmdir(p)],
    ['mkdir', (fs) => fs.mkdir(n, 0o751)],
    ['link', (fs) => fs.link(p, n)],
    ['symlink', (fs) => fs.symlink('t' + i, n)],
    ['chmod', (fs) => fs.chmod(p, 0o700)],
    ['chown', (fs) => fs.chown(p, 33, 33)],
    ['truncate', (fs) => fs.truncate(p, 1)],
    ['setxattr', (fs) => fs.setxattr(p, 'user.k', String(i))],
    ['mkfifo', (fs) => fs.mknod(n, 'fifo', [0, 0])],
    ['openForWrite', (fs) => fs.openForWrite(p)],
  ];
  if (rng.next() < 0.15) {
    // rename, with mv(1)'s fallback on EXDEV
    const got = attempt(() => ov.rename(p, q));
    if (got === 'EXDEV') {
      const free = attempt(() => ref.lstat(q)) === 'ENOENT';
      if (free) for (const fs of [ov, ref]) { copyTree(fs, p, fs, q); removeTree(fs, p); }
      return `mv ${p} ${q} (EXDEV${free ? ', copied' : ', target exists: skipped'})`;
    }
    const want = attempt(() => ref.rename(p, q));
    expect(got, `rename ${p} ${q}`).toBe(want);
    return `rename ${p} ${q} → ${got}`;
  }
  if (rng.next() < 0.08) {
    const got = attempt(() => removeTree(ov, p));
    expect(got, `rm -rf ${p}`).toBe(attempt(() => removeTree(ref, p)));
    return `rm -rf ${p} → ${got}`;
  }
  const [name, op] = ops[rng.int(ops.length)];
  const got = attempt(() => op(ov));
  expect(got, `${name} ${p} ${n}`).toBe(attempt(() => op(ref)));
  return `${name} ${p} ${n} → ${got}`;
}

function copyChildren(src: FileSystem, dst: FileSystem): void {
  for (const name of src.readdir('/')) copyTree(src, join('/', name), dst, join('/', name));
}

function runSequence(seed: number): string[] {
  const rng = new Rng(seed);
  const layers = 1 + rng.int(3);
  // Build lowers bottom-up so each layer's whiteouts and opaque dirs refer to what lies below.
  const layerFss: MemoryFs[] = [];
  let below: FileSystem | undefined;
  for (let i = 0; i < layers; i++) {
    const layer = new MemoryFs({ dev: 99, now: testClock() });
    randomLayer(rng, below)(layer);
    layerFss.unshift(layer);
    below = new OverlayFs({ lowers: [...layerFss], dev: 98, now: testClock() });
  }
  const rig = overlayRig(layerFss.map((l) => (fs: FileSystem) => copyChildren(l, fs)));
  const ref = new MemoryFs({ dev: 1, now: testClock() });
  copyChildren(rig.ov, ref);
  const lowersBefore = rig.lowers.map(snapshot);
  const log: string[] = [];
  for (let i = 0; i < 30; i++) {
    log.push(step(rng, rig.ov, ref, i));
    const a = view(rig.ov);
    const b = view(ref);
    if (a.join('\n') !== b.join('\n')) expect(a, `seed ${seed} after:\n${log.join('\n')}`).toEqual(b);
  }
  expect(rig.lowers.map(snapshot), `seed ${seed}: lowers modified`).toEqual(lowersBefore);
  walk(rig.upper, '/', () => {}); // the upper dir stays a walkable tree
  return log;
}

describe('overlay model fuzzing (issue 9): merged view = plain tree receiving the same operations', () => {
  it.each(Array.from({ length: SEQUENCES }, (_, i) => [i + 1]))('seed %i', (seed) => { runSequence(seed); });
  it('the generator reaches every operation, successful and failing, and the EXDEV fallback', () => {
    const outcomes = new Map<string, number>();
    for (let seed = 1; seed <= 40; seed++) {
      for (const line of runSequence(seed)) {
        const [op] = line.split(' ');
        const result = line.includes('EXDEV') ? 'EXDEV' : line.split('→ ')[1];
        const key = `${op} ${result === 'ok' ? 'ok' : result === 'EXDEV' ? 'EXDEV' : 'error'}`;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      }
    }
    for (const op of ['write', 'append', 'create-excl', 'unlink', 'rmdir', 'mkdir', 'link', 'symlink', 'chmod', 'chown', 'truncate', 'setxattr', 'mkfifo', 'rename', 'rm']) {
      expect(outcomes.get(`${op} ok`), `${op} succeeded`).toBeGreaterThan(0);
      expect(outcomes.get(`${op} error`), `${op} failed`).toBeGreaterThan(0);
    }
    expect(outcomes.get('mv EXDEV')).toBeGreaterThan(0);
  });
});
