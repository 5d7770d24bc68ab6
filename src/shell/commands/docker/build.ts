/**
 * `docker build [-t NAME[:TAG]] [-f Dockerfile] [--no-cache] PATH | -`
 * (cli/command/image/build.go): read the context directory through the
 * client's own system calls, send it to the daemon, print the classic
 * builder's steps. `-` reads the Dockerfile from stdin with an empty context.
 */
import type { CommandContext } from '../../types.ts';
import { build as runBuild, type ContextFile } from '../../../model/engine/build.ts';
import { toText } from '../../../model/fs/data.ts';
import { isSysError } from '../../../model/errors.ts';
import { parseFlags } from './args.ts';
import { fail, requireArgs, shellRunner, UsageError, type Sub } from './cli.ts';
import { pullImage } from './pull.ts';

const LEGACY_BANNER = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            Install the buildx component to build images with BuildKit:
            https://docs.docker.com/go/buildx/

`;

function readContext(ctx: CommandContext, root: string): ContextFile[] {
  const out: ContextFile[] = [];
  const walk = (rel: string) => {
    for (const name of ctx.sys.readdir(rel ? `${root}/${rel}` : root)) {
      const path = rel ? `${rel}/${name}` : name;
      const full = `${root}/${path}`;
      const st = ctx.sys.lstat(full);
      if (st.type === 'dir') {
        out.push({ path, type: 'dir', mode: st.mode });
        walk(path);
      } else if (st.type === 'symlink') out.push({ path, type: 'symlink', mode: 0o777, target: ctx.sys.readlink(full) });
      else if (st.type === 'file') out.push({ path, type: 'file', mode: st.mode, data: ctx.sys.readFile(full) });
    }
  };
  walk('');
  return out;
}

/** docker build: the context read through the client's own system calls, the classic builder's output (cli/command/image/build.go). */
export const build: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [
      { name: 'tag', short: 't', kind: 'list' },
      { name: 'file', short: 'f', kind: 'string' },
      { name: 'no-cache', kind: 'bool' },
      { name: 'quiet', short: 'q', kind: 'bool' },
      { name: 'rm', kind: 'bool' },
      { name: 'pull', kind: 'bool' },
    ]);
    requireArgs(p.args, 1, 'build', '[OPTIONS] PATH | URL | -', 1);
    const where = p.args[0];
    let dockerfile: string;
    let context: ContextFile[] = [];
    if (where === '-') {
      dockerfile = await ctx.stdin.readAll();
    } else {
      try {
        if (ctx.sys.stat(where).type !== 'dir') throw new UsageError(`unable to prepare context: context must be a directory: ${where}`);
      } catch (e) {
        if (isSysError(e)) throw new UsageError(`unable to prepare context: path "${where}" not found`);
        throw e;
      }
      const dfPath = p.strings.get('file') ?? `${where.replace(/\/$/, '')}/Dockerfile`;
      try {
        dockerfile = toText(ctx.sys.readFile(dfPath));
      } catch (e) {
        if (isSysError(e)) throw new UsageError(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${ctx.sys.realpath(where)}/${dfPath.split('/').pop()}: no such file or directory`);
        throw e;
      }
      context = readContext(ctx, where.replace(/\/$/, '') || '/');
    }
    const quiet = p.bools.has('quiet');
    const out = (t: string) => {
      if (!quiet) ctx.stdout.write(t);
    };
    if (!quiet) ctx.stderr.write(LEGACY_BANNER);
    const id = await runBuild(d, {
      dockerfile,
      context,
      tags: p.lists.get('tag') ?? [],
      noCache: p.bools.has('no-cache'),
      runner: shellRunner(ctx),
      out,
      pull: (ref) => pullImage(ctx, d, ref, (line) => out(line + '\n')),
    });
    if (quiet) ctx.stdout.write(`${id}\n`);
    return 0;
  } catch (e) {
    if (e instanceof Error && e.name === 'ApiError' && /returned a non-zero code|COPY failed|dockerfile parse/.test(e.message)) {
      ctx.stderr.write(`${e.message}\n`);
      return 1;
    }
    return fail(ctx, e, 'build');
  }
};
