/**
 * `docker cp CONTAINER:SRC DEST` and `docker cp SRC CONTAINER:DEST`
 * (cli/command/container/cp.go): the client reads or writes its side with its
 * own system calls, the daemon the container's; "Successfully copied" with
 * go-units HumanSize on stderr.
 */
import { copyFromContainer, copyToContainer, readTree, treeBytes, writeTree } from '../../../model/engine/cp.ts';
import { humanSize } from '../../../model/engine/format.ts';
import { isSysError } from '../../../model/errors.ts';
import { parseFlags } from './args.ts';
import { fail, requireArgs, UsageError, type Sub } from './cli.ts';

function split(arg: string): [string | undefined, string] {
  const i = arg.indexOf(':');
  return i > 0 && !arg.startsWith('/') && !arg.startsWith('.') ? [arg.slice(0, i), arg.slice(i + 1)] : [undefined, arg];
}

/** docker cp. */
export const cp: Sub = async (ctx, d, args) => {
  try {
    const p = parseFlags(args, [{ name: 'quiet', short: 'q', kind: 'bool' }, { name: 'archive', short: 'a', kind: 'bool' }, { name: 'follow-link', short: 'L', kind: 'bool' }]);
    requireArgs(p.args, 2, 'cp', '[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH', 2);
    const [srcC, src] = split(p.args[0]);
    const [dstC, dst] = split(p.args[1]);
    if ((srcC === undefined) === (dstC === undefined)) throw new UsageError(srcC ? 'copying between containers is not supported' : 'must specify at least one container source', 1);
    if (dst === '-' || src === '-') throw new UsageError('docker cp: tar streams on stdin/stdout are not modelled; copy to or from a path', 1);
    const name = src.replace(/\/+$/, '').split('/').pop() || '/';
    let bytes = 0;
    let where = dst;
    if (srcC) {
      const entries = copyFromContainer(d, srcC, src.startsWith('/') ? src : `/${src}`);
      bytes = treeBytes(entries);
      where = writeTree(ctx.sys, dst, name, entries);
    } else {
      let entries;
      try {
        entries = readTree(ctx.sys, src);
      } catch (e) {
        if (isSysError(e, 'ENOENT')) throw new UsageError(`lstat ${src}: no such file or directory`, 1);
        throw e;
      }
      bytes = treeBytes(entries);
      copyToContainer(d, dstC as string, dst.startsWith('/') ? dst : `/${dst}`, name, entries);
      where = `${dstC}:${dst}`;
    }
    if (!p.bools.has('quiet')) ctx.stderr.write(`Successfully copied ${humanSize(bytes)} to ${where}\n`);
    return 0;
  } catch (e) {
    return fail(ctx, e, 'cp');
  }
};
