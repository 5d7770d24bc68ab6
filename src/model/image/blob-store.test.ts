// Content-addressed storage (image-spec descriptor.md: digest of the exact bytes).
import { describe, expect, it } from 'vitest';
import { fromText, virtualData } from '../fs/data.ts';
import { BlobStore } from './blob-store.ts';
import { digestOf } from './digest.ts';
import { MEDIA } from './image.ts';
import { tarBytes } from './tar.ts';
import type { TarEntry } from './tar.ts';

const entries: TarEntry[] = [{ path: 'f', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, data: fromText('x') }];

describe('BlobStore', () => {
  it.each([
    ['bytes stored once', () => { const s = new BlobStore(); s.put(fromText('{}'), MEDIA.config); s.put(fromText('{}'), MEDIA.config); return s; }, 2, 1],
    ['different bytes both kept', () => { const s = new BlobStore(); s.put(fromText('a'), 'x'); s.put(fromText('b'), 'x'); return s; }, 2, 2],
    ['tar spec counts its tar size', () => { const s = new BlobStore(); s.putTar(() => entries); s.putTar(() => entries); return s; }, 2048, 1],
  ])('%s', (_n, make, total, count) => {
    const s = make();
    expect(s.totalBytes).toBe(total);
    expect(s.digests()).toHaveLength(count);
  });
  it('a tar spec has the digest of its rendered bytes', () => {
    const s = new BlobStore();
    const d = s.putTar(() => entries);
    expect(d.digest).toBe(digestOf(tarBytes(entries)));
    expect(s.bytes(d.digest)).toEqual(tarBytes(entries));
    expect(s.entries(d.digest)[0].path).toBe('f');
  });
  it('a known digest is trusted without hashing (virtual gigabyte)', () => {
    const s = new BlobStore();
    const big: TarEntry[] = [{ ...entries[0], data: virtualData(1e9, 'g') }];
    const d = s.putTar(() => big, { diffId: `sha256:${'a'.repeat(64)}`, tarSize: 1e9 + 2048 });
    expect(s.size(d.digest)).toBe(1e9 + 2048);
  });
  it('missing blob is ENOENT; delete frees bytes', () => {
    const s = new BlobStore();
    expect(() => s.get(`sha256:${'0'.repeat(64)}`)).toThrow(/not found/);
    const d = s.put(fromText('abc'), 'x');
    s.delete(d.digest);
    expect(s.totalBytes).toBe(0);
  });
});
