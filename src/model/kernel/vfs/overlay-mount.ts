/**
 * mount -t overlay overlay -o lowerdir=A:B,upperdir=U,workdir=W target
 * (Documentation/filesystems/overlayfs.rst, facts §1.1): the option values
 * are paths the mounting process resolves in its own view; each becomes a
 * SubtreeFs of the filesystem that holds it.
 */
import { fail } from '../../errors.ts';
import type { FileSystem } from '../../fs/types.ts';
import { OverlayFs } from '../../fs/overlay-fs.ts';
import { SubtreeFs } from '../../fs/subtree-fs.ts';
import type { Kernel } from '../kernel.ts';
import type { Process } from '../process/process.ts';
import { resolve } from './resolve.ts';

/** Parse overlay options into layer views; EINVAL like "overlayfs: missing 'lowerdir'". */
export function makeOverlay(k: Kernel, p: Process, options: readonly string[]): FileSystem {
  const get = (key: string): string | undefined => options.find((o) => o.startsWith(key + '='))?.slice(key.length + 1);
  const lowerdir = get('lowerdir');
  if (!lowerdir) fail('EINVAL', 'lowerdir');
  const ctx = { table: p.ns.mnt.table, root: p.root, cwd: p.cwd };
  const view = (path: string): FileSystem => {
    const loc = resolve(ctx, path, { follow: true, mustExist: true });
    if (loc.stat!.type !== 'dir') fail('ENOTDIR', path);
    return loc.fsPath === '/' ? loc.fs : new SubtreeFs(loc.fs, loc.fsPath);
  };
  const lowers = lowerdir.split(':').filter(Boolean).map(view);
  const up = get('upperdir');
  const wk = get('workdir');
  if (up && !wk) fail('EINVAL', 'workdir');
  return new OverlayFs({ lowers, upper: up ? view(up) : undefined, work: wk ? view(wk) : undefined, dev: k.allocDev(), now: () => k.clock.realtime });
}
