// MemoryFs: the contract suite (POSIX, see filesystem.contract.ts) plus what only a disk/tmpfs does:
// statfs-style usage and ENOSPC (write(2) ERRORS), read-only mounts (EROFS, mount(8) ro), virtual data.
import { describe, expect, it } from 'vitest';
import { isSysError } from '../errors.ts';
import { dataSize, fromText, isVirtual, slice, toText, virtualData } from './data.ts';
import { describeFileSystem, fixture, snapshot } from './filesystem.contract.ts';
import { MemoryFs } from './memory-fs.ts';
import type { FileSystem } from './types.ts';

function clock(): () => number {
  let t = 1_700_000_000_000_000;
  return () => (t += 1000);
}

describeFileSystem('MemoryFs', (seed) => {
  const fs = new MemoryFs({ dev: 0x801, now: clock() });
  seed?.(fs);
  return fs;
});

const code = (f: () => void): string | undefined => {
  try { f(); } catch (e) { return isSysError(e) ? e.code : String(e); }
  return undefined;
};

describe('MemoryFs usage and capacity (statfs(2), ENOSPC in write(2))', () => {
  it.each([
    ['empty', () => {}, 0, 1],
    ['one file', (fs: FileSystem) => fs.write('/a', fromText('abc')), 3, 2],
    ['hard link counts once', (fs: FileSystem) => { fs.write('/a', fromText('abc')); fs.link('/a', '/b'); }, 3, 2],
    ['virtual sizes count', (fs: FileSystem) => fs.write('/big', virtualData(1 << 30, 'layer')), 1 << 30, 2],
    ['unlink frees', (fs: FileSystem) => { fs.write('/a', fromText('abc')); fs.unlink('/a'); }, 0, 1],
    ['dirs and symlinks are inodes only', (fs: FileSystem) => { fs.mkdir('/d'); fs.symlink('x', '/d/l'); }, 0, 3],
    ['rename over a file frees it', (fs: FileSystem) => { fs.write('/a', fromText('abc')); fs.write('/b', fromText('12345')); fs.rename('/a', '/b'); }, 3, 2],
  ])('%s', (_n, act, bytes, inodes) => {
    const fs = new MemoryFs({ dev: 1, now: clock() });
    act(fs);
    expect(fs.usage()).toEqual({ bytes, inodes });
  });

  it.each([
    ['create', (fs: FileSystem) => fs.write('/b', fromText('123456'))],
    ['append', (fs: FileSystem) => fs.write('/a', fromText('123'), { append: true })],
    ['truncate up', (fs: FileSystem) => fs.truncate('/a', 11)],
  ])('ENOSPC on %s past capacityBytes, nothing changed', (_n, act) => {
    const fs = new MemoryFs({ dev: 1, now: clock(), capacityBytes: 10 });
    fs.write('/a', fromText('12345678'));
    const before = snapshot(fs);
    expect(code(() => act(fs))).toBe('ENOSPC');
    expect(snapshot(fs)).toEqual(before);
    expect(fs.usage().bytes).toBe(8);
  });

  it('rewriting a file smaller frees space for another', () => {
    const fs = new MemoryFs({ dev: 1, now: clock(), capacityBytes: 10 });
    fs.write('/a', fromText('12345678'));
    fs.write('/a', fromText('1'));
    fs.write('/b', fromText('123456789'));
    expect(fs.usage().bytes).toBe(10);
  });
});

describe('MemoryFs read-only (mount -o ro: EROFS)', () => {
  const ro = (): MemoryFs => new MemoryFs({ dev: 1, now: clock(), readonly: true });
  it.each<[string, (fs: FileSystem) => void]>([
    ['write', (fs) => fs.write('/a', fromText('x'))], ['mkdir', (fs) => fs.mkdir('/a')], ['openForWrite', (fs) => fs.openForWrite('/')],
    ['chmod', (fs) => fs.chmod('/', 0o700)], ['chown', (fs) => fs.chown('/', 1, 1)], ['utimes', (fs) => fs.utimes('/', 0)],
    ['setxattr', (fs) => fs.setxattr('/', 'user.a', 'b')], ['symlink', (fs) => fs.symlink('a', '/b')], ['mknod', (fs) => fs.mknod('/p', 'fifo', [0, 0])],
    ['rmdir', (fs) => fs.rmdir('/x')], ['unlink', (fs) => fs.unlink('/x')], ['rename', (fs) => fs.rename('/x', '/y')],
  ])('%s → EROFS', (_n, act) => expect(code(() => act(ro()))).toBe('EROFS'));
  it('mkdir of an existing name says EEXIST first (filename_create in fs/namei.c)', () => expect(code(() => ro().mkdir('/'))).toBe('EEXIST'));
  it('reads work', () => expect(ro().readdir('/')).toEqual([]));
});

describe('MemoryFs inodes (inode(7), stat(2))', () => {
  it('root is ino 2 (EXT4_ROOT_INO), new inodes count up, st_dev is the fs dev', () => {
    const fs = new MemoryFs({ dev: 0x801, now: clock() });
    fs.write('/a', fromText(''));
    expect(fs.lstat('/')).toMatchObject({ ino: 2, dev: 0x801, nlink: 2, mode: 0o755 });
    expect(fs.lstat('/a').ino).toBe(3);
  });
  it('fstype defaults to ext4 and can be tmpfs', () => {
    expect(new MemoryFs({ dev: 1, now: clock() }).fstype).toBe('ext4');
    expect(new MemoryFs({ dev: 1, now: clock(), fstype: 'tmpfs' }).fstype).toBe('tmpfs');
  });
  it('creating a file sets the parent mtime (dir modified)', () => {
    const fs = new MemoryFs({ dev: 1, now: clock() });
    const before = fs.lstat('/').mtime;
    fs.write('/a', fromText(''));
    expect(fs.lstat('/').mtime).toBeGreaterThan(before);
    expect(fs.lstat('/a').mtime).toBe(fs.lstat('/').mtime);
  });
  it('the fixture contract works on a fresh instance (seeded from the contract)', () => {
    const fs = new MemoryFs({ dev: 1, now: clock() });
    fixture(fs);
    expect(fs.readdir('/')).toEqual(['d', 'e', 's', 't']);
  });
});

describe('MemoryFs virtual data (design.md: a 1 GB image costs bytes)', () => {
  it('appending to a 1 GiB virtual file keeps it virtual with a real tail', () => {
    const fs = new MemoryFs({ dev: 1, now: clock() });
    fs.write('/big', virtualData(1 << 30, 'rootfs'));
    fs.write('/big', fromText('tail\n'), { append: true });
    fs.write('/big', fromText('more\n'), { append: true });
    const d = fs.read('/big');
    expect(isVirtual(d)).toBe(true);
    expect(dataSize(d)).toBe((1 << 30) + 10);
    expect(toText(slice(d, (1 << 30) - 2, (1 << 30) + 10)).slice(2)).toBe('tail\nmore\n');
    expect(slice(d, 0, 4)).toEqual(slice(virtualData(1 << 30, 'rootfs'), 0, 4));
  });
  it.each([
    [10, 10], [(1 << 30) + 3, (1 << 30) + 3], [(1 << 30) + 100, (1 << 30) + 100],
  ])('truncate of virtual+tail to %i keeps the prefix', (size, want) => {
    const fs = new MemoryFs({ dev: 1, now: clock() });
    fs.write('/big', virtualData(1 << 30, 'rootfs'));
    fs.write('/big', fromText('abcdef'), { append: true });
    fs.truncate('/big', size);
    const d = fs.read('/big');
    expect(dataSize(d)).toBe(want);
    expect(isVirtual(d)).toBe(true);
    if (size === (1 << 30) + 3) expect(toText(slice(d, 1 << 30, size))).toBe('abc');
  });
  it('growing by more than the model limit is EFBIG, not gigabytes of zeros', () => {
    const fs = new MemoryFs({ dev: 1, now: clock() });
    fs.write('/a', fromText('x'));
    expect(code(() => fs.truncate('/a', 4 * 2 ** 30))).toBe('EFBIG');
  });
  it('1000 empty instances cost little (one root inode each)', () => {
    const all = Array.from({ length: 1000 }, (_, i) => new MemoryFs({ dev: i, now: clock() }));
    expect(all.every((f) => f.readdir('/').length === 0)).toBe(true);
  });
});
