import { describe, expect, it } from 'vitest';
import { ellipsis, goG, humanDuration, humanSize, humanSize4, ramInBytes, rfc3339Nano, tabulate } from './format.ts';

describe('humanSize (go-units HumanSizeWithPrecision, decimal)', () => {
  it.each([
    [0, '0B'],
    [999, '999B'],
    [1000, '1kB'],
    [7_800_000, '7.8MB'],
    [8_310_000, '8.31MB'],
    [1_073_741_824, '1.07GB'],
    [123_456, '123kB'],
  ])('%d → %s', (n, s) => expect(humanSize(n)).toBe(s));
  it('system df uses precision 4', () => expect(humanSize4(1_073_741_824)).toBe('1.074GB'));
  it.each([[5, 3, '5'], [0.00001, 3, '1e-05'], [12.5, 3, '12.5']])('goG(%d,%d)', (x, p, s) => expect(goG(x, p)).toBe(s));
});

describe('humanDuration (go-units duration.go)', () => {
  it.each([
    [0, 'Less than a second'],
    [1e6, '1 second'],
    [5e6, '5 seconds'],
    [60e6, 'About a minute'],
    [300e6, '5 minutes'],
    [3600e6, 'About an hour'],
    [3 * 3600e6, '3 hours'],
    [72 * 3600e6, '3 days'],
    [60 * 24 * 3600e6, '2 months'],
  ])('%d µs → %s', (us, s) => expect(humanDuration(us)).toBe(s));
});

describe('CLI formatter helpers', () => {
  it('ellipsis keeps 20 columns like docker ps COMMAND', () => {
    expect(ellipsis('sh -c \'echo hi > /etc/hello; rm /etc/motd\'', 20)).toBe("sh -c 'echo hi > /e…");
    expect(ellipsis('echo hi', 20)).toBe('echo hi');
  });
  it('tabulate pads like tabwriter(minwidth 10, padding 3)', () => {
    expect(tabulate([['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']])).toBe(
      'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
    );
  });
  it('RFC3339Nano and Go zero time', () => {
    expect(rfc3339Nano(0)).toBe('0001-01-01T00:00:00Z');
    expect(rfc3339Nano(Date.UTC(2026, 0, 1) * 1000 + 1_500_000)).toBe('2026-01-01T00:00:01.5Z');
  });
  it.each([['512m', 512 * 1024 ** 2], ['1g', 1024 ** 3], ['100', 100], ['6MB', 6 * 1024 ** 2], ['x', undefined]])('ramInBytes(%s)', (s, n) =>
    expect(ramInBytes(s)).toBe(n),
  );
});
