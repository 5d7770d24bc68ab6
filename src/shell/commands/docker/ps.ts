/**
 * `docker ps` (cli/command/container/list.go + formatter/container.go):
 * newest first, COMMAND quoted and cut to 20 columns with "…", CREATED and
 * STATUS in go-units words ("Up 5 seconds", "Exited (0) 3 seconds ago"),
 * PORTS like "0.0.0.0:4000->80/tcp, [::]:4000->80/tcp", -a, -q, -s, --no-trunc,
 * --format with Go templates.
 */
import type { Daemon } from '../../../model/engine/daemon.ts';
import type { Container } from '../../../model/engine/types.ts';
import { ellipsis, goQuote, humanDuration, humanSize, tabulate } from '../../../model/engine/format.ts';
import { checkTemplate, render, unescapeFormat } from '../../../model/engine/template.ts';
import { parseFlags } from './args.ts';
import { fail, type Sub } from './cli.ts';

/** Docker's State.String() (daemon/container/state.go). */
export function statusText(c: Container, now: number): string {
  const s = c.state;
  if (s.running) {
    if (s.paused) return `Up ${humanDuration(now - s.startedAt)} (Paused)`;
    return `Up ${humanDuration(now - s.startedAt)}`;
  }
  if (s.status === 'removing') return 'Removal In Progress';
  if (s.dead) return 'Dead';
  if (s.startedAt === 0) return 'Created';
  return `Exited (${s.exitCode}) ${humanDuration(now - s.finishedAt)} ago`;
}

/** formatter.DisplayablePorts for one container. */
export function portsText(c: Container): string {
  const out: string[] = [];
  const published = new Set<string>();
  if (c.state.running) {
    for (const b of c.published) {
      out.push(`${b.hostIp}:${b.hostPort}->${b.containerPort}/${b.proto}`);
      if (b.hostIp === '0.0.0.0') out.push(`[::]:${b.hostPort}->${b.containerPort}/${b.proto}`);
      published.add(`${b.containerPort}/${b.proto}`);
    }
  }
  // a container that ran and stopped has released its network sandbox: no ports at all
  if (c.state.status === 'exited' || c.state.status === 'dead') return '';
  for (const p of Object.keys(c.config.ExposedPorts ?? {})) if (!published.has(p)) out.push(p);
  return out.join(', ');
}

/** The fields `--format` templates can use (formatter.ContainerContext). */
export function psRow(d: Daemon, c: Container, trunc: boolean, size: boolean): Record<string, string> {
  const now = d.now();
  // daemon/list.go: arguments containing a space are wrapped in single quotes
  const command = [c.path, ...c.args.map((a) => (a.includes(' ') ? `'${a}'` : a))].join(' ');
  const img = d.images.find(c.imageId);
  const imageName = c.config.Image.startsWith('sha256:') ? c.config.Image.slice(7, 19) : c.config.Image;
  const rw = size ? d.images.rwSize(c.id) : 0;
  return {
    ID: trunc ? c.id.slice(0, 12) : c.id,
    Image: imageName,
    Command: goQuote(trunc ? ellipsis(command, 20) : command),
    CreatedAt: new Date(c.created / 1000).toISOString(),
    RunningFor: `${humanDuration(now - c.created)} ago`,
    Status: statusText(c, now),
    State: c.state.status,
    Ports: portsText(c),
    Names: c.name,
    Size: size ? `${humanSize(rw)} (virtual ${humanSize(rw + (img?.size ?? 0))})` : '',
    Labels: Object.entries(c.config.Labels).map(([k, v]) => `${k}=${v}`).join(','),
    Mounts: c.host.mounts.map((m) => m.source).join(','),
    Networks: c.host.networkMode === 'default' ? 'bridge' : c.host.networkMode,
  };
}

/** docker ps / docker container ls. */
export const ps: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [
      { name: 'all', short: 'a', kind: 'bool' },
      { name: 'quiet', short: 'q', kind: 'bool' },
      { name: 'size', short: 's', kind: 'bool' },
      { name: 'no-trunc', kind: 'bool' },
      { name: 'latest', short: 'l', kind: 'bool' },
      { name: 'format', kind: 'string' },
      { name: 'filter', short: 'f', kind: 'list' },
    ]);
    let list = d.list(p.bools.has('all') || p.bools.has('latest'));
    for (const f of p.lists.get('filter') ?? []) {
      const [k, v] = [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)];
      list = list.filter((c) => (k === 'name' ? c.name.includes(v) : k === 'status' ? c.state.status === v : k === 'ancestor' ? c.config.Image === v : k === 'id' ? c.id.startsWith(v) : true));
    }
    if (p.bools.has('latest')) list = list.slice(0, 1);
    const trunc = !p.bools.has('no-trunc');
    const size = p.bools.has('size');
    if (p.bools.has('quiet')) {
      ctx.stdout.write(list.map((c) => (trunc ? c.id.slice(0, 12) : c.id) + '\n').join(''));
      return 0;
    }
    const bad = p.strings.has('format') ? checkTemplate(unescapeFormat((p.strings.get('format') as string).replace(/^table\s*/, ''))) : undefined;
    if (bad) {
      ctx.stderr.write(`${bad}\n`);
      return 1;
    }
    const rows = list.map((c) => psRow(d, c, trunc, size));
    const format = p.strings.get('format');
    if (format && !format.startsWith('table')) {
      const t = unescapeFormat(format);
      ctx.stdout.write(rows.map((r) => render(t, r) + '\n').join(''));
      return 0;
    }
    const cols = ['ID', 'Image', 'Command', 'RunningFor', 'Status', 'Ports', 'Names', ...(size ? ['Size'] : [])];
    const head = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES', ...(size ? ['SIZE'] : [])];
    if (format) {
      const t = unescapeFormat(format.replace(/^table\s*/, ''));
      const headers: Record<string, string> = { ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', RunningFor: 'CREATED', CreatedAt: 'CREATED AT', Status: 'STATUS', State: 'STATE', Ports: 'PORTS', Names: 'NAMES', Size: 'SIZE', Labels: 'LABELS', Mounts: 'MOUNTS', Networks: 'NETWORKS' };
      const lines = [render(t, headers), ...rows.map((r) => render(t, r))];
      ctx.stdout.write(tabulate(lines.map((l) => l.split('\t'))));
      return 0;
    }
    ctx.stdout.write(tabulate([head, ...rows.map((r) => cols.map((k) => r[k]))]));
    return 0;
  } catch (e) {
    return fail(ctx, e, 'ps');
  }
};
