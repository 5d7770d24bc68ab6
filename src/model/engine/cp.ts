/**
 * `docker cp` (moby daemon/archive.go: ContainerArchivePath /
 * ContainerExtractToDir): copy a path out of or into a container's root
 * filesystem, running or not. A running container is reached through its own
 * process (its mount namespace, volumes included); a stopped one by mounting
 * its overlay in dockerd's namespace for the copy, as the daemon does.
 */
import type { Sys } from '../kernel/types.ts';
import type { FileData } from '../fs/data.ts';
import { dataSize } from '../fs/data.ts';
import { isSysError } from '../errors.ts';
import type { Daemon } from './daemon.ts';
import { ApiError, type Container } from './types.ts';

/** One file, directory or link being copied (path relative to the copied root; "" is the root itself). */
export interface CopyEntry {
  readonly rel: string;
  readonly type: 'file' | 'dir' | 'symlink';
  readonly mode: number;
  readonly data?: FileData;
  readonly target?: string;
}

/** Run `fn` with a process that sees the container's root at `root`. */
function withRootfs<T>(d: Daemon, c: Container, fn: (sys: Sys, root: string) => T): T {
  if (c.init) return fn(c.init, '');
  const rw = d.rwLayer(c);
  const sys = d.dockerdSys;
  sys.mount('overlay', rw.mergedDir, 'overlay', rw.options);
  try {
    return fn(sys, rw.mergedDir);
  } finally {
    sys.umount(rw.mergedDir);
  }
}

/** Read a tree with `sys` (the client's or the container's view). */
export function readTree(sys: Sys, path: string): CopyEntry[] {
  const out: CopyEntry[] = [];
  const walk = (abs: string, rel: string) => {
    const st = sys.lstat(abs);
    if (st.type === 'dir') {
      out.push({ rel, type: 'dir', mode: st.mode });
      for (const n of sys.readdir(abs)) walk(`${abs === '/' ? '' : abs}/${n}`, rel ? `${rel}/${n}` : n);
    } else if (st.type === 'symlink') out.push({ rel, type: 'symlink', mode: 0o777, target: sys.readlink(abs) });
    else if (st.type === 'file') out.push({ rel, type: 'file', mode: st.mode, data: sys.readFile(abs) });
  };
  walk(path, '');
  return out;
}

/** Write entries so that the copied root becomes `dest` (cp -a semantics: into `dest` when it is an existing directory). */
export function writeTree(sys: Sys, dest: string, name: string, entries: readonly CopyEntry[]): string {
  let base = dest;
  try {
    if (sys.stat(dest).type === 'dir' && !(entries[0]?.type === 'dir' && dest.endsWith('/.'))) base = `${dest.replace(/\/+$/, '')}/${name}`;
  } catch (e) {
    if (!isSysError(e, 'ENOENT')) throw e;
  }
  for (const e of entries) {
    const p = e.rel ? `${base}/${e.rel}` : base;
    if (e.type === 'dir') {
      try {
        sys.mkdir(p, e.mode);
      } catch (err) {
        if (!isSysError(err, 'EEXIST')) throw err;
      }
    } else if (e.type === 'symlink') sys.symlink(e.target ?? '', p);
    else sys.writeFile(p, e.data ?? new Uint8Array(0), { mode: e.mode });
  }
  return base;
}

/** Length of the tar stream the copy travels as (what "Successfully copied N" counts): a 512-byte header per entry, data padded to 512, 1024 at the end. */
export function treeBytes(entries: readonly CopyEntry[]): number {
  return entries.reduce((n, e) => n + 512 + (e.data ? Math.ceil(dataSize(e.data) / 512) * 512 : 0), 1024);
}

/** GET /containers/{id}/archive. */
export function copyFromContainer(d: Daemon, ref: string, path: string): CopyEntry[] {
  const c = d.get(ref);
  return withRootfs(d, c, (sys, root) => {
    try {
      return readTree(sys, `${root}${path}`);
    } catch (e) {
      if (isSysError(e, 'ENOENT')) throw new ApiError(404, `Could not find the file ${path} in container ${ref}`);
      throw e;
    }
  });
}

/** PUT /containers/{id}/archive. */
export function copyToContainer(d: Daemon, ref: string, dest: string, name: string, entries: readonly CopyEntry[]): void {
  const c = d.get(ref);
  withRootfs(d, c, (sys, root) => {
    try {
      writeTree(sys, `${root}${dest}`, name, entries);
    } catch (e) {
      if (isSysError(e, 'ENOENT')) throw new ApiError(404, `Could not find the file ${dest} in container ${ref}`);
      throw e;
    }
  });
}
