/**
 * A new container's Config from the image's config and `docker create`'s
 * options (moby daemon/create.go + runconfig merge): --entrypoint replaces
 * the image's and clears its Cmd, a command replaces Cmd, `-e` overrides the
 * image's Env by name, the hostname defaults to the first 12 hex digits of
 * the ID (facts §4.5), -p adds ExposedPorts.
 */
import { ApiError, type Container, type CreateOptions, type HostConfig } from './types.ts';
import type { ImageInfo } from './ports.ts';
import { mergeEnv } from './config.ts';
import { initialState } from './state.ts';

/** IDs and times the daemon chose for the container. */
export interface NewIds {
  readonly id: string;
  readonly name: string;
  readonly created: number;
  readonly mountId: string;
}

/** The container record, not yet stored; throws ApiError("no command specified") when nothing would run. */
export function newContainer(opts: CreateOptions, img: ImageInfo, host: HostConfig, ids: NewIds): Container {
    const ic = img.config.config ?? {};
    const entrypoint = opts.entrypoint !== undefined ? (opts.entrypoint && opts.entrypoint.length ? [...opts.entrypoint] : null) : ic.Entrypoint ? [...ic.Entrypoint] : null;
    const cmd = opts.cmd && opts.cmd.length ? [...opts.cmd] : opts.entrypoint !== undefined ? null : ic.Cmd ? [...ic.Cmd] : null;
    const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
    if (argv.length === 0) throw new ApiError(400, 'no command specified');
    const env = mergeEnv(ic.Env ?? [], opts.env ?? []);
    return {
      id: ids.id,
      name: ids.name,
      created: ids.created,
      imageRef: opts.image,
      imageId: img.id,
      path: argv[0],
      args: argv.slice(1),
      config: {
        Hostname: opts.hostname ?? ids.id.slice(0, 12),
        Domainname: '',
        User: ic.User ?? '',
        AttachStdin: !!opts.openStdin,
        AttachStdout: true,
        AttachStderr: true,
        ...(ic.ExposedPorts || host.portBindings.length ? { ExposedPorts: { ...ic.ExposedPorts, ...Object.fromEntries(host.portBindings.map((p) => [`${p.containerPort}/${p.proto}`, {}])) } } : {}),
        Tty: !!opts.tty,
        OpenStdin: !!opts.openStdin,
        StdinOnce: !!opts.openStdin,
        Env: env,
        Cmd: cmd,
        Image: opts.image,
        Volumes: null,
        WorkingDir: opts.workdir ?? ic.WorkingDir ?? '',
        Entrypoint: entrypoint,
        OnBuild: null,
        Labels: { ...(ic.Labels ?? {}), ...(opts.labels ?? {}) },
      },
      host,
      state: initialState(),
      restartCount: 0,
      mountId: ids.mountId,
      ip: '',
      mac: '',
      endpointId: '',
      logs: [],
      shimPid: 0,
      proxies: [],
      published: [],
    };
}
