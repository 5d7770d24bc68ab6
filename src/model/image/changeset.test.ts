// OCI layer changesets and overlay whiteouts (image-spec layer.md; facts §1.11, §2.2; podman diff, facts §11).
import { describe, expect, it } from 'vitest';
import { fromText } from '../fs/data.ts';
import { MemoryFs } from '../fs/memory-fs.ts';
import { OverlayFs } from '../fs/overlay-fs.ts';
import { SubtreeFs } from '../fs/subtree-fs.ts';
import { copyTree } from '../fs/walk.ts';
import type { FileSystem } from '../fs/types.ts';
import { applyLayer, diffEntries, dockerChanges, OPAQUE_XATTR } from './changeset.ts';
import { rmTree } from './fs-util.ts';
import { LayerBuilder } from './layer-builder.ts';
import type { TarEntry } from './tar.ts';

let clock = Date.UTC(2026, 0, 1) * 1000;
const now = () => (clock += 1_000_000);
const E = (path: string, type: TarEntry['type'], extra: Partial<TarEntry> = {}): TarEntry => ({ path, type, mode: type === 'dir' ? 0o755 : 0o644, uid: 0, gid: 0, mtime: 1_700_000_000, ...extra });

describe('applyLayer (containerd OverlayConvertWhiteout)', () => {
  const fs = new MemoryFs({ dev: 1, now });
  fs.mkdir('/d');
  applyLayer(fs, '/d', [
    E('etc', 'dir'), E('etc/.wh.motd', 'file', { data: new Uint8Array(0), uid: 5 }), E('etc/new', 'file', { data: fromText('n') }),
    E('var', 'dir'), E('var/.wh..wh..opq', 'file', { data: new Uint8Array(0) }), E('var/x', 'symlink', { linkname: '/etc/new' }),
    E('bin', 'dir'), E('bin/a', 'file', { data: fromText('a'), mode: 0o755 }), E('bin/b', 'hardlink', { linkname: 'bin/a' }),
    E('dev', 'dir'), E('dev/null', 'chardev', { devmajor: 1, devminor: 3, mode: 0o666 }), E('tmp', 'dir', { mode: 0o1777 }),
  ]);
  it.each([
    ['.wh.motd → char device 0/0 owned by the entry', () => { const s = fs.lstat('/d/etc/motd'); return [s.type, s.rdev, s.mode, s.uid]; }, ['chardev', [0, 0], 0, 5]],
    ['no .wh. file is written', () => fs.readdir('/d/etc'), ['motd', 'new']],
    ['.wh..wh..opq → trusted.overlay.opaque=y, marker not written', () => [fs.getxattr('/d/var', OPAQUE_XATTR), fs.readdir('/d/var')], ['y', ['x']]],
    ['hard link shares the inode', () => [fs.lstat('/d/bin/b').ino === fs.lstat('/d/bin/a').ino, fs.lstat('/d/bin/a').nlink], [true, 2]],
    ['device numbers', () => fs.lstat('/d/dev/null').rdev, [1, 3]],
    ['sticky dir mode', () => fs.lstat('/d/tmp').mode, 0o1777],
    ['directory mtime set after its children', () => fs.lstat('/d/etc').mtime, 1_700_000_000_000_000],
  ])('%s', (_n, got, want) => expect(got()).toEqual(want));
  it.each([['.wh.'], ['.wh..'], ['.wh...']])('rejects whiteout name %s and writes nothing', (name) => {
    const f = new MemoryFs({ dev: 2, now });
    f.mkdir('/d');
    expect(() => applyLayer(f, '/d', [E('a', 'dir'), E(`a/${name}`, 'file')])).toThrow(/invalid whiteout name/);
    expect(f.readdir('/d')).toEqual([]);
  });
});

describe('diffEntries (moby ConvertWrite)', () => {
  it('round-trips through applyLayer: whiteouts, opaque markers, hard links', () => {
    const entries = [
      E('bin', 'dir'), E('bin/a', 'file', { data: fromText('a') }), E('bin/b', 'hardlink', { linkname: 'bin/a' }),
      E('etc', 'dir'), E('etc/.wh.motd', 'file', { mode: 0o600, data: new Uint8Array(0) }),
      E('var', 'dir'), E('var/.wh..wh..opq', 'file', { data: new Uint8Array(0) }), E('var/x', 'symlink', { linkname: '/y', mode: 0o777 }),
    ];
    const fs = new MemoryFs({ dev: 1, now });
    fs.mkdir('/d');
    applyLayer(fs, '/d', entries);
    // A whiteout's mtime is when mknod ran (containerd sets no times on it); the opaque marker takes its directory's permissions (moby ConvertWrite).
    const norm = (e: TarEntry) => ({ ...e, data: e.data && Array.from(e.data as Uint8Array), mtime: e.path.includes('.wh.motd') ? 0 : e.mtime });
    const back = diffEntries(fs, '/d').map(norm);
    const fix: Record<string, Partial<TarEntry>> = { 'bin/b': { mode: 0o644 }, 'var/.wh..wh..opq': { mode: 0o755 } };
    expect(back).toEqual(entries.map((e) => norm({ ...e, ...(fix[e.path] ?? {}) })));
  });
});

/** A busybox-like lower layer like the podman differential test image (toolchain.md). */
function lowerLayer(): TarEntry[] {
  return new LayerBuilder(1_700_000_000)
    .file('f1', 'one\n').file('f2', 'two\n')
    .file('dir/file', 'x\n').file('dir/other', 'y\n')
    .file('a/b/c', 'deep\n').file('old/inner/z', 'z\n').symlink('ln', 'f1').build();
}

function container(): { fs: FileSystem; upperHost: MemoryFs; lower: MemoryFs } {
  const lower = new MemoryFs({ dev: 10, now });
  lower.mkdir('/l');
  applyLayer(lower, '/l', lowerLayer());
  const upperHost = new MemoryFs({ dev: 11, now });
  upperHost.mkdir('/diff');
  upperHost.mkdir('/work');
  const fs = new OverlayFs({ lowers: [new SubtreeFs(lower, '/l', { readonly: true })], upper: new SubtreeFs(upperHost, '/diff'), work: new SubtreeFs(upperHost, '/work'), dev: 12, now });
  return { fs, upperHost, lower };
}

describe('dockerChanges through a real OverlayFs (facts §11, as podman diff prints)', () => {
  it.each<[string, (fs: FileSystem) => void, string[]]>([
    ['delete a lower file', (fs) => fs.unlink('/dir/file'), ['C /dir', 'D /dir/file']],
    ['add a file in a lower dir', (fs) => fs.write('/dir/new', fromText('n')), ['C /dir', 'A /dir/new']],
    ['add a file at the root', (fs) => fs.write('/new', fromText('n')), ['A /new']],
    ['touch (utimes) a lower file copies it up', (fs) => fs.utimes('/f1', clock), ['C /f1']],
    ['chmod a lower file', (fs) => fs.chmod('/f2', 0o600), ['C /f2']],
    ['append to a lower file', (fs) => fs.write('/f1', fromText('more\n'), { append: true }), ['C /f1']],
    ['truncate a lower file', (fs) => fs.truncate('/f2', 0), ['C /f2']],
    ['hard link to a lower file copies it up', (fs) => fs.link('/f1', '/hl'), ['C /f1', 'A /hl']],
    ['symlink creation', (fs) => fs.symlink('/f1', '/sl'), ['A /sl']],
    ['delete a lower symlink', (fs) => fs.unlink('/ln'), ['D /ln']],
    ['remove a lower dir and create it again: opaque', (fs) => { fs.unlink('/dir/file'); fs.unlink('/dir/other'); fs.rmdir('/dir'); fs.mkdir('/dir'); fs.write('/dir/child', fromText('c')); }, ['D /dir', 'A /dir/child']],
    ['remove a lower dir', (fs) => { fs.unlink('/dir/file'); fs.unlink('/dir/other'); fs.rmdir('/dir'); }, ['D /dir']],
    ['nested delete', (fs) => fs.unlink('/a/b/c'), ['C /a', 'C /a/b', 'D /a/b/c']],
    ['directory rename: EXDEV, so mv copies then deletes', (fs) => {
      expect(() => fs.rename('/old', '/new')).toThrow();
      copyTree(fs, '/old', fs, '/new');
      fs.unlink('/old/inner/z'); fs.rmdir('/old/inner'); fs.rmdir('/old');
    }, ['A /new', 'A /new/inner', 'A /new/inner/z', 'D /old']],
    ['rename a lower file', (fs) => fs.rename('/f2', '/f3'), ['D /f2', 'A /f3']],
    ['new dir with a file', (fs) => { fs.mkdir('/n'); fs.write('/n/f', fromText('x')); }, ['A /n', 'A /n/f']],
  ])('%s', (_n, act, want) => {
    const c = container();
    act(c.fs);
    const got = dockerChanges({ fs: c.upperHost, dir: '/diff' }, [{ fs: c.lower, dir: '/l' }]);
    expect(got.map((x) => `${x.kind} ${x.path}`)).toEqual(want);
  });
  it('an empty upper dir has no changes', () => {
    const c = container();
    expect(dockerChanges({ fs: c.upperHost, dir: '/diff' }, [{ fs: c.lower, dir: '/l' }])).toEqual([]);
  });
  it('a whiteout in a middle layer hides the lower path: re-adding it is A, not C', () => {
    const base = new MemoryFs({ dev: 20, now });
    base.mkdir('/l0'); base.mkdir('/l1'); base.mkdir('/up');
    applyLayer(base, '/l0', [E('f', 'file', { data: fromText('x') })]);
    applyLayer(base, '/l1', [E('.wh.f', 'file', { data: new Uint8Array(0) })]);
    base.write('/up/f', fromText('again'));
    expect(dockerChanges({ fs: base, dir: '/up' }, [{ fs: base, dir: '/l1' }, { fs: base, dir: '/l0' }])).toEqual([{ kind: 'A', path: '/f' }]);
    rmTree(base, '/up/f');
  });
});
