/**
 * OCI layer changesets (image-spec layer.md, facts §1.10–1.11, §2.1–2.3)
 * and how runtimes convert them to and from overlayfs upper directories:
 *  - applyLayer: tar entries → an empty diff dir, converting `.wh.<name>`
 *    into a 0/0 character device and `.wh..wh..opq` into the
 *    trusted.overlay.opaque=y xattr (containerd OverlayConvertWhiteout,
 *    moby overlayWhiteoutConverter.ConvertRead);
 *  - diffEntries: an upper dir → tar entries, the reverse (moby ConvertWrite);
 *  - dockerChanges: the A/C/D list `docker diff` prints (moby/containers-
 *    storage pkg/archive changes() with the overlay deleted-file test).
 */
import { fail } from '../errors.ts';
import type { FileSystem, Stat } from '../fs/types.ts';
import { exists, mkdirp, pjoin, rmTree, walkTree } from './fs-util.ts';
import type { TarEntry } from './tar.ts';
import { comparePaths } from './tar.ts';

/** Whiteout prefix (AUFS naming kept by the OCI format). */
export const WHITEOUT_PREFIX = '.wh.';
/** Opaque-directory marker: two dots before "opq". */
export const WHITEOUT_OPAQUE = '.wh..wh..opq';
/** The xattr overlayfs reads for opaque directories. */
export const OPAQUE_XATTR = 'trusted.overlay.opaque';

/** A directory on some filesystem (a layer's diff dir, an upper dir). */
export interface DirRef {
  readonly fs: FileSystem;
  readonly dir: string;
}

/** Is this stat an overlayfs whiteout (character device 0/0)? */
export function isWhiteout(st: Stat): boolean {
  return st.type === 'chardev' && st.rdev[0] === 0 && st.rdev[1] === 0;
}

const S = 1_000_000;

/**
 * Apply a layer's entries into `dir` (an empty diff dir), as containerd's
 * applier does with OverlayConvertWhiteout. Attributes of existing
 * directories are replaced; any other existing path is removed first
 * (layer.md §Applying Changesets). Throws EINVAL on a malformed whiteout
 * name (".wh.", ".wh..", ".wh..." as moby rejects them).
 */
export function applyLayer(fs: FileSystem, dir: string, entries: readonly TarEntry[]): void {
  for (const e of entries) {
    const base = e.path.slice(e.path.lastIndexOf('/') + 1);
    if (base.startsWith(WHITEOUT_PREFIX) && base !== WHITEOUT_OPAQUE) {
      const name = base.slice(WHITEOUT_PREFIX.length);
      if (name === '' || name === '.' || name === '..') fail('EINVAL', e.path, `invalid whiteout name: ${base}`);
    }
  }
  const dirTimes: Array<[string, number]> = [];
  for (const e of entries) {
    const slash = e.path.lastIndexOf('/');
    const parent = slash < 0 ? dir : pjoin(dir, e.path.slice(0, slash));
    const base = e.path.slice(slash + 1);
    if (!exists(fs, parent)) mkdirp(fs, parent);
    if (base === WHITEOUT_OPAQUE) {
      fs.setxattr(parent, OPAQUE_XATTR, 'y');
      continue;
    }
    if (base.startsWith(WHITEOUT_PREFIX)) {
      const p = pjoin(parent, base.slice(WHITEOUT_PREFIX.length));
      rmTree(fs, p);
      fs.mknod(p, 'chardev', [0, 0], 0);
      fs.chown(p, e.uid, e.gid);
      continue;
    }
    const p = pjoin(dir, e.path);
    const old = exists(fs, p) ? fs.lstat(p) : undefined;
    if (old && !(old.type === 'dir' && e.type === 'dir')) rmTree(fs, p);
    switch (e.type) {
      case 'dir': if (!old || old.type !== 'dir') fs.mkdir(p, e.mode); break;
      case 'file': fs.write(p, e.data ?? new Uint8Array(0), { mode: e.mode, uid: e.uid, gid: e.gid }); break;
      case 'symlink': fs.symlink(e.linkname ?? '', p); break;
      case 'hardlink': fs.link(pjoin(dir, e.linkname ?? ''), p); continue;
      case 'chardev': case 'blockdev': fs.mknod(p, e.type, [e.devmajor ?? 0, e.devminor ?? 0], e.mode); break;
      case 'fifo': fs.mknod(p, 'fifo', [0, 0], e.mode); break;
    }
    fs.chown(p, e.uid, e.gid);
    if (e.type !== 'symlink') fs.chmod(p, e.mode);
    for (const [k, v] of Object.entries(e.xattrs ?? {})) fs.setxattr(p, k, v);
    if (e.type === 'dir') dirTimes.push([p, e.mtime * S]);
    else fs.utimes(p, e.mtime * S);
  }
  // Directory times last, as archive extraction does, since creating children changed them.
  for (const [p, t] of dirTimes.reverse()) fs.utimes(p, t);
}

/**
 * The tar entries of a layer from its diff/upper dir (moby ConvertWrite):
 * a 0/0 char device becomes an empty 0600 file `.wh.<name>`; an opaque
 * directory keeps its entry and gains `<dir>/.wh..wh..opq`; files sharing
 * an inode after the first become hard links; trusted.overlay.* xattrs are
 * dropped. Times are truncated to seconds as moby does.
 */
export function diffEntries(fs: FileSystem, dir: string): TarEntry[] {
  const out: TarEntry[] = [];
  const firstPath = new Map<number, string>();
  walkTree(fs, dir, (rel, abs) => {
    const st = fs.lstat(abs);
    const common = { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtime: Math.floor(st.mtime / S) };
    if (isWhiteout(st)) {
      const slash = rel.lastIndexOf('/');
      out.push({ ...common, path: `${rel.slice(0, slash + 1)}${WHITEOUT_PREFIX}${rel.slice(slash + 1)}`, type: 'file', mode: 0o600, data: new Uint8Array(0) });
      return;
    }
    const xattrs: Record<string, string> = {};
    for (const k of fs.listxattr(abs)) if (!k.startsWith('trusted.overlay.')) xattrs[k] = fs.getxattr(abs, k) ?? '';
    const x = Object.keys(xattrs).length ? { xattrs } : {};
    if (st.type !== 'dir' && st.nlink > 1) {
      const first = firstPath.get(st.ino);
      if (first !== undefined) { out.push({ ...common, path: rel, type: 'hardlink', linkname: first }); return; }
      firstPath.set(st.ino, rel);
    }
    switch (st.type) {
      case 'dir':
        out.push({ ...common, path: rel, type: 'dir', ...x });
        if (fs.getxattr(abs, OPAQUE_XATTR) === 'y') out.push({ ...common, mode: st.mode & 0o777, path: `${rel}/${WHITEOUT_OPAQUE}`, type: 'file', data: new Uint8Array(0) });
        break;
      case 'file': out.push({ ...common, path: rel, type: 'file', data: fs.read(abs), ...x }); break;
      case 'symlink': out.push({ ...common, path: rel, type: 'symlink', linkname: fs.readlink(abs), ...x }); break;
      case 'chardev': case 'blockdev': out.push({ ...common, path: rel, type: st.type, devmajor: st.rdev[0], devminor: st.rdev[1], ...x }); break;
      case 'fifo': out.push({ ...common, path: rel, type: 'fifo', ...x }); break;
      case 'socket': break; // sockets are not archived (moby skips them)
    }
  });
  return out;
}

/** One line of `docker diff`: A added, C changed, D deleted. */
export interface Change {
  readonly kind: 'A' | 'C' | 'D';
  readonly path: string;
}

function lstatOrUndefined(fs: FileSystem, p: string): Stat | undefined {
  return exists(fs, p) ? fs.lstat(p) : undefined;
}

function whiteoutAt(l: DirRef, rel: string): boolean {
  const st = lstatOrUndefined(l.fs, pjoin(l.dir, rel));
  return !!st && isWhiteout(st);
}

/** pkg/archive sameFsTime: equal, or the same second with one side having no sub-second part (tar keeps seconds). */
function sameFsTime(a: number, b: number): boolean {
  return a === b || (Math.floor(a / S) === Math.floor(b / S) && (a % S === 0 || b % S === 0));
}

/** overlayDeletedFile: a whiteout, or an opaque dir that hides a same-named path in a lower layer. */
function deletedPath(upper: DirRef, lowers: readonly DirRef[], rel: string, st: Stat): boolean {
  if (isWhiteout(st)) return true;
  if (st.type !== 'dir' || upper.fs.getxattr(pjoin(upper.dir, rel), OPAQUE_XATTR) !== 'y') return false;
  for (const l of lowers) {
    const ls = lstatOrUndefined(l.fs, pjoin(l.dir, rel));
    if (ls) return !isWhiteout(ls);
    const parts = rel.split('/');
    for (let i = parts.length - 1; i > 0; i--) if (whiteoutAt(l, parts.slice(0, i).join('/'))) return false;
  }
  return false;
}

/**
 * `docker diff` / `podman diff` for an overlay: walk the upper dir; a
 * whiteout or a re-created opaque dir is D, a path present in a lower
 * layer is C (a directory only if its size, mode or mtime differ), else A;
 * the parents of an A or D are reported C once (containers/storage
 * pkg/archive changes_linux.go, as observed in facts §11). Lowers are the
 * image's diff dirs, uppermost first; lstat is used where Go's os.Stat
 * would follow a symlink. Checked by hand against podman 4.3 on this
 * project's machine for the 16 cases of changeset.test.ts: same sets;
 * podman prints an ancestor added late (`rm /a/b/c` → C /a/b, C /a,
 * D /a/b/c) and we sort by path. moby marks only the immediate parent,
 * so Docker itself would omit `C /a` there.
 */
export function dockerChanges(upper: DirRef, lowers: readonly DirRef[]): Change[] {
  const changes: Change[] = [];
  const changedDirs = new Set<string>();
  walkTree(upper.fs, upper.dir, (rel, abs) => {
    const st = upper.fs.lstat(abs);
    const path = `/${rel}`;
    let kind: Change['kind'];
    if (deletedPath(upper, lowers, rel, st)) kind = 'D';
    else {
      kind = 'A';
      scan: for (const l of lowers) {
        const parts = rel.split('/');
        for (let i = parts.length; i > 0; i--) if (whiteoutAt(l, parts.slice(0, i).join('/'))) break scan;
        const ls = lstatOrUndefined(l.fs, pjoin(l.dir, rel));
        if (ls) {
          if (ls.type === 'dir' && st.type === 'dir' && ls.size === st.size && ls.mode === st.mode && sameFsTime(ls.mtime, st.mtime)) return;
          kind = 'C';
          break;
        }
      }
    }
    if (st.type === 'dir') changedDirs.add(path);
    if (kind !== 'C') {
      const tail: Change[] = [];
      for (let p = path.slice(0, path.lastIndexOf('/')); p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
        if (!changedDirs.has(p)) { tail.unshift({ kind: 'C', path: p }); changedDirs.add(p); }
      }
      changes.push(...tail);
    }
    changes.push({ kind, path });
  });
  // Walk order already puts parents first; podman's ancestor rule can append a grandparent late, so sort by path.
  return changes.sort((a, b) => comparePaths(a.path, b.path));
}
