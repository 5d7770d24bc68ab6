// docker save / load in the Docker ≥ 25 OCI layout format (facts §2.9, §2.11; image-spec image-layout.md).
import { describe, expect, it } from 'vitest';
import { fromText, toText } from '../fs/data.ts';
import { MemoryFs } from '../fs/memory-fs.ts';
import { Rng } from '../rng.ts';
import { ImageStore } from './image-store.ts';
import { loadImages, saveImages } from './oci-layout.ts';
import { Registry } from './registry.ts';
import { readTar, tarBytes } from './tar.ts';

const T0 = Date.UTC(2026, 0, 1) * 1000;
const host = (seed: number) => new ImageStore({ fs: new MemoryFs({ dev: seed, now: () => T0 }), rng: new Rng(seed), now: () => T0 });

function saved() {
  const reg = new Registry();
  const a = host(1);
  reg.pull('alpine:3.22', a);
  reg.pull('busybox:1.37', a);
  return { a, reg, archive: saveImages(a, ['alpine:3.22']) };
}

describe('saveImages', () => {
  const { a, archive } = saved();
  const entries = readTar(archive);
  const file = (p: string) => toText(entries.find((e) => e.path === p)!.data!);
  const img = a.resolve('alpine:3.22')!;
  it('has the layout files and one blob per manifest, config and layer', () => {
    expect(entries.map((e) => e.path).filter((p) => !p.startsWith('blobs/sha256/'))).toEqual(['blobs', 'blobs/sha256', 'index.json', 'manifest.json', 'oci-layout', 'repositories']);
    expect(entries.filter((e) => e.path.startsWith('blobs/sha256/'))).toHaveLength(3);
  });
  it.each([
    ['oci-layout', '{"imageLayoutVersion":"1.0.0"}'],
  ])('%s', (p, want) => expect(file(p)).toBe(want));
  it('index.json names the tag as containerd and OCI annotations', () => {
    const idx = JSON.parse(file('index.json'));
    expect(idx.manifests[0].annotations).toEqual({ 'io.containerd.image.name': 'docker.io/library/alpine:3.22', 'org.opencontainers.image.ref.name': '3.22' });
  });
  it('manifest.json and repositories (legacy) point into blobs/', () => {
    expect(JSON.parse(file('manifest.json'))).toEqual([{ Config: `blobs/sha256/${img.id.slice(7)}`, RepoTags: ['alpine:3.22'], Layers: [`blobs/sha256/${img.config.rootfs.diff_ids[0].slice(7)}`] }]);
    expect(JSON.parse(file('repositories'))).toEqual({ alpine: { '3.22': img.config.rootfs.diff_ids[0].slice(7) } });
  });
  it.each([
    ['shop/app:1.0', /cannot save shop\/app:1\.0: its layers hold .*MB; this model writes archives in memory/],
    ['nothere:1', /No such image: nothere:1/],
  ])('refuses %s', (ref, msg) => {
    const reg = new Registry();
    const s = host(2);
    if (ref.startsWith('shop')) reg.pull(ref, s);
    expect(() => saveImages(s, [ref])).toThrow(msg);
  });
});

describe('loadImages', () => {
  it('round-trips into an empty host: same image ID and layer, Docker\'s line', () => {
    const { a, archive } = saved();
    const b = host(3);
    expect(loadImages(b, archive)).toEqual(['Loaded image: alpine:3.22']);
    expect(b.resolve('alpine:3.22')?.id).toBe(a.resolve('alpine:3.22')?.id);
    expect(b.df().size).toBe(a.resolve('alpine:3.22')?.size);
  });
  it('two images in one archive', () => {
    const { a } = saved();
    const b = host(4);
    expect(loadImages(b, saveImages(a, ['alpine:3.22', 'busybox:1.37']))).toEqual(['Loaded image: alpine:3.22', 'Loaded image: busybox:1.37']);
  });
  it('saving by ID keeps every tag of the image', () => {
    const { a } = saved();
    const id = a.resolve('alpine:3.22')!.id;
    a.tag('alpine:latest', id);
    expect(loadImages(host(5), saveImages(a, [id]))).toEqual(['Loaded image: alpine:3.22', 'Loaded image: alpine:latest']);
  });
  it.each([
    ['not a tar', fromText('hello'), /invalid tar header|missing manifest.json|missing index.json/],
    ['a tar without manifest.json or index.json', tarBytes([{ path: 'x', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, data: fromText('x') }]), /invalid archive: missing index\.json/],
  ])('rejects %s and changes nothing', (_n, bytes, msg) => {
    const b = host(6);
    expect(() => loadImages(b, bytes)).toThrow(msg);
    expect(b.list()).toEqual([]);
  });
  it('rejects a layer whose digest is not the diff ID', () => {
    const { archive } = saved();
    const entries = readTar(archive).map((e) => e.path === 'repositories' ? e : e);
    const layer = entries.find((e) => e.path.startsWith('blobs/sha256/') && (e.data as Uint8Array).length > 100000)!;
    const bad = entries.map((e) => (e === layer ? { ...e, data: tarBytes([]) } : e));
    const b = host(7);
    expect(() => loadImages(b, tarBytes(bad))).toThrow(/invalid diffID for layer 0/);
    expect(b.list()).toEqual([]);
  });
});
