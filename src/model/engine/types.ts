/**
 * The engine's words: a container's configuration (Docker's Config and
 * HostConfig, api/types/container), the daemon's API errors, and the two
 * hooks the shell layer supplies — how to run a program inside a process
 * (the model cannot import the shell) and where a container's output goes.
 */
import type { Sys } from '../kernel/types.ts';
import type { ContainerState } from './state.ts';

/** Where a container's stdout/stderr go: the attached terminal and the json-file log. */
export interface ContainerIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input for `-i` without a terminal (everything until EOF). */
  readonly stdin?: () => Promise<string>;
}

/**
 * Runs `argv` as the program of process `sys` (the execve has been done by
 * runc; this is the program running), resolving with its exit status. The
 * shell layer provides it (the docker CLI passes one, or the scenario sets a
 * default) because programs are shell Commands.
 */
export type ProgramRunner = (sys: Sys, argv: readonly string[], env: ReadonlyMap<string, string>, io: ContainerIO) => Promise<number>;

/** An interactive attach (`docker run -it`, `docker exec -it`): the shell's ctx.interact. */
export type Interactor = (sys: Sys, argv: readonly string[]) => Promise<number>;

/** Error the daemon returns over its API; the CLI prints `Error response from daemon: <message>`. */
export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

/** Docker's container Config (what the image and `docker run` flags say to run). */
export interface ContainerConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[];
  Cmd: string[] | null;
  Image: string;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: null;
  Labels: Record<string, string>;
}

/** One published port: `-p [hostIp:]hostPort:containerPort[/proto]`. */
export interface PortBinding {
  readonly hostIp: string;
  readonly hostPort: number;
  readonly containerPort: number;
  readonly proto: 'tcp' | 'udp';
}

/** One mount from `-v`: a named volume or a host path (bind). */
export interface MountSpec {
  readonly type: 'volume' | 'bind';
  /** Volume name or absolute host path. */
  readonly source: string;
  readonly destination: string;
  readonly readonly: boolean;
}

/** Docker's HostConfig: the resource limits and privileges `docker run` asks for. */
export interface HostConfig {
  /** --memory, bytes; 0 = unlimited (memory.max "max"). */
  memory: number;
  /** --cpus × 1e9; 0 = unlimited (cpu.max "max 100000"). */
  nanoCpus: number;
  /** --pids-limit; 0 or -1 = unlimited. */
  pidsLimit: number;
  privileged: boolean;
  capAdd: string[];
  capDrop: string[];
  portBindings: PortBinding[];
  /** -P: publish every exposed port on an ephemeral host port. */
  publishAll: boolean;
  mounts: MountSpec[];
  networkMode: string;
  autoRemove: boolean;
}

/** What `docker create`/`docker run` pass to the daemon. */
export interface CreateOptions {
  readonly image: string;
  readonly name?: string;
  readonly cmd?: readonly string[];
  readonly entrypoint?: readonly string[] | null;
  readonly env?: readonly string[];
  readonly workdir?: string;
  readonly hostname?: string;
  readonly tty?: boolean;
  readonly openStdin?: boolean;
  readonly labels?: Readonly<Record<string, string>>;
  readonly host?: Partial<HostConfig>;
}

/** A container as dockerd keeps it (daemon/container.Container). */
export interface Container {
  readonly id: string;
  name: string;
  /** Virtual realtime µs. */
  readonly created: number;
  readonly imageRef: string;
  readonly imageId: string;
  readonly path: string;
  readonly args: string[];
  readonly config: ContainerConfig;
  readonly host: HostConfig;
  readonly state: ContainerState;
  restartCount: number;
  /** overlay2 directory id of the RW layer (/var/lib/docker/overlay2/<mountId>). */
  readonly mountId: string;
  /** Network endpoint on the container's network. */
  ip: string;
  mac: string;
  endpointId: string;
  /** json-file log, oldest first. */
  readonly logs: { stream: 'stdout' | 'stderr'; text: string; time: number }[];
  /** Host PIDs of processes the engine started (shim, init). */
  shimPid: number;
  /** The container's PID 1, while it runs. */
  init?: Sys;
  /** Resolves with the exit status of PID 1 while it runs. */
  task?: Promise<number>;
  /** docker-proxy processes holding published host ports. */
  proxies: Sys[];
  /** Ports published while running, with ephemeral host ports resolved (NetworkSettings.Ports). */
  published: PortBinding[];
}
