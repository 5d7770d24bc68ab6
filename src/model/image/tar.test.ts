// tar(5) ustar + pax(1) extended headers; checked against GNU tar where installed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromText, virtualData, slice } from '../fs/data.ts';
import { digestOf, Hasher } from './digest.ts';
import type { TarEntry } from './tar.ts';
import { comparePaths, readTar, sortEntries, tarBytes, tarSize, writeTar } from './tar.ts';

const base = { mode: 0o755, uid: 0, gid: 0, mtime: 1_700_000_000 };
const long = `deep/${'d'.repeat(60)}/${'e'.repeat(60)}/${'f'.repeat(120)}`;
const entries: TarEntry[] = [
  { ...base, path: 'bin', type: 'dir' },
  { ...base, path: 'bin/busybox', type: 'file', data: fromText('\x7fELF model') },
  { ...base, path: 'bin/sh', type: 'symlink', linkname: '/bin/busybox', mode: 0o777 },
  { ...base, path: 'bin/ash', type: 'hardlink', linkname: 'bin/busybox' },
  { ...base, path: 'dev', type: 'dir' },
  { ...base, path: 'dev/null', type: 'chardev', devmajor: 1, devminor: 3, mode: 0o666 },
  { ...base, path: 'dev/sda', type: 'blockdev', devmajor: 8, devminor: 0, mode: 0o660 },
  { ...base, path: 'dev/fifo', type: 'fifo', mode: 0o644 },
  { ...base, path: 'tmp', type: 'dir', mode: 0o1777 },
  { ...base, path: 'opq', type: 'dir', xattrs: { 'trusted.overlay.opaque': 'y' } },
  { ...base, path: 'etc/.wh.motd', type: 'file', mode: 0o600, data: new Uint8Array(0) },
  { ...base, path: 'big', type: 'file', mode: 0o644, uid: 1000, gid: 1000, uname: 'app', gname: 'app', data: virtualData(3 * (1 << 20) + 77, 'seed') },
  { ...base, path: long, type: 'file', mode: 0o644, data: fromText('long name\n') },
  { ...base, path: 'caf\u00e9', type: 'file', mode: 0o644, data: fromText('utf8') },
];

describe('writeTar / readTar round trip (tar(5))', () => {
  const bytes = tarBytes(entries);
  const back = readTar(bytes);
  it('tarSize predicts the exact length and blocks are 512 bytes', () => {
    expect(bytes.length).toBe(tarSize(entries));
    expect(bytes.length % 512).toBe(0);
  });
  it('ends with two zero blocks', () => {
    expect(bytes.subarray(bytes.length - 1024).every((b) => b === 0)).toBe(true);
  });
  it.each(entries.map((e, i) => [e.path.slice(0, 30), i] as const))('%s survives', (_p, i) => {
    const e = entries[i];
    const r = back[i];
    expect(r.path).toBe(e.path);
    expect(r.type).toBe(e.type);
    expect(r.mode).toBe(e.mode);
    expect([r.uid, r.gid, r.mtime]).toEqual([e.uid, e.gid, e.mtime]);
    if (e.linkname) expect(r.linkname).toBe(e.linkname);
    if (e.devmajor !== undefined) expect([r.devmajor, r.devminor]).toEqual([e.devmajor, e.devminor]);
    if (e.xattrs) expect(r.xattrs).toEqual(e.xattrs);
    if (e.data) expect(Buffer.compare(r.data as Uint8Array, slice(e.data, 0, Infinity))).toBe(0);
  });
  it('an empty archive is 1024 zero bytes (facts §2.4)', () => {
    expect(digestOf(tarBytes([]))).toBe('sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef');
  });
  it('streaming into a hasher equals hashing the bytes', () => {
    const h = new Hasher();
    writeTar(entries, (c) => h.update(c));
    expect(h.digest()).toBe(digestOf(bytes));
  });
});

describe('comparePaths (filepath.Walk order)', () => {
  it.each([
    [['a-b', 'a/b', 'a'], ['a', 'a/b', 'a-b']],
    [['etc/motd', 'bin', 'etc', 'bin/sh'], ['bin', 'bin/sh', 'etc', 'etc/motd']],
  ])('%j sorts as %j', (input, want) => {
    expect(sortEntries(input.map((p) => ({ ...base, path: p, type: 'dir' as const }))).map((e) => e.path)).toEqual(want);
    expect(comparePaths('a', 'a')).toBe(0);
  });
});

let gnuTar = false;
try { execFileSync('tar', ['--version']); gnuTar = true; } catch { /* no tar */ }
if (!gnuTar) console.warn('WARNING: GNU tar not found; skipping the tar -tvf compatibility check');

describe.skipIf(!gnuTar)('GNU tar reads our archives (tar -tv --numeric-owner)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tar-test-'));
  const file = join(dir, 'a.tar');
  writeFileSync(file, tarBytes(entries));
  const listing = execFileSync('tar', ['--numeric-owner', '-tvf', file], { env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' } }).toString().trim().split('\n');
  rmSync(dir, { recursive: true });
  it.each([
    [0, /^drwxr-xr-x 0\/0 +0 2023-11-14 22:13 bin\/$/],
    [2, /^lrwxrwxrwx 0\/0 +0 .* bin\/sh -> \/bin\/busybox$/],
    [3, /^hrwxr-xr-x 0\/0 +0 .* bin\/ash link to bin\/busybox$/],
    [5, /^crw-rw-rw- 0\/0 +1,3 .* dev\/null$/],
    [6, /^brw-rw---- 0\/0 +8,0 .* dev\/sda$/],
    [7, /^prw-r--r-- 0\/0 +0 .* dev\/fifo$/],
    [8, /^drwxrwxrwt 0\/0 +0 .* tmp\/$/],
    [11, /^-rw-r--r-- 1000\/1000 +3145805 .* big$/],
    [12, new RegExp(`${long}$`)],
    [13, /caf\\303\\251$/],
  ])('line %i', (i, re) => expect(listing[i]).toMatch(re));
});

describe.skipIf(!gnuTar)('readTar reads archives GNU tar wrote (gnu and posix formats)', () => {
  it.each([['gnu'], ['posix'], ['ustar']])('--format=%s', (format) => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-read-'));
    const longName = format === 'ustar' ? 'short' : 'n'.repeat(150);
    execFileSync('sh', ['-c', `mkdir -p src/d && printf hello > src/d/${longName} && ln -s d/${longName} src/link && mkfifo src/fifo && chmod 1777 src/d`], { cwd: dir });
    execFileSync('tar', [`--format=${format}`, '--numeric-owner', '-C', join(dir, 'src'), '-cf', join(dir, 'a.tar'), '.']);
    const got = readTar(new Uint8Array(execFileSync('cat', [join(dir, 'a.tar')])));
    rmSync(dir, { recursive: true });
    const m = new Map(got.map((e) => [e.path, e]));
    expect(m.get('d')?.mode).toBe(0o1777);
    expect(new TextDecoder().decode(m.get(`d/${longName}`)?.data as Uint8Array)).toBe('hello');
    expect(m.get('link')?.linkname).toBe(`d/${longName}`);
    expect(m.get('fifo')?.type).toBe('fifo');
  });
});
