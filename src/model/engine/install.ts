/**
 * Install and start the container engine on a machine, as a distribution's
 * docker-ce packages do: binaries in /usr/bin, containerd.service and
 * docker.service started by systemd (PID 1) in their own cgroups, and
 * dockerd's API on /var/run/docker.sock (facts §4: dockerd → containerd →
 * containerd-shim-runc-v2 → runc). The hypervisor engineer calls this for a
 * guest to run containers inside a VM.
 */
import type { Sys } from '../kernel/types.ts';
import type { Rng } from '../rng.ts';
import { programFile } from '../program.ts';
import { mkdirpSys } from '../kernel/mkdirp.ts';
import { isSysError } from '../errors.ts';
import type { FileSystem } from '../fs/types.ts';
import { Daemon } from './daemon.ts';
import type { ImageBackend } from './ports.ts';
import type { ProgramRunner } from './types.ts';

/** What installDockerd needs from a machine's kernel. */
export interface EngineHost {
  /** PID 1 (systemd) of the machine. */
  readonly init: Sys;
  /** Make `server` what connect(2) on `path` returns. */
  registerSocket(path: string, server: unknown): void;
}

/** Where the docker CLI finds the daemon. */
export const DOCKER_SOCKET = '/var/run/docker.sock';

/** Programs the packages install (docker-ce, docker-ce-cli, containerd.io). */
export const ENGINE_BINARIES = ['docker', 'dockerd', 'containerd', 'containerd-shim-runc-v2', 'runc', 'docker-proxy', 'docker-init'] as const;


/** Install the binaries and start containerd and dockerd; returns the daemon (also reachable through the socket). */
export function installDockerd(host: EngineHost, opts: { images: ImageBackend; rng: Rng; runner?: ProgramRunner; fs?: FileSystem }): Daemon {
  const sys = host.init;
  mkdirpSys(sys, '/usr/bin');
  for (const b of ENGINE_BINARIES) sys.writeFile(`/usr/bin/${b}`, programFile(b), { mode: 0o755 });
  for (const d of ['/var/lib/docker', '/var/lib/docker/containers', '/var/lib/docker/image/overlay2', '/var/lib/docker/volumes', '/var/lib/containerd', '/run/containerd', '/run/docker']) {
    mkdirpSys(sys, d, d === '/var/lib/docker' ? 0o710 : 0o755);
  }
  for (const cg of ['/sys/fs/cgroup/system.slice', '/sys/fs/cgroup/system.slice/containerd.service', '/sys/fs/cgroup/system.slice/docker.service']) {
    try {
      sys.mkdir(cg);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
  const containerd = sys.spawn({ argv: ['/usr/bin/containerd'], cgroup: '/system.slice/containerd.service' });
  const dockerd = sys.spawn({ argv: ['/usr/bin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock'], cgroup: '/system.slice/docker.service' });
  // resident memory of the two daemons once started (illustrative: tens of MB each, as `ps -o rss` shows on a small host)
  containerd.allocate(32 * 1024 * 1024);
  dockerd.allocate(48 * 1024 * 1024);
  const daemon = new Daemon({ dockerd, containerd, images: opts.images, rng: opts.rng, ...(opts.runner ? { runner: opts.runner } : {}), ...(opts.fs ? { fs: opts.fs } : {}) });
  host.registerSocket(DOCKER_SOCKET, daemon);
  host.registerSocket('/run/docker.sock', daemon);
  // the socket is root:docker, mode 660 (docker.socket unit), when the distribution has a docker group
  try {
    const group = /^docker:x:(\d+):/m.exec(new TextDecoder().decode(sys.readFile('/etc/group') as Uint8Array));
    if (group) sys.chown(DOCKER_SOCKET, 0, Number(group[1]));
  } catch {
    /* no /etc/group or no docker group */
  }
  return daemon;
}
