/**
 * `docker image prune` (moby daemon/images ImagesPrune): remove dangling
 * images — no tag, not used by a container — or, with `all`, every image no
 * container uses; report what went and the bytes of layers freed.
 */
import type { ImageStore } from './image-store.ts';

/** Result of a prune: Docker's "deleted:"/"untagged:" lines and the bytes reclaimed. */
export interface PruneResult {
  readonly lines: readonly string[];
  readonly reclaimed: number;
}

/** Prune images; `inUse(id)` is true for images a container (any state) uses. */
export function pruneImages(store: ImageStore, opts: { all?: boolean; inUse?: (id: string) => boolean } = {}): PruneResult {
  const before = store.df().size;
  const lines: string[] = [];
  for (const img of store.list()) {
    if (opts.inUse?.(img.id)) continue;
    if (!opts.all && img.repoTags.length > 0) continue;
    for (const l of store.remove(img.id, { force: true })) lines.push(l.replace(/^Untagged:/, 'untagged:').replace(/^Deleted:/, 'deleted:'));
  }
  return { lines, reclaimed: before - store.df().size };
}
