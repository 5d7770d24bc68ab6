// A saved image is a valid OCI image layout that real tools read (image-spec image-layout.md, facts §2.9/§2.11):
// skopeo inspects it, umoci unpacks it, and the unpacked rootfs equals the model's unpacked layer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryFs } from '../fs/memory-fs.ts';
import { Rng } from '../rng.ts';
import { walkTree } from './fs-util.ts';
import { ImageStore } from './image-store.ts';
import { saveImages } from './oci-layout.ts';
import { Registry } from './registry.ts';

function have(tool: string): boolean {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const tools = have('skopeo') && have('umoci') && have('tar') && have('find');
if (!tools) {
  console.warn('\n**********\nWARNING: skopeo/umoci not installed: the OCI layout check against real tools is SKIPPED.\nInstall them with `apt-get install -y skopeo umoci` to run it.\n**********\n');
}

const T0 = Date.UTC(2026, 0, 1) * 1000;
const TYPE: Record<string, string> = { file: 'f', dir: 'd', symlink: 'l', chardev: 'c', blockdev: 'b', fifo: 'p', socket: 's' };
const dir = tools ? mkdtempSync(join(tmpdir(), 'oci-skopeo-')) : '';
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

describe.skipIf(!tools).each(['alpine:3.22', 'busybox:1.37'])('%s saved by the model, read by skopeo and umoci', (ref) => {
  const store = new ImageStore({ fs: new MemoryFs({ dev: 9, now: () => T0 }), rng: new Rng(9), now: () => T0 });
  const img = new Registry().pull(ref, store).image;
  const name = ref.replace(/[:/]/g, '_');
  const archive = join(dir, `${name}.tar`);
  if (tools) writeFileSync(archive, saveImages(store, [ref]));

  it('skopeo inspect oci-archive: sees the config and the layer digests', () => {
    const out = JSON.parse(execFileSync('skopeo', ['inspect', `oci-archive:${archive}`]).toString());
    expect(out.Layers).toEqual(img.config.rootfs.diff_ids);
    expect([out.Os, out.Architecture, out.Env]).toEqual(['linux', 'amd64', img.config.config?.Env]);
  }, 60_000);

  it('umoci unpack gives exactly the model\'s unpacked rootfs (paths, types, modes, owners, sizes, link targets)', () => {
    const layout = join(dir, `${name}-layout`);
    const bundle = join(dir, `${name}-bundle`);
    execFileSync('mkdir', ['-p', layout]);
    execFileSync('tar', ['-xf', archive, '-C', layout]);
    const root = process.getuid?.() === 0;
    execFileSync('umoci', ['unpack', ...(root ? [] : ['--rootless']), '--image', `${layout}:${ref.split(':')[1]}`, bundle], { stdio: 'pipe' });
    const real = execFileSync('find', ['.', '-mindepth', '1', '-printf', '%P %y %m %U %G %s %l\\n'], { cwd: join(bundle, 'rootfs') })
      .toString().trim().split('\n').sort();
    const fs = store.fs;
    const diff = store.snapshotter.diffDir(img.chainIds[0]);
    const model: string[] = [];
    walkTree(fs, diff, (rel, abs) => {
      const st = fs.lstat(abs);
      const size = st.type === 'dir' ? 4096 : st.size;
      model.push(`${rel} ${TYPE[st.type]} ${st.mode.toString(8)} ${st.uid} ${st.gid} ${size} ${st.type === 'symlink' ? fs.readlink(abs) : ''}`);
    });
    const norm = (lines: string[]) => lines.map((l) => (root ? l : l.replace(/^(\S+ \S+ \S+) \d+ \d+/, '$1 - -')).replace(/ d (\S+) (\S+) (\S+) \d+ $/, ' d $1 $2 $3 4096 ').trimEnd()).sort();
    expect(norm(real)).toEqual(norm(model));
  }, 60_000);
});
