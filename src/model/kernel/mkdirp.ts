/** mkdir -p through a process's system calls, as install scripts and runc do: an existing directory (EEXIST) is fine. */
import { isSysError } from '../errors.ts';
import type { Sys } from './types.ts';

/** Create each missing directory of `path` with `mode`, in order from the root. */
export function mkdirpSys(sys: Sys, path: string, mode = 0o755): void {
  let cur = '';
  for (const part of path.split('/').filter(Boolean)) {
    cur += `/${part}`;
    try {
      sys.mkdir(cur, mode);
    } catch (e) {
      if (!isSysError(e, 'EEXIST')) throw e;
    }
  }
}
