// Built-in images: baked diff IDs recomputed from the layer definitions (config.md §Layer DiffID),
// layouts that mirror the real images (facts §8.4 sizes), configs valid per config.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataSize, toText } from '../fs/data.ts';
import { programOf } from '../program.ts';
import { nodeLayerDigest } from './bake.ts';
import { ALPINE, allLayers, BUILTIN_IMAGES, BUSYBOX, NANOSERVER, resolveImage, SHOP_APP, UBUNTU } from './builtin.ts';
import { BAKED } from './builtin/baked.ts';
import { configProblem } from './image.ts';
import { layerDigest, layerSpecId } from './layer-digest.ts';
import type { TarEntry } from './tar.ts';
import { tarBytes } from './tar.ts';

const layers = [...new Map(BUILTIN_IMAGES.flatMap((d) => allLayers(d)).map((l) => [l.key, l])).values()];
const SMALL = 128 << 20;
const checkBig = !!process.env.CI || process.env.IMAGE_BAKE_CHECK === 'all';
if (!checkBig) console.warn('WARNING: builtin.test.ts: layers over 128 MB are checked by definition fingerprint only; set IMAGE_BAKE_CHECK=all (or CI=1) to rehash them in full with node:crypto (~30 s).');

describe('baked digests (npx node src/model/image/bake.ts)', () => {
  it.each(layers.map((l) => [l.key, l] as const))('%s: definition fingerprint matches the baked table', (key, l) => {
    expect(BAKED[key], `${key} is not baked: run the bake script`).toBeDefined();
    expect(layerSpecId(l.entries())).toBe(BAKED[key].spec);
  });
  it.each(layers.filter((l) => (BAKED[l.key]?.tarSize ?? 0) <= SMALL).map((l) => [l.key, l] as const))('%s: sha256 of the tar stream (@noble/hashes)', (key, l) => {
    const d = layerDigest(l.entries());
    expect(d).toEqual({ diffId: BAKED[key].diffId, tarSize: BAKED[key].tarSize });
  }, 60_000);
  it.skipIf(!checkBig).each(layers.filter((l) => (BAKED[l.key]?.tarSize ?? 0) > SMALL).map((l) => [l.key, l] as const))('%s: sha256 of the tar stream (node:crypto, same bytes)', (key, l) => {
    expect(nodeLayerDigest(l.entries())).toEqual({ diffId: BAKED[key].diffId, tarSize: BAKED[key].tarSize });
  }, 300_000);
});

describe('image configs (config.md)', () => {
  it.each(BUILTIN_IMAGES.map((d) => [`${d.repository}:${d.tags[0]}`, d] as const))('%s is valid', (_n, d) => {
    const r = resolveImage(d);
    expect(configProblem(r.config)).toBeUndefined();
    expect(r.layers.map((l) => l.diffId)).toEqual(r.config.rootfs.diff_ids);
  });
  it('shop/app is FROM ubuntu: its first layer is ubuntu\'s', () => {
    expect(resolveImage(SHOP_APP).config.rootfs.diff_ids[0]).toBe(resolveImage(UBUNTU).config.rootfs.diff_ids[0]);
  });
  it.each([
    [ALPINE, 'linux', ['/bin/sh']],
    [UBUNTU, 'linux', ['/bin/bash']],
    [NANOSERVER, 'windows', ['c:\\windows\\system32\\cmd.exe']],
  ])('%#: os and Cmd', (d, os, cmd) => {
    const c = resolveImage(d).config;
    expect([c.os, c.config?.Cmd]).toEqual([os, cmd]);
  });
});

const byPath = (entries: TarEntry[]) => new Map(entries.map((e) => [e.path, e]));
const unpacked = (entries: TarEntry[]) => entries.reduce((s, e) => s + (e.type === 'file' && e.data ? dataSize(e.data) : e.type === 'symlink' ? (e.linkname ?? '').length : 0), 0);

describe('alpine:3.22 layout (alpine-baselayout, busybox)', () => {
  const m = byPath(ALPINE.steps[0].layer!.entries());
  it.each([
    ['bin/ls', 'symlink', '/bin/busybox'], ['bin/sh', 'symlink', '/bin/busybox'], ['sbin/init', 'symlink', '/bin/busybox'],
    ['usr/bin/wc', 'symlink', '/bin/busybox'], ['usr/sbin/chroot', 'symlink', '/bin/busybox'],
    ['lib/libc.musl-x86_64.so.1', 'symlink', 'ld-musl-x86_64.so.1'], ['etc/os-release', 'symlink', '../usr/lib/os-release'],
    ['etc/mtab', 'symlink', '../proc/self/mounts'],
  ])('%s is a %s to %s', (p, type, target) => {
    expect([m.get(p)?.type, m.get(p)?.linkname]).toEqual([type, target]);
  });
  it.each([['tmp', 0o1777], ['root', 0o700], ['var/tmp', 0o1777], ['etc/shadow', 0o640], ['bin/busybox', 0o755], ['proc', 0o755], ['sys', 0o755], ['dev', 0o755]])('%s has mode %o', (p, mode) => {
    expect(m.get(p)?.mode).toBe(mode);
  });
  it('/bin/busybox and /sbin/apk are model programs', () => {
    expect(programOf(m.get('bin/busybox')!.data!)).toBe('busybox');
    expect(programOf(m.get('sbin/apk')!.data!)).toBe('apk');
  });
  it.each([
    ['etc/motd', /^Welcome to Alpine!\n\nThe Alpine Wiki contains/],
    ['usr/lib/os-release', /^NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3\.22\.6\nPRETTY_NAME="Alpine Linux v3\.22"/],
    ['etc/alpine-release', /^3\.22\.6\n$/],
    ['etc/passwd', /^root:x:0:0:root:\/root:\/bin\/sh\n/],
    ['etc/group', /^root:x:0:root\n/],
    ['etc/hostname', /^localhost\n$/],
  ])('%s text', (p, re) => expect(toText(m.get(p)!.data!)).toMatch(re));
  it('unpacks to ~7.8 MB, under the 8 MB Alpine states (facts §8.4)', () => {
    const n = unpacked(ALPINE.steps[0].layer!.entries());
    expect(n).toBeGreaterThan(7_500_000);
    expect(n).toBeLessThan(8_000_000);
  });
});

describe('other images', () => {
  it('busybox applets are hard links: the first name in the tar (bin/[) holds the data', () => {
    const m = byPath(BUSYBOX.steps[0].layer!.entries());
    expect([m.get('bin/ls')?.type, m.get('bin/ls')?.linkname]).toEqual(['hardlink', 'bin/[']);
    expect([m.get('bin/busybox')?.type, m.get('bin/busybox')?.linkname]).toEqual(['hardlink', 'bin/[']);
    expect(programOf(m.get('bin/[')!.data!)).toBe('busybox');
  });
  it('ubuntu has merged /usr, bash and coreutils as programs', () => {
    const m = byPath(UBUNTU.steps.find((s) => s.layer)!.layer!.entries());
    expect(m.get('bin')?.linkname).toBe('usr/bin');
    expect(programOf(m.get('usr/bin/bash')!.data!)).toBe('bash');
    expect(programOf(m.get('usr/bin/ls')!.data!)).toBe('ls');
    expect(toText(m.get('usr/lib/os-release')!.data!)).toMatch(/^PRETTY_NAME="Ubuntu 24\.04\.3 LTS"/);
  });
  it('shop/app is over 1 GB across several layers', () => {
    const ls = allLayers(SHOP_APP);
    expect(ls.length).toBeGreaterThanOrEqual(5);
    expect(ls.reduce((s, l) => s + unpacked(l.entries()), 0)).toBeGreaterThan(1_000_000_000);
  });
});

let gnuTar = false;
try { execFileSync('tar', ['--version']); gnuTar = true; } catch { /* none */ }
if (!gnuTar) console.warn('WARNING: GNU tar not found; skipping the alpine layer listing check');

describe.skipIf(!gnuTar)('GNU tar lists the alpine layer', () => {
  it('shows the applet symlinks, the sticky /tmp and the whole tree', () => {
    const dir = mkdtempSync(join(tmpdir(), 'alpine-'));
    writeFileSync(join(dir, 'layer.tar'), tarBytes(ALPINE.steps[0].layer!.entries()));
    const out = execFileSync('tar', ['--numeric-owner', '-tvf', join(dir, 'layer.tar')], { env: { ...process.env, LC_ALL: 'C', TZ: 'UTC' } }).toString();
    rmSync(dir, { recursive: true });
    expect(out).toMatch(/^lrwxrwxrwx 0\/0 +0 2025-10-08 11:05 bin\/ls -> \/bin\/busybox$/m);
    expect(out).toMatch(/^drwxrwxrwt 0\/0 +0 2025-10-08 11:05 tmp\/$/m);
    expect(out).toMatch(/^-rw-r----- 0\/42 +\d+ .* etc\/shadow$/m);
  });
});
