/** chroot(8) from GNU coreutils: run a command with a different root directory (chroot(2) then chdir("/")). */
import type { Command } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import { execIn } from './util.ts';

/** chroot: run command or interactive shell with special root directory. */
export const chroot: Command = {
  name: 'chroot',
  summary: 'run command or interactive shell with special root directory',
  help: `Usage: chroot [OPTION]... NEWROOT [COMMAND [ARG]...]
Run COMMAND with root directory set to NEWROOT.

      --skip-chdir     do not change working directory to '/'
      --help        display this help and exit

If no command is given, run '"$SHELL" -i' (default: '/bin/sh -i').

chroot changes only the root directory: the process keeps its PID, its
namespaces, its cgroup and the host kernel. It is not a container.`,
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const skip = args[0] === '--skip-chdir';
    const rest = skip ? args.slice(1) : args;
    if (rest.length === 0) {
      ctx.stderr.write("chroot: missing operand\nTry 'chroot --help' for more information.\n");
      return 125;
    }
    const [root, ...cmd] = rest;
    try {
      ctx.sys.chroot(root);
      if (!skip) ctx.sys.chdir('/');
    } catch (e) {
      if (!isSysError(e)) throw e;
      ctx.stderr.write(`chroot: cannot change root directory to '${root}': ${e.strerror}\n`);
      return 125;
    }
    const shell = ctx.env.get('SHELL') || '/bin/sh';
    return cmd.length ? execIn(ctx, ctx.sys, cmd) : ctx.interact(ctx.sys, [shell, '-i'], ctx.env);
  },
};
