/**
 * ssh(1), as far as a multi-host world needs it: log in to another machine
 * of the World as root (interactive shell), or run one command there. Hosts
 * are found through the model's LAN socket (src/model/world/lan.ts).
 */
import type { Command } from '../../types.ts';
import type { Lan } from '../../../model/world/lan.ts';
import { LAN_SOCKET } from '../../../model/world/lan.ts';
import { isSysError } from '../../../model/errors.ts';

const USAGE = 'usage: ssh [-t] [user@]destination [command [argument ...]]\n';

/** ssh: OpenSSH remote login client (model). */
export const ssh: Command = {
  name: 'ssh',
  summary: 'OpenSSH remote login client (to the other machines of this world)',
  help: `${USAGE}
Logs in to another machine of this world as root, or runs COMMAND there and
returns its exit status. In this model hosts are found through the world's
LAN (see /run/world); there are no keys, passwords or host keys to check.`,
  async run(ctx) {
    const args = ctx.argv.slice(1).filter((a) => a !== '-t' && a !== '-tt');
    const dest = args[0];
    if (!dest || dest.startsWith('-')) {
      ctx.stderr.write(USAGE);
      return 255;
    }
    const host = dest.includes('@') ? dest.slice(dest.indexOf('@') + 1) : dest;
    let lan: Lan;
    try {
      lan = ctx.sys.connect(LAN_SOCKET) as Lan;
    } catch (e) {
      if (!isSysError(e)) throw e;
      ctx.stderr.write(`ssh: Could not resolve hostname ${host}: Name or service not known\n`);
      return 255;
    }
    const remote = lan.login(host);
    if (!remote) {
      ctx.stderr.write(`ssh: Could not resolve hostname ${host}: Name or service not known\n`);
      return 255;
    }
    const env = new Map([['HOME', '/root'], ['USER', 'root'], ['SHELL', '/bin/bash'], ['TERM', ctx.env.get('TERM') ?? 'xterm-256color'], ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']]);
    try {
      if (args.length > 1) return await ctx.runShell(args.slice(1).join(' '), remote, { env });
      const u = remote.uname();
      ctx.stdout.write(`Linux ${u.nodename} ${u.release} ${u.version} ${u.machine}\n`);
      return await ctx.interact(remote, ['bash'], env);
    } finally {
      try { remote.exit(0); } catch { /* already gone */ }
    }
  },
};
