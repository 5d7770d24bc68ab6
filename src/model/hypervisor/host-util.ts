/**
 * Small host-side helpers of the hypervisor: how much memory the host can
 * still give a VMM process (from /proc/meminfo), a process's base RSS, file
 * existence through a Sys, and libvirt's random domain UUIDs.
 */
import { isSysError } from '../errors.ts';
import { toText } from '../fs/data.ts';
import type { Sys } from '../kernel/types.ts';
import type { Rng } from '../rng.ts';

/** stat(2) succeeds. */
export function exists(sys: Sys, path: string): boolean {
  try {
    sys.stat(path);
    return true;
  } catch (e) {
    if (isSysError(e)) return false;
    throw e;
  }
}

/**
 * Memory the host could hand to a new VMM process, bytes, from /proc/meminfo:
 * MemAvailable (free + reclaimable cache), but never more than what is not
 * already held by processes and the kernel. Undefined without a procfs.
 */
export function memAvailable(sys: Sys): number | undefined {
  let text: string;
  try {
    text = toText(sys.readFile('/proc/meminfo'));
  } catch (e) {
    if (isSysError(e)) return undefined;
    throw e;
  }
  const kb = (field: string): number | undefined => {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(text);
    return m ? Number(m[1]) * 1024 : undefined;
  };
  const avail = kb('MemAvailable');
  if (avail === undefined) return undefined;
  const total = kb('MemTotal');
  if (total === undefined) return avail;
  const held = (kb('AnonPages') ?? 0) + (kb('SUnreclaim') ?? 0) + (kb('KernelStack') ?? 0) + (kb('PageTables') ?? 0);
  return Math.max(0, Math.min(avail, total - held));
}

/** RSS of a just-started process (0 where the kernel cannot say). */
export function baseRss(sys: Sys): number {
  try {
    return sys.self().rss;
  } catch {
    return 0;
  }
}

/** A random (version 4) UUID from the world's seeded generator. */
export function uuidFrom(rng: Rng): string {
  const h = rng.hex(32).split('');
  h[12] = '4';
  h[16] = '89ab'[rng.int(4)];
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
