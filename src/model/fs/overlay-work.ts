/**
 * overlayfs's workdir (Documentation/filesystems/overlayfs.rst "workdir";
 * fs/overlayfs/super.c ovl_workdir_create, fs/overlayfs/dir.c ovl_whiteout).
 * At mount the kernel makes workdir/work (mode 0); it must sit on the upper
 * filesystem but outside upperdir. Since Linux 5.8 the whiteouts that unlink
 * and rmdir leave are hard links to one whiteout inode kept in workdir/work
 * as "#<hex>" (so `ls -l` in the upper dir shows `c--------- N root root 0, 0`
 * with N = whiteouts + 1); rename's whiteouts (RENAME_WHITEOUT) are made by
 * the upper filesystem itself, one inode each.
 */
import { fail } from '../errors.ts';
import { isWithin, join } from './path.ts';
import { SubtreeFs } from './subtree-fs.ts';
import type { FileSystem } from './types.ts';
import { tryLstat } from './walk.ts';

/** Where a FileSystem view really lives: a base filesystem and a directory in it. */
interface Anchor {
  readonly base: FileSystem;
  readonly dir: string;
}

function anchorOf(fs: FileSystem): Anchor {
  if (!(fs instanceof SubtreeFs)) return { base: fs, dir: '/' };
  const inner = anchorOf(fs.base);
  return { base: inner.base, dir: join(inner.dir, fs.dir) };
}

/** The workdir of one overlay mount: mount-time checks, and the shared whiteout inode. */
export class OverlayWorkdir {
  readonly #work: FileSystem;
  readonly #upper: Anchor;
  readonly #workAt: Anchor;
  /** Whiteouts can be hard links to one inode only when upper and work are views of the same filesystem object. */
  readonly #canShare: boolean;
  #shared: string | undefined;
  /** ovl_lookup_temp's counter ("#%x"); per mount here, global in the kernel: names are illustrative. */
  #tempId = 0;

  /** ovl_workdir_create plus the "workdir and upperdir must be separate subtrees" check; EINVAL on misuse. */
  constructor(upper: FileSystem, work: FileSystem) {
    if (work.dev !== upper.dev) fail('EINVAL', 'workdir'); // "workdir and upperdir must reside under the same mount"
    this.#work = work;
    this.#upper = anchorOf(upper);
    this.#workAt = anchorOf(work);
    const sameBase = this.#upper.base === this.#workAt.base;
    if (sameBase && (isWithin(this.#upper.dir, this.#workAt.dir) || isWithin(this.#workAt.dir, this.#upper.dir))) fail('EINVAL', 'workdir');
    this.#canShare = sameBase && !work.readonly;
    if (!work.readonly && !tryLstat(work, '/work')) work.mkdir('/work', 0);
  }

  /** ovl_whiteout: a whiteout at `path` of the upper dir, linked to the mount's shared whiteout inode when possible. */
  whiteout(up: FileSystem, path: string): void {
    if (!this.#canShare) return up.mknod(path, 'chardev', [0, 0], 0);
    if (!this.#shared || !tryLstat(this.#work, this.#shared)) {
      const name = `/work/#${(++this.#tempId).toString(16)}`;
      this.#work.mknod(name, 'chardev', [0, 0], 0);
      this.#shared = name;
    }
    const base = this.#upper.base;
    base.link(join(this.#workAt.dir, this.#shared), join(this.#upper.dir, path));
  }
}
