/**
 * `docker container prune -f`, `docker image prune -f` (dangling images only)
 * and `docker system prune -f` (cli/command/{container,image,system}/prune.go):
 * the lists of what went and "Total reclaimed space". Without -f the real CLI
 * asks for confirmation on the terminal; the model requires -f.
 */
import type { CommandContext } from '../../types.ts';
import type { Daemon } from '../../../model/engine/daemon.ts';
import { humanSize } from '../../../model/engine/format.ts';
import { parseFlags } from './args.ts';
import { fail, UsageError } from './cli.ts';

async function pruneContainers(d: Daemon): Promise<{ ids: string[]; bytes: number }> {
  const ids: string[] = [];
  let bytes = 0;
  for (const c of d.list(true).filter((x) => !x.state.running)) {
    bytes += d.images.rwSize(c.id);
    await d.remove(c.id, false);
    ids.push(c.id);
  }
  return { ids, bytes };
}

function pruneImages(d: Daemon, all: boolean): { lines: string[]; bytes: number } {
  const lines: string[] = [];
  let bytes = 0;
  for (const img of d.images.list().filter((i) => (all || i.repoTags.length === 0) && !d.imageInUse(i.id))) {
    const before = d.images.diskUsage(new Set()).size;
    if (!d.images.find(img.id)) continue;
    lines.push(...d.images.remove(img.id, true, () => undefined).map((l) => l.replace(/^Deleted: /, 'deleted: ').replace(/^Untagged: /, 'untagged: ')));
    bytes += before - d.images.diskUsage(new Set()).size;
  }
  return { lines, bytes };
}

/** `docker <kind> prune`. */
export async function prune(ctx: CommandContext, d: Daemon, kind: 'container' | 'image' | 'system', args: readonly string[]): Promise<number> {
  try {
    const p = parseFlags(args, [{ name: 'force', short: 'f', kind: 'bool' }, { name: 'all', short: 'a', kind: 'bool' }]);
    if (!p.bools.has('force')) throw new UsageError(`WARNING! This will remove ${kind === 'container' ? 'all stopped containers' : kind === 'image' ? (p.bools.has('all') ? 'all images without at least one container associated to them' : 'all dangling images') : 'all stopped containers, networks not used by at least one container, dangling images and unused build cache'}.\nThe model cannot ask for confirmation: add -f.`);
    let bytes = 0;
    if (kind !== 'image') {
      const c = await pruneContainers(d);
      bytes += c.bytes;
      if (kind === 'system') ctx.stdout.write(c.ids.length ? `Deleted Containers:\n${c.ids.join('\n')}\n\n` : '');
      else ctx.stdout.write(c.ids.length ? `Deleted Containers:\n${c.ids.join('\n')}\n\n` : '');
    }
    if (kind !== 'container') {
      const i = pruneImages(d, p.bools.has('all'));
      bytes += i.bytes;
      if (i.lines.length) ctx.stdout.write(`Deleted Images:\n${i.lines.join('\n')}\n\n`);
    }
    ctx.stdout.write(`Total reclaimed space: ${humanSize(bytes)}\n`);
    return 0;
  } catch (e) {
    return fail(ctx, e, `${kind} prune`);
  }
}
