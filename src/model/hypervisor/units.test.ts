import { describe, expect, it } from 'vitest';
import { formatTimespan, GiB, KiB, MiB, parseSize, qemuSize } from './units.ts';

// systemd-analyze(1) examples (facts §7.5) and time-util.c format_timespan().
describe('formatTimespan', () => {
  it.each([
    [2_584_000, '2.584s'],
    [19_176_000, '19.176s'],
    [47_847_000, '47.847s'],
    [69_608_000, '1min 9.608s'],
    [296_000, '296ms'],
    [125_000, '125ms'],
    [3_000_000, '3s'],
    [0, '0'],
  ])('%d µs → %s', (us, text) => {
    expect(formatTimespan(us)).toBe(text);
  });
});

// QEMU util/cutils.c size_to_str() as `qemu-img info` prints it.
describe('qemuSize', () => {
  it.each([
    [200704, '196 KiB'],
    [10 * GiB, '10 GiB'],
    [3.5 * GiB, '3.5 GiB'],
    [21_692_416, '20.7 MiB'],
    [112 * MiB, '112 MiB'],
    [1000 * KiB, '0.977 MiB'],
    [512, '512 B'],
    [0, '0 B'],
  ])('%d → %s', (n, text) => {
    expect(qemuSize(n)).toBe(text);
  });
});

describe('parseSize', () => {
  it.each([
    ['10G', 1, 10 * GiB],
    ['512M', 1, 512 * MiB],
    ['2048', MiB, 2048 * MiB],
    ['1.5G', 1, 1.5 * GiB],
    ['4KiB', 1, 4096],
    ['x1', 1, undefined],
  ])('%s (default unit %d) → %s', (text, unit, n) => {
    expect(parseSize(text, unit)).toBe(n);
  });
});
