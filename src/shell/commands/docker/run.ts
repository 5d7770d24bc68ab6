/**
 * `docker run` and `docker create` (docker/cli cli/command/container/run.go,
 * create.go): parse the flags, create the container (pulling the image first
 * when the daemon answers "No such image", printing `Unable to find image
 * 'x:latest' locally`), then start it attached, detached (-d: print the ID)
 * or interactive (-it: the reader's terminal becomes the container's shell).
 */
import type { CommandContext } from '../../types.ts';
import type { Daemon } from '../../../model/engine/daemon.ts';
import { normalizeRef } from '../../../model/engine/daemon.ts';
import { ramInBytes } from '../../../model/engine/format.ts';
import { TIMINGS } from '../../../model/engine/timings.ts';
import { parsePublish } from '../../../model/engine/network.ts';
import { ApiError, type Container, type CreateOptions, type MountSpec } from '../../../model/engine/types.ts';
import { parseFlags, FlagError, type FlagSpec, type Parsed } from './args.ts';
import { attachIo, fail, interactOf, letRun, shellRunner, waitProxyingSignals, type Sub } from './cli.ts';
import { pullImage } from './pull.ts';

/** Flags shared by run and create. */
export const CREATE_FLAGS: readonly FlagSpec[] = [
  { name: 'interactive', short: 'i', kind: 'bool' },
  { name: 'tty', short: 't', kind: 'bool' },
  { name: 'name', kind: 'string' },
  { name: 'rm', kind: 'bool' },
  { name: 'env', short: 'e', kind: 'list' },
  { name: 'publish', short: 'p', kind: 'list' },
  { name: 'publish-all', short: 'P', kind: 'bool' },
  { name: 'volume', short: 'v', kind: 'list' },
  { name: 'network', kind: 'string' },
  { name: 'net', kind: 'string' },
  { name: 'memory', short: 'm', kind: 'string' },
  { name: 'cpus', kind: 'string' },
  { name: 'pids-limit', kind: 'string' },
  { name: 'privileged', kind: 'bool' },
  { name: 'cap-add', kind: 'list' },
  { name: 'cap-drop', kind: 'list' },
  { name: 'hostname', short: 'h', kind: 'string' },
  { name: 'entrypoint', kind: 'string' },
  { name: 'workdir', short: 'w', kind: 'string' },
  { name: 'label', short: 'l', kind: 'list' },
  { name: 'help', kind: 'bool' },
];

const RUN_FLAGS: readonly FlagSpec[] = [...CREATE_FLAGS, { name: 'detach', short: 'd', kind: 'bool' }];

/** docker run's usage line (cli/command/container/run.go). */
export const RUN_USAGE = 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]';

function parseVolume(spec: string): MountSpec {
  const parts = spec.split(':');
  if (parts.length < 2) throw new ApiError(400, `invalid volume specification: '${spec}'`);
  const [source, destination, mode] = parts;
  if (!destination.startsWith('/')) throw new ApiError(400, `invalid volume specification: '${spec}': invalid mount config for type "volume": invalid mount path: '${destination}' mount path must be absolute`);
  return { type: source.startsWith('/') ? 'bind' : 'volume', source, destination, readonly: mode === 'ro' };
}

/** Turn parsed flags into the daemon's CreateOptions (validation the CLI does itself, like opts.parse). */
export function createOptions(p: Parsed): CreateOptions {
  const [image, ...cmd] = p.args;
  const mem = p.strings.get('memory');
  const memory = mem === undefined ? 0 : ramInBytes(mem);
  if (memory === undefined) throw new FlagError(`invalid argument "${mem}" for "-m, --memory" flag: invalid size: '${mem}'`);
  if (memory > 0 && memory < 6 * 1024 * 1024) throw new ApiError(400, 'Minimum memory limit allowed is 6MB');
  const cpus = p.strings.get('cpus');
  const nanoCpus = cpus === undefined ? 0 : Math.round(Number(cpus) * 1e9);
  if (Number.isNaN(nanoCpus)) throw new FlagError(`invalid argument "${cpus}" for "--cpus" flag: failed to parse ${cpus} as a rational number`);
  const pl = p.strings.get('pids-limit');
  const pidsLimit = pl === undefined ? 0 : Number(pl);
  if (Number.isNaN(pidsLimit)) throw new FlagError(`invalid argument "${pl}" for "--pids-limit" flag: strconv.ParseInt: parsing "${pl}": invalid syntax`);
  const ep = p.strings.get('entrypoint');
  const labels: Record<string, string> = {};
  for (const l of p.lists.get('label') ?? []) {
    const i = l.indexOf('=');
    labels[i < 0 ? l : l.slice(0, i)] = i < 0 ? '' : l.slice(i + 1);
  }
  return {
    image,
    ...(p.strings.has('name') ? { name: p.strings.get('name') } : {}),
    cmd,
    ...(ep !== undefined ? { entrypoint: ep === '' ? null : [ep] } : {}),
    env: p.lists.get('env') ?? [],
    ...(p.strings.has('workdir') ? { workdir: p.strings.get('workdir') } : {}),
    ...(p.strings.has('hostname') ? { hostname: p.strings.get('hostname') } : {}),
    tty: p.bools.has('tty'),
    openStdin: p.bools.has('interactive'),
    labels,
    host: {
      memory,
      nanoCpus,
      pidsLimit,
      privileged: p.bools.has('privileged'),
      capAdd: [...(p.lists.get('cap-add') ?? [])],
      capDrop: [...(p.lists.get('cap-drop') ?? [])],
      portBindings: (p.lists.get('publish') ?? []).map(parsePublish),
      publishAll: p.bools.has('publish-all'),
      mounts: (p.lists.get('volume') ?? []).map(parseVolume),
      networkMode: p.strings.get('network') ?? p.strings.get('net') ?? 'bridge',
      autoRemove: p.bools.has('rm'),
    },
  };
}

/** Create, pulling first if the image is missing (ImageNotFound → pull → retry, as cli/command/container/create.go). */
export async function createWithPull(ctx: CommandContext, d: Daemon, opts: CreateOptions): Promise<Container> {
  let c: Container;
  try {
    c = d.create(opts);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404 || !e.message.startsWith('No such image')) throw e;
    ctx.stderr.write(`Unable to find image '${normalizeRef(opts.image)}' locally\n`);
    await pullImage(ctx, d, opts.image, (line) => ctx.stderr.write(line + '\n'));
    c = d.create(opts);
  }
  await ctx.sys.sleep(TIMINGS.createUs);
  return c;
}

/** The CLI waits while containerd and runc set the task up (virtual time, timings.ts). */
export async function startDelay(ctx: CommandContext): Promise<void> {
  await ctx.sys.sleep(TIMINGS.startUs);
}

function usageCheck(ctx: CommandContext, p: Parsed, cmd: string): number | undefined {
  if (p.args.length === 0) {
    ctx.stderr.write(`docker: 'docker ${cmd}' requires at least 1 argument\n\nUsage:  docker ${cmd} [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker ${cmd} --help' for more information\n`);
    return 1;
  }
  return undefined;
}

/** docker run. */
export const run: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, RUN_FLAGS, { interspersed: false });
    const bad = usageCheck(ctx, p, 'run');
    if (bad !== undefined) return bad;
    const c = await createWithPull(ctx, d, createOptions(p));
    const runner = shellRunner(ctx);
    await startDelay(ctx);
    if (p.bools.has('detach')) {
      let started: Promise<number>;
      try {
        started = d.start(c.id, { runner });
      } catch (e) {
        if (c.host.autoRemove) await d.remove(c.id, true);
        throw e;
      }
      await letRun(started);
      ctx.stdout.write(`${c.id}\n`);
      return 0;
    }
    const interact = p.bools.has('interactive') && p.bools.has('tty') && ctx.stdout.isTty ? interactOf(ctx) : undefined;
    const stdin = p.bools.has('interactive') ? () => ctx.stdin.readAll() : undefined;
    let task: Promise<number>;
    try {
      task = d.start(c.id, interact ? { interact } : { runner, io: attachIo(ctx, stdin) });
    } catch (e) {
      // --rm: a container that could not start is removed too (the daemon's AutoRemove)
      if (c.host.autoRemove) await d.remove(c.id, true);
      throw e;
    }
    return interact ? await task : await waitProxyingSignals(ctx, d, c.id, task);
  } catch (e) {
    return fail(ctx, e, 'run', true);
  }
};

/** docker create: prints the new container's ID. */
export const create: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, CREATE_FLAGS, { interspersed: false });
    const bad = usageCheck(ctx, p, 'create');
    if (bad !== undefined) return bad;
    const c = await createWithPull(ctx, d, createOptions(p));
    ctx.stdout.write(`${c.id}\n`);
    return 0;
  } catch (e) {
    return fail(ctx, e, 'create', true);
  }
};
