/** id(1), whoami(1) (GNU coreutils), uname(1), hostname(1): who and where a process is. */
import type { Command } from '../../types.ts';
import { asBusybox, groupNames, userNames } from './util.ts';
import { isSysError } from '../../../model/errors.ts';

/** id: print real and effective user and group IDs. */
export const id: Command = {
  name: 'id',
  summary: 'print real and effective user and group IDs',
  help: `Usage: id [OPTION]... [USER]...
Print user and group information for each specified USER,
or (when USER omitted) for the current process.

  -g, --group    print only the effective group ID
  -G, --groups   print all group IDs
  -n, --name     print a name instead of a number, for -ugG
  -u, --user     print only the effective user ID
      --help        display this help and exit

Without any OPTION, print some useful set of identified information.`,
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const flags = new Set(args.filter((a) => a.startsWith('-')).flatMap((a) => (a.startsWith('--') ? [a] : a.slice(1).split('').map((c) => '-' + c))));
    const users = userNames(ctx.sys);
    const groups = groupNames(ctx.sys);
    const uid = ctx.sys.uid;
    const gid = ctx.sys.gid;
    const name = flags.has('-n') || flags.has('--name');
    const u = (n: number): string => (users.has(n) ? `${n}(${users.get(n)})` : String(n));
    const g = (n: number): string => (groups.has(n) ? `${n}(${groups.get(n)})` : String(n));
    if (flags.has('-u') || flags.has('--user')) { ctx.stdout.write(`${name ? users.get(uid) ?? uid : uid}\n`); return 0; }
    if (flags.has('-g') || flags.has('--group') || flags.has('-G') || flags.has('--groups')) { ctx.stdout.write(`${name ? groups.get(gid) ?? gid : gid}\n`); return 0; }
    ctx.stdout.write(`uid=${u(uid)} gid=${g(gid)} groups=${g(gid)}\n`);
    return 0;
  },
};

/** whoami: print effective user name. */
export const whoami: Command = {
  name: 'whoami',
  summary: 'print effective user name',
  help: `Usage: whoami [OPTION]...
Print the user name associated with the current effective user ID.
Same as id -un.

      --help        display this help and exit`,
  async run(ctx) {
    const n = userNames(ctx.sys).get(ctx.sys.uid);
    if (n === undefined) {
      ctx.stderr.write(`whoami: cannot find name for user ID ${ctx.sys.uid}\n`);
      return 1;
    }
    ctx.stdout.write(n + '\n');
    return 0;
  },
};

/** uname: print system information (uname(2)). */
export const uname: Command = {
  name: 'uname',
  summary: 'print system information',
  help: `Usage: uname [OPTION]...
Print certain system information.  With no OPTION, same as -s.

  -a, --all                print all information, in the following order,
                             except omit -p and -i if unknown:
  -s, --kernel-name        print the kernel name
  -n, --nodename           print the network node hostname
  -r, --kernel-release     print the kernel release
  -v, --kernel-version     print the kernel version
  -m, --machine            print the machine hardware name
  -p, --processor          print the processor type (non-portable)
  -i, --hardware-platform  print the hardware platform (non-portable)
  -o, --operating-system   print the operating system
      --help        display this help and exit

A container has no kernel of its own: uname -r prints the host's release.`,
  async run(ctx) {
    const u = ctx.sys.uname();
    const LONG: Record<string, string> = { '--all': 'a', '--kernel-name': 's', '--nodename': 'n', '--kernel-release': 'r', '--kernel-version': 'v', '--machine': 'm', '--processor': 'p', '--hardware-platform': 'i', '--operating-system': 'o' };
    const want = new Set<string>();
    for (const a of ctx.argv.slice(1)) {
      if (a.startsWith('--')) {
        if (!LONG[a]) { ctx.stderr.write(`uname: unrecognized option '${a}'\nTry 'uname --help' for more information.\n`); return 1; }
        want.add(LONG[a]);
      } else if (a.startsWith('-')) {
        for (const c of a.slice(1)) {
          if (!'asnrvmpio'.includes(c)) { ctx.stderr.write(`uname: invalid option -- '${c}'\nTry 'uname --help' for more information.\n`); return 1; }
          want.add(c);
        }
      } else { ctx.stderr.write(`uname: extra operand '${a}'\nTry 'uname --help' for more information.\n`); return 1; }
    }
    if (want.size === 0) want.add('s');
    const all = want.has('a');
    // BusyBox's uname prints "Linux" as the operating system; GNU coreutils prints "GNU/Linux".
    const os = u.sysname === 'Linux' ? (asBusybox(ctx) ? 'Linux' : 'GNU/Linux') : u.sysname;
    const parts: string[] = [];
    if (all || want.has('s')) parts.push(u.sysname);
    if (all || want.has('n')) parts.push(u.nodename);
    if (all || want.has('r')) parts.push(u.release);
    if (all || want.has('v')) parts.push(u.version);
    if (all || want.has('m')) parts.push(u.machine);
    if (!all && want.has('p')) parts.push('unknown');
    if (!all && want.has('i')) parts.push('unknown');
    if (all || want.has('o')) parts.push(os);
    ctx.stdout.write(parts.join(' ') + '\n');
    return 0;
  },
};

/** hostname: show or set the system's host name (sethostname(2) in the UTS namespace). */
export const hostname: Command = {
  name: 'hostname',
  summary: 'show or set the system\'s host name',
  help: `Usage: hostname [-b] {hostname|-F file}         set host name (from file)
       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name
       hostname                                 display host name

       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)
       {yp,nis,}domainname                      display NIS domain name

    -s, --short            short host name
    -i, --ip-address       addresses for the host name
    -I, --all-ip-addresses all addresses for the host
    -f, --fqdn, --long     long host name (FQDN)

   This command can get or set the host name or the NIS domain name. You can
   also get the DNS domain or the FQDN. Unless you are using bind or NIS for
   host lookups you can change the FQDN (Fully Qualified Domain Name) and the
   DNS domain name (which is part of the FQDN) in the /etc/hosts file.`,
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const name = ctx.sys.uname().nodename;
    if (args.length === 0 || args[0] === '-f' || args[0] === '--fqdn' || args[0] === '--long') { ctx.stdout.write(name + '\n'); return 0; }
    if (args[0] === '-s' || args[0] === '--short') { ctx.stdout.write(name.split('.')[0] + '\n'); return 0; }
    if (args[0] === '-I' || args[0] === '--all-ip-addresses' || args[0] === '-i' || args[0] === '--ip-address') {
      const addrs = (ctx.sys.netInterfaces?.() ?? []).flatMap((i) => i.addrs.filter((a) => a.scope === 'global').map((a) => a.cidr.split('/')[0]));
      ctx.stdout.write(addrs.length ? addrs.join(' ') + ' \n' : '\n');
      return 0;
    }
    if (args[0].startsWith('-')) { ctx.stderr.write(`hostname: invalid option -- '${args[0].slice(1)}'\n`); return 1; }
    try {
      ctx.sys.sethostname(args[0]);
    } catch (e) {
      // BusyBox (networking/hostname.c) prints perror("sethostname"); net-tools prints its own sentence.
      if (isSysError(e) && asBusybox(ctx)) { ctx.stderr.write(`hostname: sethostname: ${e.strerror}\n`); return 1; }
      if (isSysError(e, 'EPERM')) { ctx.stderr.write('hostname: you must be root to change the host name\n'); return 1; }
      if (isSysError(e)) { ctx.stderr.write(`hostname: ${e.strerror}\n`); return 1; }
      throw e;
    }
    return 0;
  },
};
