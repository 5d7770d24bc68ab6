// moby layer store: layerdb by ChainID, refcounts, init layer (daemon/initlayer/setup_unix.go, facts §3.3).
import { describe, expect, it } from 'vitest';
import { MemoryFs } from '../fs/memory-fs.ts';
import { Rng } from '../rng.ts';
import { applyLayer } from './changeset.ts';
import { LayerStore, mergedLstat } from './layer-store.ts';
import { LayerBuilder } from './layer-builder.ts';
import { layerDigest } from './layer-digest.ts';
import { Overlay2Snapshotter } from './snapshotter.ts';
import type { TarEntry } from './tar.ts';

function store() {
  const fs = new MemoryFs({ dev: 1, now: () => 1e15 });
  return { fs, ls: new LayerStore(new Overlay2Snapshotter({ fs, rng: new Rng(3), now: () => 1e15 })) };
}
function reg(ls: LayerStore, entries: TarEntry[], parent?: `sha256:${string}`) {
  const d = layerDigest(entries);
  return ls.register(d.diffId, d.tarSize, () => entries, parent);
}

describe('register / release', () => {
  it('the same chain is stored once and reference counted', () => {
    const { ls } = store();
    const e = new LayerBuilder(0).file('a', 'a').build();
    const l1 = reg(ls, e);
    const l2 = reg(ls, e);
    expect(l2.cacheId).toBe(l1.cacheId);
    ls.release(l1.chainId);
    expect(ls.get(l1.chainId)).toBeDefined();
    ls.release(l1.chainId);
    expect(ls.get(l1.chainId)).toBeUndefined();
  });
  it('the same diff on another parent is another chain (config.md §Layer ChainID)', () => {
    const { ls } = store();
    const base = reg(ls, new LayerBuilder(0).file('base', 'b').build());
    const e = new LayerBuilder(0).file('a', 'a').build();
    expect(reg(ls, e, base.chainId).chainId).not.toBe(reg(ls, e).chainId);
  });
  it('an unknown parent is ENOENT', () => {
    const { ls } = store();
    expect(() => reg(ls, [], `sha256:${'0'.repeat(64)}`)).toThrow(/layer does not exist/);
  });
});

describe('init layer contents per image (moby initMount)', () => {
  it.each<[string, TarEntry[], string[]]>([
    ['an empty image gets every init path', [], ['/.dockerenv', '/dev', '/dev/console', '/dev/pts', '/dev/shm', '/etc', '/etc/hostname', '/etc/hosts', '/etc/mtab', '/etc/resolv.conf', '/proc', '/sys']],
    ['an image with /etc/hosts, /proc, /sys and /dev/pts', new LayerBuilder(0).file('etc/hosts', '').dir('proc').dir('sys').dir('dev/pts').build(),
      ['/.dockerenv', '/dev', '/dev/console', '/dev/shm', '/etc', '/etc/hostname', '/etc/mtab', '/etc/resolv.conf']],
  ])('%s', (_n, entries, want) => {
    const { fs, ls } = store();
    const l = reg(ls, entries);
    ls.createRw('c1', l.chainId, 'm1');
    const init = ls.snapshotter.diffDir('m1-init');
    const got: string[] = [];
    const walk = (d: string, rel: string) => { for (const n of fs.readdir(d)) { got.push(`${rel}/${n}`); if (fs.lstat(`${d}/${n}`).type === 'dir') walk(`${d}/${n}`, `${rel}/${n}`); } };
    walk(init, '');
    expect(got.sort()).toEqual(want);
    expect(fs.readlink(`${init}/etc/mtab`)).toBe('/proc/mounts');
    expect(fs.lstat(`${init}/.dockerenv`).mode).toBe(0o755);
  });
  it('a parent copied up into the init layer keeps the image\'s mode and owner', () => {
    const { fs, ls } = store();
    const l = reg(ls, new LayerBuilder(0).dir('etc', 0o750, { uid: 0, gid: 42 }).build());
    ls.createRw('c1', l.chainId, 'm1');
    const st = fs.lstat(`${ls.snapshotter.diffDir('m1-init')}/etc`);
    expect([st.mode, st.gid]).toEqual([0o750, 42]);
  });
});

describe('mergedLstat (lookup through diff dirs, uppermost first)', () => {
  const { fs } = store();
  for (const d of ['/l0', '/l1', '/l2']) fs.mkdir(d);
  applyLayer(fs, '/l0', new LayerBuilder(0).file('a/x', 'x').file('b/y', 'y').file('c', 'c').build());
  applyLayer(fs, '/l1', [{ path: 'a', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 }, { path: 'a/.wh..wh..opq', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0 }, { path: '.wh.c', type: 'file', mode: 0o600, uid: 0, gid: 0, mtime: 0 }]);
  applyLayer(fs, '/l2', new LayerBuilder(0).file('b/z', 'z').build());
  const lowers = ['/l2', '/l1', '/l0'];
  it.each([
    ['/b/y', true], ['/b/z', true], ['/a/x', false], ['/a', true], ['/c', false], ['/nope', false],
  ])('%s visible: %s', (p, visible) => expect(mergedLstat(fs, lowers, p) !== undefined).toBe(visible));
});
