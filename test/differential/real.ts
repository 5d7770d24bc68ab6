/**
 * The reference: real podman with runc on the kernel's overlayfs, with the
 * flags toolchain.md found to work on these machines. The image is the
 * model's own busybox:1.37 layer (same tar bytes) with the real
 * busybox-static binary in place of the model's program file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busyboxRootfs } from '../../src/model/image/builtin/busybox.ts';
import { tarBytes } from '../../src/model/image/tar.ts';
import type { UpperEntry } from './listing.ts';

export const IMAGE = 'localhost/model-busybox:1.37';
const RUN_FLAGS = ['--runtime', 'runc', '--cgroup-manager', 'cgroupfs'];
const CONTAINER_FLAGS = ['--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024', '--network', 'none'];

/** Why the real side cannot run here, or undefined when it can. */
export function unavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'not running as root';
  for (const tool of ['podman', 'runc', 'getfattr', 'tar']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} is not installed (apt-get install -y podman runc busybox-static attr)`;
  }
  if (!existsSync('/bin/busybox')) return '/bin/busybox is missing (apt-get install -y busybox-static)';
  return undefined;
}

function podman(...args: string[]): string {
  return execFileSync('podman', [...RUN_FLAGS, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Build the reference image from the model's layer. */
export function prepareImage(): void {
  const dir = mkdtempSync(join(tmpdir(), 'diff-'));
  writeFileSync(join(dir, 'layer.tar'), tarBytes(busyboxRootfs()));
  execFileSync('sh', ['-c', `set -e; mkdir root; tar -C root -xpf layer.tar; cp /bin/busybox root/bin/busybox; tar -C root -cf base.tar .`], { cwd: dir });
  spawnSync('podman', [...RUN_FLAGS, 'rmi', '-f', IMAGE], { stdio: 'ignore' });
  podman('import', join(dir, 'base.tar'), IMAGE);
}

export interface Observed { readonly output: string; readonly diff: string[]; readonly upper: UpperEntry[]; readonly hostname: string; readonly id: string }

/** Run one case on podman and observe it. */
export function runReal(name: string, script: string): Observed {
  spawnSync('podman', [...RUN_FLAGS, 'rm', '-f', name], { stdio: 'ignore' });
  const run = spawnSync('podman', [...RUN_FLAGS, 'run', ...CONTAINER_FLAGS, '--name', name, IMAGE, 'sh', '-c', `${script}; echo "[exit $?]"; hostname`], { encoding: 'utf8' });
  const lines = run.stdout.trimEnd().split('\n');
  const hostname = lines.pop() ?? '';
  const id = podman('inspect', name, '--format', '{{.Id}}').trim();
  const diff = podman('diff', name).trim().split('\n').filter(Boolean);
  const upperDir = podman('inspect', name, '--format', '{{.GraphDriver.Data.UpperDir}}').trim();
  const upper = listUpper(upperDir);
  spawnSync('podman', [...RUN_FLAGS, 'rm', '-f', name], { stdio: 'ignore' });
  return { output: lines.join('\n'), diff, upper, hostname, id };
}

function listUpper(root: string): UpperEntry[] {
  const opaque = new Set<string>();
  const attrs = spawnSync('getfattr', ['-R', '--absolute-names', '-m', '^trusted\\.overlay\\.opaque$', '-d', root], { encoding: 'utf8' }).stdout;
  let current = '';
  for (const line of attrs.split('\n')) {
    if (line.startsWith('# file: ')) current = line.slice(8);
    else if (line.startsWith('trusted.overlay.opaque="y"')) opaque.add(current.slice(root.length));
  }
  const out: UpperEntry[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const path = `${rel}/${name}`;
      const st = lstatSync(join(root, path));
      const type = st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'symlink' : st.isCharacterDevice() ? 'chardev' : st.isFile() ? 'file' : 'other';
      out.push({
        path, type, mode: st.mode & 0o7777, size: st.size, opaque: opaque.has(path),
        ...(type === 'symlink' ? { target: readlinkSync(join(root, path)) } : {}),
        ...(type === 'chardev' ? { rdev: `${Math.floor(st.rdev / 256)},${st.rdev % 256}` } : {}),
      });
      if (type === 'dir') walk(path);
    }
  };
  walk('');
  return out;
}
