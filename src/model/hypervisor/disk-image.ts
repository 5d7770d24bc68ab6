/**
 * VM disk images as files on the host: raw (the disk's bytes, a full copy
 * per VM) or qcow2 (clusters allocated on write, optionally over a backing
 * file: `qemu-img create -f qcow2 -b base.qcow2 -F qcow2 vm1.qcow2`). This is
 * the "honest nuance" of the shared-disk claim: full copies cost N × base on
 * the host disk, a backing chain costs one base plus small deltas.
 *
 * The files are virtual data (src/model/fs/data.ts): a qcow2 file's header
 * fields live in its seed ("qcow2;v=…;b=…;bf=…;g=…"), so `cp` keeps them and
 * `qemu-img info` reads them back. Its size is the file length on the host.
 * Compare QEMU docs/interop/qcow2.txt (header: size, backing_file, cluster_bits).
 */
import type { FileData, VirtualData } from '../fs/data.ts';
import { dataSize, isVirtual, virtualData } from '../fs/data.ts';
import { qemuSize } from './units.ts';

/** qcow2's default cluster size (cluster_bits = 16). */
export const CLUSTER_SIZE = 65536;

/**
 * File length of a freshly created qcow2: header, refcount table and
 * refcount block clusters, then the L1 table (8 bytes per 512 MiB of virtual
 * disk, one L2 table's reach with 64 KiB clusters). Real qemu-img 7.2 writes
 * 196768 bytes for 10 GiB (checked by disk-image.real.test.ts).
 */
export function qcow2EmptyBytes(virtualBytes: number): number {
  return 3 * CLUSTER_SIZE + 8 * Math.ceil(virtualBytes / (CLUSTER_SIZE * (CLUSTER_SIZE / 8)));
}

/** A new 10 GiB qcow2's length (qcow2EmptyBytes(10 GiB)). */
export const QCOW2_EMPTY_BYTES = qcow2EmptyBytes(10 * 1024 ** 3);

/** What qemu-img reads from an image file's header. */
export interface DiskImage {
  readonly format: 'qcow2' | 'raw';
  /** Size of the disk the guest sees. */
  readonly virtualBytes: number;
  /** File length on the host. */
  readonly fileBytes: number;
  readonly backingFile?: string;
  readonly backingFormat?: 'qcow2' | 'raw';
}

/** Contents of a qcow2 file with these header fields; `generation` keeps distinct images distinct. */
export function qcow2Data(opts: {
  virtualBytes: number;
  fileBytes?: number;
  backingFile?: string;
  backingFormat?: 'qcow2' | 'raw';
  generation: string;
}): VirtualData {
  const fields = [`v=${opts.virtualBytes}`];
  if (opts.backingFile !== undefined) fields.push(`b=${encodeURIComponent(opts.backingFile)}`, `bf=${opts.backingFormat ?? 'qcow2'}`);
  fields.push(`g=${encodeURIComponent(opts.generation)}`);
  return virtualData(opts.fileBytes ?? qcow2EmptyBytes(opts.virtualBytes), `qcow2;${fields.join(';')}`);
}

/** Read an image file's header: a qcow2 seed, otherwise raw (any other bytes are a raw disk). */
export function readImage(data: FileData): DiskImage {
  const size = dataSize(data);
  if (isVirtual(data) && data.seed.startsWith('qcow2;')) {
    const f = new Map(data.seed.split(';').slice(1).map((kv) => {
      const i = kv.indexOf('=');
      return [kv.slice(0, i), decodeURIComponent(kv.slice(i + 1))] as const;
    }));
    const backing = f.get('b');
    return {
      format: 'qcow2',
      virtualBytes: Number(f.get('v')),
      fileBytes: size,
      ...(backing !== undefined ? { backingFile: backing, backingFormat: f.get('bf') === 'raw' ? 'raw' : 'qcow2' } : {}),
    };
  }
  return { format: 'raw', virtualBytes: size, fileBytes: size };
}

/** The same qcow2 after the guest wrote `bytes` more: whole clusters are allocated (copy-on-write from the backing file). */
export function grow(data: FileData, bytes: number): FileData {
  const img = readImage(data);
  if (img.format !== 'qcow2' || !isVirtual(data) || bytes <= 0) return data;
  const clusters = Math.ceil(bytes / CLUSTER_SIZE);
  const maxFile = qcow2EmptyBytes(img.virtualBytes) + Math.ceil(img.virtualBytes / CLUSTER_SIZE) * CLUSTER_SIZE;
  return virtualData(Math.min(maxFile, img.fileBytes + clusters * CLUSTER_SIZE), data.seed);
}

/** Allocated size on the host, in 4 KiB blocks, as st_blocks gives it to "disk size". */
export function allocatedBytes(fileBytes: number): number {
  return Math.ceil(fileBytes / 4096) * 4096;
}

/** One image of `qemu-img info` (QEMU 7.2 human output, compared with the real tool), `name` as given on the command line. */
export function formatInfo(name: string, img: DiskImage): string {
  const lines = [
    `image: ${name}`,
    `file format: ${img.format}`,
    `virtual size: ${qemuSize(img.virtualBytes)} (${img.virtualBytes} bytes)`,
    `disk size: ${qemuSize(allocatedBytes(img.fileBytes))}`,
  ];
  if (img.format === 'qcow2') {
    lines.push(`cluster_size: ${CLUSTER_SIZE}`);
    if (img.backingFile !== undefined) lines.push(`backing file: ${img.backingFile}`, `backing file format: ${img.backingFormat}`);
    lines.push(
      'Format specific information:',
      '    compat: 1.1',
      '    compression type: zlib',
      '    lazy refcounts: false',
      '    refcount bits: 16',
      '    corrupt: false',
      '    extended l2: false',
    );
  }
  return lines.join('\n') + '\n';
}

/** `qemu-img create`'s "Formatting '…', fmt=…" line. */
export function formattingLine(name: string, format: 'qcow2' | 'raw', size: number, backing?: { file: string; format: string }): string {
  if (format === 'raw') return `Formatting '${name}', fmt=raw size=${size}\n`;
  const b = backing ? ` backing_file=${backing.file} backing_fmt=${backing.format}` : '';
  return `Formatting '${name}', fmt=qcow2 cluster_size=65536 extended_l2=off compression_type=zlib size=${size}${b} lazy_refcounts=off refcount_bits=16\n`;
}
