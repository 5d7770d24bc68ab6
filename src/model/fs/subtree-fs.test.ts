// SubtreeFs: a bind mount / overlay lowerdir of a directory (mount(8) --bind): contract, shared inodes, EBUSY on its root.
import { describe, expect, it } from 'vitest';
import { isSysError } from '../errors.ts';
import { fromText, toText } from './data.ts';
import { describeFileSystem } from './filesystem.contract.ts';
import { MemoryFs } from './memory-fs.ts';
import { SubtreeFs } from './subtree-fs.ts';

function clock(): () => number {
  let t = 1_700_000_000_000_000;
  return () => (t += 1000);
}

function base(): MemoryFs {
  const fs = new MemoryFs({ dev: 0x801, now: clock() });
  fs.mkdir('/var');
  fs.mkdir('/var/lib');
  fs.mkdir('/var/lib/x');
  fs.write('/outside', fromText('o'));
  return fs;
}

describeFileSystem('SubtreeFs', (seed) => {
  const fs = new SubtreeFs(base(), '/var/lib/x');
  seed?.(fs);
  return fs;
});

const code = (f: () => void): string | undefined => {
  try { f(); } catch (e) { return isSysError(e) ? e.code : String(e); }
  return undefined;
};

describe('SubtreeFs as a bind mount', () => {
  it('writes land in the base directory, with the base dev and inode', () => {
    const b = base();
    const v = new SubtreeFs(b, '/var/lib/x');
    v.write('/f', fromText('hi'));
    expect(toText(b.read('/var/lib/x/f'))).toBe('hi');
    expect(v.lstat('/f')).toEqual(b.lstat('/var/lib/x/f'));
    expect(v.dev).toBe(0x801);
    expect(v.fstype).toBe('ext4');
  });
  it.each([
    ['rmdir of the view root', (v: SubtreeFs) => v.rmdir('/'), 'EBUSY'],
    ['rename of the view root', (v: SubtreeFs) => v.rename('/', '/y'), 'EBUSY'],
    ['rename onto the view root', (v: SubtreeFs) => { v.mkdir('/y'); v.rename('/y', '/'); }, 'EBUSY'],
    ['mkdir of the view root', (v: SubtreeFs) => v.mkdir('/'), 'EEXIST'],
    ['a missing base directory', () => new SubtreeFs(base(), '/nope'), 'ENOENT'],
    ['a base file', () => new SubtreeFs(base(), '/outside'), 'ENOTDIR'],
  ])('%s → %s', (_n, act, want) => expect(code(() => act(new SubtreeFs(base(), '/var/lib/x')))).toBe(want));
  it('read-only view: EROFS, base stays writable', () => {
    const b = base();
    const v = new SubtreeFs(b, '/var/lib/x', { readonly: true });
    expect(code(() => v.write('/f', fromText('x')))).toBe('EROFS');
    b.write('/var/lib/x/f', fromText('x'));
    expect(v.readdir('/')).toEqual(['f']);
  });
  it('usage() is du of the subtree: bytes of files, inodes, hard links once', () => {
    const v = new SubtreeFs(base(), '/var/lib/x');
    v.write('/a', fromText('abc'));
    v.link('/a', '/b');
    v.mkdir('/d');
    v.write('/d/c', fromText('12'));
    expect(v.usage()).toEqual({ bytes: 5, inodes: 4 });
  });
});
