import { describe, expect, it } from 'vitest';
import { virtualData } from '../fs/data.ts';
import { CLUSTER_SIZE, formatInfo, formattingLine, grow, QCOW2_EMPTY_BYTES, qcow2Data, qcow2EmptyBytes, readImage } from './disk-image.ts';
import { GiB, MiB } from './units.ts';

// QEMU docs/interop/qcow2.txt (header fields) and qemu-img(1) info/create.
describe('image headers', () => {
  it.each([
    ['raw file', virtualData(128 * MiB, 'alpine'), { format: 'raw', virtualBytes: 128 * MiB, fileBytes: 128 * MiB }],
    ['qcow2 base', qcow2Data({ virtualBytes: 10 * GiB, generation: 'a' }), { format: 'qcow2', virtualBytes: 10 * GiB, fileBytes: QCOW2_EMPTY_BYTES }],
    ['qcow2 overlay', qcow2Data({ virtualBytes: 3.5 * GiB, backingFile: '/var/lib/libvirt/images/base;1.img', backingFormat: 'qcow2', generation: 'b' }),
      { format: 'qcow2', backingFile: '/var/lib/libvirt/images/base;1.img', backingFormat: 'qcow2' }],
    ['real bytes', new Uint8Array([1, 2, 3]), { format: 'raw', virtualBytes: 3 }],
  ] as const)('%s', (_n, data, expected) => {
    expect(readImage(data)).toMatchObject(expected);
  });

  it('a guest write allocates whole clusters in the overlay only', () => {
    const d = qcow2Data({ virtualBytes: GiB, backingFile: 'base.qcow2', generation: 'x' });
    const after = grow(d, 1);
    expect(readImage(after).fileBytes).toBe(qcow2EmptyBytes(GiB) + CLUSTER_SIZE);
    expect(readImage(after).backingFile).toBe('base.qcow2');
    expect(readImage(grow(d, 100 * GiB)).fileBytes).toBeLessThanOrEqual(qcow2EmptyBytes(GiB) + GiB);
  });
});

describe('qcow2 file length', () => {
  it.each([
    [10 * GiB, 196_768],
    [3.5 * GiB, 196_664],
    [112 * MiB, 196_616],
  ])('a new %d-byte disk is %d bytes long', (v, n) => expect(qcow2EmptyBytes(v)).toBe(n));
});

describe('qemu-img output', () => {
  it('info of an overlay names its backing file', () => {
    const out = formatInfo('vm1.qcow2', readImage(qcow2Data({ virtualBytes: 10 * GiB, backingFile: 'base.qcow2', backingFormat: 'qcow2', generation: 'g' })));
    expect(out.split('\n').slice(0, 7)).toEqual([
      'image: vm1.qcow2',
      'file format: qcow2',
      'virtual size: 10 GiB (10737418240 bytes)',
      'disk size: 196 KiB',
      'cluster_size: 65536',
      'backing file: base.qcow2',
      'backing file format: qcow2',
    ]);
  });

  it('info of a raw file has no cluster size', () => {
    const out = formatInfo('a.raw', readImage(virtualData(21_692_416, 's')));
    expect(out).toContain('virtual size: 20.7 MiB (21692416 bytes)');
    expect(out).not.toContain('cluster_size');
  });

  it.each([
    ['qcow2', undefined, "Formatting 'vm1.qcow2', fmt=qcow2 cluster_size=65536 extended_l2=off compression_type=zlib size=10737418240 lazy_refcounts=off refcount_bits=16\n"],
    ['qcow2', { file: 'base.qcow2', format: 'qcow2' }, "Formatting 'vm1.qcow2', fmt=qcow2 cluster_size=65536 extended_l2=off compression_type=zlib size=10737418240 backing_file=base.qcow2 backing_fmt=qcow2 lazy_refcounts=off refcount_bits=16\n"],
    ['raw', undefined, "Formatting 'vm1.qcow2', fmt=raw size=10737418240\n"],
  ] as const)('create %s backing=%o', (fmt, backing, line) => {
    expect(formattingLine('vm1.qcow2', fmt, 10 * GiB, backing)).toBe(line);
  });
});
