/**
 * `docker inspect` for containers: the JSON Docker Engine 28 returns from
 * GET /containers/{id}/json (api/types/container.InspectResponse), printed by
 * the CLI with four-space indentation. Fields the model does not simulate
 * keep Docker's defaults so the shape matches a real daemon's.
 */
import { rfc3339Nano } from './format.ts';
import type { Network } from './network.ts';
import type { Container } from './types.ts';
import { MASKED_PATHS, READONLY_PATHS } from './security.ts';

/** overlay2 directories of a container's RW layer (GraphDriver.Data). */
export interface GraphData {
  readonly lowerDirs: readonly string[];
  readonly upperDir: string;
  readonly workDir: string;
  readonly mergedDir: string;
}

function ports(c: Container): Record<string, { HostIp: string; HostPort: string }[] | null> {
  const out: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  for (const p of Object.keys(c.config.ExposedPorts ?? {})) out[p] = null;
  for (const b of c.published) {
    const key = `${b.containerPort}/${b.proto}`;
    const list = out[key] ?? [];
    list.push({ HostIp: b.hostIp, HostPort: String(b.hostPort) });
    if (b.hostIp === '0.0.0.0') list.push({ HostIp: '::', HostPort: String(b.hostPort) });
    out[key] = list;
  }
  return out;
}

/** HostConfig as inspect shows it (the fields `docker run` flags set, plus Docker's defaults). */
export function hostConfigJson(c: Container): Record<string, unknown> {
  const h = c.host;
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const b of h.portBindings) (bindings[`${b.containerPort}/${b.proto}`] ??= []).push({ HostIp: b.hostIp === '0.0.0.0' ? '' : b.hostIp, HostPort: b.hostPort === 0 ? '' : String(b.hostPort) });
  return {
    Binds: h.mounts.length ? h.mounts.map((m) => `${m.source}:${m.destination}${m.readonly ? ':ro' : ''}`) : null,
    ContainerIDFile: '',
    LogConfig: { Type: 'json-file', Config: {} },
    NetworkMode: h.networkMode,
    PortBindings: bindings,
    RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
    AutoRemove: h.autoRemove,
    VolumeDriver: '',
    VolumesFrom: null,
    ConsoleSize: [0, 0],
    CapAdd: h.capAdd.length ? h.capAdd : null,
    CapDrop: h.capDrop.length ? h.capDrop : null,
    CgroupnsMode: 'private',
    Dns: [],
    DnsOptions: [],
    DnsSearch: [],
    ExtraHosts: null,
    GroupAdd: null,
    IpcMode: 'private',
    Cgroup: '',
    Links: null,
    OomScoreAdj: 0,
    PidMode: '',
    Privileged: h.privileged,
    PublishAllPorts: h.publishAll,
    ReadonlyRootfs: false,
    SecurityOpt: h.privileged ? ['label=disable'] : null,
    UTSMode: '',
    UsernsMode: '',
    ShmSize: 67108864,
    Runtime: 'runc',
    Isolation: '',
    CpuShares: 0,
    Memory: h.memory,
    NanoCpus: h.nanoCpus,
    CgroupParent: '',
    CpuPeriod: 0,
    CpuQuota: 0,
    CpusetCpus: '',
    CpusetMems: '',
    Devices: [],
    MemoryReservation: 0,
    MemorySwap: h.memory > 0 ? h.memory * 2 : 0,
    MemorySwappiness: null,
    OomKillDisable: null,
    PidsLimit: h.pidsLimit > 0 ? h.pidsLimit : null,
    Ulimits: [],
    MaskedPaths: h.privileged ? null : MASKED_PATHS,
    ReadonlyPaths: h.privileged ? null : READONLY_PATHS,
  };
}

/** The whole inspect object for one container. */
export function inspectContainer(c: Container, net: Network | undefined, graph: GraphData): Record<string, unknown> {
  const dir = `/var/lib/docker/containers/${c.id}`;
  const prefix = net?.subnet ? Number(net.subnet.split('/')[1]) : 0;
  const connected = c.state.running || c.state.paused;
  return {
    Id: c.id,
    Created: rfc3339Nano(c.created),
    Path: c.path,
    Args: c.args,
    State: {
      Status: c.state.status,
      Running: c.state.running,
      Paused: c.state.paused,
      Restarting: c.state.restarting,
      OOMKilled: c.state.oomKilled,
      Dead: c.state.dead,
      Pid: c.state.pid,
      ExitCode: c.state.exitCode,
      Error: c.state.error,
      StartedAt: rfc3339Nano(c.state.startedAt),
      FinishedAt: rfc3339Nano(c.state.finishedAt),
    },
    Image: c.imageId,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: c.host.privileged ? 'unconfined' : 'docker-default',
    ExecIDs: null,
    HostConfig: hostConfigJson(c),
    GraphDriver: {
      Data: {
        ID: c.id,
        LowerDir: graph.lowerDirs.join(':'),
        MergedDir: graph.mergedDir,
        UpperDir: graph.upperDir,
        WorkDir: graph.workDir,
      },
      Name: 'overlay2',
    },
    Mounts: c.host.mounts.map((m) => ({
      Type: m.type,
      ...(m.type === 'volume' ? { Name: m.source, Source: `/var/lib/docker/volumes/${m.source}/_data` } : { Source: m.source }),
      Destination: m.destination,
      Driver: m.type === 'volume' ? 'local' : undefined,
      Mode: m.readonly ? 'ro' : m.type === 'volume' ? 'z' : '',
      RW: !m.readonly,
      Propagation: m.type === 'bind' ? 'rprivate' : '',
    })),
    Config: c.config,
    NetworkSettings: {
      Bridge: '',
      SandboxID: connected ? c.endpointId.slice(0, 64) : '',
      SandboxKey: connected ? `/var/run/docker/netns/${c.endpointId.slice(0, 12)}` : '',
      Ports: connected ? ports(c) : {},
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: connected ? c.endpointId : '',
      Gateway: connected && net ? net.gateway : '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      IPAddress: connected ? c.ip : '',
      IPPrefixLen: connected ? prefix : 0,
      IPv6Gateway: '',
      MacAddress: connected ? c.mac : '',
      Networks: net
        ? {
            [net.name]: {
              IPAMConfig: null,
              Links: null,
              Aliases: null,
              MacAddress: connected ? c.mac : '',
              DriverOpts: null,
              GwPriority: 0,
              NetworkID: net.id,
              EndpointID: connected ? c.endpointId : '',
              Gateway: connected ? net.gateway : '',
              IPAddress: connected ? c.ip : '',
              IPPrefixLen: connected ? prefix : 0,
              IPv6Gateway: '',
              GlobalIPv6Address: '',
              GlobalIPv6PrefixLen: 0,
              DNSNames: null,
            },
          }
        : {},
    },
  };
}

/** Go's json.MarshalIndent(v, "", "    ") as `docker inspect` prints (HTML-safe escapes included). */
export function inspectJson(objs: readonly unknown[]): string {
  const s = JSON.stringify(objs, null, 4).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return s === '[]' ? '[]\n' : s + '\n';
}
