/**
 * `docker inspect`, `docker diff`, `docker commit`, `docker logs`
 * (cli/command/container/{inspect,diff,commit,logs}.go). inspect prints a
 * JSON array with four-space indentation, or one rendered `-f` template per
 * object; diff prints `C /etc` / `A /etc/hello` / `D /etc/motd` sorted by path.
 */
import type { Daemon } from '../../../model/engine/daemon.ts';
import { inspectContainer, inspectJson } from '../../../model/engine/inspect.ts';
import { render, TemplateError, unescapeFormat } from '../../../model/engine/template.ts';
import { ApiError } from '../../../model/engine/types.ts';
import { parseFlags } from './args.ts';
import { fail, requireArgs, type Sub } from './cli.ts';
import { imageInspect } from './images.ts';

/** The inspect object of a container or (when no container matches) an image. */
export function inspectObject(d: Daemon, ref: string, type?: string): unknown {
  if (type !== 'image') {
    try {
      const c = d.get(ref);
      const rw = d.rwLayer(c);
      return inspectContainer(c, d.networkOf(c), rw);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404 || type === 'container') throw e;
    }
  }
  const img = d.images.find(ref);
  if (img) return imageInspect(d, img);
  throw new ApiError(404, `No such object: ${ref}`);
}

/** `docker inspect`, or `docker image inspect` / `docker container inspect` when `forced` names the type. */
export function inspectOf(forced?: 'image' | 'container'): Sub {
  return (ctx, d, args) => inspect(ctx, d, forced ? ['--type', forced, ...args] : args);
}

/** docker inspect: JSON array (4-space indent) or one -f template per object. */
export const inspect: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [{ name: 'format', short: 'f', kind: 'string' }, { name: 'type', kind: 'string' }, { name: 'size', short: 's', kind: 'bool' }]);
    requireArgs(p.args, 1, 'inspect', '[OPTIONS] NAME|ID [NAME|ID...]');
    const objs: unknown[] = [];
    let status = 0;
    for (const ref of p.args) {
      try {
        objs.push(inspectObject(d, ref, p.strings.get('type')));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) {
          const type = p.strings.get('type');
          ctx.stderr.write(type === 'image' ? `Error response from daemon: No such image: ${ref}\n` : type === 'container' ? `Error response from daemon: No such container: ${ref}\n` : `Error: No such object: ${ref}\n`);
          status = 1;
        } else throw e;
      }
    }
    const fmt = p.strings.get('format');
    if (fmt) {
      for (const o of objs) {
        try {
          ctx.stdout.write(render(unescapeFormat(fmt), o) + '\n');
        } catch (e) {
          if (e instanceof TemplateError) {
            ctx.stderr.write(`${e.message}\n`);
            return 1;
          }
          throw e;
        }
      }
    } else ctx.stdout.write(inspectJson(objs));
    return status;
  } catch (e) {
    return fail(ctx, e, 'inspect');
  }
};

/** docker diff: the RW layer's changes, A/C/D sorted by path. */
export const diff: Sub = async (ctx, d, args) => {
  try {
    requireArgs(args, 1, 'diff', 'CONTAINER', 1);
    const c = d.get(args[0]);
    const lines = d.images.changes(c.id).slice().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    ctx.stdout.write(lines.map((l) => `${l.kind} ${l.path}\n`).join(''));
    return 0;
  } catch (e) {
    return fail(ctx, e, 'diff');
  }
};

/** docker commit: the RW layer becomes an image layer; prints the new image ID. */
export const commit: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [
      { name: 'message', short: 'm', kind: 'string' },
      { name: 'author', short: 'a', kind: 'string' },
      { name: 'change', short: 'c', kind: 'list' },
      { name: 'pause', short: 'p', kind: 'bool' },
    ]);
    requireArgs(p.args, 1, 'commit', '[OPTIONS] CONTAINER [REPOSITORY[:TAG]]', 2);
    const img = commitContainer(d, p.args[0], p.args[1], p.strings.get('message') ?? '', p.strings.get('author') ?? '', p.lists.get('change') ?? []);
    ctx.stdout.write(`${img}\n`);
    return 0;
  } catch (e) {
    return fail(ctx, e, 'commit');
  }
};

/** POST /commit: the RW layer becomes a layer of a new image whose config is the container's (with --change applied). */
export function commitContainer(d: Daemon, ref: string, repoTag: string | undefined, comment: string, author: string, changes: readonly string[]): string {
  const c = d.get(ref);
  const base = d.images.find(c.imageId);
  if (!base) throw new ApiError(404, `No such image: ${c.imageId}`);
  const cfg = { ...(base.config.config ?? {}), Env: c.config.Env, Cmd: c.config.Cmd, Entrypoint: c.config.Entrypoint, WorkingDir: c.config.WorkingDir, Labels: c.config.Labels, ...(c.config.ExposedPorts ? { ExposedPorts: c.config.ExposedPorts } : {}) } as Record<string, unknown>;
  for (const ch of changes) {
    const m = /^\s*(\w+)\s+(.*)$/.exec(ch);
    if (!m) continue;
    const v = m[2].trim();
    const argv = v.startsWith('[') ? (JSON.parse(v) as string[]) : ['/bin/sh', '-c', v];
    switch (m[1].toUpperCase()) {
      case 'CMD': cfg.Cmd = argv; break;
      case 'ENTRYPOINT': cfg.Entrypoint = argv; break;
      case 'ENV': cfg.Env = [...(cfg.Env as string[]), v.includes('=') ? v : v.replace(/\s+/, '=')]; break;
      case 'WORKDIR': cfg.WorkingDir = v; break;
      default: throw new ApiError(400, `${m[1]} is not a valid change command`);
    }
  }
  const created = new Date(d.now() / 1000).toISOString();
  const history = [...(base.config.history ?? []), { created, ...(author ? { author } : {}), created_by: [c.path, ...c.args].join(' '), ...(comment ? { comment } : {}) }];
  const config = { ...base.config, created, ...(author ? { author } : {}), config: cfg, history };
  const img = d.images.commit(c.id, base.id, config as typeof base.config, repoTag);
  return img.id;
}

/** docker logs: the json-file log, stdout and stderr on their own streams; -f waits for the end. */
export const logs: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [{ name: 'follow', short: 'f', kind: 'bool' }, { name: 'tail', short: 'n', kind: 'string' }, { name: 'timestamps', short: 't', kind: 'bool' }]);
    requireArgs(p.args, 1, 'logs', '[OPTIONS] CONTAINER', 1);
    const c = d.get(p.args[0]);
    let entries = c.logs;
    const tail = p.strings.get('tail');
    if (tail !== undefined && tail !== 'all') {
      const text = entries.map((e) => e.text).join('');
      const n = Number(tail);
      const lines = text.split(/(?<=\n)/);
      const keep = lines.slice(Math.max(0, lines.length - n)).join('');
      entries = [{ stream: 'stdout', text: keep, time: 0 }];
    }
    for (const e of entries) (e.stream === 'stdout' ? ctx.stdout : ctx.stderr).write(p.bools.has('timestamps') ? e.text.replace(/^(?=.)/gm, new Date(e.time / 1000).toISOString() + ' ') : e.text);
    if (p.bools.has('follow') && c.task) {
      d.attach(c);
      const seen = c.logs.length;
      await c.task;
      for (const e of c.logs.slice(seen)) (e.stream === 'stdout' ? ctx.stdout : ctx.stderr).write(e.text);
    }
    return 0;
  } catch (e) {
    return fail(ctx, e, 'logs');
  }
};
