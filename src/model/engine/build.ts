/**
 * `docker build` with the classic (legacy) builder's steps and output
 * (moby builder/dockerfile, as `DOCKER_BUILDKIT=0 docker build` prints it):
 * each instruction runs on the previous step's image; RUN runs the command
 * in a build container and commits its changes as a layer; COPY/ADD copy
 * files from the build context into a container's RW layer and commit it;
 * ENV/CMD/… only change the config (an `empty_layer` history entry). A step
 * whose parent image and instruction were seen before is a cache hit
 * (` ---> Using cache`). Intermediate images are kept (hidden from
 * `docker images`, as Docker hides them) so the cache works next time.
 */
import type { FileData } from '../fs/data.ts';
import { dataSize } from '../fs/data.ts';
import { digestOf } from '../image/digest.ts';
import type { ContainerConfig as ImageRunConfig, ImageConfig } from '../image/image.ts';
import { isSysError } from '../errors.ts';
import { normalize } from '../fs/path.ts';
import type { Daemon } from './daemon.ts';
import { parseDockerfile, type Instruction } from './dockerfile.ts';
import { humanSize4 } from './format.ts';
import type { ImageInfo } from './ports.ts';
import { ApiError, type ProgramRunner } from './types.ts';

/** One file of the build context (path relative to the context root, no leading "/"). */
export interface ContextFile {
  readonly path: string;
  readonly type: 'file' | 'dir' | 'symlink';
  readonly data?: FileData;
  readonly mode: number;
  readonly target?: string;
}

/** Options of one build. */
export interface BuildOptions {
  readonly dockerfile: string;
  readonly context: readonly ContextFile[];
  readonly tags: readonly string[];
  readonly noCache: boolean;
  readonly runner: ProgramRunner;
  readonly out: (text: string) => void;
  /** Pull a missing FROM image (the CLI's pull with progress lines). */
  readonly pull: (ref: string) => Promise<ImageInfo>;
}

/** The builder's cache: (parent image, instruction) → image. */
const caches = new WeakMap<Daemon, Map<string, string>>();
/** Images made by build steps other than the last (hidden from `docker images`). */
const intermediates = new WeakMap<Daemon, Set<string>>();

/** Image IDs a daemon's builds left as intermediates. */
export function intermediateImages(d: Daemon): ReadonlySet<string> {
  return intermediates.get(d) ?? new Set();
}

/** Go's %q of a string slice, as the legacy builder writes `#(nop)` history lines: ["a" "b"]. */
function goSlice(argv: readonly string[]): string {
  return `[${argv.map((a) => JSON.stringify(a)).join(' ')}]`;
}

function tarSize(files: readonly ContextFile[]): number {
  return files.reduce((n, f) => n + 512 + (f.type === 'file' && f.data ? Math.ceil(dataSize(f.data) / 512) * 512 : 0), 1024);
}

function createdBy(ins: Instruction, srcHash: string): string {
  switch (ins.kind) {
    case 'RUN':
      return ins.shellForm ? ins.argv.join(' ') : ins.argv.join(' ');
    case 'CMD':
    case 'ENTRYPOINT':
      return `/bin/sh -c #(nop)  ${ins.kind} ${goSlice(ins.argv)}`;
    case 'ENV':
    case 'LABEL':
      return `/bin/sh -c #(nop)  ${ins.kind} ${ins.pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`;
    case 'EXPOSE':
      return `/bin/sh -c #(nop)  EXPOSE ${ins.ports.join(' ')}`;
    case 'WORKDIR':
      return `/bin/sh -c #(nop) WORKDIR ${ins.path}`;
    case 'USER':
      return `/bin/sh -c #(nop)  USER ${ins.user}`;
    case 'COPY':
    case 'ADD':
      return `/bin/sh -c #(nop) ${ins.kind} ${ins.sources.length > 1 ? 'multi' : 'file'}:${srcHash} in ${ins.dest} `;
    case 'FROM':
      return '';
  }
}

function applyConfig(cfg: ImageRunConfig, ins: Instruction): ImageRunConfig {
  switch (ins.kind) {
    case 'CMD':
      return { ...cfg, Cmd: ins.argv };
    case 'ENTRYPOINT':
      return { ...cfg, Entrypoint: ins.argv, ...(ins.kind === 'ENTRYPOINT' ? { Cmd: null } : {}) };
    case 'ENV': {
      const env = [...(cfg.Env ?? [])];
      for (const [k, v] of ins.pairs) {
        const i = env.findIndex((e) => e.split('=')[0] === k);
        if (i >= 0) env[i] = `${k}=${v}`;
        else env.push(`${k}=${v}`);
      }
      return { ...cfg, Env: env };
    }
    case 'LABEL':
      return { ...cfg, Labels: { ...(cfg.Labels ?? {}), ...Object.fromEntries(ins.pairs) } };
    case 'EXPOSE':
      return { ...cfg, ExposedPorts: { ...(cfg.ExposedPorts ?? {}), ...Object.fromEntries(ins.ports.map((p) => [p, {}])) } };
    case 'WORKDIR':
      return { ...cfg, WorkingDir: ins.path.startsWith('/') ? ins.path : `${cfg.WorkingDir || '/'}/${ins.path}`.replace(/\/+/g, '/') };
    case 'USER':
      return { ...cfg, User: ins.user };
    default:
      return cfg;
  }
}

function expandEnv(s: string, env: readonly string[]): string {
  const m = new Map(env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  return s.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a, b) => m.get(a ?? b) ?? '');
}

/** Run a build; resolves with the final image ID. Throws ApiError with the builder's messages. */
export async function build(d: Daemon, o: BuildOptions): Promise<string> {
  const cache = caches.get(d) ?? new Map<string, string>();
  caches.set(d, cache);
  const inter = intermediates.get(d) ?? new Set<string>();
  intermediates.set(d, inter);
  let steps: Instruction[];
  try {
    steps = parseDockerfile(o.dockerfile);
  } catch (e) {
    throw new ApiError(400, `dockerfile parse error on line ${(e as { line?: number }).line ?? 0}: ${(e as Error).message}`);
  }
  o.out(`Sending build context to Docker daemon  ${humanSize4(tarSize(o.context))}\n`);
  let cur: ImageInfo | undefined;
  const made: string[] = [];
  for (let i = 0; i < steps.length; i++) {
    const ins = steps[i];
    o.out(`Step ${i + 1}/${steps.length} : ${ins.original}\n`);
    if (ins.kind === 'FROM') {
      cur = d.images.find(ins.image) ?? (await o.pull(ins.image));
      o.out(` ---> ${cur.id.slice(7, 19)}\n`);
      continue;
    }
    if (!cur) throw new ApiError(400, 'no build stage in current context');
    const srcs = ins.kind === 'COPY' || ins.kind === 'ADD' ? contextSources(o.context, ins.sources) : [];
    const srcHash = digestOf(srcs.map((f) => `${f.path}:${f.mode}:${f.data ? dataSize(f.data) : 0}`).join('\n')).slice(7);
    const by = createdBy(ins, srcHash);
    const key = `${cur.id}\n${by}`;
    const hit = o.noCache ? undefined : cache.get(key);
    const hitImg = hit ? d.images.find(hit) : undefined;
    if (hitImg) {
      o.out(` ---> Using cache\n ---> ${hitImg.id.slice(7, 19)}\n`);
      cur = hitImg;
      made.push(cur.id);
      continue;
    }
    const base = cur;
    const cfg0: ImageRunConfig = base.config.config ?? {};
    const created = new Date(d.now() / 1000).toISOString();
    const cfg = applyConfig(cfg0, ins);
    const layer = ins.kind === 'RUN' || ins.kind === 'COPY' || ins.kind === 'ADD';
    const history = [...(base.config.history ?? []), { created, created_by: by, ...(layer ? {} : { empty_layer: true }) }];
    const next: ImageConfig = { ...base.config, created, config: cfg, history };
    const cmd = ins.kind === 'RUN' ? ins.argv.map((a) => (ins.shellForm ? a : expandEnv(a, cfg0.Env ?? []))) : ['/bin/sh', '-c', `#(nop) ${by.replace('/bin/sh -c #(nop) ', '').trim()}`];
    const c = d.create({ image: base.id, cmd, entrypoint: null, env: [], ...(cfg0.WorkingDir ? { workdir: cfg0.WorkingDir } : {}) });
    try {
      if (ins.kind !== 'COPY' && ins.kind !== 'ADD') o.out(` ---> Running in ${c.id.slice(0, 12)}\n`);
      if (ins.kind === 'RUN') {
        const status = await d.start(c.id, { runner: o.runner, io: { stdout: o.out, stderr: o.out } });
        if (status !== 0) throw new ApiError(500, `The command '${ins.shellForm ? ins.argv.join(' ') : goSlice(ins.argv)}' returned a non-zero code: ${status}`);
      } else if (ins.kind === 'COPY' || ins.kind === 'ADD') {
        copyInto(d, c.id, srcs, ins.sources, ins.dest, cfg0.WorkingDir || '/');
      }
      cur = d.images.commit(c.id, base.id, next, undefined, !layer);
    } finally {
      await d.remove(c.id, true);
      if (ins.kind !== 'COPY' && ins.kind !== 'ADD') o.out(` ---> Removed intermediate container ${c.id.slice(0, 12)}\n`);
    }
    cache.set(key, cur.id);
    made.push(cur.id);
    o.out(` ---> ${cur.id.slice(7, 19)}\n`);
  }
  if (!cur) throw new ApiError(400, 'no build stage in current context');
  for (const id of made) if (id !== cur.id) inter.add(id);
  inter.delete(cur.id);
  o.out(`Successfully built ${cur.id.slice(7, 19)}\n`);
  for (const t of o.tags) {
    d.images.tag(cur.id, t);
    o.out(`Successfully tagged ${t.includes(':') ? t : `${t}:latest`}\n`);
  }
  return cur.id;
}

/** Context entries named by COPY sources ("." = everything; a directory copies its contents). */
function contextSources(ctx: readonly ContextFile[], sources: readonly string[]): ContextFile[] {
  const out: ContextFile[] = [];
  for (const s of sources) {
    const norm = s.replace(/^\.\/?/, '').replace(/\/$/, '');
    const hits = ctx.filter((f) => norm === '' || f.path === norm || f.path.startsWith(norm + '/'));
    if (hits.length === 0) throw new ApiError(400, `COPY failed: file not found in build context or excluded by .dockerignore: stat ${norm}: file does not exist`);
    out.push(...hits);
  }
  return out;
}

/** Mount the container's rootfs in dockerd's namespace and copy the sources to `dest` (COPY semantics). */
function copyInto(d: Daemon, containerId: string, files: readonly ContextFile[], sources: readonly string[], dest: string, workdir: string): void {
  const sys = d.dockerdSys;
  const rw = d.rwLayer(d.get(containerId));
  const root = rw.mergedDir;
  sys.mount('overlay', root, 'overlay', rw.options);
  try {
    const joined = dest.startsWith('/') ? dest : `${workdir}/${dest}`;
    const absDest = normalize(joined);
    let isDir = false;
    try {
      isDir = sys.stat(root + absDest).type === 'dir';
    } catch {
      /* does not exist yet */
    }
    const intoDir = isDir || /(^|\/)\.{0,2}$/.test(dest) || dest.endsWith('/') || sources.length > 1 || files.some((f) => f.type === 'dir');
    const mk = (p: string) => {
      let cur = root;
      for (const part of p.split('/').filter(Boolean)) {
        cur += `/${part}`;
        try {
          sys.mkdir(cur, 0o755);
        } catch (e) {
          if (!isSysError(e, 'EEXIST')) throw e;
        }
      }
    };
    for (const f of files) {
      const src = sources.map((s) => s.replace(/^\.\/?/, '').replace(/\/$/, '')).find((s) => s === '' || f.path === s || f.path.startsWith(s + '/')) ?? '';
      const rel = src === '' ? f.path : f.path === src ? f.path.split('/').pop() ?? f.path : f.path.slice(src.length + 1);
      const target = intoDir ? `${absDest === '/' ? '' : absDest}/${rel}` : absDest;
      const parent = target.slice(0, target.lastIndexOf('/'));
      mk(parent);
      if (f.type === 'dir') mk(target);
      else if (f.type === 'symlink') sys.symlink(f.target ?? '', root + target);
      else sys.writeFile(root + target, f.data ?? new Uint8Array(0), { mode: f.mode });
    }
  } finally {
    sys.umount(root);
  }
}
