/**
 * Executables in the model. A program file starts with the ELF magic and
 * names the model program that implements it, so exec(2) can refuse files
 * that are not executable (EACCES), not programs (ENOEXEC → sh runs them as
 * scripts, as POSIX sh does) or missing (ENOENT → "command not found").
 * BusyBox applets are symlinks to /bin/busybox, which dispatches on argv[0].
 */
import { fromText } from './fs/data.ts';
import type { FileData } from './fs/data.ts';
import { isVirtual, toText } from './fs/data.ts';

const MAGIC = '\x7fELF';

/** Bytes of an executable that runs model program `name` (e.g. "ls", "busybox", "dockerd"). */
export function programFile(name: string, padTo = 0): Uint8Array {
  const head = `${MAGIC}\x02\x01\x01\0model:${name}\0`;
  return fromText(head.padEnd(Math.max(head.length, padTo), '\0'));
}

/** The model program a file runs, or undefined if it is not a model executable. */
export function programOf(data: FileData): string | undefined {
  if (isVirtual(data)) return undefined;
  const head = toText(data, 96);
  if (!head.startsWith(MAGIC)) return undefined;
  const m = /model:([^\0]+)\0/.exec(head);
  return m ? m[1] : undefined;
}

/** `#!/bin/sh -e` → ["/bin/sh", "-e"]; undefined when the file has no shebang. */
export function shebangOf(data: FileData): string[] | undefined {
  if (isVirtual(data)) return undefined;
  const first = toText(data, 256).split('\n', 1)[0];
  if (!first.startsWith('#!')) return undefined;
  return first.slice(2).trim().split(/\s+/).filter(Boolean);
}
