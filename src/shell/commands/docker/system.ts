/**
 * `docker version`, `docker info`, `docker system df` (cli/command/system):
 * the Client and Server sections of a Docker Engine 28.5 install (commit
 * hashes illustrative), the facts `docker info` reports about storage
 * (overlay2), cgroups (systemd driver, v2) and runtimes (runc, facts §4), and
 * disk usage with shared layers counted once.
 */
import type { CommandContext } from '../../types.ts';
import type { Daemon } from '../../../model/engine/daemon.ts';
import { ENGINE_VERSION } from '../../../model/engine/daemon.ts';
import { ellipsis, goQuote, humanDuration, humanSize, humanSize4, tabulate } from '../../../model/engine/format.ts';
import { statusText } from './ps.ts';
import { render, unescapeFormat } from '../../../model/engine/template.ts';
import { toText } from '../../../model/fs/data.ts';
import { parseFlags } from './args.ts';
import { connectDaemon, fail, NO_DAEMON } from './cli.ts';

const V = ENGINE_VERSION;
const BUILT = 'Wed Nov  5 14:43:30 2025';

function clientSection(): string {
  return `Client: Docker Engine - Community
 Version:           ${V.version}
 API version:       ${V.apiVersion}
 Go version:        ${V.goVersion}
 Git commit:        ${V.clientCommit}
 Built:             ${BUILT}
 OS/Arch:           linux/amd64
 Context:           default
`;
}

/** docker version (works without a daemon: prints the client, then the connection error). */
export async function version(ctx: CommandContext): Promise<number> {
  ctx.stdout.write(clientSection());
  const d = connectDaemon(ctx);
  if (!d) {
    ctx.stderr.write(`${NO_DAEMON}\n`);
    return 1;
  }
  ctx.stdout.write(`
Server: Docker Engine - Community
 Engine:
  Version:          ${V.version}
  API version:      ${V.apiVersion} (minimum version ${V.minApiVersion})
  Go version:       ${V.goVersion}
  Git commit:       ${V.gitCommit}
  Built:            ${BUILT}
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          ${V.containerd}
  GitCommit:        ${V.containerdCommit}
 runc:
  Version:          ${V.runc}
  GitCommit:        ${V.runcCommit}
 docker-init:
  Version:          ${V.dockerInit}
  GitCommit:        ${V.dockerInitCommit}
`);
  return 0;
}

function read(d: Daemon, path: string): string {
  try {
    return toText(d.dockerdSys.readFile(path));
  } catch {
    return '';
  }
}

/** go-units BytesSize: binary units, 4 significant digits ("7.667GiB"). */
export function bytesSize(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let i = 0;
  let x = n;
  while (x >= 1024 && i < units.length - 1) {
    x /= 1024;
    i++;
  }
  return `${Number(x.toPrecision(4))}${units[i]}`;
}

/** docker info. */
export async function info(ctx: CommandContext): Promise<number> {
  ctx.stdout.write(`Client: Docker Engine - Community
 Version:    ${V.version}
 Context:    default
 Debug Mode: false

`);
  const d = connectDaemon(ctx);
  if (!d) {
    ctx.stdout.write('Server:\n');
    ctx.stderr.write(`ERROR: ${NO_DAEMON}\nerrors pretty printing info\n`);
    return 1;
  }
  const all = d.list(true);
  const running = all.filter((c) => c.state.running && !c.state.paused).length;
  const paused = all.filter((c) => c.state.paused).length;
  const u = d.dockerdSys.uname();
  const os = /PRETTY_NAME="?([^"\n]*)"?/.exec(read(d, '/etc/os-release'))?.[1] ?? 'Linux';
  const cpus = (read(d, '/proc/cpuinfo').match(/^processor\s*:/gm) ?? []).length || 1;
  const memKb = Number(/MemTotal:\s+(\d+)/.exec(read(d, '/proc/meminfo'))?.[1] ?? 0);
  ctx.stdout.write(`Server:
 Containers: ${all.length}
  Running: ${running}
  Paused: ${paused}
  Stopped: ${all.length - running - paused}
 Images: ${d.images.list().length}
 Server Version: ${V.version}
 Storage Driver: overlay2
  Backing Filesystem: extfs
  Supports d_type: true
  Using metacopy: false
  Native Overlay Diff: true
  userxattr: false
 Logging Driver: json-file
 Cgroup Driver: systemd
 Cgroup Version: 2
 Plugins:
  Volume: local
  Network: bridge host ipvlan macvlan null overlay
  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog
 CDI spec directories:
  /etc/cdi
  /var/run/cdi
 Swarm: inactive
 Runtimes: io.containerd.runc.v2 runc
 Default Runtime: runc
 Init Binary: docker-init
 containerd version: ${V.containerdCommit}
 runc version: ${V.runcCommit}
 init version: ${V.dockerInitCommit}
 Security Options:
  apparmor
  seccomp
   Profile: builtin
  cgroupns
 Kernel Version: ${u.release}
 Operating System: ${os}
 OSType: linux
 Architecture: ${u.machine}
 CPUs: ${cpus}
 Total Memory: ${bytesSize(memKb * 1024)}
 Name: ${u.nodename}
 Docker Root Dir: /var/lib/docker
 Debug Mode: false
 Experimental: false
 Insecure Registries:
  ::1/128
  127.0.0.0/8
 Live Restore Enabled: false

`);
  return 0;
}

function pct(part: number, total: number): string {
  return total > 0 ? `${humanSize4(part)} (${Math.floor((part * 100) / total)}%)` : humanSize4(part);
}

/** docker system df [-v]. */
export async function systemDf(ctx: CommandContext, d: Daemon, args: readonly string[]): Promise<number> {
  try {
    const p = parseFlags(args, [{ name: 'verbose', short: 'v', kind: 'bool' }, { name: 'format', kind: 'string' }]);
    const containers = d.list(true);
    const active = new Set(containers.map((c) => c.imageId));
    const df = d.images.diskUsage(active);
    const sizes = containers.map((c) => ({ c, size: d.images.rwSize(c.id) }));
    const cTotal = sizes.reduce((s, x) => s + x.size, 0);
    const cReclaim = sizes.filter((x) => !x.c.state.running).reduce((s, x) => s + x.size, 0);
    const vols = d.volumes.list();
    const usedVols = new Set(containers.flatMap((c) => c.host.mounts.filter((m) => m.type === 'volume').map((m) => m.source)));
    if (p.bools.has('verbose')) {
      ctx.stdout.write('Images space usage:\n\n');
      ctx.stdout.write(tabulate([
        ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE', 'SHARED SIZE', 'UNIQUE SIZE', 'CONTAINERS'],
        ...d.images.list().flatMap((img) => (img.repoTags.length ? img.repoTags : ['<none>:<none>']).map((t) => {
          const i = t.lastIndexOf(':');
          const n = containers.filter((c) => c.imageId === img.id).length;
          const sz = d.images.sizes?.(img.id) ?? { size: img.size, sharedSize: 0, uniqueSize: img.size };
          return [t.slice(0, i), t.slice(i + 1), img.id.slice(7, 19), `${humanDuration(d.now() - img.created)} ago`, humanSize(sz.size), humanSize(sz.sharedSize), humanSize(sz.uniqueSize), String(n)];
        })),
      ]));
      ctx.stdout.write('\nContainers space usage:\n\n');
      ctx.stdout.write(tabulate([
        ['CONTAINER ID', 'IMAGE', 'COMMAND', 'LOCAL VOLUMES', 'SIZE', 'CREATED', 'STATUS', 'NAMES'],
        ...sizes.map(({ c, size }) => [c.id.slice(0, 12), c.config.Image, goQuote(ellipsis([c.path, ...c.args].join(' '), 20)), String(c.host.mounts.filter((m) => m.type === 'volume').length), humanSize(size), `${humanDuration(d.now() - c.created)} ago`, statusText(c, d.now()), c.name]),
      ]));
      ctx.stdout.write('\nLocal Volumes space usage:\n\n');
      ctx.stdout.write(tabulate([['VOLUME NAME', 'LINKS', 'SIZE'], ...vols.map((v) => [v.name, String(containers.filter((c) => c.host.mounts.some((m) => m.source === v.name)).length), '0B'])]));
      ctx.stdout.write('\nBuild cache usage: 0B\n\nCACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED\n');
      return 0;
    }
    const rows = [
      { Type: 'Images', TotalCount: String(df.total), Active: String(df.active), Size: humanSize4(df.size), Reclaimable: pct(df.reclaimable, df.size) },
      { Type: 'Containers', TotalCount: String(containers.length), Active: String(containers.filter((c) => c.state.running).length), Size: humanSize4(cTotal), Reclaimable: pct(cReclaim, cTotal) },
      { Type: 'Local Volumes', TotalCount: String(vols.length), Active: String(usedVols.size), Size: '0B', Reclaimable: '0B' },
      { Type: 'Build Cache', TotalCount: '0', Active: '0', Size: '0B', Reclaimable: '0B' },
    ];
    const fmt = p.strings.get('format');
    if (fmt && !fmt.startsWith('table')) {
      ctx.stdout.write(rows.map((r) => render(unescapeFormat(fmt), r) + '\n').join(''));
      return 0;
    }
    ctx.stdout.write(tabulate([['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'], ...rows.map((r) => [r.Type, r.TotalCount, r.Active, r.Size, r.Reclaimable])]));
    return 0;
  } catch (e) {
    return fail(ctx, e, 'system df');
  }
}
