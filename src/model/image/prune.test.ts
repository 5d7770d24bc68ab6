// docker image prune (dangling images only unless -a; images used by containers are kept).
import { describe, expect, it } from 'vitest';
import { MemoryFs } from '../fs/memory-fs.ts';
import { Rng } from '../rng.ts';
import { ImageStore } from './image-store.ts';
import { pruneImages } from './prune.ts';
import { Registry } from './registry.ts';

const T0 = Date.UTC(2026, 0, 1) * 1000;
function setup() {
  const store = new ImageStore({ fs: new MemoryFs({ dev: 1, now: () => T0 }), rng: new Rng(1), now: () => T0 });
  const reg = new Registry();
  reg.pull('alpine:3.22', store);
  reg.pull('busybox:1.37', store);
  return store;
}

describe('pruneImages', () => {
  it('keeps tagged images without -a', () => {
    const s = setup();
    expect(pruneImages(s)).toEqual({ lines: [], reclaimed: 0 });
  });
  it('removes a dangling image and reports its layer bytes', () => {
    const s = setup();
    const bb = s.resolve('busybox:1.37')!;
    s.tag('busybox:1.37', 'alpine:3.22'); // the tag moves: busybox's image is now dangling
    const r = pruneImages(s);
    expect(r.lines).toEqual([`untagged: busybox@${bb.repoDigests[0].split('@')[1]}`, `deleted: ${bb.id}`, `deleted: ${bb.chainIds[0]}`]);
    expect(r.reclaimed).toBe(bb.size);
  });
  it('-a removes every unused image but keeps those a container uses', () => {
    const s = setup();
    const alpine = s.resolve('alpine:3.22')!;
    const r = pruneImages(s, { all: true, inUse: (id) => id === alpine.id });
    expect(r.lines.filter((l) => l.startsWith('deleted: sha256:'))).toHaveLength(2);
    expect(s.list().map((i) => i.id)).toEqual([alpine.id]);
  });
});
