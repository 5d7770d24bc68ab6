// containerd core/snapshots/snapshotter.go semantics (facts §3.1) on moby's overlay2 layout (facts §3.3),
// in the spirit of containerd's testsuite.SnapshotterSuite.
import { describe, expect, it } from 'vitest';
import { fromText, toText } from '../fs/data.ts';
import { MemoryFs } from '../fs/memory-fs.ts';
import { Rng } from '../rng.ts';
import { Overlay2Snapshotter } from './snapshotter.ts';
import type { SnapshotInfo } from './snapshotter.ts';

const R = '/var/lib/docker/overlay2';
function make() {
  let t = 1_000;
  const fs = new MemoryFs({ dev: 1, now: () => t });
  const s = new Overlay2Snapshotter({ fs, rng: new Rng(42), now: () => ++t });
  return { fs, s };
}
/** base ← mid committed, like two image layers. */
function twoLayers() {
  const x = make();
  x.s.prepare('k1', '');
  x.fs.write(`${x.s.diffDir('k1')}/a`, fromText('a'));
  x.s.commit('base', 'k1');
  x.s.prepare('k2', 'base');
  x.s.commit('mid', 'k2');
  return x;
}

describe('prepare / view / commit / remove', () => {
  it.each<[string, (s: Overlay2Snapshotter) => void, RegExp]>([
    ['prepare the same key twice', (s) => { s.prepare('a'); s.prepare('a'); }, /snapshot a: already exists/],
    ['prepare on a missing parent', (s) => s.prepare('a', 'nope'), /snapshot nope does not exist/],
    ['prepare on an active parent', (s) => { s.prepare('a'); s.prepare('b', 'a'); }, /parent a is not committed/],
    ['commit a view', (s) => { s.view('v'); s.commit('n', 'v'); }, /is not active/],
    ['commit onto an existing name', (s) => { s.prepare('a'); s.commit('n', 'a'); s.prepare('b'); s.commit('n', 'b'); }, /snapshot n: already exists/],
    ['commit a missing key', (s) => s.commit('n', 'x'), /snapshot x does not exist/],
    ['mounts of a committed snapshot', (s) => { s.prepare('a'); s.commit('n', 'a'); s.mounts('n'); }, /mounts are only for active snapshots/],
    ['remove a parent with a child', (s) => { s.prepare('a'); s.commit('n', 'a'); s.prepare('c', 'n'); s.remove('n'); }, /cannot remove snapshot with child/],
    ['empty key', (s) => s.prepare(''), /invalid key/],
  ])('%s fails', (_n, act, msg) => {
    const { s } = make();
    expect(() => act(s)).toThrow(msg);
  });

  it('a failed prepare leaves no directory behind (validate first)', () => {
    const { fs, s } = make();
    s.prepare('a');
    const before = fs.readdir(R);
    expect(() => s.prepare('b', 'a')).toThrow();
    expect(fs.readdir(R)).toEqual(before);
  });

  it('commit keeps the directory and the parent; the key disappears', () => {
    const { s } = twoLayers();
    expect(s.has('k2')).toBe(false);
    expect(s.stat('mid')).toMatchObject({ kind: 'committed', name: 'mid', parent: 'base' });
  });

  it.each<[string, (s: Overlay2Snapshotter) => string[]]>([
    ['active on nothing: rw bind of diff', (s) => { s.prepare('c'); return [s.mounts('c')[0].type, ...s.mounts('c')[0].options]; }],
    ['view of one layer: ro bind of that layer', (s) => { s.view('v', 'base'); return [s.mounts('v')[0].type, ...s.mounts('v')[0].options]; }],
  ])('%s', (_n, f) => {
    const { s } = twoLayers();
    expect(f(s)[0]).toBe('bind');
  });

  it('an active snapshot on two layers mounts an overlay of l/ links, uppermost first', () => {
    const { fs, s } = twoLayers();
    const m = s.prepare('ctr', 'mid');
    const lower = toText(fs.read(`${s.dirOf('ctr')}/lower`));
    const links = [toText(fs.read(`${s.dirOf('mid')}/link`)), toText(fs.read(`${s.dirOf('base')}/link`))];
    expect(lower).toBe(links.map((l) => `l/${l}`).join(':'));
    expect(m).toEqual([{ type: 'overlay', source: 'overlay', options: ['index=off', `lowerdir=${links.map((l) => `${R}/l/${l}`).join(':')}`, `upperdir=${s.dirOf('ctr')}/diff`, `workdir=${s.dirOf('ctr')}/work`] }]);
    expect(s.lowerDirs('ctr')).toEqual([`${s.dirOf('mid')}/diff`, `${s.dirOf('base')}/diff`]);
    expect(fs.readlink(`${R}/l/${links[0]}`)).toBe(`../${s.idOf('mid')}/diff`);
  });

  it.each([
    ['<id>', (s: Overlay2Snapshotter) => s.dirOf('mid'), 'dir', 0o701],
    ['diff', (s: Overlay2Snapshotter) => `${s.dirOf('mid')}/diff`, 'dir', 0o755],
    ['work', (s: Overlay2Snapshotter) => `${s.dirOf('mid')}/work`, 'dir', 0o700],
    ['link', (s: Overlay2Snapshotter) => `${s.dirOf('mid')}/link`, 'file', 0o644],
    ['committed (parent of a child)', (s: Overlay2Snapshotter) => `${s.dirOf('base')}/committed`, 'file', 0o600],
    ['l/', () => `${R}/l`, 'dir', 0o700],
  ])('overlay2 layout: %s', (_n, path, type, mode) => {
    const { fs, s } = twoLayers();
    const st = fs.lstat(path(s));
    expect([st.type, st.mode]).toEqual([type, mode]);
  });

  it('ids are 64 hex digits, links 26 characters of [A-Z0-9] (overlay2 idLength)', () => {
    const { fs, s } = twoLayers();
    expect(s.idOf('base')).toMatch(/^[0-9a-f]{64}$/);
    expect(toText(fs.read(`${s.dirOf('base')}/link`))).toMatch(/^[A-Z0-9]{26}$/);
  });

  it('remove deletes the directory and its l/ link', () => {
    const { fs, s } = twoLayers();
    const id = s.idOf('mid');
    s.remove('mid');
    expect(fs.readdir(R)).not.toContain(id);
    expect(fs.readdir(`${R}/l`)).toHaveLength(1);
  });

  it('usage counts the snapshot itself, not its parents', () => {
    const { fs, s } = twoLayers();
    s.prepare('c', 'mid');
    fs.write(`${s.diffDir('c')}/x`, fromText('12345'));
    expect(s.usage('c')).toEqual({ size: 5, inodes: 1 });
    expect(s.usage('mid')).toEqual({ size: 0, inodes: 0 });
  });

  it('walk lists snapshots by name, filtered by kind', () => {
    const { s } = twoLayers();
    s.prepare('c1', 'mid');
    s.view('v1', 'mid');
    const names = (f?: Parameters<Overlay2Snapshotter['walk']>[1]) => { const out: string[] = []; s.walk((i: SnapshotInfo) => out.push(`${i.name}:${i.kind}`), f); return out; };
    expect(names()).toEqual(['base:committed', 'c1:active', 'mid:committed', 'v1:view']);
    expect(names({ kind: 'committed' })).toEqual(['base:committed', 'mid:committed']);
    expect(names({ parent: 'mid' })).toEqual(['c1:active', 'v1:view']);
  });

  it('more than 128 lower layers are refused (overlay2 maxDepth, getLower)', () => {
    const { s } = make();
    let parent = '';
    for (let i = 0; i < 129; i++) { s.prepare(`k${i}`, parent); s.commit(`n${i}`, `k${i}`); parent = `n${i}`; }
    expect(() => s.prepare('top', parent)).toThrow('max depth exceeded');
    expect(() => s.prepare('ok', 'n127')).not.toThrow();
  });
});
