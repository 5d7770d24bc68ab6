/**
 * The directories every Linux root filesystem in the model starts with
 * (Filesystem Hierarchy Standard 3.0 plus /run), with the modes a fresh
 * install gives them: /tmp and /var/tmp sticky and world-writable, /root
 * private, /var/run a link to /run. Hosts and VM guests share it.
 */
import type { FileSystem } from './types.ts';

export const FHS_DIRS: readonly string[] = ['/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/local', '/usr/local/bin', '/etc', '/root', '/home',
  '/tmp', '/var', '/var/log', '/var/lib', '/var/tmp', '/run', '/proc', '/sys', '/dev', '/boot', '/opt', '/srv', '/mnt', '/media'];

/** Create FHS_DIRS (and `extra`) on an empty filesystem, plus the /var/run → ../run link. */
export function makeFhsTree(fs: FileSystem, extra: readonly string[] = []): void {
  for (const d of [...FHS_DIRS, ...extra]) fs.mkdir(d, d === '/tmp' || d === '/var/tmp' ? 0o1777 : d === '/root' ? 0o700 : 0o755);
  fs.symlink('../run', '/var/run');
}
