/**
 * Formatting shared by ls, stat, find and du: permission strings (ls(1)
 * "-l"), human-readable sizes (GNU `-h`, powers of 1024), dates in ls's
 * recent/old formats, user and group names from /etc/passwd and /etc/group.
 */
import type { Sys } from '../../../model/kernel/types.ts';
import type { Stat, FileType } from '../../../model/fs/types.ts';
import { toText } from '../../../model/fs/data.ts';

const TYPE_CHAR: Record<FileType, string> = { file: '-', dir: 'd', symlink: 'l', chardev: 'c', blockdev: 'b', fifo: 'p', socket: 's' };

/** `drwxr-xr-x`, with s/S/t/T for setuid, setgid and sticky. */
export function modeString(st: Stat): string {
  const m = st.mode;
  const rwx = (shift: number, special: number, ch: string): string => {
    const r = m & (4 << shift) ? 'r' : '-';
    const w = m & (2 << shift) ? 'w' : '-';
    const xbit = (m & (1 << shift)) !== 0;
    const x = m & special ? (xbit ? ch : ch.toUpperCase()) : xbit ? 'x' : '-';
    return r + w + x;
  };
  return TYPE_CHAR[st.type] + rwx(6, 0o4000, 's') + rwx(3, 0o2000, 's') + rwx(0, 0o1000, 't');
}

/** GNU human-readable size (`ls -h`, `du -h`, `df -h`): 4.0K, 1.1M, 12G; one decimal below 10, rounding up. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G', 'T', 'P', 'E'];
  let v = bytes;
  let u = -1;
  do {
    v /= 1024;
    u++;
  } while (v >= 1024 && u < units.length - 1);
  if (v < 10) {
    const r = Math.ceil(v * 10) / 10;
    return r >= 10 ? `${Math.ceil(r)}${units[u]}` : `${r.toFixed(1)}${units[u]}`;
  }
  const r = Math.ceil(v);
  if (r >= 1024 && u < units.length - 1) return `1.0${units[u + 1]}`;
  return `${r}${units[u]}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ls -l's date column: `Jan  1 00:00` within six months of now, else `Jan  1  2025` (UTC: the model has no time zones). */
export function lsDate(mtimeUs: number, nowUs: number): string {
  const d = new Date(Math.floor(mtimeUs / 1000));
  const mon = MONTHS[d.getUTCMonth()];
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const sixMonths = 182.5 * 24 * 3600 * 1e6;
  if (Math.abs(nowUs - mtimeUs) < sixMonths) return `${mon} ${day} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
  return `${mon} ${day}  ${d.getUTCFullYear()}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** stat(1)'s `%y`: `2026-01-01 00:00:00.000000000 +0000`. */
export function fullDate(us: number): string {
  const d = new Date(Math.floor(us / 1000));
  const frac = String(Math.floor(us % 1e6)).padStart(6, '0') + '000';
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${frac} +0000`;
}

/** uid → name and gid → name tables read once per command from the process's /etc/passwd and /etc/group. */
export class Names {
  readonly #users = new Map<number, string>();
  readonly #groups = new Map<number, string>();
  constructor(sys: Sys) {
    for (const [file, map] of [['/etc/passwd', this.#users], ['/etc/group', this.#groups]] as const) {
      try {
        for (const line of toText(sys.readFile(file), 1 << 20).split('\n')) {
          const f = line.split(':');
          if (f.length > 2 && /^\d+$/.test(f[2]) && !map.has(Number(f[2]))) map.set(Number(f[2]), f[0]);
        }
      } catch {
        // no file: numeric ids
      }
    }
    if (!this.#users.has(0)) this.#users.set(0, 'root');
    if (!this.#groups.has(0)) this.#groups.set(0, 'root');
  }
  user(uid: number): string {
    return this.#users.get(uid) ?? String(uid);
  }
  group(gid: number): string {
    return this.#groups.get(gid) ?? String(gid);
  }
}

/** st_blocks in 512-byte units as ext4 allocates them (4 KiB blocks); devices, symlinks and fifos use none. */
export function blocks512(st: Stat): number {
  if (st.type === 'file' || st.type === 'dir') return Math.ceil(st.size / 4096) * 8;
  return 0;
}
