/**
 * truncate(1) (-s [+-]SIZE[KMG], -c) and dd(1) (if= of= bs= count= status=):
 * large outputs are virtual files, so `dd if=/dev/zero of=big bs=1M count=1024`
 * costs bytes, not a gigabyte, and fills the model's disk like the real one.
 */
import type { Command, CommandContext } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import { dataSize, fromText, slice, toText, virtualData } from '../../../model/fs/data.ts';
import type { FileData } from '../../../model/fs/data.ts';
import { humanSize } from './fileinfo.ts';

const UNITS: Record<string, number> = { '': 1, K: 1024, KB: 1000, M: 1024 ** 2, MB: 1e6, G: 1024 ** 3, GB: 1e9, T: 1024 ** 4, k: 1024, c: 1, w: 2, b: 512 };

/** "1M" → 1048576, "10KB" → 10000, "4k" → 4096 (coreutils size suffixes). */
export function parseSize(s: string): number | undefined {
  const m = /^(\d+)([KMGTkcwb]?B?|[KMGT]iB)?$/.exec(s);
  if (!m) return undefined;
  const unit = (m[2] ?? '').replace('iB', '');
  const mult = UNITS[unit];
  return mult === undefined ? undefined : Number(m[1]) * mult;
}

export const truncate: Command = {
  name: 'truncate',
  summary: 'shrink or extend the size of a file to the specified size',
  help: `Usage: truncate OPTION... FILE...
Shrink or extend the size of each FILE to the specified size

  -c, --no-create        do not create any files
  -s, --size=SIZE        set or adjust the file size by SIZE bytes

SIZE may be (or may be an integer optionally followed by) one of following:
KB 1000, K 1024, MB 1000*1000, M 1024*1024, and so on for G, T.
SIZE may also be prefixed by '+' to extend or '-' to reduce.
`,
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let spec: string | undefined;
    let noCreate = false;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-s') spec = args[++i];
      else if (a.startsWith('--size=')) spec = a.slice(7);
      else if (a.startsWith('-s')) spec = a.slice(2);
      else if (a === '-c' || a === '--no-create') noCreate = true;
      else files.push(a);
    }
    if (spec === undefined) {
      ctx.stderr.write("truncate: you must specify either '--size' or '--reference'\nTry 'truncate --help' for more information.\n");
      return 1;
    }
    if (!files.length) {
      ctx.stderr.write("truncate: missing file operand\nTry 'truncate --help' for more information.\n");
      return 1;
    }
    const rel = /^[+-]/.test(spec) ? spec[0] : '';
    const n = parseSize(spec.replace(/^[+-]/, ''));
    if (n === undefined) {
      ctx.stderr.write(`truncate: Invalid number: '${spec}'\n`);
      return 1;
    }
    let status = 0;
    for (const f of files) {
      try {
        let cur = 0;
        try {
          cur = ctx.sys.stat(f).size;
        } catch (e) {
          if (noCreate) continue;
          if (!isSysError(e, 'ENOENT')) throw e;
          ctx.sys.writeFile(f, fromText(''));
        }
        ctx.sys.truncate(f, Math.max(0, rel === '+' ? cur + n : rel === '-' ? cur - n : n));
      } catch (e) {
        if (!isSysError(e)) throw e;
        ctx.stderr.write(`truncate: cannot open '${f}' for writing: ${e.strerror}\n`);
        status = 1;
      }
    }
    return status;
  },
};

/** Illustrative copy speed for dd's report (bytes per virtual second); not a measured figure. */
const DD_BYTES_PER_SECOND = 2e9;

function source(ctx: CommandContext, path: string | undefined, bytes: number | undefined): Promise<FileData> | FileData {
  if (path === undefined) return ctx.stdin.readAll().then(fromText);
  if (path === '/dev/zero' || path === '/dev/urandom' || path === '/dev/random') {
    const size = bytes ?? 0;
    if (size <= 1 << 20) return path === '/dev/zero' ? new Uint8Array(size) : slice(virtualData(size, `${path}:${ctx.sys.now()}`), 0, size);
    return virtualData(size, path === '/dev/zero' ? 'dd:/dev/zero' : `${path}:${ctx.sys.now()}`);
  }
  return ctx.sys.readFile(path);
}

export const dd: Command = {
  name: 'dd',
  summary: 'convert and copy a file',
  help: `Usage: dd [OPERAND]...
Copy a file, converting and formatting according to the operands.

  bs=BYTES        read and write up to BYTES bytes at a time (default: 512)
  count=N         copy only N input blocks
  if=FILE         read from FILE instead of stdin
  of=FILE         write to FILE instead of stdout
  status=LEVEL    'none' suppresses everything but error messages
`,
  async run(ctx) {
    const ops = new Map<string, string>();
    for (const a of ctx.argv.slice(1)) {
      const eq = a.indexOf('=');
      if (eq < 0) {
        ctx.stderr.write(`dd: unrecognized operand '${a}'\nTry 'dd --help' for more information.\n`);
        return 1;
      }
      ops.set(a.slice(0, eq), a.slice(eq + 1));
    }
    const bs = parseSize(ops.get('bs') ?? '512');
    const count = ops.has('count') ? Number(ops.get('count')) : undefined;
    if (bs === undefined || bs === 0 || (count !== undefined && !Number.isInteger(count))) {
      ctx.stderr.write(`dd: invalid number: '${ops.get('bs') ?? ops.get('count')}'\n`);
      return 1;
    }
    const inf = ops.get('if');
    const endless = inf === '/dev/zero' || inf === '/dev/urandom' || inf === '/dev/random';
    if (endless && count === undefined) {
      ctx.stderr.write('dd: reading an endless device without count= would fill the disk; give count= (model limit)\n');
      return 1;
    }
    let data: FileData;
    try {
      data = await source(ctx, inf, count !== undefined ? count * bs : undefined);
    } catch (e) {
      if (!isSysError(e)) throw e;
      ctx.stderr.write(`dd: failed to open '${inf}': ${e.strerror}\n`);
      return 1;
    }
    const want = count !== undefined ? Math.min(dataSize(data), count * bs) : dataSize(data);
    const out: FileData = want === dataSize(data) ? data : slice(data, 0, want);
    const of = ops.get('of');
    const t0 = ctx.sys.now();
    try {
      if (of === undefined) ctx.stdout.write(toText(out, 16 * 1024 * 1024));
      else ctx.sys.writeFile(of, out);
    } catch (e) {
      if (!isSysError(e)) throw e;
      ctx.stderr.write(`dd: error writing '${of}': ${e.strerror}\n`);
      return 1;
    }
    ctx.sys.burnCpu(Math.max(1, Math.round((want / DD_BYTES_PER_SECOND) * 1e6)));
    const secs = Math.max(1e-6, (ctx.sys.now() - t0) / 1e6);
    if (ops.get('status') !== 'none') {
      const full = Math.floor(want / bs);
      const part = want % bs ? 1 : 0;
      const si = (n: number): string => (n >= 1e9 ? `${(n / 1e9).toFixed(1)} GB` : n >= 1e6 ? `${(n / 1e6).toFixed(0)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(0)} kB` : `${n} B`);
      const sizes = want >= 1000 ? ` (${si(want)}, ${humanSize(want).replace(/([KMGT])$/, ' $1iB')})` : '';
      ctx.stderr.write(`${full}+${part} records in\n${full}+${part} records out\n${want} byte${want === 1 ? '' : 's'}${sizes} copied, ${secs.toPrecision(3)} s, ${si(want / secs)}/s\n`);
    }
    return 0;
  },
};
