// Layer definitions become tar entries in walk order (image-spec layer.md; tar(5) hard links).
import { describe, expect, it } from 'vitest';
import { LayerBuilder } from './layer-builder.ts';

describe('LayerBuilder', () => {
  it('adds missing parents (0755 root) and sorts parents before children', () => {
    const e = new LayerBuilder(100).file('usr/bin/x', 'x').dir('tmp', 0o1777).build();
    expect(e.map((x) => [x.path, x.type, x.mode.toString(8)])).toEqual([
      ['tmp', 'dir', '1777'], ['usr', 'dir', '755'], ['usr/bin', 'dir', '755'], ['usr/bin/x', 'file', '644'],
    ]);
    expect(e.every((x) => x.mtime === 100)).toBe(true);
  });
  it.each([
    ['target sorts first', ['bin/a', 'bin/b'], 'bin/a', ['file', 'hardlink:bin/a']],
    ['a link sorts before its target: the first name carries the data', ['bin/z', 'bin/['], 'bin/z', ['hardlink:bin/[', 'file']],
  ])('hard links: %s', (_n, [t, l], target, want) => {
    const b = new LayerBuilder(0).file(target, 'data', 0o755);
    const other = t === target ? l : t;
    b.hardlink(other, target);
    const e = b.build().filter((x) => x.path.startsWith('bin/'));
    const shown = (p: string) => { const x = e.find((y) => y.path === p)!; return x.type === 'hardlink' ? `hardlink:${x.linkname}` : x.type; };
    expect([shown(t), shown(l)]).toEqual(want);
  });
  it('a later entry for the same path replaces the earlier one', () => {
    expect(new LayerBuilder(0).file('a', 'one').file('a', 'two', 0o600).build()).toHaveLength(1);
  });
});
