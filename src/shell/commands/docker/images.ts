/**
 * Image commands (cli/command/image/{list,remove,tag,history,inspect}.go):
 * `docker images` rows REPOSITORY TAG IMAGE ID CREATED SIZE (one per tag,
 * newest first, `<none>` for dangling), `docker history` with `<missing>`
 * for layers that are not images themselves and CREATED BY cut to 45
 * columns, `docker rmi` printing Untagged:/Deleted: lines, `docker tag`.
 */
import type { Daemon } from '../../../model/engine/daemon.ts';
import type { ImageInfo } from '../../../model/engine/ports.ts';
import { ellipsis, humanDuration, humanSize, rfc3339Nano, tabulate } from '../../../model/engine/format.ts';
import { checkTemplate, render, unescapeFormat } from '../../../model/engine/template.ts';
import { parseFlags } from './args.ts';
import { fail, requireArgs, type Sub } from './cli.ts';
import { intermediateImages } from '../../../model/engine/build.ts';

function splitTag(rt: string): [string, string] {
  const i = rt.lastIndexOf(':');
  return i > rt.lastIndexOf('/') ? [rt.slice(0, i), rt.slice(i + 1)] : [rt, 'latest'];
}

/** `docker image inspect` object (api/types/image.InspectResponse, fields the model has). */
export function imageInspect(d: Daemon, img: ImageInfo): Record<string, unknown> {
  const cfg = img.config;
  return {
    Id: img.id,
    RepoTags: img.repoTags,
    RepoDigests: img.repoDigests,
    Parent: '',
    Comment: '',
    Created: cfg.created ?? rfc3339Nano(img.created),
    DockerVersion: '',
    Author: cfg.author ?? '',
    Config: { Hostname: '', Domainname: '', User: '', AttachStdin: false, AttachStdout: false, AttachStderr: false, Tty: false, OpenStdin: false, StdinOnce: false, Env: cfg.config?.Env ?? null, Cmd: cfg.config?.Cmd ?? null, Image: '', Volumes: null, WorkingDir: cfg.config?.WorkingDir ?? '', Entrypoint: cfg.config?.Entrypoint ?? null, OnBuild: null, Labels: cfg.config?.Labels ?? null, ...(cfg.config?.ExposedPorts ? { ExposedPorts: cfg.config.ExposedPorts } : {}) },
    Architecture: cfg.architecture,
    Os: cfg.os,
    ...(cfg['os.version'] ? { OsVersion: cfg['os.version'] } : {}),
    Size: img.size,
    GraphDriver: { Data: d.images.graphDriver?.(img.id) ?? null, Name: 'overlay2' },
    RootFS: { Type: 'layers', Layers: cfg.rootfs.diff_ids },
    Metadata: { LastTagTime: '0001-01-01T00:00:00Z' },
  };
}

/** docker images: REPOSITORY TAG IMAGE ID CREATED SIZE, one row per tag, newest first. */
export const images: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [{ name: 'all', short: 'a', kind: 'bool' }, { name: 'quiet', short: 'q', kind: 'bool' }, { name: 'no-trunc', kind: 'bool' }, { name: 'format', kind: 'string' }, { name: 'digests', kind: 'bool' }]);
    const want = p.args[0];
    const now = d.now();
    const trunc = !p.bools.has('no-trunc');
    const rows: Record<string, string>[] = [];
    const hidden = p.bools.has('all') ? new Set<string>() : intermediateImages(d);
    const list = d.images.list().filter((i) => !hidden.has(i.id) || i.repoTags.length > 0).sort((a, b) => b.created - a.created);
    for (const img of list) {
      const tags = img.repoTags.length ? img.repoTags : ['<none>:<none>'];
      for (const rt of tags) {
        const [repo, tag] = rt === '<none>:<none>' ? ['<none>', '<none>'] : splitTag(rt);
        if (want && repo !== want && rt !== want) continue;
        rows.push({ Repository: repo, Tag: tag, ID: trunc ? img.id.slice(7, 19) : img.id, CreatedSince: `${humanDuration(now - img.created)} ago`, CreatedAt: rfc3339Nano(img.created), Size: humanSize(img.size), Digest: img.repoDigests[0]?.split('@')[1] ?? '<none>' });
      }
    }
    if (p.bools.has('quiet')) {
      const ids = [...new Set(rows.map((r) => r.ID))];
      ctx.stdout.write(ids.map((i) => i + '\n').join(''));
      return 0;
    }
    const bad = p.strings.has('format') ? checkTemplate(unescapeFormat((p.strings.get('format') as string).replace(/^table\s*/, ''))) : undefined;
    if (bad) {
      ctx.stderr.write(`${bad}\n`);
      return 1;
    }
    const fmt = p.strings.get('format');
    if (fmt && !fmt.startsWith('table')) {
      ctx.stdout.write(rows.map((r) => render(unescapeFormat(fmt), r) + '\n').join(''));
      return 0;
    }
    const digests = p.bools.has('digests');
    const head = ['REPOSITORY', 'TAG', ...(digests ? ['DIGEST'] : []), 'IMAGE ID', 'CREATED', 'SIZE'];
    ctx.stdout.write(tabulate([head, ...rows.map((r) => [r.Repository, r.Tag, ...(digests ? [r.Digest] : []), r.ID, r.CreatedSince, r.Size])]));
    return 0;
  } catch (e) {
    return fail(ctx, e, 'images');
  }
};

/** docker history: one row per history entry, <missing> below the image, CREATED BY cut to 45. */
export const history: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [{ name: 'no-trunc', kind: 'bool' }, { name: 'quiet', short: 'q', kind: 'bool' }, { name: 'human', short: 'H', kind: 'bool' }, { name: 'format', kind: 'string' }]);
    requireArgs(p.args, 1, 'history', '[OPTIONS] IMAGE', 1);
    const rows = d.images.history(p.args[0]);
    const trunc = !p.bools.has('no-trunc');
    const now = d.now();
    if (p.bools.has('quiet')) {
      ctx.stdout.write(rows.map((r) => (r.id === '<missing>' ? r.id : trunc ? r.id.slice(7, 19) : r.id) + '\n').join(''));
      return 0;
    }
    const fmt = p.strings.get('format');
    if (fmt && !fmt.startsWith('table')) {
      ctx.stdout.write(rows.map((r) => render(unescapeFormat(fmt), {
        ID: r.id === '<missing>' ? r.id : trunc ? r.id.slice(7, 19) : r.id,
        CreatedSince: `${humanDuration(now - r.created)} ago`,
        CreatedAt: rfc3339Nano(r.created).replace(/\.\d+Z$/, 'Z'),
        CreatedBy: trunc ? ellipsis(r.createdBy.replace(/\t/g, ' '), 45) : r.createdBy,
        Size: humanSize(r.size),
        Comment: r.comment,
      }) + '\n').join(''));
      return 0;
    }
    const out = rows.map((r) => [
      r.id === '<missing>' ? '<missing>' : trunc ? r.id.slice(7, 19) : r.id,
      `${humanDuration(now - r.created)} ago`,
      trunc ? ellipsis(r.createdBy.replace(/\t/g, ' '), 45) : r.createdBy,
      humanSize(r.size),
      r.comment,
    ]);
    ctx.stdout.write(tabulate([['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'], ...out]));
    return 0;
  } catch (e) {
    return fail(ctx, e, 'history');
  }
};

/** docker rmi: Untagged:/Deleted: lines, conflicts from the image store. */
export const rmi: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [{ name: 'force', short: 'f', kind: 'bool' }, { name: 'no-prune', kind: 'bool' }]);
    requireArgs(p.args, 1, 'rmi', '[OPTIONS] IMAGE [IMAGE...]');
    let status = 0;
    for (const ref of p.args) {
      try {
        const lines = d.images.remove(ref, p.bools.has('force'), (id) => d.imageInUse(id));
        ctx.stdout.write(lines.map((l) => l + '\n').join(''));
      } catch (e) {
        status = fail(ctx, e, 'rmi');
      }
    }
    return status;
  } catch (e) {
    return fail(ctx, e, 'rmi');
  }
};

/** docker tag SOURCE TARGET. */
export const tag: Sub = async (ctx, d, args) => {
  try {
    requireArgs(args, 2, 'tag', 'SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]', 2);
    d.images.tag(args[0], args[1]);
    return 0;
  } catch (e) {
    return fail(ctx, e, 'tag');
  }
};
