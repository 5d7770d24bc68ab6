// OverlayFs: the FileSystem contract, then every overlayfs rule of Documentation/filesystems/overlayfs.rst
// and fs/overlayfs/dir.c as Docker mounts it (no redirect_dir, index=off): facts §1.2–1.8.
import { describe, expect, it } from 'vitest';
import type { Errno } from '../errors.ts';
import { isSysError } from '../errors.ts';
import { dataSize, fromText, isVirtual, slice, toText, virtualData } from './data.ts';
import { describeFileSystem, snapshot } from './filesystem.contract.ts';
import { MemoryFs } from './memory-fs.ts';
import { OverlayFs } from './overlay-fs.ts';
import { describeTree, overlayRig, testClock } from './overlay-testkit.ts';
import { SubtreeFs } from './subtree-fs.ts';
import type { FileSystem } from './types.ts';
import { copyTree } from './walk.ts';

describeFileSystem('OverlayFs (one empty lower, separate filesystems)', (seed) => {
  const now = testClock();
  const ov = new OverlayFs({ lowers: [new MemoryFs({ dev: 1, now })], upper: new MemoryFs({ dev: 2, now }), work: new MemoryFs({ dev: 2, now }), dev: 0x30, now });
  seed?.(ov);
  return ov;
});

describeFileSystem('OverlayFs (fixture in the lower layer, overlay2 layout)', (seed) => overlayRig([(fs) => seed?.(fs)]).ov);

describeFileSystem('OverlayFs (fixture split over two lowers)', (seed) =>
  overlayRig([
    (top) => {
      const tmp = new MemoryFs({ dev: 9, now: testClock() });
      seed?.(tmp);
      if (!seed) return;
      top.mkdir('/d', 0o755);
      copyTree(tmp, '/d/g', top, '/d/g');
      top.utimes('/d', tmp.lstat('/d').mtime);
    },
    (bottom) => {
      seed?.(bottom);
      if (seed) bottom.unlink('/d/g');
    },
  ]).ov);

/** The image the rule cases start from: two layers, as `docker build` would leave them. */
const bottom = (fs: FileSystem): void => {
  fs.mkdir('/bin');
  fs.write('/bin/sh', fromText('ELF sh'), { mode: 0o755 });
  fs.link('/bin/sh', '/bin/ash');
  fs.symlink('sh', '/bin/sym');
  fs.mkdir('/etc');
  fs.write('/etc/motd', fromText('hi\n'));
  fs.write('/etc/passwd', fromText('root:x:0:0\n'));
  fs.setxattr('/etc/passwd', 'user.note', 'kept');
  fs.mkdir('/etc/conf.d');
  fs.write('/etc/conf.d/a', fromText('a'));
  fs.write('/etc/conf.d/b', fromText('b'));
  fs.mkdir('/var');
  fs.mkdir('/var/empty');
  fs.mkdir('/home', 0o700, { uid: 1000, gid: 1000 });
  fs.mkdir('/home/u', 0o750, { uid: 1000, gid: 1000 });
  fs.write('/home/u/.profile', fromText('PS1=$ '), { uid: 1000, gid: 1000 });
  fs.mkdir('/opt');
  fs.write('/opt/old', fromText('old'));
  fs.mkdir('/dev');
  fs.mknod('/dev/null', 'chardev', [1, 3], 0o666);
};
const top = (fs: FileSystem): void => {
  fs.mkdir('/etc');
  fs.mkdir('/etc/conf.d');
  fs.write('/etc/conf.d/c', fromText('c'));
  fs.mknod('/etc/motd', 'chardev', [0, 0], 0); // the top layer deleted motd (a whiteout, as unpacked from .wh.motd)
  fs.mkdir('/opt');
  fs.setxattr('/opt', 'trusted.overlay.opaque', 'y'); // the top layer replaced /opt (.wh..wh..opq)
  fs.write('/opt/new', fromText('new'));
};

const attempt = (f: () => void): Errno | undefined => {
  try { f(); } catch (e) { if (isSysError(e)) return e.code; throw e; }
  return undefined;
};

interface RuleCase {
  name: string;
  /** Steps before the one under test (not covered by the "failure changes nothing" check). */
  pre?: (ov: FileSystem) => void;
  act: (ov: FileSystem) => void;
  /** Expected merged-view facts: path → content, 'dir', 'link:<target>', or null for absent. */
  merged?: Record<string, string | null>;
  /** The upper dir afterwards, exactly (describeTree). */
  upper?: string[];
  code?: Errno;
}

const read = (fs: FileSystem, p: string): string | null => {
  try {
    const st = fs.lstat(p);
    if (st.type === 'dir') return 'dir';
    if (st.type === 'symlink') return `link:${fs.readlink(p)}`;
    if (st.type === 'file') return toText(fs.read(p));
    return st.type;
  } catch (e) {
    if (isSysError(e, 'ENOENT')) return null;
    throw e;
  }
};

const rules: RuleCase[] = [
  { name: 'lookup: a lower file reads through; nothing is copied up', act: (ov) => { ov.read('/bin/sh'); ov.readdir('/etc'); ov.lstat('/home/u/.profile'); },
    merged: { '/bin/sh': 'ELF sh', '/etc/conf.d/a': 'a' }, upper: [] },
  { name: 'readdir: union of both lowers (upper first, then lowers)', act: () => {}, merged: { '/etc/conf.d/c': 'c', '/etc/conf.d/b': 'b' }, upper: [] },
  { name: 'a whiteout in a lower layer hides the file below', act: () => {}, merged: { '/etc/motd': null }, upper: [] },
  { name: 'an opaque dir in a lower layer hides the dir below', act: () => {}, merged: { '/opt/old': null, '/opt/new': 'new' }, upper: [] },
  { name: 'delete lower file: whiteout char 0/0 in the copied-up parent', act: (ov) => ov.unlink('/etc/passwd'),
    merged: { '/etc/passwd': null, '/etc/conf.d/a': 'a' }, upper: ['/etc dir', '/etc/passwd wh'] },
  { name: 'delete an upper-only file: really unlinked, no whiteout', act: (ov) => { ov.write('/etc/new', fromText('n')); ov.unlink('/etc/new'); },
    merged: { '/etc/new': null }, upper: ['/etc dir'] },
  { name: 'recreate after delete: the file replaces the whiteout', act: (ov) => { ov.unlink('/etc/passwd'); ov.write('/etc/passwd', fromText('new\n')); },
    merged: { '/etc/passwd': 'new\n' }, upper: ['/etc dir', '/etc/passwd file:new\n'] },
  { name: 'delete, recreate, delete again: a whiteout again (still lower-backed)', act: (ov) => { ov.unlink('/etc/passwd'); ov.write('/etc/passwd', fromText('x')); ov.unlink('/etc/passwd'); },
    merged: { '/etc/passwd': null }, upper: ['/etc dir', '/etc/passwd wh'] },
  { name: 'delete a file hidden by a lower whiteout: ENOENT', act: (ov) => ov.unlink('/etc/motd'), code: 'ENOENT', upper: [] },
  { name: 'create a file where a lower layer has a whiteout: plain upper file', act: (ov) => ov.write('/etc/motd', fromText('back')),
    merged: { '/etc/motd': 'back' }, upper: ['/etc dir', '/etc/motd file:back'] },
  { name: 'delete an empty lower dir: whiteout', act: (ov) => ov.rmdir('/var/empty'), merged: { '/var/empty': null, '/var': 'dir' }, upper: ['/var dir', '/var/empty wh'] },
  { name: 'delete lower dir with contents (rm -r): one whiteout, children cleared', act: (ov) => { ov.unlink('/etc/conf.d/a'); ov.unlink('/etc/conf.d/b'); ov.unlink('/etc/conf.d/c'); ov.rmdir('/etc/conf.d'); },
    merged: { '/etc/conf.d': null }, upper: ['/etc dir', '/etc/conf.d wh'] },
  { name: 'rmdir of a non-empty merged dir: ENOTEMPTY, nothing copied up', act: (ov) => ov.rmdir('/etc/conf.d'), code: 'ENOTEMPTY', upper: [] },
  { name: 'rmdir of a dir whose lower files were all deleted succeeds (ovl_check_empty_dir sees whiteouts only)', act: (ov) => { ov.unlink('/home/u/.profile'); ov.rmdir('/home/u'); },
    merged: { '/home/u': null }, upper: ['/home dir', '/home/u wh'] },
  { name: 'recreate dir after delete: opaque, old lower contents stay hidden', act: (ov) => { ov.unlink('/etc/conf.d/a'); ov.unlink('/etc/conf.d/b'); ov.unlink('/etc/conf.d/c'); ov.rmdir('/etc/conf.d'); ov.mkdir('/etc/conf.d'); },
    merged: { '/etc/conf.d': 'dir', '/etc/conf.d/a': null, '/etc/conf.d/c': null }, upper: ['/etc dir', '/etc/conf.d dir opaque'] },
  { name: 'mkdir in a merged parent is not opaque (ovl_create_upper skips it with Docker\'s options)', act: (ov) => ov.mkdir('/etc/new.d'), upper: ['/etc dir', '/etc/new.d dir'] },
  { name: 'mkdir where only a lower layer has a whiteout: plain dir, the hidden lower dir stays hidden', act: (ov) => ov.mkdir('/etc/motd'),
    merged: { '/etc/motd': 'dir' }, upper: ['/etc dir', '/etc/motd dir'] },
  { name: 'mkdir in an upper-only parent', act: (ov) => { ov.mkdir('/srv'); ov.mkdir('/srv/www'); }, upper: ['/srv dir', '/srv/www dir'] },
  { name: 'nested delete: parents are copied up first, keeping owner and mode', act: (ov) => ov.unlink('/home/u/.profile'),
    merged: { '/home/u/.profile': null }, upper: ['/home dir', '/home/u dir', '/home/u/.profile wh'] },
  { name: 'rename a lower file: copy-up, rename, whiteout at the old name', act: (ov) => ov.rename('/etc/passwd', '/etc/passwd.bak'),
    merged: { '/etc/passwd': null, '/etc/passwd.bak': 'root:x:0:0\n' }, upper: ['/etc dir', '/etc/passwd wh', '/etc/passwd.bak file:root:x:0:0\n'] },
  { name: 'rename an upper file over a lower file: no whiteout needed at the old name', act: (ov) => { ov.write('/etc/new', fromText('n')); ov.rename('/etc/new', '/etc/passwd'); },
    merged: { '/etc/passwd': 'n', '/etc/new': null }, upper: ['/etc dir', '/etc/passwd file:n'] },
  { name: 'rename onto a deleted name replaces the whiteout', act: (ov) => { ov.unlink('/etc/passwd'); ov.rename('/bin/sym', '/etc/passwd'); },
    merged: { '/etc/passwd': 'link:sh', '/bin/sym': null }, upper: ['/bin dir', '/bin/sym wh', '/etc dir', '/etc/passwd link:sh'] },
  { name: 'rename a lower dir: EXDEV (no redirect_dir), nothing changed', act: (ov) => ov.rename('/var/empty', '/var/full'), code: 'EXDEV', upper: [] },
  { name: 'rename a merged dir: EXDEV', pre: (ov) => ov.write('/etc/conf.d/d', fromText('d')), act: (ov) => ov.rename('/etc/conf.d', '/etc/conf'), code: 'EXDEV',
    upper: ['/etc dir', '/etc/conf.d dir', '/etc/conf.d/d file:d'] },
  { name: 'rename an upper-only dir works, and into a merged parent it becomes opaque', act: (ov) => { ov.mkdir('/srv'); ov.mkdir('/srv/www'); ov.rename('/srv/www', '/etc/www'); },
    merged: { '/etc/www': 'dir', '/srv/www': null }, upper: ['/etc dir', '/etc/www dir opaque', '/srv dir'] },
  { name: 'rename an upper dir over an empty lower dir: opaque, lower hidden', act: (ov) => { ov.mkdir('/x'); ov.write('/x/f', fromText('f')); ov.rename('/x', '/var/empty'); },
    merged: { '/var/empty/f': 'f', '/x': null }, upper: ['/var dir', '/var/empty dir opaque', '/var/empty/f file:f'] },
  { name: 'chmod copies the whole file up (no metacopy)', act: (ov) => ov.chmod('/etc/passwd', 0o600),
    merged: { '/etc/passwd': 'root:x:0:0\n' }, upper: ['/etc dir', '/etc/passwd file:root:x:0:0\n'] },
  { name: 'chown of a dir copies up the dir only', act: (ov) => ov.chown('/etc/conf.d', 5, 5), merged: { '/etc/conf.d/a': 'a' }, upper: ['/etc dir', '/etc/conf.d dir'] },
  { name: 'touch (utimes) copies up', act: (ov) => ov.utimes('/bin/sh', 0), upper: ['/bin dir', '/bin/sh file:ELF sh'] },
  { name: 'append copies up, then appends', act: (ov) => ov.write('/etc/passwd', fromText('u:x:1000\n'), { append: true }),
    merged: { '/etc/passwd': 'root:x:0:0\nu:x:1000\n' }, upper: ['/etc dir', '/etc/passwd file:root:x:0:0\nu:x:1000\n'] },
  { name: 'truncate copies up, then truncates', act: (ov) => ov.truncate('/etc/passwd', 4), merged: { '/etc/passwd': 'root' }, upper: ['/etc dir', '/etc/passwd file:root'] },
  { name: 'open for write alone copies up (copy-up is on open, not on write)', act: (ov) => ov.openForWrite('/etc/conf.d/a'), upper: ['/etc dir', '/etc/conf.d dir', '/etc/conf.d/a file:a'] },
  { name: 'setxattr copies up', act: (ov) => ov.setxattr('/etc/conf.d/c', 'user.x', '1'), upper: ['/etc dir', '/etc/conf.d dir', '/etc/conf.d/c file:c'] },
  { name: 'symlink creation does not copy up its target', act: (ov) => ov.symlink('/etc/passwd', '/pw'), merged: { '/pw': 'link:/etc/passwd' }, upper: ['/pw link:/etc/passwd'] },
  { name: 'chown of a lower symlink copies the symlink up', act: (ov) => ov.chown('/bin/sym', 1, 1), merged: { '/bin/sym': 'link:sh' }, upper: ['/bin dir', '/bin/sym link:sh'] },
  { name: 'hard link to a lower file: the source is copied up, the link shares it', act: (ov) => ov.link('/etc/passwd', '/etc/pw'),
    merged: { '/etc/pw': 'root:x:0:0\n' }, upper: ['/etc dir', '/etc/passwd file:root:x:0:0\n', '/etc/pw file:root:x:0:0\n'] },
  { name: 'mknod of a 0/0 char device through the overlay: EPERM', act: (ov) => ov.mknod('/dev/wh', 'chardev', [0, 0], 0), code: 'EPERM', upper: [] },
  { name: 'mknod of a real device works', act: (ov) => ov.mknod('/dev/zero', 'chardev', [1, 5], 0o666), upper: ['/dev dir', '/dev/zero chr 1,5'] },
  { name: 'writing a lower device node does not copy it up', act: (ov) => ov.write('/dev/null', fromText('x')), upper: [] },
  { name: 'O_EXCL create over a lower file: EEXIST', act: (ov) => ov.write('/etc/passwd', fromText('x'), { exclusive: true }), code: 'EEXIST', upper: [] },
  { name: 'setxattr of trusted.overlay.*: EOPNOTSUPP', act: (ov) => ov.setxattr('/etc', 'trusted.overlay.opaque', 'y'), code: 'EOPNOTSUPP', upper: [] },
];

describe('overlayfs rules (facts §1)', () => {
  it.each(rules)('$name', (c) => {
    const rig = overlayRig([top, bottom]);
    const lowersBefore = rig.lowers.map(snapshot);
    c.pre?.(rig.ov);
    const before = c.code ? snapshot(rig.ov) : undefined;
    expect(attempt(() => c.act(rig.ov))).toBe(c.code);
    if (before) expect(snapshot(rig.ov)).toEqual(before);
    for (const [p, want] of Object.entries(c.merged ?? {})) expect(read(rig.ov, p), p).toBe(want);
    if (c.upper) expect(describeTree(rig.upper)).toEqual(c.upper);
    expect(rig.lowers.map(snapshot)).toEqual(lowersBefore);
  });
});

describe('overlayfs details', () => {
  it('a whiteout in the upper dir is a char device 0/0, mode 0, owned by root (c--------- 0, 0)', () => {
    const { ov, upper } = overlayRig([bottom]);
    ov.unlink('/etc/motd');
    expect(upper.lstat('/etc/motd')).toMatchObject({ type: 'chardev', rdev: [0, 0], mode: 0, uid: 0, gid: 0, size: 0 });
    expect(ov.readdir('/etc')).toEqual(['conf.d', 'passwd']);
  });
  it('an opaque dir carries trusted.overlay.opaque=y in the upper, hidden from the merged view', () => {
    const { ov, upper } = overlayRig([bottom]);
    ov.rmdir('/var/empty');
    ov.mkdir('/var/empty');
    expect(upper.getxattr('/var/empty', 'trusted.overlay.opaque')).toBe('y');
    expect(ov.listxattr('/var/empty')).toEqual([]);
    expect(ov.getxattr('/var/empty', 'trusted.overlay.opaque')).toBeUndefined();
  });
  it('copy-up keeps owner, mode, mtime and user xattrs; parents keep theirs too', () => {
    const { ov, upper, lowers } = overlayRig([bottom]);
    const lower = lowers[0];
    ov.write('/home/u/.profile', fromText('x'), { append: true });
    for (const p of ['/home', '/home/u']) expect(upper.lstat(p)).toMatchObject({ mode: lower.lstat(p).mode, uid: 1000, gid: 1000, mtime: lower.lstat(p).mtime });
    ov.chmod('/etc/passwd', 0o640);
    expect(upper.lstat('/etc/passwd')).toMatchObject({ mode: 0o640, mtime: lower.lstat('/etc/passwd').mtime });
    expect(ov.getxattr('/etc/passwd', 'user.note')).toBe('kept');
    expect(ov.lstat('/etc').mtime).toBe(lower.lstat('/etc').mtime);
  });
  it('hard links break on copy-up (index=off): the other lower name keeps the old data and nlink', () => {
    const { ov } = overlayRig([bottom]);
    expect(ov.lstat('/bin/sh').nlink).toBe(2);
    ov.write('/bin/sh', fromText('patched'));
    expect(toText(ov.read('/bin/ash'))).toBe('ELF sh');
    expect(ov.lstat('/bin/sh').nlink).toBe(1);
    expect(ov.lstat('/bin/ash').nlink).toBe(2);
    expect(ov.lstat('/bin/sh').ino).not.toBe(ov.lstat('/bin/ash').ino);
  });
  it('st_dev is the overlay\'s and st_ino survives copy-up when all layers share a filesystem', () => {
    const { ov } = overlayRig([bottom]);
    const before = ov.lstat('/etc/passwd');
    const dirBefore = ov.lstat('/etc');
    ov.chmod('/etc/passwd', 0o600);
    expect(ov.lstat('/etc/passwd')).toMatchObject({ dev: 0x2f, ino: before.ino });
    expect(ov.lstat('/etc')).toMatchObject({ dev: 0x2f, ino: dirBefore.ino });
  });
  it('layers on different filesystems: non-directories report the real st_dev', () => {
    const now = testClock();
    const lower = new MemoryFs({ dev: 7, now });
    bottom(lower);
    const disk = new MemoryFs({ dev: 8, now });
    disk.mkdir('/u');
    disk.mkdir('/w');
    const ov = new OverlayFs({ lowers: [lower], upper: new SubtreeFs(disk, '/u'), work: new SubtreeFs(disk, '/w'), dev: 0x40, now });
    expect(ov.lstat('/etc/passwd').dev).toBe(7);
    expect(ov.lstat('/etc').dev).toBe(0x40);
    ov.chmod('/etc/passwd', 0o600);
    expect(ov.lstat('/etc/passwd').dev).toBe(8);
  });
  it('a merged directory reports nlink 1; a single-layer one its real count', () => {
    const { ov } = overlayRig([top, bottom]);
    expect(ov.lstat('/etc').nlink).toBe(1);
    expect(ov.lstat('/home').nlink).toBe(3);
  });
  it('appending one line to a 1 GiB lower file copies the whole GiB up (no metacopy), without materialising it', () => {
    const { ov, upper } = overlayRig([(fs) => { fs.mkdir('/data'); fs.write('/data/big.db', virtualData(2 ** 30, 'db')); }]);
    const before = ov.usage().bytes;
    ov.write('/data/big.db', fromText('one more line\n'), { append: true });
    expect(ov.usage().bytes - before).toBe(2 ** 30 + 14);
    const d = upper.read('/data/big.db');
    expect(isVirtual(d) && dataSize(d)).toBe(2 ** 30 + 14);
    expect(toText(slice(d, 2 ** 30, 2 ** 30 + 14))).toBe('one more line\n');
  });
  it('lookup and readdir caches notice changes made to the upper dir behind the overlay\'s back (generation counter)', () => {
    const { ov, host } = overlayRig([bottom]);
    ov.chmod('/etc', 0o755); // copies /etc up
    expect(ov.readdir('/etc')).toEqual(['conf.d', 'motd', 'passwd']);
    expect(ov.lstat('/etc/motd').size).toBe(3);
    host.write('/c/diff/etc/new', fromText('from the host'));
    host.write('/c/diff/etc/motd', fromText('changed'));
    expect(ov.readdir('/etc')).toEqual(['conf.d', 'motd', 'new', 'passwd']);
    expect(ov.lstat('/etc/motd').size).toBe(7);
  });
  it.each([['etc/passwd'], ['/etc//passwd'], ['/etc/./passwd'], ['/bin/../etc/passwd']])('a non-canonical path %j is read as /etc/passwd (no runaway recursion)', (p) => {
    const { ov } = overlayRig([bottom]);
    expect(toText(ov.read(p))).toBe('root:x:0:0\n');
  });
  it('usage() is the upper dir only, the lowers shared', () => {
    const { ov } = overlayRig([bottom]);
    const empty = ov.usage();
    ov.write('/etc/passwd', fromText('12345'));
    expect(ov.usage()).toEqual({ bytes: empty.bytes + 5, inodes: empty.inodes + 2 });
  });
  it('without an upper dir every change is EROFS, reads work', () => {
    const { ov } = overlayRig([top, bottom], { upper: false });
    expect(ov.readonly).toBe(true);
    expect(attempt(() => ov.write('/etc/x', fromText('x')))).toBe('EROFS');
    expect(attempt(() => ov.unlink('/etc/passwd'))).toBe('EROFS');
    expect(attempt(() => ov.chmod('/etc', 0o700))).toBe('EROFS');
    expect(ov.readdir('/etc/conf.d')).toEqual(['a', 'b', 'c']);
  });
  it('mounting creates workdir/work with mode 0 (ovl_workdir_create)', () => {
    const { host } = overlayRig([bottom]);
    expect(host.lstat('/c/work/work')).toMatchObject({ type: 'dir', mode: 0 });
  });
  it('unlink whiteouts share one inode with workdir/work/#N (ovl_whiteout, Linux ≥ 5.8); rename whiteouts do not', () => {
    const { ov, upper, host } = overlayRig([bottom]);
    ov.unlink('/etc/motd');
    ov.unlink('/etc/passwd');
    ov.rmdir('/var/empty');
    ov.rename('/bin/sym', '/bin/sym2');
    expect(upper.lstat('/etc/motd')).toMatchObject({ type: 'chardev', rdev: [0, 0], nlink: 4 });
    expect(upper.lstat('/var/empty').ino).toBe(upper.lstat('/etc/motd').ino);
    expect(host.readdir('/c/work/work')).toEqual(['#1']);
    expect(upper.lstat('/bin/sym')).toMatchObject({ type: 'chardev', rdev: [0, 0], nlink: 1 });
    ov.write('/etc/motd', fromText('back'));
    expect(upper.lstat('/etc/passwd').nlink).toBe(3);
    // "Switch whiteouts": renaming a lower-backed name onto a whiteout exchanges them (the shared one moves).
    ov.rename('/etc/conf.d/a', '/etc/passwd');
    expect(upper.lstat('/etc/conf.d/a')).toMatchObject({ type: 'chardev', nlink: 3 });
    expect(toText(ov.read('/etc/passwd'))).toBe('a');
  });
  it.each([
    ['workdir inside upperdir', () => { const d = new MemoryFs({ dev: 1, now: testClock() }); d.mkdir('/u'); d.mkdir('/u/w'); return new OverlayFs({ lowers: [new MemoryFs({ dev: 2, now: testClock() })], upper: new SubtreeFs(d, '/u'), work: new SubtreeFs(d, '/u/w'), dev: 3, now: testClock() }); }],
    ['upperdir and workdir the same', () => { const d = new MemoryFs({ dev: 1, now: testClock() }); return new OverlayFs({ lowers: [new MemoryFs({ dev: 2, now: testClock() })], upper: d, work: d, dev: 3, now: testClock() }); }],
    ['no lowerdir', () => new OverlayFs({ lowers: [], dev: 1, now: testClock() })],
    ['upper without workdir', () => new OverlayFs({ lowers: [new MemoryFs({ dev: 1, now: testClock() })], upper: new MemoryFs({ dev: 2, now: testClock() }), dev: 3, now: testClock() })],
    ['workdir on another filesystem', () => new OverlayFs({ lowers: [new MemoryFs({ dev: 1, now: testClock() })], upper: new MemoryFs({ dev: 2, now: testClock() }), work: new MemoryFs({ dev: 4, now: testClock() }), dev: 3, now: testClock() })],
  ])('mount fails with EINVAL: %s', (_n, mount) => expect(attempt(() => { mount(); })).toBe('EINVAL'));
  it.each<[string, (ov: FileSystem) => void]>([
    ['copy-up of a big file (chmod)', (ov) => ov.chmod('/home/u/big', 0o600)],
    ['creating a file in lower-only dirs', (ov) => ov.write('/home/u/new', fromText('x'.repeat(50)))],
    ['appending after a successful copy-up', (ov) => ov.write('/home/u/small', fromText('y'.repeat(50)), { append: true })],
    ['a hard link to a big lower file', (ov) => ov.link('/home/u/big', '/home/u/big2')],
  ])('ENOSPC in the upper during %s leaves merged view and upper dir as they were', (_n, act) => {
    const now = testClock();
    const host = new MemoryFs({ dev: 0x801, now, capacityBytes: 100 });
    for (const d of ['/l', '/l/home', '/l/home/u', '/c', '/c/diff', '/c/work']) host.mkdir(d);
    host.write('/l/home/u/big', fromText('b'.repeat(60)));
    host.write('/l/home/u/small', fromText('s'.repeat(10)));
    host.link('/l/home/u/small', '/l/home/u/small-link');
    const ov = new OverlayFs({ lowers: [new SubtreeFs(host, '/l')], upper: new SubtreeFs(host, '/c/diff'), work: new SubtreeFs(host, '/c/work'), dev: 9, now });
    const before = snapshot(ov);
    expect(attempt(() => act(ov))).toBe('ENOSPC');
    expect(snapshot(ov)).toEqual(before);
    expect(host.readdir('/c/diff')).toEqual([]);
  });
  it('1000 overlays over one set of lowers share them (no copy at mount)', () => {
    const rig = overlayRig([top, bottom]);
    const now = testClock();
    const before = rig.host.usage();
    const mounts = Array.from({ length: 1000 }, (_, i) => {
      for (const d of [`/c${i}`, `/c${i}/diff`, `/c${i}/work`]) rig.host.mkdir(d);
      return new OverlayFs({ lowers: rig.lowers, upper: new SubtreeFs(rig.host, `/c${i}/diff`), work: new SubtreeFs(rig.host, `/c${i}/work`), dev: 5000 + i, now });
    });
    expect(rig.host.usage()).toEqual({ bytes: before.bytes, inodes: before.inodes + 4000 }); // <id>, diff, work, work/work: nothing copied
    mounts[999].unlink('/etc/passwd');
    expect(mounts[0].readdir('/etc')).toContain('passwd');
    expect(mounts[999].readdir('/etc')).not.toContain('passwd');
    expect(mounts[500].usage()).toEqual({ bytes: 0, inodes: 1 });
  });
});
