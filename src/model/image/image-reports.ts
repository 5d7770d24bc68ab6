/**
 * What `docker images`, `docker history` and `docker system df` print about
 * the images of an ImageStore, computed from its public API: rows per tag,
 * history rows with layer sizes and local-parent IDs (moby ImageHistory),
 * and disk usage where shared layers count once.
 */
import { fail } from '../errors.ts';
import type { Digest } from './digest.ts';
import type { HistoryEntry } from './image.ts';
import { parseTime } from './image.ts';
import type { ImageRecord, ImageStore } from './image-store.ts';

/** One `docker images` row. */
export interface ImageRow {
  readonly repository: string;
  readonly tag: string;
  readonly id: Digest;
  readonly created: number;
  readonly size: number;
}

/** One `docker history` row, newest first. */
export interface HistoryRow {
  /** Image ID for the top entry, "<missing>" below it (as for pulled images). */
  readonly id: string;
  readonly created: number;
  readonly createdBy: string;
  readonly size: number;
  readonly comment: string;
}

/** The Images line of `docker system df`. */
export interface ImagesDf {
  readonly total: number;
  readonly active: number;
  readonly size: number;
  readonly reclaimable: number;
}

/** `docker images` rows: one per tag, `<none>` for untagged (dangling) images; newest first. */
export function imageRows(store: ImageStore): ImageRow[] {
  return store.list().flatMap((r) => {
    const tags = r.repoTags.length ? r.repoTags : ['<none>:<none>'];
    return tags.map((t) => {
      const i = t.lastIndexOf(':');
      return { repository: t.slice(0, i), tag: t.slice(i + 1), id: r.id, created: r.created, size: r.size };
    });
  });
}

/**
 * `docker history` rows, newest first: each history entry with the size of
 * the layer it made (0 for empty_layer). The newest row gets the image ID and
 * each older row the next local parent's ID while that chain lasts (moby
 * ImageHistory); pulled images have no local parent, so the rest are <missing>.
 */
export function imageHistory(store: ImageStore, ref: string): HistoryRow[] {
  const r = store.resolve(ref) ?? fail('ENOENT', ref, `No such image: ${ref}`);
  const hist: readonly HistoryEntry[] = r.config.history ?? r.config.rootfs.diff_ids.map(() => ({}));
  let li = 0;
  const rows = hist.map((h) => {
    const size = h.empty_layer ? 0 : (store.layers.get(r.chainIds[li++])?.size ?? 0);
    return { created: parseTime(h.created), createdBy: h.created_by ?? '', size, comment: h.comment ?? '' };
  });
  const ids: string[] = [];
  for (let p: ImageRecord | undefined = r; p; p = p.parent ? store.resolve(p.parent) : undefined) ids.push(p.id);
  return rows.reverse().map((row, i) => ({ id: ids[i] ?? '<missing>', ...row }));
}

/** `docker system df` Images line; `activeIds` are images used by at least one container. Shared layers count once. */
export function imagesDf(store: ImageStore, activeIds: ReadonlySet<string>): ImagesDf {
  const all = store.list();
  const size = store.layers.all().reduce((s, l) => s + l.size, 0);
  const used = new Set<Digest>();
  for (const r of all) if (activeIds.has(r.id)) for (const c of r.chainIds) used.add(c);
  const usedSize = [...used].reduce((s, c) => s + (store.layers.get(c)?.size ?? 0), 0);
  return { total: all.length, active: all.filter((r) => activeIds.has(r.id)).length, size, reclaimable: size - usedSize };
}

/**
 * Per-image sizes of `docker system df -v`: SHARED SIZE is the image's
 * layers that another image also uses, UNIQUE SIZE the rest (moby
 * computeSharedSize: layers referenced by more than one image).
 */
export function imageSizes(store: ImageStore, ref: string): { size: number; sharedSize: number; uniqueSize: number } {
  const r = store.resolve(ref) ?? fail('ENOENT', ref, `No such image: ${ref}`);
  const refs = new Map<Digest, number>();
  for (const img of store.list()) for (const c of new Set(img.chainIds)) refs.set(c, (refs.get(c) ?? 0) + 1);
  let shared = 0;
  for (const c of new Set(r.chainIds)) if ((refs.get(c) ?? 0) > 1) shared += store.layers.get(c)?.size ?? 0;
  return { size: r.size, sharedSize: shared, uniqueSize: r.size - shared };
}
