/**
 * What the virt commands share: reaching libvirtd through its UNIX socket
 * (virsh's qemu:///system connection), printing SysErrors, and waiting on
 * the virtual clock while a guest boots.
 */
import { isSysError } from '../../../model/errors.ts';
import { Hypervisor, LIBVIRT_SOCK } from '../../../model/hypervisor/hypervisor.ts';
import type { Sys } from '../../../model/kernel/types.ts';
import type { CommandContext } from '../../types.ts';

/** connect(2) to libvirtd; undefined (after virsh's two error lines, with `prog` as prefix) when it is not running. */
export function connectHypervisor(ctx: CommandContext, prog = 'error'): Hypervisor | undefined {
  let server: unknown;
  let why = 'No such file or directory';
  try {
    server = ctx.sys.connect(LIBVIRT_SOCK);
  } catch (e) {
    if (!isSysError(e)) throw e;
    why = e.strerror;
  }
  if (server instanceof Hypervisor) return server;
  ctx.stderr.write(`${prog}: failed to connect to the hypervisor\n${prog}: Failed to connect socket to '${LIBVIRT_SOCK}': ${why}\n`);
  return undefined;
}

/** The message of a model error (libvirt's virError text or strerror); rethrows anything else. */
export function messageOf(e: unknown): string {
  if (isSysError(e)) return e.message;
  throw e;
}

/** Sleep the calling process on the virtual clock until the hypervisor's clock reads `atUs`. */
export async function sleepUntil(sys: Sys, hv: Hypervisor, atUs: number): Promise<void> {
  const d = atUs - hv.now();
  if (d > 0) await sys.sleep(d);
}

/** Pad columns with at least `gap` spaces, left-aligned (the last column unpadded). */
export function columns(rows: readonly (readonly string[])[], gap = 3): string {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(w[i] + gap))).join('')).join('\n') + '\n';
}
