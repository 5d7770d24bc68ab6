// image-spec config.md (ChainID, ImageID), manifest.md; worked example from facts §2.5.
import { describe, expect, it } from 'vitest';
import type { Digest } from './digest.ts';
import { digestOf } from './digest.ts';
import type { ImageConfig } from './image.ts';
import { canonicalJson, chainIdOf, chainIds, configProblem, imageIdOf, jsonBytes, parseTime, rfc3339 } from './image.ts';

const C6 = 'sha256:c6f988f4874bb0add23a778f753c65efe992244e148a1d2ec2a8b664fb66bbd1' as Digest;
const EMPTY_TAR = 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef' as Digest;

describe('chainIds (config.md §Layer ChainID)', () => {
  it.each([
    ['no layers', [], []],
    ['one layer: ChainID = DiffID', [C6], [C6]],
    ['spec example config: facts §2.5 worked example', [C6, EMPTY_TAR], [C6, 'sha256:c3191d32a37d7159b2e30830937d2e30268ad6c375a773a8994911a3aba9b93f']],
  ])('%s', (_n, input, want) => {
    expect(chainIds(input as Digest[])).toEqual(want);
  });
  it('three layers recurse on the previous chain ID', () => {
    const ids = chainIds([C6, EMPTY_TAR, C6]);
    expect(ids[2]).toBe(digestOf(`${ids[1]} ${C6}`));
    expect(chainIdOf([C6, EMPTY_TAR, C6])).toBe(ids[2]);
  });
});

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [true, null, 'x'] }, '{"a":[true,null,"x"],"b":1}'],
    [{ created_by: 'a && b <c>' }, '{"created_by":"a \\u0026\\u0026 b \\u003cc\\u003e"}'],
    [{ x: undefined, y: {} }, '{"y":{}}'],
  ])('%j', (v, want) => expect(canonicalJson(v)).toBe(want));
});

describe('imageIdOf / configProblem (config.md §ImageID)', () => {
  const cfg: ImageConfig = {
    architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [C6] },
    history: [{ created_by: 'ADD file' }, { created_by: 'CMD ["sh"]', empty_layer: true }],
  };
  it('ImageID is the digest of the config bytes', () => expect(imageIdOf(cfg)).toBe(digestOf(jsonBytes(cfg))));
  it.each([
    ['valid', cfg, undefined],
    ['no os', { ...cfg, os: '' }, 'config: os is required'],
    ['history/diff_ids mismatch', { ...cfg, history: [] }, 'config: 0 non-empty history entries but 1 diff_ids'],
  ])('%s', (_n, c, want) => expect(configProblem(c as ImageConfig)).toBe(want));
});

describe('rfc3339', () => {
  it.each([
    [0, '1970-01-01T00:00:00Z'],
    [Date.UTC(2026, 0, 1) * 1000 + 123_456, '2026-01-01T00:00:00.123456Z'],
  ])('%i µs', (us, want) => {
    expect(rfc3339(us)).toBe(want);
    expect(parseTime(want)).toBe(us);
  });
  it.each([[undefined, 0], ['garbage', 0], ['2025-10-08T11:05:00Z', Date.UTC(2025, 9, 8, 11, 5) * 1000]])('parseTime(%s)', (s, want) => expect(parseTime(s)).toBe(want));
});
