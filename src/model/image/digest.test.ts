// Digests per OCI image-spec descriptor.md; constants from facts §2.4.
import { describe, expect, it } from 'vitest';
import { digestOf, Hasher, hexOf, isDigest, shortId } from './digest.ts';

describe('digestOf (image-spec descriptor.md §Digests)', () => {
  it.each([
    ['empty input', new Uint8Array(0), 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['"{}" = the spec\'s empty descriptor', '{}', 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'],
    ['1024 zero bytes = an empty tar (facts §2.4)', new Uint8Array(1024), 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef'],
  ])('%s', (_name, input, want) => {
    expect(digestOf(input)).toBe(want);
  });
});

describe('Hasher (incremental)', () => {
  it.each([[1], [7], [512], [1000]])('chunks of %i bytes give the one-shot digest', (n) => {
    const data = new Uint8Array(3000).map((_, i) => (i * 31) & 0xff);
    const h = new Hasher();
    for (let i = 0; i < data.length; i += n) h.update(data.subarray(i, i + n));
    expect(h.bytes).toBe(3000);
    expect(h.digest()).toBe(digestOf(data));
  });
});

describe('ids', () => {
  const d = 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef';
  it.each([
    [shortId(d), '5f70bf18a086'],
    [hexOf(d), d.slice(7)],
    [hexOf('abc'), 'abc'],
  ])('%s', (got, want) => expect(got).toBe(want));
  it.each([
    [d, true],
    ['sha256:ABC', false],
    ['md5:' + 'a'.repeat(64), false],
    ['sha256:' + 'A'.repeat(64), false],
  ])('isDigest(%s) = %s', (s, ok) => expect(isDigest(s)).toBe(ok));
});
