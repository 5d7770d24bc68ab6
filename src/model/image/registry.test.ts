// distribution-spec push/pull moving only missing blobs; Docker's pull/push texts.
import { describe, expect, it } from 'vitest';
import { MemoryFs } from '../fs/memory-fs.ts';
import { Rng } from '../rng.ts';
import type { ImageConfig } from './image.ts';
import { ImageStore } from './image-store.ts';
import { layerDigest } from './layer-digest.ts';
import { LayerBuilder } from './layer-builder.ts';
import { pullLines, pushLines, qualifiedName, Registry } from './registry.ts';

const T0 = Date.UTC(2026, 0, 1) * 1000;
const host = (seed: number) => new ImageStore({ fs: new MemoryFs({ dev: seed, now: () => T0 }), rng: new Rng(seed), now: () => T0 });

describe('Registry.pull', () => {
  it('pulls alpine: one layer, compressed size from facts §8.4', () => {
    const reg = new Registry();
    const a = host(1);
    const r = reg.pull('alpine:3.22', a);
    expect(r.layers).toHaveLength(1);
    expect(r.layers[0]).toMatchObject({ status: 'Pull complete', bytes: 3_792_075 });
    expect(r.bytes).toBeGreaterThan(3_792_075);
    expect(a.resolve('alpine:3.22')?.repoDigests).toEqual([`alpine@${r.digest}`]);
  });
  it.each([['alpine'], ['alpine:latest'], ['docker.io/library/alpine:3.22.6']])('%s resolves to the same image', (ref) => {
    const reg = new Registry();
    expect(reg.resolve(ref)?.digest).toBe(reg.resolve('alpine:3.22')?.digest);
  });
  it('a second pull is up to date and moves nothing', () => {
    const reg = new Registry();
    const a = host(1);
    reg.pull('alpine:3.22', a);
    const r = reg.pull('alpine:3.22', a);
    expect([r.upToDate, r.bytes]).toEqual([true, 0]);
  });
  it('pulling another tag of the same image adds the tag only', () => {
    const reg = new Registry();
    const a = host(1);
    reg.pull('alpine:3.22', a);
    const r = reg.pull('alpine:latest', a);
    expect(r.upToDate).toBe(true);
    expect(a.resolve('alpine:3.22')?.repoTags).toEqual(['alpine:3.22', 'alpine:latest']);
  });
  it.each([
    ['nosuch:1', /pull access denied for nosuch, repository does not exist/],
    ['alpine:9.99', /pull access denied for alpine/],
    ['UPPER', /invalid reference format/],
  ])('%s fails', (ref, msg) => {
    expect(() => new Registry().pull(ref, host(1))).toThrow(msg);
  });
});

describe('Registry.push then pull on a second host (claims same-image-everywhere, small-updates)', () => {
  it('moves only the layer the other side lacks and keeps the same digest', () => {
    const reg = new Registry();
    const dev = host(1);
    const base = reg.pull('alpine:3.22', dev).image;
    const b = new LayerBuilder(1_767_225_600).file('app/run.sh', '#!/bin/sh\necho v1\n', 0o755);
    const entries = b.build();
    const d = layerDigest(entries);
    const config: ImageConfig = { ...base.config, rootfs: { type: 'layers', diff_ids: [...base.config.rootfs.diff_ids, d.diffId] }, history: [...(base.config.history ?? []), { created_by: 'COPY run.sh /app/ # buildkit' }] };
    dev.add(config, [...dev.layerSources(base.id), { ...d, entries: () => entries }], { tags: ['shop/web:1'] });
    const pushed = reg.push('shop/web:1', dev);
    expect(pushed.layers.map((l) => l.status)).toEqual(['Pushed', 'Mounted from library/alpine']);
    expect(pushed.layers[0].bytes).toBe(d.tarSize);
    const prod = host(2);
    reg.pull('alpine:3.22', prod);
    const pulled = reg.pull('shop/web:1', prod);
    expect(pulled.layers.map((l) => l.status)).toEqual(['Already exists', 'Pull complete']);
    expect(pulled.layers[1].bytes).toBe(d.tarSize);
    expect(pulled.digest).toBe(pushed.digest);
    expect(prod.resolve('shop/web:1')?.id).toBe(dev.resolve('shop/web:1')?.id);
  });
  it('a base layer loaded (not pulled) is mounted from the built-in repository, not uploaded', () => {
    const reg = new Registry();
    const src = host(11);
    new Registry().pull('alpine:3.22', src);
    src.tag('team/tool:2', 'alpine:3.22');
    const r = reg.push('team/tool:2', src);
    expect(r.layers.map((l) => [l.status, l.bytes])).toEqual([['Mounted from library/alpine', 0]]);
  });
  it('push of an image that is not there', () => {
    expect(() => new Registry().push('ghost:1', host(1))).toThrow('An image does not exist locally with the tag: ghost');
  });
});

describe('built-in images through the registry', () => {
  it('postgres:17-alpine reuses the alpine layer already on the host', () => {
    const reg = new Registry();
    const a = host(3);
    reg.pull('alpine:3.22', a);
    const r = reg.pull('postgres:17-alpine', a);
    expect(r.layers[0].status).toBe('Already exists');
    expect(r.layers.slice(1).every((l) => l.status === 'Pull complete')).toBe(true);
    expect(a.df().size).toBe(a.resolve('postgres:17-alpine')!.size);
  });
  it('a Windows image is refused for linux/amd64 with Docker\'s message', () => {
    expect(() => new Registry().pull('mcr.microsoft.com/windows/nanoserver:ltsc2022', host(4))).toThrow('no matching manifest for linux/amd64 in the manifest list entries');
  });
  it('platform "any" lets the engine load it to show its own refusal', () => {
    const r = new Registry().pull('mcr.microsoft.com/windows/nanoserver:ltsc2022', host(4), { platform: 'any' });
    expect(r.image.config.os).toBe('windows');
  });
  it('shop/app (~1.2 GB) pulls without materialising its model file, and 1000 containers cost kilobytes each', () => {
    const reg = new Registry();
    const a = host(5);
    const img = reg.pull('shop/app:1.0', a).image;
    expect(img.size).toBeGreaterThan(1_100_000_000);
    const before = a.fs.usage();
    for (let i = 0; i < 1000; i++) a.layers.createRw(`c${i}`, img.chainIds.at(-1), `m${i}`);
    const after = a.fs.usage();
    expect((after.bytes - before.bytes) / 1000).toBeLessThan(1024);
    expect(a.df().size).toBe(img.size);
  });
});

describe('pullLines / pushLines (docker pull/push output)', () => {
  it('pull of a fresh image', () => {
    const reg = new Registry();
    const r = reg.pull('alpine:3.22', host(8));
    expect(pullLines(r)).toEqual([
      '3.22: Pulling from library/alpine', `${r.layers[0].id}: Pull complete`, `Digest: ${r.digest}`,
      'Status: Downloaded newer image for alpine:3.22', 'docker.io/library/alpine:3.22',
    ]);
  });
  it('docker run pulls without the reference line; up to date on the second pull', () => {
    const reg = new Registry();
    const h = host(8);
    reg.pull('alpine', h);
    const r = reg.pull('alpine', h);
    expect(pullLines(r, { command: 'run' })).toEqual(['latest: Pulling from library/alpine', `Digest: ${r.digest}`, 'Status: Image is up to date for alpine:latest']);
    expect(pullLines(r, { defaultTag: true })[0]).toBe('Using default tag: latest');
  });
  it.each([
    ['mcr.microsoft.com/windows/nanoserver', 'ltsc2022', 'mcr.microsoft.com/windows/nanoserver:ltsc2022'],
    ['shop/app', '1.0', 'docker.io/shop/app:1.0'],
    ['localhost:5000/app', '1', 'localhost:5000/app:1'],
  ])('qualifiedName(%s, %s)', (repo, tag, want) => expect(qualifiedName(repo, tag)).toBe(want));
  it('push', () => {
    const reg = new Registry();
    const h = host(9);
    reg.pull('alpine:3.22', h);
    h.tag('shop/base:1', 'alpine:3.22');
    const r = reg.push('shop/base:1', h);
    expect(pushLines(r)).toEqual(['The push refers to repository [docker.io/shop/base]', `${r.layers[0].id}: Mounted from library/alpine`, `1: digest: ${r.digest} size: ${r.manifestSize}`]);
    expect(reg.push('shop/base:1', h).layers[0].status).toBe('Layer already exists');
  });
});
