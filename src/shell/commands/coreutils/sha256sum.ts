/**
 * sha256sum(1): `HASH  FILE` lines, `-c` to check them (`FILE: OK` /
 * `FILE: FAILED`). The same sha256 the image store uses for layer digests
 * (image-spec descriptor.md), so a reader can recompute a content address.
 */
import type { Command, CommandContext } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import { dataSize, fromText, slice, toText } from '../../../model/fs/data.ts';
import type { FileData } from '../../../model/fs/data.ts';
import { Hasher, hexOf } from '../../../model/image/digest.ts';
import { has, lines, parseOrUsage } from './util.ts';

/** Largest content hashed (illustrative model limit: hashing is real work in the reader's browser). */
export const MAX_HASH_BYTES = 256 * 1024 * 1024;
const CHUNK = 4 * 1024 * 1024;

async function hashData(ctx: CommandContext, data: FileData): Promise<string> {
  const h = new Hasher();
  for (let at = 0; at < dataSize(data); at += CHUNK) {
    h.update(slice(data, at, Math.min(dataSize(data), at + CHUNK)));
    await ctx.checkpoint();
  }
  return hexOf(h.digest());
}

async function hashOperand(ctx: CommandContext, path: string): Promise<string> {
  const data = path === '-' ? fromText(await ctx.stdin.readAll()) : ctx.sys.readFile(path);
  if (dataSize(data) > MAX_HASH_BYTES) throw new Error(`${path}: larger than the model hashes (${MAX_HASH_BYTES / 1048576} MiB)`);
  return hashData(ctx, data);
}

export const sha256sum: Command = {
  name: 'sha256sum',
  summary: 'compute and check SHA256 message digest',
  help: `Usage: sha256sum [OPTION]... [FILE]...
Print or check SHA256 (256-bit) checksums.

With no FILE, or when FILE is -, read standard input.
  -c, --check          read checksums from the FILEs and check them
      --quiet          don't print OK for each successfully verified file
      --status         don't output anything, status code shows success
`,
  async run(ctx) {
    const p = parseOrUsage(ctx, 'sha256sum', { flags: 'cbtwz', long: { check: 'c', quiet: 'quiet', status: 'status', binary: 'b', text: 't' } });
    if (typeof p === 'number') return p;
    const files = p.operands.length ? p.operands : ['-'];
    let status = 0;
    const fail = (path: string, e: unknown): void => {
      status = 1;
      if (isSysError(e)) ctx.stderr.write(`sha256sum: ${path}: ${e.strerror}\n`);
      else if (e instanceof Error) ctx.stderr.write(`sha256sum: ${e.message}\n`);
      else throw e;
    };
    if (!has(p, 'c')) {
      for (const f of files) {
        try {
          ctx.stdout.write(`${await hashOperand(ctx, f)}  ${f}\n`);
        } catch (e) {
          fail(f, e);
        }
      }
      return status;
    }
    let bad = 0;
    for (const list of files) {
      let text: string;
      try {
        text = list === '-' ? await ctx.stdin.readAll() : toText(ctx.sys.readFile(list), 1 << 20);
      } catch (e) {
        fail(list, e);
        continue;
      }
      for (const line of lines(text)) {
        const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
        if (!m) continue;
        let ok = false;
        try {
          ok = (await hashOperand(ctx, m[2])) === m[1].toLowerCase();
        } catch (e) {
          fail(m[2], e);
          ctx.stdout.write(`${m[2]}: FAILED open or read\n`);
          continue;
        }
        if (!ok) bad++;
        if (!has(p, 'status') && (!ok || !has(p, 'quiet'))) ctx.stdout.write(`${m[2]}: ${ok ? 'OK' : 'FAILED'}\n`);
      }
    }
    if (bad && !has(p, 'status')) ctx.stderr.write(`sha256sum: WARNING: ${bad} computed checksum${bad > 1 ? 's' : ''} did NOT match\n`);
    return bad || status ? 1 : 0;
  },
};
