/**
 * A small host for the docker CLI's tests and benchmarks: one Kernel on a
 * MemoryFs disk, the World's registry, an ImageStore on the disk, dockerd
 * installed, and a root shell running scripts without a terminal. The
 * integrator's scenarios build the same pieces (src/shell/open-session.ts).
 */
import { VirtualClock } from '../../../model/clock.ts';
import { Rng } from '../../../model/rng.ts';
import { MemoryFs } from '../../../model/fs/memory-fs.ts';
import { fromText } from '../../../model/fs/data.ts';
import { Kernel } from '../../../model/kernel/kernel.ts';
import { ImageStore } from '../../../model/image/image-store.ts';
import { Registry } from '../../../model/image/registry.ts';
import { installDockerd } from '../../../model/engine/install.ts';
import { StoreImageBackend } from '../../../model/engine/image-adapter.ts';
import type { Daemon } from '../../../model/engine/daemon.ts';
import type { Sys } from '../../../model/kernel/types.ts';
import { batchHost } from '../../interpreter/host.ts';
import { Shell } from '../../interpreter/shell.ts';
import { ExitSignal } from '../../interpreter/signals.ts';
import { programFile } from '../../../model/program.ts';

/** A host with Docker installed. */
export interface DockerHost {
  readonly kernel: Kernel;
  readonly daemon: Daemon;
  readonly disk: MemoryFs;
  readonly registry: Registry;
  readonly login: Sys;
  /** Run a script as root in a fresh non-interactive bash; returns output and status. */
  sh(script: string): Promise<{ out: string; err: string; status: number }>;
}

/** Build the host (`registry` lets two hosts share one World registry). */
export function dockerHost(opts: { registry?: Registry; hostname?: string; seed?: number; noDaemon?: boolean } = {}): DockerHost {
  const clock = new VirtualClock(Date.UTC(2026, 10, 24, 9, 0, 0) * 1000);
  const rng = new Rng(opts.seed ?? 7);
  const disk = new MemoryFs({ dev: 0x801, now: () => clock.realtime, fstype: 'ext4' });
  for (const d of ['/bin', '/usr', '/usr/bin', '/usr/sbin', '/sbin', '/etc', '/root', '/tmp', '/var', '/var/lib', '/run', '/proc', '/sys', '/dev']) disk.mkdir(d, d === '/tmp' ? 0o1777 : 0o755);
  disk.symlink('/run', '/var/run');
  for (const p of ['bash', 'sh', 'ls', 'cat', 'echo', 'ps', 'df', 'du', 'mount', 'hostname', 'grep', 'wc', 'head', 'seq', 'sleep', 'rm', 'mkdir', 'touch', 'mv', 'readlink', 'true', 'false', 'uname', 'cut', 'sort']) {
    disk.write(`/usr/bin/${p}`, programFile(p), { mode: 0o755 });
  }
  disk.write('/etc/passwd', fromText('root:x:0:0:root:/root:/bin/bash\n'));
  disk.write('/etc/group', fromText('root:x:0:\n'));
  disk.write('/etc/os-release', fromText('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n'));
  const kernel = new Kernel({ clock, rng, hostname: opts.hostname ?? 'host', release: '6.12.48+deb13-amd64', version: '#1 SMP PREEMPT_DYNAMIC Debian 6.12.48-1 (2025-09-20)', machine: 'x86_64', cpus: 4, memoryBytes: 8 * 1024 ** 3, rootfs: disk, diskBytes: 64 * 1000 ** 3 });
  const registry = opts.registry ?? new Registry();
  const store = new ImageStore({ fs: disk, rng, now: () => clock.realtime });
  const daemon = opts.noDaemon ? (undefined as unknown as Daemon) : installDockerd(kernel, { images: new StoreImageBackend(store, registry), rng, fs: disk });
  if (opts.noDaemon) disk.write('/usr/bin/docker', programFile('docker'), { mode: 0o755 });
  const login = kernel.login();
  const host = batchHost();
  return {
    kernel, daemon, disk, registry, login,
    async sh(script) {
      let out = '';
      let err = '';
      const env = new Map([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOME', '/root']]);
      const shell = new Shell({ sys: login, host, env });
      let status: number;
      try {
        status = await shell.runSource(script, {
          stdin: { readAll: async () => '' },
          stdout: { write: (t: string) => void (out += t), isTty: false },
          stderr: { write: (t: string) => void (err += t), isTty: false },
        });
      } catch (e) {
        if (e instanceof ExitSignal) status = e.status;
        else throw e;
      }
      return { out, err, status };
    },
  };
}
