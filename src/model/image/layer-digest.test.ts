// DiffID = sha256 of the uncompressed layer tar (config.md §Layer DiffID); layerSpecId fingerprints a definition.
import { describe, expect, it } from 'vitest';
import { concat, fromText, virtualData } from '../fs/data.ts';
import { digestOf } from './digest.ts';
import { layerDigest, layerSpecId } from './layer-digest.ts';
import type { TarEntry } from './tar.ts';
import { tarBytes } from './tar.ts';

const f = (data: TarEntry['data'], path = 'f'): TarEntry[] => [{ path, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, data }];

describe('layerDigest', () => {
  it('is the digest and length of the rendered tar', () => {
    const e = f(fromText('hello'));
    expect(layerDigest(e)).toEqual({ diffId: digestOf(tarBytes(e)), tarSize: tarBytes(e).length });
  });
  it('an empty layer is the spec\'s 5f70bf18… (facts §2.4)', () => {
    expect(layerDigest([]).diffId).toBe('sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef');
  });
});

describe('layerSpecId', () => {
  const v = virtualData(10_000, 's');
  it.each([
    ['same definition', f(v), f(virtualData(10_000, 's')), true],
    ['another seed', f(v), f(virtualData(10_000, 't')), false],
    ['another size', f(v), f(virtualData(10_001, 's')), false],
    ['a real tail appended (>>)', f(v), f(concat(virtualData(9_999, 's'), fromText('x'))), false],
    ['another path', f(v), f(v, 'g'), false],
    ['real bytes', f(fromText('a')), f(fromText('b')), false],
  ])('%s', (_n, a, b, same) => {
    expect(layerSpecId(a) === layerSpecId(b)).toBe(same);
    if (same) expect(layerDigest(a).diffId).toBe(layerDigest(b).diffId);
  });
});
