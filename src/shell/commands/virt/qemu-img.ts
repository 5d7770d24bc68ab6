/**
 * qemu-img(1) create and info on the host's files. A qcow2 created with
 * `-b base -F fmt` is an overlay: reads fall through to the backing file,
 * writes allocate clusters in the overlay (QEMU docs/interop/qcow2.txt).
 * A relative backing path is relative to the overlay's directory, as in QEMU.
 * Model limits: raw files are not sparse (a new raw image takes its full size).
 */
import { virtualData } from '../../../model/fs/data.ts';
import { formatInfo, formattingLine, qcow2Data, readImage } from '../../../model/hypervisor/disk-image.ts';
import type { DiskImage } from '../../../model/hypervisor/disk-image.ts';
import { parseSize } from '../../../model/hypervisor/units.ts';
import { isSysError } from '../../../model/errors.ts';
import type { Sys } from '../../../model/kernel/types.ts';
import type { Command, CommandContext } from '../../types.ts';
import { parseArgs } from './args.ts';

const HELP = `qemu-img version 7.2 (model; output formats checked against qemu-img 7.2)
usage: qemu-img [standard options] command [command options]
QEMU disk image utility

Command syntax:
  create [-f fmt] [-b backing_file [-F backing_fmt]] filename [size]
  info [--backing-chain] filename

  'size' is the disk image size in bytes. Optional suffixes 'k' or 'K' (kilobyte,
  1024), 'M' (megabyte, 1024k), 'G' (gigabyte, 1024M) and 'T' (terabyte, 1024G)
  are supported.
`;

const SPEC = { values: { '-f': 'fmt', '-b': 'backing', '-F': 'backingFmt', '-o': 'options' }, switches: { '--backing-chain': 'chain', '-q': 'quiet', '--help': 'help', '-h': 'help' } };

/** Where QEMU looks for a backing file named in `image`'s header. */
function resolveBacking(image: string, backing: string): string {
  if (backing.startsWith('/')) return backing;
  const dir = image.includes('/') ? image.slice(0, image.lastIndexOf('/') + 1) : '';
  return dir + backing;
}

function open(sys: Sys, name: string): DiskImage {
  return readImage(sys.readFile(name));
}

function openError(ctx: CommandContext, name: string, e: unknown, prefix = `qemu-img: Could not open '${name}'`): number {
  if (!isSysError(e)) throw e;
  ctx.stderr.write(`${prefix}: Could not open '${name}': ${e.strerror}\n`);
  return 1;
}

async function info(ctx: CommandContext, name: string, chain: boolean): Promise<number> {
  let current: string | undefined = name;
  const out: string[] = [];
  while (current !== undefined) {
    let img: DiskImage;
    try { img = open(ctx.sys, current); } catch (e) { return openError(ctx, current, e); }
    let text = formatInfo(current, img);
    const actual: string | undefined = img.backingFile !== undefined ? resolveBacking(current, img.backingFile) : undefined;
    if (img.backingFile !== undefined && actual !== img.backingFile) {
      text = text.replace(`backing file: ${img.backingFile}\n`, `backing file: ${img.backingFile} (actual path: ${actual})\n`);
    }
    out.push(text);
    current = chain ? actual : undefined;
  }
  ctx.stdout.write(out.join('\n'));
  return 0;
}

function create(ctx: CommandContext, opts: ReadonlyMap<string, string>, args: readonly string[], quiet: boolean): number {
  const fmt = opts.get('fmt') ?? 'raw';
  const [name, sizeText] = args;
  if (name === undefined) { ctx.stderr.write("qemu-img: Expecting image file name\nTry 'qemu-img --help' for more information\n"); return 1; }
  if (fmt !== 'qcow2' && fmt !== 'raw') { ctx.stderr.write(`qemu-img: ${name}: Unknown file format '${fmt}'\n`); return 1; }
  const backing = opts.get('backing');
  let size = sizeText === undefined ? undefined : parseSize(sizeText);
  if (sizeText !== undefined && size === undefined) {
    ctx.stderr.write('qemu-img: Invalid image size specified. You may use k, M, G, T, P or E suffixes for\nqemu-img: kilobytes, megabytes, gigabytes, terabytes, petabytes and exabytes.\n');
    return 1;
  }
  let backingFmt = opts.get('backingFmt');
  if (backing !== undefined) {
    if (fmt === 'raw') { ctx.stderr.write(`qemu-img: ${name}: Backing file not supported for file format 'raw'\n`); return 1; }
    let base: DiskImage;
    try { base = open(ctx.sys, resolveBacking(name, backing)); } catch (e) {
      return openError(ctx, backing, e, `qemu-img: ${name}`);
    }
    if (backingFmt === undefined) {
      ctx.stderr.write(`qemu-img: ${name}: Backing file specified without backing format\nDetected format of ${base.format}.\n`);
      return 1;
    }
    if (backingFmt !== base.format) {
      ctx.stderr.write(`qemu-img: ${name}: Could not open backing image: Image is not in ${backingFmt} format\n`);
      return 1;
    }
    size ??= base.virtualBytes;
  }
  if (size === undefined) { ctx.stderr.write(`qemu-img: ${name}: Image creation needs a size parameter\n`); return 1; }
  const data = fmt === 'raw'
    ? virtualData(size, `raw-zero:${size}`)
    : qcow2Data({ virtualBytes: size, ...(backing !== undefined ? { backingFile: backing, backingFormat: backingFmt === 'raw' ? 'raw' : 'qcow2' } : {}), generation: `${name}@${ctx.sys.realtime()}` });
  if (!quiet) ctx.stdout.write(formattingLine(name, fmt, size, backing !== undefined ? { file: backing, format: backingFmt ?? 'qcow2' } : undefined));
  try {
    ctx.sys.writeFile(name, data, { mode: 0o644 });
  } catch (e) {
    if (!isSysError(e)) throw e;
    ctx.stderr.write(`qemu-img: ${name}: Could not create '${name}': ${e.strerror}\n`);
    return 1;
  }
  return 0;
}

/** qemu-img(1): create, info. */
export const qemuImg: Command = {
  name: 'qemu-img',
  summary: 'create and inspect VM disk images (raw, qcow2 with backing files)',
  help: HELP,
  async run(ctx) {
    const [sub, ...rest] = ctx.argv.slice(1);
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') { ctx.stdout.write(HELP); return sub === undefined ? 1 : 0; }
    const p = parseArgs(rest, SPEC);
    if (typeof p === 'string') { ctx.stderr.write(`qemu-img: ${p}\nTry 'qemu-img --help' for more information\n`); return 1; }
    if (sub === 'info') {
      if (!p.args[0]) { ctx.stderr.write("qemu-img: Expecting one image file name\nTry 'qemu-img --help' for more information\n"); return 1; }
      return info(ctx, p.args[0], p.flags.has('chain'));
    }
    if (sub === 'create') return create(ctx, p.opts, p.args, p.flags.has('quiet'));
    ctx.stderr.write(`qemu-img: Command not found: ${sub}\nTry 'qemu-img --help' for more information\n`);
    return 1;
  },
};
