/**
 * Test helpers for overlays laid out as Docker's overlay2 does
 * (/var/lib/docker/overlay2/<id>/{diff,work}, facts §3.3): every layer is a
 * directory of one host disk, so all layers share st_dev (samefs).
 */
import { toText } from './data.ts';
import { MemoryFs } from './memory-fs.ts';
import { OverlayFs } from './overlay-fs.ts';
import { OPAQUE_XATTR, isWhiteout } from './overlay-lookup.ts';
import { SubtreeFs } from './subtree-fs.ts';
import type { FileSystem } from './types.ts';
import { listTree } from './walk.ts';

/** A deterministic realtime clock in µs, advancing 1 ms per reading. */
export function testClock(): () => number {
  let t = 1_700_000_000_000_000;
  return () => (t += 1000);
}

/** One overlay mount and the layers under it. */
export interface OverlayRig {
  readonly host: MemoryFs;
  readonly ov: OverlayFs;
  readonly upper: SubtreeFs;
  readonly lowers: SubtreeFs[];
}

/** Lowers built by `seeds` (topmost first), each in its own diff dir on one host disk and mounted read-only, plus an upper and work dir. */
export function overlayRig(seeds: Array<(fs: FileSystem) => void>, opts: { upper?: boolean } = {}): OverlayRig {
  const now = testClock();
  const host = new MemoryFs({ dev: 0x801, now });
  host.mkdir('/l');
  const lowers = seeds.map((seed, i) => {
    host.mkdir(`/l/${i}`);
    seed(new SubtreeFs(host, `/l/${i}`));
    // The overlay sees each lower through a read-only view: a stray write to a lower would fail loudly with EROFS.
    return new SubtreeFs(host, `/l/${i}`, { readonly: true });
  });
  host.mkdir('/c');
  host.mkdir('/c/diff');
  host.mkdir('/c/work');
  const upper = new SubtreeFs(host, '/c/diff');
  const withUpper = opts.upper ?? true;
  const ov = new OverlayFs({ lowers, upper: withUpper ? upper : undefined, work: withUpper ? new SubtreeFs(host, '/c/work') : undefined, dev: 0x2f, now });
  return { host, ov, upper, lowers };
}

/**
 * A layer's tree as one line per path, like `ls -lR` squeezed: "/etc/motd wh"
 * for a whiteout, "/etc dir opaque", "/a file:text", "/l link:target", "/n chr 1,3".
 */
export function describeTree(fs: FileSystem): string[] {
  return listTree(fs, '/').slice(1).map(([p, st]) => {
    if (isWhiteout(st)) return `${p} wh`;
    switch (st.type) {
      case 'dir': return fs.getxattr(p, OPAQUE_XATTR) === 'y' ? `${p} dir opaque` : `${p} dir`;
      case 'file': return `${p} file:${toText(fs.read(p))}`;
      case 'symlink': return `${p} link:${fs.readlink(p)}`;
      case 'chardev': case 'blockdev': return `${p} ${st.type === 'chardev' ? 'chr' : 'blk'} ${st.rdev[0]},${st.rdev[1]}`;
      default: return `${p} ${st.type}`;
    }
  });
}
