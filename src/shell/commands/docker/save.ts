/**
 * `docker save -o FILE IMAGE...` and `docker load -i FILE`
 * (cli/command/image/{save,load}.go): an OCI image layout archive as Docker
 * ≥ 25 writes it (facts §2.11). The model's terminal carries text only, so
 * the archive goes to a file with -o (Docker itself refuses a terminal).
 */
import { parseFlags } from './args.ts';
import { fail, requireArgs, UsageError, type Sub } from './cli.ts';

/** docker save -o FILE IMAGE...: an OCI image layout archive. */
export const save: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [{ name: 'output', short: 'o', kind: 'string' }, { name: 'platform', kind: 'string' }]);
    requireArgs(p.args, 1, 'save', '[OPTIONS] IMAGE [IMAGE...]');
    const out = p.strings.get('output');
    if (!out) {
      throw new UsageError(ctx.stdout.isTty ? 'cowardly refusing to save to a terminal. Use the -o flag or redirect' : 'docker save: in this model the archive can only be written with -o FILE', 1);
    }
    const tar = d.images.save(p.args);
    ctx.sys.writeFile(out, tar, { mode: 0o600 });
    return 0;
  } catch (e) {
    return fail(ctx, e, 'save');
  }
};

/** docker load -i FILE: images from an archive. */
export const load: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [{ name: 'input', short: 'i', kind: 'string' }, { name: 'quiet', short: 'q', kind: 'bool' }]);
    const inp = p.strings.get('input');
    if (!inp) throw new UsageError('requested load from stdin, but stdin is empty', 1);
    const data = ctx.sys.readFile(inp);
    if (!(data instanceof Uint8Array)) throw new UsageError('archive/tar: invalid tar header', 1);
    for (const line of d.images.load(data)) ctx.stdout.write(line + '\n');
    return 0;
  } catch (e) {
    if (e instanceof Error && e.name === 'SysError') {
      ctx.stderr.write(`open ${args[args.length - 1]}: no such file or directory\n`);
      return 1;
    }
    return fail(ctx, e, 'load');
  }
};
