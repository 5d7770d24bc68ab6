/**
 * dockerd: the daemon behind /var/run/docker.sock (facts §4). It keeps the
 * containers (daemon/container), asks the image service for snapshots, and
 * for each container starts a containerd-shim-runc-v2 under containerd which
 * runs runc (runc.ts) to create PID 1. Every method is one Engine API call;
 * failures throw ApiError with the daemon's own message and change nothing.
 */
import type { Signal, Sys } from '../kernel/types.ts';
import type { Rng } from '../rng.ts';
import { fromText, toText } from '../fs/data.ts';
import { isSysError } from '../errors.ts';
import type { FileSystem } from '../fs/types.ts';
import type { ImageBackend, ImageInfo, RwLayer } from './ports.ts';
import { Networks, type Network } from './network.ts';
import { Volumes } from './volumes.ts';
import { randomName, VALID_NAME } from './names.ts';
import { transition } from './state.ts';
import { containerCaps, checkCaps } from './security.ts';
import { createContainerProcess, lookPath, type TaskSpec } from './runc.ts';
import { ApiError, type Container, type ContainerIO, type CreateOptions, type Interactor, type PortBinding, type ProgramRunner } from './types.ts';
import { cgroupPath, hostConfig, normalizeRef, processEnv } from './config.ts';
import { execInContainer, type ExecOptions } from './exec.ts';
import { newContainer } from './create.ts';
import { TIMINGS } from './timings.ts';
import { ensureBridge, plumbVeth, unplumbVeth } from './plumbing.ts';
import { appendJsonLog, removeContainerFiles, writeContainerFiles, writeHosts, type DockerdFiles } from './files.ts';

export { cgroupPath, mergeEnv, normalizeRef, processEnv } from './config.ts';

/** Docker Engine release the model presents itself as (docker version): 28.5.2, the last 28.x with overlay2 as the default storage; commit hashes are illustrative. */
export const ENGINE_VERSION = { version: '28.5.2', apiVersion: '1.51', minApiVersion: '1.24', clientCommit: 'ecc6942', gitCommit: '89c5e8f', goVersion: 'go1.24.9', containerd: 'v1.7.28', containerdCommit: 'b98a3aace656320842a23f4a392a33f46af97866', runc: '1.3.3', runcCommit: 'v1.3.3-0-gd842d771', dockerInit: '0.19.0', dockerInitCommit: 'de40ad0' } as const;

/** The processes and services one dockerd works with. */
export interface DaemonDeps {
  readonly dockerd: Sys;
  /**
   * The host disk, when dockerd's bookkeeping files (/var/lib/docker/containers/<id>/…)
   * should be written straight to it like the image store does, instead of
   * through dockerd's system calls (cheaper: no page-cache accounting per file).
   */
  readonly fs?: FileSystem;
  readonly containerd: Sys;
  readonly images: ImageBackend;
  readonly rng: Rng;
  /** Default program runner (set by the shell layer); a call may pass its own. */
  runner?: ProgramRunner;
}

/** Options of one start (attach or not). */
export interface StartOptions {
  readonly runner?: ProgramRunner;
  /** Attached terminal/pipe output; the json-file log always gets a copy. */
  readonly io?: ContainerIO;
  /** `-it`: run PID 1 as an interactive session instead of through the runner. */
  readonly interact?: Interactor;
}

/** The Docker daemon of one machine. */
export class Daemon {
  readonly #d: DaemonDeps;
  readonly #containers = new Map<string, Container>();
  readonly #names = new Map<string, string>();
  readonly networks: Networks;
  readonly volumes: Volumes;
  readonly images: ImageBackend;
  /** Per container: its shim process. */
  readonly #shims = new Map<string, Sys>();
  readonly #rw = new Map<string, RwLayer>();
  /** The ephemeral port range (/proc/sys/net/ipv4/ip_local_port_range; portallocator's 49153–65535 if unreadable, facts §5.4). */
  #portRange(): [number, number] {
    try {
      const m = /(\d+)\s+(\d+)/.exec(toText(this.#d.dockerd.readFile('/proc/sys/net/ipv4/ip_local_port_range')));
      if (m) return [Number(m[1]), Number(m[2])];
    } catch {
      /* no procfs */
    }
    return [49153, 65535];
  }

  /** Host end of each running container's veth pair. */
  readonly #veths = new Map<string, string>();

  constructor(deps: DaemonDeps) {
    this.#d = deps;
    this.images = deps.images;
    this.networks = new Networks(deps.rng, this.now());
    this.volumes = new Volumes(deps.dockerd);
    for (const n of this.networks.list()) this.ensureBridge(n);
  }

  /** Virtual realtime, µs. */
  now(): number {
    return this.#d.dockerd.realtime();
  }

  get dockerdSys(): Sys {
    return this.#d.dockerd;
  }

  setRunner(r: ProgramRunner): void {
    this.#d.runner = r;
  }

  // ---- lookup ------------------------------------------------------------

  /** Containers, newest first (the order `docker ps` lists them). */
  list(all: boolean): Container[] {
    const out = [...this.#containers.values()].filter((c) => all || c.state.running);
    return out.reverse();
  }

  /** daemon.GetContainer: full ID, exact name, then unique ID prefix. */
  get(ref: string): Container {
    const byId = this.#containers.get(ref);
    if (byId) return byId;
    const name = this.#names.get(ref.replace(/^\//, ''));
    if (name) return this.#containers.get(name) as Container;
    const matches = ref ? [...this.#containers.keys()].filter((id) => id.startsWith(ref)) : [];
    if (matches.length > 1) throw new ApiError(400, `multiple IDs found with provided prefix: ${ref}`);
    if (matches.length === 1) return this.#containers.get(matches[0]) as Container;
    throw new ApiError(404, `No such container: ${ref}`);
  }

  rwLayer(c: Container): RwLayer {
    return this.#rw.get(c.id) as RwLayer;
  }

  networkOf(c: Container): Network | undefined {
    return this.networks.find(c.host.networkMode === 'default' ? 'bridge' : c.host.networkMode);
  }

  /** A container using image `id`, running ones first (moby image_delete.go checks running containers as hard conflicts). */
  imageInUse(id: string): { id: string; running: boolean } | undefined {
    const users = [...this.#containers.values()].filter((c) => c.imageId === id);
    const c = users.find((x) => x.state.running) ?? users[0];
    return c ? { id: c.id, running: c.state.running } : undefined;
  }

  // ---- create ------------------------------------------------------------

  /** POST /containers/create. Throws 404 "No such image: REF" when the image is not local (the CLI then pulls). */
  create(opts: CreateOptions): Container {
    const img = this.images.find(opts.image);
    if (!img) throw new ApiError(404, `No such image: ${normalizeRef(opts.image)}`);
    if (img.config.os !== 'linux') throw new ApiError(400, `image operating system "${img.config.os}" cannot be used on this platform`);
    const host = hostConfig(opts.host);
    const capErr = checkCaps([...host.capAdd, ...host.capDrop]);
    if (capErr) throw new ApiError(400, capErr);
    if (opts.name !== undefined && !VALID_NAME.test(opts.name)) {
      throw new ApiError(400, `Invalid container name (${opts.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    }
    const name = opts.name?.replace(/^\//, '');
    if (name && this.#names.has(name)) {
      throw new ApiError(409, `Conflict. The container name "/${name}" is already in use by container "${this.#names.get(name)}". You have to remove (or rename) that container to be able to reuse that name.`);
    }
    const netName = host.networkMode === 'default' ? 'bridge' : host.networkMode;
    if (!this.networks.find(netName)) throw new ApiError(404, `network ${netName} not found`);
    const id = this.#d.rng.hex(64);
    // --network host: the container takes the host's hostname too (docs: "Host network driver")
    const hostOpts = host.networkMode === 'host' && opts.hostname === undefined ? { ...opts, hostname: this.#d.dockerd.uname().nodename } : opts;
    const c = newContainer(hostOpts, img, host, { id, name: name ?? this.#freeName(), created: this.now(), mountId: this.#d.rng.hex(64) });
    for (const m of host.mounts) if (m.type === 'volume') this.volumes.create(m.source, this.now());
    const rw = this.images.prepare(id, c.mountId, img.id);
    this.#rw.set(id, rw);
    this.#writeContainerFiles(c);
    this.#containers.set(id, c);
    this.#names.set(c.name, id);
    return c;
  }

  #freeName(): string {
    for (let retry = 0; ; retry++) {
      const n = randomName(this.#d.rng, retry > 5 ? retry : 0);
      if (!this.#names.has(n)) return n;
    }
  }

  #writeContainerFiles(c: Container): void {
    writeContainerFiles(this.#files(), c);
  }

  #writeHosts(c: Container): void {
    writeHosts(this.#files(), c);
  }

  #files(): DockerdFiles {
    return { sys: this.#d.dockerd, ...(this.#d.fs ? { fs: this.#d.fs } : {}) };
  }

  // ---- start / exit --------------------------------------------------------

  /** POST /containers/{id}/start: create the task and run PID 1; resolves with its exit status. */
  start(ref: string, opts: StartOptions = {}): Promise<number> {
    const c = this.get(ref);
    if (c.state.running) return c.task ?? Promise.resolve(0);
    const runner = opts.runner ?? this.#d.runner;
    if (!runner && !opts.interact) throw new ApiError(500, 'dockerd: no program runner configured');
    const net = this.networkOf(c) as Network;
    const hostNet = net.driver === 'host';
    const ip = hostNet || net.driver === 'null' ? '' : this.networks.connect(net, c.id);
    const range = this.#portRange();
    const proxies: Sys[] = [];
    let published: PortBinding[] = [];
    try {
      // validate first: published ports (ephemeral ones chosen now), then docker-proxy binds each on the host
      const all: PortBinding[] = [...c.host.portBindings];
      if (c.host.publishAll) {
        for (const key of Object.keys(c.config.ExposedPorts ?? {})) {
          const [port, proto] = key.split('/');
          if (!all.some((b) => `${b.containerPort}/${b.proto}` === key)) all.push({ hostIp: '0.0.0.0', hostPort: 0, containerPort: Number(port), proto: proto === 'udp' ? 'udp' : 'tcp' });
        }
      }
      for (const b of hostNet ? [] : all) {
        const chosen = b.hostPort === 0 ? { ...b, hostPort: this.networks.ephemeralPort(b.hostIp, b.proto, range) } : b;
        published = [...published, chosen];
        this.networks.reservePorts(c.id, [chosen]);
      }
      for (const p of published) {
        const proxy = this.#d.dockerd.spawn({ argv: ['/usr/bin/docker-proxy', '-proto', p.proto, '-host-ip', p.hostIp, '-host-port', String(p.hostPort), '-container-ip', ip, '-container-port', String(p.containerPort)] });
        proxies.push(proxy);
        try {
          proxy.listen(p.hostPort, p.hostIp);
        } catch (e) {
          if (isSysError(e, 'EADDRINUSE')) throw new ApiError(500, `failed to bind host port ${p.hostIp}:${p.hostPort}/${p.proto}: address already in use`);
          throw e;
        }
      }
    } catch (e) {
      this.networks.releasePorts(c.id);
      this.networks.disconnect(c.id);
      for (const p of proxies) this.#reap(this.#d.dockerd, p);
      if (e instanceof ApiError) {
        throw new ApiError(500, `driver failed programming external connectivity on endpoint ${c.name} (${this.#d.rng.hex(64)}): ${e.message}`);
      }
      throw e;
    }
    c.published = published;
    c.endpointId = this.#d.rng.hex(64);
    c.ip = ip;
    c.mac = c.ip ? this.networks.mac() : '';
    this.#writeHosts(c);
    const shim = this.#d.containerd.spawn({ argv: ['/usr/bin/containerd-shim-runc-v2', '-namespace', 'moby', '-id', c.id, '-address', '/run/containerd/containerd.sock'] });
    let init: Sys;
    let hostPid: number;
    try {
      ({ init, hostPid } = createContainerProcess(shim, this.#taskSpec(c, !opts.io && !opts.interact), (i, pid) => this.#plumb(c, i, pid)));
    } catch (e) {
      this.#unplumb(c);
      this.#reap(this.#d.containerd, shim);
      for (const p of proxies) this.#reap(this.#d.dockerd, p);
      this.networks.releasePorts(c.id);
      this.networks.disconnect(c.id);
      c.ip = '';
      c.mac = '';
      if (e instanceof ApiError) {
        c.state.error = e.message;
        c.state.exitCode = 127;
      }
      throw e;
    }
    this.#shims.set(c.id, shim);
    c.proxies = proxies;
    c.init = init;
    c.shimPid = shim.pid;
    transition(c.state, 'running');
    c.state.pid = hostPid;
    c.state.startedAt = this.now();
    c.state.exitCode = 0;
    c.state.error = '';
    c.state.oomKilled = false;
    const io = this.#logIo(c, opts.io);
    const env = processEnv(c);
    const argv = [c.path, ...c.args];
    const run = opts.interact ? opts.interact(init, argv) : (runner as ProgramRunner)(init, argv, env, io);
    c.task = run.then(
      (status) => this.#exited(c, init, status),
      () => this.#exited(c, init, 255),
    );
    return c.task;
  }

  #plumb(c: Container, init: Sys, hostPid: number): void {
    const v = plumbVeth(this.#d.dockerd, this.#d.rng, this.networkOf(c), c, init, hostPid);
    if (v) this.#veths.set(c.id, v);
  }

  #unplumb(c: Container): void {
    const v = this.#veths.get(c.id);
    this.#veths.delete(c.id);
    if (v) unplumbVeth(this.#d.dockerd, v);
  }

  /** Create a network's bridge device (docker0 for the default one) on the host. */
  ensureBridge(n: Network): void {
    ensureBridge(this.#d.dockerd, n);
  }

  #taskSpec(c: Container, background: boolean): TaskSpec {
    const caps = containerCaps(c.host.privileged, c.host.capAdd, c.host.capDrop);
    const dir = `/var/lib/docker/containers/${c.id}`;
    return {
      id: c.id,
      argv: [c.path, ...c.args],
      env: processEnv(c),
      cwd: c.config.WorkingDir || '/',
      hostname: c.config.Hostname,
      rootfs: this.rwLayer(c),
      cgroup: cgroupPath(c.id),
      memory: c.host.memory,
      nanoCpus: c.host.nanoCpus,
      pidsLimit: c.host.pidsLimit,
      caps,
      privileged: c.host.privileged,
      etcFiles: [
        { source: `${dir}/resolv.conf`, target: '/etc/resolv.conf' },
        { source: `${dir}/hostname`, target: '/etc/hostname' },
        { source: `${dir}/hosts`, target: '/etc/hosts' },
      ],
      binds: c.host.mounts.map((m) => ({ source: m.type === 'volume' ? `/var/lib/docker/volumes/${m.source}/_data` : m.source, target: m.destination, readonly: m.readonly })),
      hostNetwork: c.host.networkMode === 'host',
      background,
    };
  }

  #logIo(c: Container, attached: ContainerIO | undefined): ContainerIO {
    const log = (stream: 'stdout' | 'stderr', text: string) => {
      const time = this.now();
      c.logs.push({ stream, text, time });
      appendJsonLog(this.#files(), c.id, stream, text, time);
    };
    return {
      stdout: (text) => {
        log('stdout', text);
        attached?.stdout(text);
      },
      stderr: (text) => {
        log('stderr', text);
        attached?.stderr(text);
      },
      ...(attached?.stdin ? { stdin: attached.stdin } : {}),
    };
  }

  /** PID 1 ended: record the exit like containerd's TaskExit event, tear the task down (runc delete). */
  #exited(c: Container, init: Sys, status: number): number {
    if (c.init !== init) return status;
    const shim = this.#shims.get(c.id);
    const cg = `/sys/fs/cgroup${cgroupPath(c.id)}`;
    let oom = false;
    try {
      oom = /oom_kill (\d+)/.exec(toText(this.#d.dockerd.readFile(`${cg}/memory.events`)))?.[1] !== '0' && status === 137;
    } catch {
      /* no memory controller in this kernel */
    }
    try {
      if (!init.self().state.startsWith('Z')) init.exit(status);
    } catch {
      /* already reaped or exited */
    }
    if (shim) {
      try {
        shim.wait(c.state.pid);
      } catch {
        /* reaped elsewhere */
      }
      this.#reap(this.#d.containerd, shim);
    }
    for (const p of c.proxies) this.#reap(this.#d.dockerd, p);
    c.proxies = [];
    c.published = [];
    try {
      this.#d.dockerd.rmdir(cg);
    } catch {
      /* still populated or missing */
    }
    this.networks.releasePorts(c.id);
    this.networks.disconnect(c.id);
    this.#unplumb(c);
    c.init = undefined;
    c.task = undefined;
    this.#shims.delete(c.id);
    transition(c.state, 'exited');
    c.state.pid = 0;
    c.state.exitCode = status;
    c.state.oomKilled = oom;
    c.state.finishedAt = this.now();
    if (c.host.autoRemove) this.#destroy(c);
    return status;
  }

  /** End a helper process of ours (shim, proxy) and reap it. */
  #reap(parent: Sys, child: Sys): void {
    try {
      child.exit(0);
    } catch {
      /* gone */
    }
    try {
      parent.wait(child.pid);
    } catch {
      /* reaped */
    }
  }

  /** POST /containers/{id}/wait. */
  async wait(ref: string): Promise<number> {
    const c = this.get(ref);
    if (c.task) {
      this.attach(c);
      return c.task;
    }
    return c.state.exitCode;
  }

  /** Someone waits in the foreground for this container (docker wait, logs -f, start -a): its sleeps now move the clock. */
  attach(c: Container): void {
    try {
      c.init?.setBackground?.(false);
    } catch {
      /* exited */
    }
  }

  // ---- signals -------------------------------------------------------------

  /** POST /containers/{id}/kill: signal PID 1 from the host (SIGKILL always lands, facts §5.2). */
  kill(ref: string, sig: Signal = 'SIGKILL'): Container {
    const c = this.get(ref);
    if (!c.state.running) throw new ApiError(409, `cannot kill container: ${ref}: container ${c.id} is not running`);
    const shim = this.#shims.get(c.id) as Sys;
    if (c.state.paused) this.unpause(ref);
    shim.kill(c.state.pid, sig);
    return c;
  }

  /** POST /containers/{id}/stop: SIGTERM, then SIGKILL after `timeoutS` seconds on the virtual clock (facts §4.5). */
  async stop(ref: string, timeoutS: number, sleep: (us: number) => Promise<void>): Promise<Container> {
    const c = this.get(ref);
    if (!c.state.running || !c.task) return c;
    const task = c.task;
    if (c.state.paused) this.unpause(ref);
    const shim = this.#shims.get(c.id) as Sys;
    shim.kill(c.state.pid, 'SIGTERM');
    let done = false;
    void task.then(() => (done = true));
    // let a program that handles SIGTERM run its shutdown before any time passes (bounded, no timers)
    for (let i = 0; i < 4000 && !done; i++) await Promise.resolve();
    if (!done) await Promise.race([task, sleep(timeoutS * 1e6)]);
    if (!done && c.init) shim.kill(c.state.pid, 'SIGKILL');
    await task;
    return c;
  }

  /** POST /containers/{id}/restart: stop, then start (RestartCount counts restart-policy restarts only, so it stays). */
  async restart(ref: string, timeoutS: number, sleep: (us: number) => Promise<void>, opts: StartOptions = {}): Promise<Container> {
    const c = this.get(ref);
    await this.stop(ref, timeoutS, sleep);
    await sleep(TIMINGS.startUs);
    const task = this.start(c.id, opts);
    for (let i = 0; i < 1500 && c.task === task; i++) await Promise.resolve();
    return c;
  }

  /** POST /containers/{id}/pause: freeze the cgroup (cgroup.freeze, cgroup-v2.rst). */
  pause(ref: string): Container {
    const c = this.get(ref);
    if (!c.state.running) throw new ApiError(409, `container ${c.id} is not running`);
    if (c.state.paused) throw new ApiError(409, `container ${c.id} is already paused`);
    this.#freeze(c, true);
    transition(c.state, 'paused');
    return c;
  }

  unpause(ref: string): Container {
    const c = this.get(ref);
    if (!c.state.paused) throw new ApiError(409, `container ${c.id} is not paused`);
    this.#freeze(c, false);
    transition(c.state, 'running');
    return c;
  }

  #freeze(c: Container, on: boolean): void {
    try {
      this.#d.dockerd.writeFile(`/sys/fs/cgroup${cgroupPath(c.id)}/cgroup.freeze`, fromText(on ? '1\n' : '0\n'));
    } catch {
      const shim = this.#shims.get(c.id);
      shim?.kill(c.state.pid, on ? 'SIGSTOP' : 'SIGCONT');
    }
  }

  // ---- remove --------------------------------------------------------------

  /** DELETE /containers/{id}: refuses a running container unless forced (then SIGKILL). */
  async remove(ref: string, force: boolean): Promise<Container> {
    const c = this.get(ref);
    if (c.state.running) {
      if (!force) {
        throw new ApiError(409, `cannot remove container "/${c.name}": container is ${c.state.paused ? 'paused' : 'running'}: stop the container before removing or force remove`);
      }
      c.host.autoRemove = false;
      const task = c.task;
      this.kill(c.id, 'SIGKILL');
      if (task) await task;
    }
    if (this.#containers.has(c.id)) this.#destroy(c);
    return c;
  }

  #destroy(c: Container): void {
    this.images.release(c.id);
    this.#rw.delete(c.id);
    this.#containers.delete(c.id);
    this.#names.delete(c.name);
    transition(c.state, 'removing');
    removeContainerFiles(this.#files(), c.id);
  }

  /** POST /containers/{id}/rename. */
  rename(ref: string, name: string): void {
    const c = this.get(ref);
    if (!VALID_NAME.test(name)) throw new ApiError(400, `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    if (this.#names.has(name)) throw new ApiError(409, `Conflict. The container name "/${name}" is already in use by container "${this.#names.get(name)}". You have to remove (or rename) that container to be able to reuse that name.`);
    this.#names.delete(c.name);
    c.name = name;
    this.#names.set(name, c.id);
  }

  // ---- exec ----------------------------------------------------------------

  /** POST /containers/{id}/exec + start: a new process in the container's namespaces and cgroup (exec.ts). */
  exec(ref: string, argv: readonly string[], opts: ExecOptions): Promise<number> {
    const c = this.get(ref);
    return execInContainer(c, this.#shims.get(c.id), argv, { ...opts, runner: opts.runner ?? this.#d.runner }, (parent, child) => this.#reap(parent, child));
  }

  /** Host processes in the container's cgroup (docker top). */
  top(ref: string) {
    const c = this.get(ref);
    if (!c.state.running) throw new ApiError(409, `container ${c.id} is not running`);
    const cg = cgroupPath(c.id);
    return this.#d.dockerd.processes().filter((p) => p.cgroup === cg || p.cgroup.startsWith(cg + '/'));
  }
}

/** Re-exported for the CLI: an image as the engine sees it. */
export type { ImageInfo };
