// FileData (data.ts): virtual contents generated from a seed, with an optional real tail after `>>` appends;
// truncate(2) semantics (shrink keeps the prefix, growth reads as zero bytes, like a file hole).
import { describe, expect, it } from 'vitest';
import { concat, dataSize, fromText, isVirtual, sameData, slice, toText, truncateData, virtualData } from './data.ts';

const big = virtualData(10_000, 'seed');
const withTail = concat(big, fromText('TAIL'));

describe('virtual data with a real tail', () => {
  it('appending real bytes keeps the data virtual, size grows', () => {
    expect(isVirtual(withTail)).toBe(true);
    expect(dataSize(withTail)).toBe(10_004);
  });
  it.each([
    ['inside the head', 100, 200], ['across head and tail', 9_998, 10_002], ['inside the tail', 10_001, 10_004], ['past the end', 10_002, 20_000],
  ])('slice %s equals slicing the materialised bytes', (_n, s, e) => {
    const full = new Uint8Array(10_004);
    full.set(slice(big, 0, 10_000), 0);
    full.set(fromText('TAIL'), 10_000);
    expect(slice(withTail, s, e)).toEqual(full.subarray(s, Math.min(e, 10_004)));
  });
  it('appends accumulate in order', () => {
    expect(toText(slice(concat(withTail, fromText('+more')), 10_000, 20_000))).toBe('TAIL+more');
  });
  it.each([
    ['same seed, size and tail', withTail, concat(big, fromText('TAIL')), true],
    ['different tail', withTail, concat(big, fromText('TALL')), false],
    ['tail vs none (same size)', concat(virtualData(9_996, 'seed'), fromText('ABCD')), virtualData(10_000, 'seed'), false],
  ])('sameData: %s → %s', (_n, a, b, want) => expect(sameData(a, b)).toBe(want));
});

describe('truncateData (truncate(2))', () => {
  it.each([
    ['shrink real bytes', fromText('hello'), 2, 'he'],
    ['grow real bytes with zeros', fromText('hi'), 4, 'hi\0\0'],
    ['same size is unchanged', fromText('hi'), 2, 'hi'],
  ])('%s', (_n, d, size, want) => expect(toText(truncateData(d, size))).toBe(want));
  it.each([[5_000, false], [10_002, true], [10_004, true]])('virtual+tail truncated to %i keeps its prefix (tail kept: %s)', (size, tail) => {
    const t = truncateData(withTail, size);
    expect(isVirtual(t)).toBe(true);
    expect(dataSize(t)).toBe(size);
    expect(slice(t, 0, size)).toEqual(slice(withTail, 0, size));
    expect(isVirtual(t) && (t.tail?.length ?? 0) > 0).toBe(tail);
  });
  it('growing virtual data appends zeros to the tail', () => {
    const t = truncateData(big, 10_003);
    expect([...slice(t, 10_000, 10_003)]).toEqual([0, 0, 0]);
    expect(slice(t, 0, 10)).toEqual(slice(big, 0, 10));
  });
});
