// walk / copyTree: find(1)-style depth-first order, and cp -a semantics (coreutils copy.c: owner, mode, times,
// xattrs, symlinks, devices, hard links kept; "cannot copy a directory into itself").
import { describe, expect, it } from 'vitest';
import { isSysError } from '../errors.ts';
import { fromText, toText } from './data.ts';
import { fixture } from './filesystem.contract.ts';
import { MemoryFs } from './memory-fs.ts';
import { testClock } from './overlay-testkit.ts';
import { copyTree, listTree, tryLstat, walk } from './walk.ts';

const mem = (dev = 1): MemoryFs => new MemoryFs({ dev, now: testClock() });

describe('walk (depth-first, parents first, names sorted)', () => {
  it('visits like `find /` with sorted readdir', () => {
    const fs = mem();
    fixture(fs);
    expect(listTree(fs).map(([p]) => p)).toEqual(['/', '/d', '/d/f', '/d/g', '/d/sub', '/d/sub/x', '/e', '/s', '/t']);
  });
  it('returning false prunes a directory (find -prune)', () => {
    const fs = mem();
    fixture(fs);
    const seen: string[] = [];
    walk(fs, '/', (p) => { seen.push(p); return p !== '/d'; });
    expect(seen).toEqual(['/', '/d', '/e', '/s', '/t']);
  });
  it('does not follow symlinks', () => {
    const fs = mem();
    fs.mkdir('/a');
    fs.symlink('/', '/a/loop');
    expect(listTree(fs).map(([p]) => p)).toEqual(['/', '/a', '/a/loop']);
  });
  it.each([['/nope', undefined], ['/d/f/x', undefined], ['/d', 'dir']])('tryLstat(%j) → %j, never throws', (p, want) => {
    const fs = mem();
    fixture(fs);
    expect(tryLstat(fs, p)?.type).toBe(want);
  });
});

describe('copyTree (cp -a, and mv after EXDEV)', () => {
  function source(): MemoryFs {
    const fs = mem(1);
    fs.mkdir('/src', 0o750, { uid: 1000, gid: 100 });
    fs.write('/src/a', fromText('A'), { mode: 0o4755, uid: 1000, gid: 100 });
    fs.link('/src/a', '/src/a2');
    fs.symlink('a', '/src/l');
    fs.mkdir('/src/sub', 0o700);
    fs.mknod('/src/sub/null', 'chardev', [1, 3], 0o666);
    fs.mknod('/src/sub/pipe', 'fifo', [0, 0], 0o600);
    fs.setxattr('/src/a', 'user.k', 'v');
    fs.utimes('/src/a', 111);
    fs.utimes('/src/sub', 222);
    fs.utimes('/src', 333);
    return fs;
  }
  const facts = (fs: MemoryFs, root: string): unknown[] =>
    listTree(fs, root).map(([p, st]) => [p.slice(root.length), st.type, st.mode, st.uid, st.gid, st.mtime, st.nlink, st.rdev,
      st.type === 'file' ? toText(fs.read(p)) : st.type === 'symlink' ? fs.readlink(p) : '', fs.listxattr(p).map((x) => fs.getxattr(p, x))]);

  it.each([['to another filesystem', false], ['within the same filesystem', true]])('keeps everything %s', (_n, same) => {
    const src = source();
    const dst = same ? src : mem(2);
    copyTree(src, '/src', dst, '/copy');
    expect(facts(dst, '/copy')).toEqual(facts(src, '/src'));
    expect(dst.lstat('/copy/a').ino).toBe(dst.lstat('/copy/a2').ino);
    if (same) expect(src.lstat('/copy/a').ino).not.toBe(src.lstat('/src/a').ino);
  });
  it.each([['/src', 'EINVAL'], ['/src/sub/x', 'EINVAL']])('copying /src into %s on the same filesystem fails with %s', (to, want) => {
    const src = source();
    let got: unknown;
    try { copyTree(src, '/src', src, to); } catch (e) { got = isSysError(e) ? e.code : e; }
    expect(got).toBe(want);
  });
  it('an existing destination fails with EEXIST', () => {
    const src = source();
    src.mkdir('/copy');
    let got: unknown;
    try { copyTree(src, '/src', src, '/copy'); } catch (e) { got = isSysError(e) ? e.code : e; }
    expect(got).toBe('EEXIST');
  });
});
