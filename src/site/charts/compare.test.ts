/** <Compare>'s measured table: time(1) real, free(1) used and df(1) Used deltas, per side. */
import { describe, expect, it } from 'vitest';
import { compareRows, formatDeltaKiB, formatDeltaMiB, measureCompare } from './compare.ts';

describe.each([
  [0, '0 MiB'], [576, '+0.6 MiB'], [7700, '+7.5 MiB'], [-2048, '−2 MiB'], [3 * 1024 * 1024, '+3.0 GiB'],
])('formatDeltaKiB(%s)', (kib, text) => {
  it(`is "${text}"`, () => expect(formatDeltaKiB(kib)).toBe(text));
});

describe.each([[6, '+6 MiB'], [6537, '+6,537 MiB'], [0, '0 MiB'], [-3, '−3 MiB']])('formatDeltaMiB(%s)', (mib, text) => {
  it(`is "${text}"`, () => expect(formatDeltaMiB(mib)).toBe(text));
});

describe('compareRows', () => {
  it('writes time, memory and disk for both sides', () => {
    const run = (seconds: number, mem: number, disk: number) => ({ output: '', seconds, usedMiB: { before: 300, after: 300 + mem }, diskKiB: { before: 0, after: disk } });
    expect(compareRows(run(1.726, 6, 7700), run(216.326, 6537, 576)).map((r) => [r.what, r.container, r.vm])).toEqual([
      ['Time taken', '1.7 s', '3 min 36.3 s'],
      ['Host memory used', '+6 MiB', '+6,537 MiB'],
      ['Host disk used', '+7.5 MiB', '+0.6 MiB'],
    ]);
  });
});

describe('measureCompare on the laptop', () => {
  it('runs each side in its own fresh world: a VM takes its guest RAM, a container a few MiB', async () => {
    const m = await measureCompare('docker pull -q alpine\ndocker run -d alpine sleep 1d', 'vm create v --linked\nvm start v -q\nvm ssh v -- uname -r');
    expect(m.vm.output).toContain('6.8.0-48-generic');
    expect(m.container.usedMiB.after - m.container.usedMiB.before).toBeLessThan(16);
    expect(m.vm.usedMiB.after - m.vm.usedMiB.before).toBeGreaterThanOrEqual(2048);
    expect(m.vm.seconds).toBeGreaterThan(60);
  });
  it('names the side and the line that failed', async () => {
    await expect(measureCompare('true', 'vm ssh nosuch -- true')).rejects.toThrow(/^the vm side failed: script: `vm ssh nosuch -- true` exited/);
  });
});
