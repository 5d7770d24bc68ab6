/**
 * Test helpers: a host that has only what libvirtd and the virt CLIs use
 * (files on a MemoryFs, child processes, memory accounting, /proc/meminfo,
 * sockets, sleeping on the virtual clock), so the hypervisor can be tested
 * without a full Kernel. The integration tests (guest.test.ts) use the real one.
 */
import type { VirtualClock } from '../clock.ts';
import { fail } from '../errors.ts';
import { fromText, virtualData } from '../fs/data.ts';
import type { FileData } from '../fs/data.ts';
import { MemoryFs } from '../fs/memory-fs.ts';
import type { WriteOptions } from '../fs/types.ts';
import type { Sys } from '../kernel/types.ts';
import { qcow2Data } from './disk-image.ts';
import { GUESTS } from './guest-os.ts';
import { IMAGES_DIR } from './hypervisor.ts';

/** A stub host: `sys` is a root process; `used()` is the memory its processes hold. */
export function stubHost(totalBytes: number, clock: VirtualClock) {
  const fs = new MemoryFs({ dev: 1, now: () => clock.realtime });
  const sockets = new Map<string, unknown>();
  let used = 0;
  let nextPid = 100;
  const procs = new Map<number, string[]>();
  const abs = (p: string): string => (p.startsWith('/') ? p : `/root/${p}`);
  const proc = (pid: number): Sys => ({
    pid,
    readFile: (p: string): FileData => p === '/proc/meminfo'
      ? fromText(`MemTotal: ${totalBytes / 1024} kB\nMemAvailable:   ${(totalBytes - used) / 1024} kB\n`)
      : fs.read(abs(p)),
    writeFile: (p: string, d: FileData, o?: WriteOptions) => fs.write(abs(p), d, o),
    stat: (p: string) => fs.lstat(abs(p)),
    lstat: (p: string) => fs.lstat(abs(p)),
    mkdir: (p: string, m?: number) => fs.mkdir(abs(p), m),
    mknod: (p: string, t: 'chardev', r: [number, number], m?: number) => fs.mknod(abs(p), t, r, m),
    unlink: (p: string) => fs.unlink(abs(p)),
    spawn: (o: { argv: readonly string[] }) => { const c = nextPid++; procs.set(c, [...o.argv]); return proc(c); },
    allocate: (b: number) => { used += b; },
    release: (b: number) => { used -= b; },
    exit: () => undefined,
    wait: (p: number) => { procs.delete(p); return 0; },
    connect: (p: string) => sockets.get(p) ?? fail('ECONNREFUSED', p),
    sleep: async (us: number) => { clock.advance(us); },
    now: () => clock.now,
    realtime: () => clock.realtime,
    uname: () => ({ sysname: 'Linux', nodename: 'host', release: '6.12.48', version: '#1', machine: 'x86_64', domainname: '(none)' }),
  }) as unknown as Sys;
  for (const d of ['/root', '/var', '/var/lib', '/var/lib/libvirt', IMAGES_DIR]) fs.mkdir(d);
  for (const os of Object.values(GUESTS)) {
    const data = os.image.format === 'qcow2'
      ? qcow2Data({ virtualBytes: os.image.virtualBytes, fileBytes: os.image.diskBytes, generation: os.id })
      : virtualData(os.image.diskBytes, os.id);
    fs.write(`${IMAGES_DIR}/${os.image.file}`, data);
  }
  return { fs, sys: proc(1), used: () => used, procs, registerSocket: (p: string, s: unknown) => { sockets.set(p, s); } };
}
