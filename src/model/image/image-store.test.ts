// ImageStore over overlay2 + layerdb (moby layer_store.go, facts §2.5, §3.3); docker images/history/rmi/system df.
import { describe, expect, it } from 'vitest';
import { fromText } from '../fs/data.ts';
import { MemoryFs } from '../fs/memory-fs.ts';
import { Rng } from '../rng.ts';
import { ALPINE, resolveImage } from './builtin.ts';
import { chainIds } from './image.ts';
import type { ImageConfig } from './image.ts';
import { ImageStore } from './image-store.ts';
import { layerDigest } from './layer-digest.ts';
import { LayerBuilder } from './layer-builder.ts';

const T0 = Date.UTC(2026, 0, 1) * 1000;

function setup() {
  const fs = new MemoryFs({ dev: 1, now: () => T0 });
  const store = new ImageStore({ fs, rng: new Rng(7), now: () => T0 });
  const alpine = resolveImage(ALPINE);
  const img = store.add(alpine.config, alpine.layers, { tags: ['alpine:3.22', 'alpine:latest'] });
  return { fs, store, img, alpine };
}

function childImage(base: ImageConfig, files: Record<string, string>) {
  const b = new LayerBuilder(1_767_225_600);
  for (const [p, t] of Object.entries(files)) b.file(p, t);
  const entries = b.build();
  const d = layerDigest(entries);
  const config: ImageConfig = {
    ...base, rootfs: { type: 'layers', diff_ids: [...base.rootfs.diff_ids, d.diffId] },
    history: [...(base.history ?? []), { created_by: 'COPY . /app # buildkit' }],
  };
  return { config, layer: { ...d, entries: () => entries } };
}

describe('ImageStore.add (pull/load)', () => {
  it('lays the layer out as overlay2 + layerdb on the host', () => {
    const { fs, store, img } = setup();
    const chain = img.chainIds[0];
    const cache = store.layers.get(chain)!.cacheId;
    const db = `/var/lib/docker/image/overlay2/layerdb/sha256/${chain.slice(7)}`;
    expect(new TextDecoder().decode(fs.read(`${db}/diff`) as Uint8Array)).toBe(img.config.rootfs.diff_ids[0]);
    expect(new TextDecoder().decode(fs.read(`${db}/cache-id`) as Uint8Array)).toBe(cache);
    expect(fs.readlink(`/var/lib/docker/overlay2/${cache}/diff/bin/ls`)).toBe('/bin/busybox');
    const link = new TextDecoder().decode(fs.read(`/var/lib/docker/overlay2/${cache}/link`) as Uint8Array);
    expect(link).toMatch(/^[A-Z0-9]{26}$/);
    expect(fs.readlink(`/var/lib/docker/overlay2/l/${link}`)).toBe(`../${cache}/diff`);
    expect(fs.lstat(`/var/lib/docker/overlay2/${cache}/diff/tmp`).mode).toBe(0o1777);
    expect(fs.lstat(`/var/lib/docker/image/overlay2/imagedb/content/sha256/${img.id.slice(7)}`).type).toBe('file');
  });
  it.each([['alpine'], ['alpine:3.22'], ['docker.io/library/alpine:latest']])('resolves %s', (ref) => {
    const { store, img } = setup();
    expect(store.resolve(ref)?.id).toBe(img.id);
  });
  it('resolves a unique ID prefix', () => {
    const { store, img } = setup();
    expect(store.resolve(img.id.slice(7, 19))?.id).toBe(img.id);
  });
  it('image size is the unpacked size, near 8 MB (facts §8.4)', () => {
    const { img } = setup();
    expect(img.size).toBeGreaterThan(7_000_000);
    expect(img.size).toBeLessThan(8_000_000);
  });
  it('an image on top of alpine shares its layer: stored once, counted once in df', () => {
    const { store, img } = setup();
    const before = store.df().size;
    const child = childImage(img.config, { 'app/main.sh': 'echo hi\n' });
    const rec = store.add(child.config, [resolveImage(ALPINE).layers[0], child.layer], { tags: ['app:1'] });
    expect(rec.chainIds).toEqual(chainIds(child.config.rootfs.diff_ids));
    expect(store.layers.all()).toHaveLength(2);
    expect(store.df().size).toBe(before + 8);
    expect(rec.size).toBe(img.size + 8);
    expect(store.sizes('app:1')).toEqual({ size: img.size + 8, sharedSize: img.size, uniqueSize: 8 });
    expect(store.sizes('alpine:3.22')).toEqual({ size: img.size, sharedSize: img.size, uniqueSize: 0 });
  });
});

describe('rows, history, rmi', () => {
  it('docker images: one row per tag', () => {
    const { store } = setup();
    expect(store.rows().map((r) => `${r.repository}:${r.tag}`)).toEqual(['alpine:3.22', 'alpine:latest']);
  });
  it('docker history: newest first, <missing> below the top, CMD has size 0', () => {
    const { store, img } = setup();
    const h = store.history('alpine');
    expect(h.map((r) => [r.id, r.createdBy, r.size])).toEqual([
      [img.id, 'CMD ["/bin/sh"]', 0],
      ['<missing>', 'ADD alpine-minirootfs-3.22.6-x86_64.tar.gz / # buildkit', img.size],
    ]);
  });
  it.each([
    ['alpine:latest', ['Untagged: alpine:latest']],
  ])('rmi %s with another tag left only untags', (ref, lines) => {
    const { store } = setup();
    expect(store.remove(ref)).toEqual(lines);
    expect(store.resolve('alpine:3.22')).toBeDefined();
  });
  it('rmi of the last tag deletes the image and its layer', () => {
    const { store, img, fs } = setup();
    store.remove('alpine:latest');
    expect(store.remove('alpine:3.22')).toEqual(['Untagged: alpine:3.22', `Deleted: ${img.id}`, `Deleted: ${img.chainIds[0]}`]);
    expect(store.layers.all()).toHaveLength(0);
    expect(fs.readdir('/var/lib/docker/overlay2/l')).toEqual([]);
  });
  // moby layer_store.go: an image references only its top layer, so rmi cascades down the chain (docker rmi prints every Deleted: layer).
  it.each([
    ['the child alone (alpine stays for alpine:3.22)', ['app:1'], 1],
    ['the child, then alpine', ['app:1', 'alpine:3.22', 'alpine:latest'], 0],
    ['alpine first (the child keeps its layer), then the child', ['alpine:3.22', 'alpine:latest', 'app:1'], 0],
  ])('rmi of a two-layer image: %s leaves %#', (_what, refs, left) => {
    const { store, img } = setup();
    const child = childImage(img.config, { 'app/main.sh': 'echo hi\n' });
    store.add(child.config, [resolveImage(ALPINE).layers[0], child.layer], { tags: ['app:1'] });
    for (const r of refs) store.remove(r);
    expect(store.layers.all()).toHaveLength(left);
    expect(store.df().size).toBe(left ? img.size : 0);
  });
  it.each<[string, string, boolean, boolean, RegExp | string[]]>([
    ['by name, no force', 'alpine:3.22', false, false, /unable to remove repository reference "alpine:3.22" \(must force\) - container cccccccccccc is using its referenced image/],
    ['by ID, running', 'ID', true, true, /unable to delete \w{12} \(cannot be forced\) - image is being used by running container cccccccccccc/],
    ['by ID, stopped, no force', 'ID', false, false, /unable to delete \w{12} \(must be forced\) - image is being used by stopped container cccccccccccc/],
    ['by name, forced, running: untag only', 'alpine:3.22', true, true, ['Untagged: alpine:3.22']],
  ])('rmi of an image a container uses: %s', (_n, ref, running, force, want) => {
    const { store, img } = setup();
    store.remove('alpine:latest');
    const act = () => store.remove(ref === 'ID' ? img.id : ref, { force, inUse: () => ({ id: 'c'.repeat(64), running }) });
    if (want instanceof RegExp) expect(act).toThrow(want);
    else expect(act()).toEqual(want);
    expect(store.resolve(img.id)?.id).toBe(img.id);
  });
  it('rmi -f of an image a stopped container uses deletes the image but its layers stay with the container', () => {
    const { store, img } = setup();
    store.remove('alpine:latest');
    store.layers.createRw('c1', img.chainIds[0], 'm1');
    expect(store.remove(img.id, { force: true, inUse: () => ({ id: 'c1', running: false }) })).toEqual(['Untagged: alpine:3.22', `Deleted: ${img.id}`]);
    expect(store.layers.get(img.chainIds[0])).toBeDefined();
    store.layers.removeRw('c1');
    expect(store.layers.all()).toEqual([]);
  });
});

describe('local parent images (docker commit)', () => {
  function committed() {
    const x = setup();
    const child = childImage(x.img.config, { 'etc/hello': 'hi\n' });
    const rec = x.store.add(child.config, [resolveImage(ALPINE).layers[0], child.layer], { tags: ['mine:1'], parent: x.img.id });
    return { ...x, rec };
  }
  it('docker history shows the parent image ID on the parent\'s top row, <missing> below', () => {
    const { store, img, rec } = committed();
    expect(store.history('mine:1').map((h) => h.id)).toEqual([rec.id, img.id, '<missing>']);
  });
  it.each([
    ['by ID', (id: string) => id, /unable to delete \w{12} \(cannot be forced\) - image has dependent child images/],
  ])('rmi of a parent %s is refused', (_n, ref, msg) => {
    const { store, img } = committed();
    expect(() => store.remove(ref(img.id), { force: true })).toThrow(msg);
  });
  it('rmi of a parent by its last name only untags it', () => {
    const { store, img } = committed();
    store.remove('alpine:latest');
    expect(store.remove('alpine:3.22')).toEqual(['Untagged: alpine:3.22']);
    expect(store.resolve(img.id)).toBeDefined();
  });
});

describe('container RW layers (CreateRWLayer + init layer)', () => {
  it('makes <id>-init and the rw dir with lower, work, merged; mounts use l/ links', () => {
    const { fs, store, img } = setup();
    const rw = store.layers.createRw('c'.repeat(64), img.chainIds[0], 'm'.repeat(64));
    const root = '/var/lib/docker/overlay2';
    expect(fs.readdir(`${root}/${'m'.repeat(64)}`)).toEqual(['diff', 'link', 'lower', 'merged', 'work']);
    const lower = new TextDecoder().decode(fs.read(`${root}/${'m'.repeat(64)}/lower`) as Uint8Array);
    expect(lower).toMatch(/^l\/[A-Z0-9]{26}:l\/[A-Z0-9]{26}$/);
    expect(rw.mounts[0].options).toEqual(['index=off', `lowerdir=${lower.split(':').map((l) => `${root}/${l}`).join(':')}`, `upperdir=${root}/${'m'.repeat(64)}/diff`, `workdir=${root}/${'m'.repeat(64)}/work`]);
    expect(rw.graphDriver.LowerDir).toBe(`${root}/${'m'.repeat(64)}-init/diff:${root}/${store.layers.get(img.chainIds[0])!.cacheId}/diff`);
    // init layer: only what alpine lacks (alpine has /etc/hosts, /etc/hostname, /etc/mtab, /proc, /sys)
    const init = `${root}/${'m'.repeat(64)}-init/diff`;
    expect(fs.readdir(init)).toEqual(['.dockerenv', 'dev', 'etc']);
    expect(fs.readdir(`${init}/etc`)).toEqual(['resolv.conf']);
    expect(fs.readdir(`${init}/dev`)).toEqual(['console', 'pts', 'shm']);
    expect(fs.lstat(`${root}/${store.layers.get(img.chainIds[0])!.cacheId}/committed`).type).toBe('file');
  });
  it('docker diff of writes made in the upper dir (C /etc, A /etc/hello, D /etc/motd)', () => {
    const { fs, store, img } = setup();
    store.layers.createRw('c1', img.chainIds[0], 'm1');
    const up = store.snapshotter.diffDir('c1');
    const lowerEtc = fs.lstat(`${store.snapshotter.lowerDirs('c1')[0]}/etc`);
    fs.mkdir(`${up}/etc`, lowerEtc.mode);
    fs.write(`${up}/etc/hello`, fromText('hi\n'));
    fs.mknod(`${up}/etc/motd`, 'chardev', [0, 0], 0);
    fs.utimes(`${up}/etc`, T0 + 5_000_000);
    expect(store.layers.changes('c1').map((c) => `${c.kind} ${c.path}`)).toEqual(['C /etc', 'A /etc/hello', 'D /etc/motd']);
    expect(store.layers.rwSize('c1')).toBe(3);
  });
  it('1000 containers share the image layer: each costs a few inodes, not a copy', () => {
    const { fs, store, img } = setup();
    const before = fs.usage();
    for (let i = 0; i < 1000; i++) store.layers.createRw(`c${i}`, img.chainIds[0], `m${i}`);
    const after = fs.usage();
    expect(after.bytes - before.bytes).toBeLessThan(1000 * 300);
    expect(store.df(new Set([img.id])).reclaimable).toBe(0);
    store.layers.removeRw('c0');
    expect(store.layers.get(img.chainIds[0])).toBeDefined();
  });
});

describe('a failed add leaves the store as it was (validate first, roll back)', () => {
  it('ENOSPC on the second layer releases the first', () => {
    const fs = new MemoryFs({ dev: 1, now: () => T0, capacityBytes: 9_000_000 });
    const store = new ImageStore({ fs, rng: new Rng(7), now: () => T0 });
    const alpine = resolveImage(ALPINE);
    const child = childImage(alpine.config, { 'app/big': 'x'.repeat(2_000_000) });
    expect(() => store.add(child.config, [alpine.layers[0], child.layer], { tags: ['big:1'] })).toThrow(/No space left on device/);
    expect(store.layers.all()).toEqual([]);
    expect(store.list()).toEqual([]);
    expect(fs.readdir('/var/lib/docker/overlay2').filter((n) => n !== 'l')).toEqual([]);
    // and the store still works afterwards
    expect(store.add(alpine.config, alpine.layers, { tags: ['alpine:3.22'] }).repoTags).toEqual(['alpine:3.22']);
  });
  it('a config whose diff_ids do not match the layers is refused before anything is written', () => {
    const fs = new MemoryFs({ dev: 1, now: () => T0 });
    const store = new ImageStore({ fs, rng: new Rng(7), now: () => T0 });
    const alpine = resolveImage(ALPINE);
    expect(() => store.add({ ...alpine.config, rootfs: { type: 'layers', diff_ids: [] } }, alpine.layers)).toThrow(/layers do not match|non-empty history/);
    expect(fs.readdir('/')).toEqual([]);
  });
});
