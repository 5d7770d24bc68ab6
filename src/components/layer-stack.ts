/**
 * The layer-stack picture as data: which layer supplies each path, what is
 * hidden, copied up or whited out. Follows the overlayfs lookup rules
 * (kernel Documentation/filesystems/overlayfs.rst; facts §1.2–1.4): the
 * topmost layer holding a name wins, and a whiteout (char device 0/0) ends the
 * search. Opaque directories are labelled but their children are not derived.
 */

/** A layer as the diagram receives it, topmost first. */
export interface StackLayer {
  readonly name: string;
  readonly kind: 'image' | 'container';
  readonly entries: readonly { readonly path: string; readonly type: 'file' | 'dir' | 'whiteout' | 'opaque' }[];
}

/** What one cell of the diagram shows. */
export interface StackCell {
  readonly present: boolean;
  readonly type?: 'file' | 'dir' | 'whiteout' | 'opaque';
  /** Short status under the path: new, copied up, whiteout c 0/0, hidden… ('' for a plain lower file). */
  readonly status: string;
  /** True when a higher layer hides this entry. */
  readonly hidden: boolean;
}

/** The merged (container's) view of one path. */
export interface MergedCell {
  readonly visible: boolean;
  readonly from?: string;
  readonly status: string;
}

/** Every path of the stack, sorted like `docker diff` output. */
export function stackPaths(layers: readonly StackLayer[]): string[] {
  return [...new Set(layers.flatMap((l) => l.entries.map((e) => e.path)))].sort();
}

/** The cell of layer `i` (0 = topmost) for `path`. */
export function stackCell(layers: readonly StackLayer[], i: number, path: string): StackCell {
  const entry = layers[i].entries.find((e) => e.path === path);
  if (!entry) return { present: false, status: '', hidden: false };
  const hidden = layers.slice(0, i).some((l) => l.entries.some((e) => e.path === path));
  const below = layers.slice(i + 1).some((l) => l.entries.some((e) => e.path === path && e.type !== 'whiteout'));
  let status = '';
  if (entry.type === 'whiteout') status = 'whiteout c 0/0';
  else if (entry.type === 'opaque') status = 'opaque dir';
  else if (below) status = layers[i].kind === 'container' ? 'copied up' : 'replaces lower';
  else if (i < layers.length - 1) status = 'new';
  if (hidden) status = status ? `${status}, hidden` : 'hidden';
  return { present: true, type: entry.type, status, hidden };
}

/** What the merged view shows for `path`: the topmost entry, unless it is a whiteout. */
export function mergedCell(layers: readonly StackLayer[], path: string): MergedCell {
  for (const l of layers) {
    const e = l.entries.find((x) => x.path === path);
    if (!e) continue;
    if (e.type === 'whiteout') return { visible: false, status: 'deleted' };
    return { visible: true, from: l.name, status: `from ${l.name}` };
  }
  return { visible: false, status: '' };
}
