/**
 * The contract every FileSystem passes (containerd's testsuite.SnapshotterSuite
 * pattern): POSIX behaviour from open(2), write(2), truncate(2), mkdir(2),
 * rmdir(2), unlink(2), rename(2), link(2), symlink(2), readlink(2), chmod(2),
 * chown(2), utimensat(2), getdents(2), xattr(7). Each case builds a fixture
 * with `seed` (which an overlay may put in its lower layer), runs `pre` through
 * the filesystem under test, then `act`; a failing case must leave the whole
 * tree exactly as it was.
 *
 * Usage: describeFileSystem('MemoryFs', (seed) => { const fs = new MemoryFs(...); seed?.(fs); return fs; }).
 */
import { describe, expect, it } from 'vitest';
import type { Errno } from '../errors.ts';
import { isSysError } from '../errors.ts';
import { fromText, toText } from './data.ts';
import type { FileSystem } from './types.ts';
import { listTree } from './walk.ts';

/** Builds the fixture tree into a filesystem (the one under test, or a layer beneath it). */
export type Seed = (fs: FileSystem) => void;

/** The standard fixture: /d/{f,g,sub/x}, /e (empty dir), /s → d/f, /t → missing. */
export const fixture: Seed = (fs) => {
  fs.mkdir('/d', 0o755);
  fs.write('/d/f', fromText('hello\n'));
  fs.write('/d/g', fromText('g'), { mode: 0o600, uid: 1000, gid: 1000 });
  fs.mkdir('/d/sub', 0o700);
  fs.write('/d/sub/x', fromText('x'));
  fs.mkdir('/e', 0o755);
  fs.symlink('d/f', '/s');
  fs.symlink('missing', '/t');
};

const text = (fs: FileSystem, p: string): string => toText(fs.read(p));

/** Everything observable through the interface, for "failed ops change nothing". */
export function snapshot(fs: FileSystem): unknown[] {
  return listTree(fs, '/').map(([p, st]) => [
    p, st.type, st.mode, st.uid, st.gid, st.size, st.nlink, st.ino, st.mtime, st.rdev,
    st.type === 'file' ? text(fs, p) : st.type === 'symlink' ? fs.readlink(p) : st.type === 'dir' ? fs.readdir(p).join(',') : '',
    fs.listxattr(p).map((x) => `${x}=${fs.getxattr(p, x)}`).join(','),
  ]);
}

interface OkCase { name: string; pre?: Seed; act: Seed; check: Seed }
interface ErrCase { name: string; pre?: Seed; act: Seed; code: Errno }

const ok: OkCase[] = [
  { name: 'write creates a 0644 file owned by root', act: (fs) => fs.write('/n', fromText('abc')),
    check: (fs) => { expect(fs.lstat('/n')).toMatchObject({ type: 'file', size: 3, mode: 0o644, uid: 0, nlink: 1 }); expect(text(fs, '/n')).toBe('abc'); } },
  { name: 'write honours mode and owner of O_CREAT', act: (fs) => fs.write('/d/n', fromText(''), { mode: 0o4755, uid: 7, gid: 8 }),
    check: (fs) => expect(fs.lstat('/d/n')).toMatchObject({ mode: 0o4755, uid: 7, gid: 8, size: 0 }) },
  { name: 'write truncates an existing file (O_TRUNC) keeping its inode', act: (fs) => fs.write('/d/g', fromText('new')),
    check: (fs) => { expect(text(fs, '/d/g')).toBe('new'); expect(fs.lstat('/d/g')).toMatchObject({ mode: 0o600, uid: 1000 }); } },
  { name: 'append adds at the end (O_APPEND)', act: (fs) => fs.write('/d/f', fromText('more\n'), { append: true }),
    check: (fs) => expect(text(fs, '/d/f')).toBe('hello\nmore\n') },
  { name: 'append creates a missing file', act: (fs) => fs.write('/e/a', fromText('1'), { append: true }),
    check: (fs) => expect(text(fs, '/e/a')).toBe('1') },
  { name: 'truncate shrinks', act: (fs) => fs.truncate('/d/f', 2), check: (fs) => expect(text(fs, '/d/f')).toBe('he') },
  { name: 'truncate grows with zero bytes', act: (fs) => fs.truncate('/d/g', 3),
    check: (fs) => { expect(fs.lstat('/d/g').size).toBe(3); expect([...fs.read('/d/g') as Uint8Array]).toEqual([0x67, 0, 0]); } },
  { name: 'openForWrite alone changes no content', act: (fs) => fs.openForWrite('/d/f'), check: (fs) => expect(text(fs, '/d/f')).toBe('hello\n') },
  { name: 'mkdir makes a directory with the mode and owner given', act: (fs) => fs.mkdir('/d/new', 0o750, { uid: 5, gid: 6 }),
    check: (fs) => { expect(fs.lstat('/d/new')).toMatchObject({ type: 'dir', mode: 0o750, uid: 5, gid: 6 }); expect(fs.readdir('/d/new')).toEqual([]); } },
  { name: 'a directory has nlink 2 + its subdirectories', act: (fs) => { fs.mkdir('/p'); fs.mkdir('/p/a'); fs.mkdir('/p/b'); fs.write('/p/f', fromText('')); },
    check: (fs) => { expect(fs.lstat('/p').nlink).toBe(4); expect(fs.lstat('/p/a').nlink).toBe(2); } },
  { name: 'rmdir removes an empty directory', act: (fs) => fs.rmdir('/e'), check: (fs) => expect(fs.readdir('/')).toEqual(['d', 's', 't']) },
  { name: 'rmdir of a directory emptied first', act: (fs) => { fs.unlink('/d/sub/x'); fs.rmdir('/d/sub'); }, check: (fs) => expect(fs.readdir('/d')).toEqual(['f', 'g']) },
  { name: 'unlink removes a file', act: (fs) => fs.unlink('/d/f'), check: (fs) => expect(fs.readdir('/d')).toEqual(['g', 'sub']) },
  { name: 'unlink of a symlink removes the link, not its target', act: (fs) => fs.unlink('/s'),
    check: (fs) => { expect(fs.readdir('/')).toEqual(['d', 'e', 't']); expect(text(fs, '/d/f')).toBe('hello\n'); } },
  { name: 'unlink then create gives a new file', act: (fs) => { fs.unlink('/d/f'); fs.write('/d/f', fromText('again')); },
    check: (fs) => expect(text(fs, '/d/f')).toBe('again') },
  { name: 'rename a file to a new name', act: (fs) => fs.rename('/d/f', '/e/f2'),
    check: (fs) => { expect(fs.readdir('/d')).toEqual(['g', 'sub']); expect(text(fs, '/e/f2')).toBe('hello\n'); } },
  { name: 'rename a file over another replaces it', act: (fs) => fs.rename('/d/f', '/d/g'),
    check: (fs) => { expect(fs.readdir('/d')).toEqual(['g', 'sub']); expect(text(fs, '/d/g')).toBe('hello\n'); expect(fs.lstat('/d/g').mode).toBe(0o644); } },
  { name: 'rename a symlink keeps its target', act: (fs) => fs.rename('/s', '/d/s2'), check: (fs) => expect(fs.readlink('/d/s2')).toBe('d/f') },
  { name: 'rename a new directory with its contents', pre: (fs) => { fs.mkdir('/n'); fs.write('/n/a', fromText('a')); }, act: (fs) => fs.rename('/n', '/e/m'),
    check: (fs) => { expect(fs.readdir('/e')).toEqual(['m']); expect(text(fs, '/e/m/a')).toBe('a'); expect(fs.readdir('/')).toEqual(['d', 'e', 's', 't']); } },
  { name: 'rename a new directory over an empty directory', pre: (fs) => { fs.mkdir('/n'); fs.write('/n/a', fromText('a')); }, act: (fs) => fs.rename('/n', '/e'),
    check: (fs) => { expect(fs.readdir('/e')).toEqual(['a']); expect(fs.readdir('/')).toEqual(['d', 'e', 's', 't']); } },
  { name: 'rename of a name onto itself does nothing', act: (fs) => fs.rename('/d/f', '/d/f'), check: (fs) => expect(text(fs, '/d/f')).toBe('hello\n') },
  { name: 'rename between hard links of one inode does nothing', pre: (fs) => { fs.write('/n', fromText('n')); fs.link('/n', '/m'); }, act: (fs) => fs.rename('/n', '/m'),
    check: (fs) => { expect(fs.lstat('/n').nlink).toBe(2); expect(fs.lstat('/m').nlink).toBe(2); } },
  { name: 'link shares the inode and counts names', act: (fs) => fs.link('/d/f', '/e/l'),
    check: (fs) => {
      expect(fs.lstat('/d/f').nlink).toBe(2);
      expect(fs.lstat('/e/l').ino).toBe(fs.lstat('/d/f').ino);
      fs.write('/e/l', fromText('via link'));
      expect(text(fs, '/d/f')).toBe('via link');
      fs.unlink('/d/f');
      expect(fs.lstat('/e/l').nlink).toBe(1);
    } },
  { name: 'chmod on one hard link shows on the other', act: (fs) => { fs.link('/d/f', '/d/l'); fs.chmod('/d/l', 0o600); }, check: (fs) => expect(fs.lstat('/d/f').mode).toBe(0o600) },
  { name: 'symlink stores the target verbatim; size is its length', act: (fs) => fs.symlink('../x/./y', '/d/ln'),
    check: (fs) => { expect(fs.readlink('/d/ln')).toBe('../x/./y'); expect(fs.lstat('/d/ln')).toMatchObject({ type: 'symlink', size: 8, mode: 0o777 }); } },
  { name: 'a dangling symlink is still listed', act: () => {}, check: (fs) => { expect(fs.readlink('/t')).toBe('missing'); expect(fs.lstat('/t').type).toBe('symlink'); } },
  { name: 'chmod keeps setuid/setgid/sticky bits', act: (fs) => fs.chmod('/d/f', 0o7755), check: (fs) => expect(fs.lstat('/d/f').mode).toBe(0o7755) },
  { name: 'chmod of a directory', act: (fs) => fs.chmod('/d', 0o1777), check: (fs) => expect(fs.lstat('/d').mode).toBe(0o1777) },
  { name: 'chown', act: (fs) => fs.chown('/d/f', 1000, 100), check: (fs) => expect(fs.lstat('/d/f')).toMatchObject({ uid: 1000, gid: 100 }) },
  { name: 'chown clears setuid, and setgid when group-executable; -1 keeps ids', act: (fs) => { fs.chmod('/d/f', 0o6755); fs.chown('/d/f', -1, -1); fs.chmod('/d/g', 0o6745); fs.chown('/d/g', 0, 0); fs.chmod('/d/sub', 0o6755); fs.chown('/d/sub', 0, 0); },
    check: (fs) => { expect(fs.lstat('/d/f')).toMatchObject({ mode: 0o755, uid: 0 }); expect(fs.lstat('/d/g').mode).toBe(0o2745); expect(fs.lstat('/d/sub').mode).toBe(0o6755); } },
  { name: 'utimes sets mtime (touch -d)', act: (fs) => fs.utimes('/d/f', 1_234_000_000), check: (fs) => expect(fs.lstat('/d/f').mtime).toBe(1_234_000_000) },
  { name: 'readdir is sorted bytewise', act: (fs) => { for (const n of ['b', 'B', 'a', '_', 'Z']) fs.write(`/e/${n}`, fromText('')); },
    check: (fs) => expect(fs.readdir('/e')).toEqual(['B', 'Z', '_', 'a', 'b']) },
  { name: 'xattrs set, get and list', act: (fs) => { fs.setxattr('/d/f', 'user.b', '2'); fs.setxattr('/d/f', 'user.a', '1'); },
    check: (fs) => { expect(fs.listxattr('/d/f')).toEqual(['user.a', 'user.b']); expect(fs.getxattr('/d/f', 'user.a')).toBe('1'); expect(fs.getxattr('/d/f', 'user.c')).toBeUndefined(); } },
  { name: 'mknod makes a fifo and a char device', act: (fs) => { fs.mknod('/e/p', 'fifo', [0, 0]); fs.mknod('/e/null', 'chardev', [1, 3], 0o666); },
    check: (fs) => { expect(fs.lstat('/e/p').type).toBe('fifo'); expect(fs.lstat('/e/null')).toMatchObject({ type: 'chardev', rdev: [1, 3], mode: 0o666 }); } },
];

const failing: ErrCase[] = [
  { name: 'lstat of a missing name', act: (fs) => fs.lstat('/nope'), code: 'ENOENT' },
  { name: 'lstat through a file', act: (fs) => fs.lstat('/d/f/x'), code: 'ENOTDIR' },
  { name: 'read of a directory', act: (fs) => fs.read('/d'), code: 'EISDIR' },
  { name: 'read of a missing file', act: (fs) => fs.read('/d/nope'), code: 'ENOENT' },
  { name: 'write over a directory', act: (fs) => fs.write('/d/sub', fromText('x')), code: 'EISDIR' },
  { name: 'write with O_EXCL over an existing file', act: (fs) => fs.write('/d/f', fromText('x'), { exclusive: true }), code: 'EEXIST' },
  { name: 'write in a missing directory', act: (fs) => fs.write('/nope/f', fromText('x')), code: 'ENOENT' },
  { name: 'write under a file', act: (fs) => fs.write('/d/f/x', fromText('x')), code: 'ENOTDIR' },
  { name: 'openForWrite of a directory', act: (fs) => fs.openForWrite('/d'), code: 'EISDIR' },
  { name: 'openForWrite of a symlink (no following at this level: O_NOFOLLOW)', act: (fs) => fs.openForWrite('/s'), code: 'ELOOP' },
  { name: 'write through a final symlink (O_NOFOLLOW)', act: (fs) => fs.write('/s', fromText('x')), code: 'ELOOP' },
  { name: 'openForWrite of a missing file', act: (fs) => fs.openForWrite('/d/nope'), code: 'ENOENT' },
  { name: 'truncate of a directory', act: (fs) => fs.truncate('/d', 0), code: 'EISDIR' },
  { name: 'truncate to a negative size', act: (fs) => fs.truncate('/d/f', -1), code: 'EINVAL' },
  { name: 'mkdir over a directory', act: (fs) => fs.mkdir('/d'), code: 'EEXIST' },
  { name: 'mkdir over a file', act: (fs) => fs.mkdir('/d/f'), code: 'EEXIST' },
  { name: 'mkdir over a dangling symlink', act: (fs) => fs.mkdir('/t'), code: 'EEXIST' },
  { name: 'mkdir in a missing directory', act: (fs) => fs.mkdir('/nope/x'), code: 'ENOENT' },
  { name: 'rmdir of a non-empty directory', act: (fs) => fs.rmdir('/d'), code: 'ENOTEMPTY' },
  { name: 'rmdir of a file', act: (fs) => fs.rmdir('/d/f'), code: 'ENOTDIR' },
  { name: 'rmdir of a missing directory', act: (fs) => fs.rmdir('/nope'), code: 'ENOENT' },
  { name: 'unlink of a directory', act: (fs) => fs.unlink('/d'), code: 'EISDIR' },
  { name: 'unlink of a missing name', act: (fs) => fs.unlink('/d/nope'), code: 'ENOENT' },
  { name: 'rename of a missing name', act: (fs) => fs.rename('/nope', '/x'), code: 'ENOENT' },
  { name: 'rename of a missing name to under a file (parents are looked up first)', act: (fs) => fs.rename('/nope', '/d/f/x'), code: 'ENOTDIR' },
  { name: 'rename into a missing directory', act: (fs) => fs.rename('/d/f', '/nope/f'), code: 'ENOENT' },
  { name: 'rename a file over a directory', act: (fs) => fs.rename('/d/f', '/e'), code: 'EISDIR' },
  { name: 'rename a directory over a file', pre: (fs) => fs.mkdir('/n'), act: (fs) => fs.rename('/n', '/d/f'), code: 'ENOTDIR' },
  { name: 'rename a directory over a non-empty directory', pre: (fs) => fs.mkdir('/n'), act: (fs) => fs.rename('/n', '/d'), code: 'ENOTEMPTY' },
  { name: 'rename a directory into itself', pre: (fs) => { fs.mkdir('/n'); fs.mkdir('/n/c'); }, act: (fs) => fs.rename('/n', '/n/c/n'), code: 'EINVAL' },
  { name: 'rename a file onto its own parent directory', act: (fs) => fs.rename('/d/sub/x', '/d'), code: 'ENOTEMPTY' },
  { name: 'rename a directory onto its own ancestor', pre: (fs) => { fs.mkdir('/n'); fs.mkdir('/n/c'); }, act: (fs) => fs.rename('/n/c', '/n'), code: 'ENOTEMPTY' },
  { name: 'link to a directory', act: (fs) => fs.link('/d', '/e/d'), code: 'EPERM' },
  { name: 'link over an existing name', act: (fs) => fs.link('/d/f', '/d/g'), code: 'EEXIST' },
  { name: 'link of a missing file', act: (fs) => fs.link('/nope', '/e/x'), code: 'ENOENT' },
  { name: 'symlink over an existing name', act: (fs) => fs.symlink('x', '/d/f'), code: 'EEXIST' },
  { name: 'readlink of a regular file', act: (fs) => fs.readlink('/d/f'), code: 'EINVAL' },
  { name: 'readdir of a file', act: (fs) => fs.readdir('/d/f'), code: 'ENOTDIR' },
  { name: 'readdir of a missing directory', act: (fs) => fs.readdir('/nope'), code: 'ENOENT' },
  { name: 'chmod of a missing name', act: (fs) => fs.chmod('/nope', 0o777), code: 'ENOENT' },
  { name: 'chown of a missing name', act: (fs) => fs.chown('/d/nope', 1, 1), code: 'ENOENT' },
  { name: 'user.* xattr on a symlink (xattr(7): files and directories only)', act: (fs) => fs.setxattr('/s', 'user.a', '1'), code: 'EPERM' },
  { name: 'mknod over an existing name', act: (fs) => fs.mknod('/d/f', 'fifo', [0, 0]), code: 'EEXIST' },
];

/** Run the contract against one implementation; `make(seed)` returns a fresh filesystem whose visible tree is what `seed` built. */
export function describeFileSystem(name: string, make: (seed?: Seed) => FileSystem): void {
  describe(`FileSystem contract: ${name}`, () => {
    it('an empty filesystem has a root directory', () => {
      const fs = make();
      expect(fs.lstat('/').type).toBe('dir');
      expect(fs.readdir('/')).toEqual([]);
    });
    it('the fixture is visible as built', () => {
      const fs = make(fixture);
      expect(fs.readdir('/')).toEqual(['d', 'e', 's', 't']);
      expect(fs.readdir('/d')).toEqual(['f', 'g', 'sub']);
      expect(text(fs, '/d/f')).toBe('hello\n');
      expect(fs.lstat('/d/g')).toMatchObject({ mode: 0o600, uid: 1000, gid: 1000 });
    });
    it.each(ok)('$name', (c) => {
      const fs = make(fixture);
      c.pre?.(fs);
      c.act(fs);
      c.check(fs);
    });
    it.each(failing)('$name fails with $code and changes nothing', (c) => {
      const fs = make(fixture);
      c.pre?.(fs);
      const before = snapshot(fs);
      let err: unknown;
      try { c.act(fs); } catch (e) { err = e; }
      expect(isSysError(err) ? err.code : err).toBe(c.code);
      expect(snapshot(fs)).toEqual(before);
    });
  });
}
