/**
 * ss(8) from iproute2, for listening TCP sockets (the model has no
 * connections): `ss -ltn` lists the port space of the caller's network
 * namespace, so two containers can both show 0.0.0.0:4000 (claim
 * port-conflict). Column layout as iproute2 prints it on an 80-column screen.
 */
import type { Command } from '../../types.ts';
import { tryRead } from './util.ts';

/** ss: another utility to investigate sockets. */
export const ss: Command = {
  name: 'ss',
  summary: 'another utility to investigate sockets',
  help: `Usage: ss [ OPTIONS ]
       ss [ OPTIONS ] [ FILTER ]
   -h, --help          this message
   -n, --numeric       don't resolve service names
   -a, --all           display all sockets
   -l, --listening     display listening sockets
   -p, --processes     show process using socket
   -t, --tcp           display only TCP sockets

In this model only listening TCP sockets exist.`,
  async run(ctx) {
    const flags = new Set(ctx.argv.slice(1).flatMap((a) => (a.startsWith('--') ? [a] : a.slice(1).split('').map((c) => '-' + c))));
    const listening = flags.has('-l') || flags.has('--listening') || flags.has('-a') || flags.has('--all');
    const procs = flags.has('-p') || flags.has('--processes');
    const list = listening ? (ctx.sys.netListeners?.() ?? []) : [];
    const rows = list.map((l) => {
      const comm = procs ? (tryRead(ctx.sys, `/proc/${l.pid}/comm`) ?? '').trim() : '';
      const proc = procs && comm ? `users:(("${comm}",pid=${l.pid},fd=3))` : '';
      const addr = l.address === '::' ? '[::]' : l.address;
      return `LISTEN 0      4096   ${addr.padStart(13)}:${String(l.port).padEnd(5)}${(l.address === '::' ? '[::]' : '0.0.0.0').padStart(12)}:${'*'.padEnd(11)}${proc}`;
    });
    const head = rows.length ? 'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess' : 'State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess';
    ctx.stdout.write([head, ...rows].join('\n') + '\n');
    return 0;
  },
};
