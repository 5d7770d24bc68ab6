/**
 * `docker pull` / `docker push` (cli/command/image/pull.go, push.go): the
 * daemon streams progress lines (`latest: Pulling from library/alpine`,
 * `<layer>: Pull complete`, `Digest: …`, `Status: …`) and the CLI prints the
 * full reference at the end. A Linux daemon refuses Windows images.
 */
import type { CommandContext } from '../../types.ts';
import type { Daemon } from '../../../model/engine/daemon.ts';
import { ApiError } from '../../../model/engine/types.ts';
import type { ImageInfo } from '../../../model/engine/ports.ts';
import { parseFlags } from './args.ts';
import { TIMINGS } from '../../../model/engine/timings.ts';
import { fail, requireArgs, type Sub } from './cli.ts';

/** Pull `ref` through the daemon, printing progress with `out`; throws ApiError. The download takes virtual time (timings.ts). */
export async function pullImage(ctx: CommandContext, d: Daemon, ref: string, out: (line: string) => void): Promise<ImageInfo> {
  const img = d.images.pull(ref, out);
  if (img.config.os !== 'linux') throw new ApiError(400, `image operating system "${img.config.os}" cannot be used on this platform`);
  if (img.pulledBytes) await ctx.sys.sleep(Math.round((img.pulledBytes / TIMINGS.pullBytesPerSecond) * 1e6));
  return img;
}

/** "alpine" → "docker.io/library/alpine:latest" (reference.FamiliarString's inverse). */
export function fullRef(ref: string): string {
  let r = ref.includes(':') && !ref.slice(ref.lastIndexOf('/') + 1).includes(':') ? ref : ref;
  if (!r.slice(r.lastIndexOf('/') + 1).includes(':') && !r.includes('@')) r += ':latest';
  const first = r.split('/')[0];
  if (!r.includes('/')) return `docker.io/library/${r}`;
  if (!first.includes('.') && !first.includes(':') && first !== 'localhost') return `docker.io/${r}`;
  return r;
}

/** docker pull. */
export const pull: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [{ name: 'quiet', short: 'q', kind: 'bool' }, { name: 'all-tags', short: 'a', kind: 'bool' }, { name: 'platform', kind: 'string' }]);
    requireArgs(p.args, 1, 'pull', '[OPTIONS] NAME[:TAG|@DIGEST]', 1);
    const ref = p.args[0];
    const quiet = p.bools.has('quiet');
    if (!ref.slice(ref.lastIndexOf('/') + 1).includes(':') && !ref.includes('@') && !quiet) ctx.stdout.write('Using default tag: latest\n');
    await pullImage(ctx, d, ref, (line) => {
      if (!quiet) ctx.stdout.write(line + '\n');
    });
    ctx.stdout.write(`${fullRef(ref)}\n`);
    return 0;
  } catch (e) {
    return fail(ctx, e, 'pull');
  }
};

/** docker push. */
export const push: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [{ name: 'quiet', short: 'q', kind: 'bool' }]);
    requireArgs(p.args, 1, 'push', '[OPTIONS] NAME[:TAG]', 1);
    const ref = p.args[0];
    if (!ref.slice(ref.lastIndexOf('/') + 1).includes(':')) ctx.stdout.write('Using default tag: latest\n');
    d.images.push(ref, (line) => ctx.stdout.write(line + '\n'));
    return 0;
  } catch (e) {
    return fail(ctx, e, 'push');
  }
};
