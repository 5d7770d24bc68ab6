/**
 * A container's upper directory as comparable lines: `path type mode size
 * [-> target | rdev] [opaque]`, without times, inode numbers, directory sizes
 * or the files an engine puts there for its own mounts (podman writes
 * /etc/hostname, /etc/hosts, /etc/resolv.conf, /run/.containerenv... into
 * the container layer; Docker keeps them in its -init layer).
 */
export interface UpperEntry {
  readonly path: string;
  readonly type: 'file' | 'dir' | 'symlink' | 'chardev' | 'other';
  readonly mode: number;
  readonly size: number;
  readonly target?: string;
  readonly rdev?: string;
  readonly opaque: boolean;
}

const ENGINE_ARTIFACTS = new Set(['/etc/hostname', '/etc/hosts', '/etc/resolv.conf', '/etc/mtab', '/run/.containerenv', '/.dockerenv', '/dev', '/proc', '/sys', '/run']);

function isArtifact(path: string): boolean {
  for (const a of ENGINE_ARTIFACTS) if (path === a || path.startsWith(a + '/')) return true;
  return false;
}

/**
 * Normalised lines. A directory is kept only if it says something: it is
 * opaque, its mode differs from the image's (`lowerMode`), it is new, or it
 * still has entries below it once engine artifacts are gone.
 */
export function normalise(entries: readonly UpperEntry[], lowerMode: (path: string) => number | undefined): string[] {
  return meaningful(entries, lowerMode)
    .map((e) => {
      const extra = e.type === 'symlink' ? ` -> ${e.target}` : e.type === 'chardev' ? ` ${e.rdev}` : e.type === 'file' ? ` ${e.size}` : '';
      return `${e.path} ${e.type} ${e.mode.toString(8)}${extra}${e.opaque ? ' opaque' : ''}`;
    })
    .sort();
}

function meaningful(entries: readonly UpperEntry[], lowerMode: (path: string) => number | undefined): UpperEntry[] {
  const kept = entries.filter((e) => !isArtifact(e.path));
  const hasChild = (p: string): boolean => kept.some((e) => e.path.startsWith(p + '/'));
  return kept.filter((e) => e.type !== 'dir' || e.opaque || hasChild(e.path) || lowerMode(e.path) !== e.mode);
}

/**
 * `diff` lines without the engine's own files, and without `C DIR` for a
 * directory that is in the upper layer only to hold those files (podman's
 * /etc). Sorted: Docker prints by path; podman in walk order.
 */
export function normaliseDiff(diff: readonly string[], entries: readonly UpperEntry[], lowerMode: (path: string) => number | undefined): string[] {
  const kept = new Set(meaningful(entries, lowerMode).map((e) => e.path));
  const inUpper = new Set(entries.map((e) => e.path));
  return diff
    .filter((line) => {
      const path = line.slice(2);
      if (isArtifact(path)) return false;
      // podman writes hostname/hosts into the container's own /etc, changing its mtime, so its
      // diff always says C /etc; Docker's -init layer leaves /etc alone. Compare without it.
      if (line === 'C /etc') return false;
      return !(line.startsWith('C ') && inUpper.has(path) && !kept.has(path));
    })
    .sort();
}
