/**
 * lsns(8) from util-linux: list namespaces by reading /proc/PID/ns/* of
 * every visible process: inode, type, number of processes, the lowest PID
 * in it, that process's user and command line.
 */
import type { Command } from '../../types.ts';
import { NAMESPACE_TYPES } from '../../../model/kernel/types.ts';
import { readProcs, NO_PROC } from './procs.ts';
import { table } from './util.ts';

/** lsns: list namespaces. */
export const lsns: Command = {
  name: 'lsns',
  summary: 'list namespaces',
  help: `
Usage:
 lsns [options] [<namespace>]

List system namespaces.

Options:
 -l, --list             use list format output
 -n, --noheadings       don't print headings
 -p, --task <pid>       print process namespaces
 -t, --type <name>      namespace type (mnt, net, ipc, user, pid, uts, cgroup, time)

 -h, --help             display this help

For more details see lsns(8).`.trimStart(),
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let type: string | undefined;
    let task: number | undefined;
    let noHead = false;
    let only: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-t' || a === '--type') type = args[++i];
      else if (a.startsWith('--type=')) type = a.slice(7);
      else if (a === '-p' || a === '--task') {
        const v = args[++i];
        if (v === undefined || !/^\d+$/.test(v)) {
          ctx.stderr.write(v === undefined ? `lsns: option requires an argument -- 'p'\nTry 'lsns --help' for more information.\n` : `lsns: invalid PID argument: '${v}'\n`);
          return 1;
        }
        task = Number(v);
      }
      else if (a === '-n' || a === '--noheadings') noHead = true;
      else if (a === '-l' || a === '--list') continue;
      else if (a.startsWith('-')) { ctx.stderr.write(`lsns: unrecognized option '${a}'\nTry 'lsns --help' for more information.\n`); return 1; }
      else only = a;
    }
    if (type && !(NAMESPACE_TYPES as readonly string[]).includes(type)) { ctx.stderr.write(`lsns: unknown namespace type: ${type}\n`); return 1; }
    const procs = readProcs(ctx.sys);
    if (!procs) { ctx.stderr.write(NO_PROC + '\n'); return 1; }
    const groups = new Map<string, { ino: number; type: string; pids: number[]; user: string; cmd: string }>();
    let taskNs: Set<string> | undefined;
    for (const p of procs) {
      for (const t of NAMESPACE_TYPES) {
        let link: string;
        try {
          link = ctx.sys.readlink(`/proc/${p.pid}/ns/${t}`);
        } catch {
          continue;
        }
        const ino = Number(/\[(\d+)\]/.exec(link)?.[1]);
        const key = `${t}:${ino}`;
        const g = groups.get(key);
        if (g) g.pids.push(p.pid);
        else groups.set(key, { ino, type: t, pids: [p.pid], user: p.user, cmd: p.state === 'Z' ? '' : p.args.length ? p.args.join(' ') : `[${p.comm}]` });
        if (task === p.pid) (taskNs ??= new Set()).add(key);
      }
    }
    if (task !== undefined && !taskNs) { ctx.stderr.write(`lsns: failed to read namespaces for ${task}\n`); return 1; }
    const rows = [...groups.entries()]
      .filter(([k, g]) => (!type || g.type === type) && (!taskNs || taskNs.has(k)) && (!only || String(g.ino) === only))
      .sort((a, b) => a[1].ino - b[1].ino)
      .map(([, g]) => [String(g.ino), g.type, String(g.pids.length), String(Math.min(...g.pids)), g.user, g.cmd]);
    const head = ['NS', 'TYPE', 'NPROCS', 'PID', 'USER', 'COMMAND'];
    ctx.stdout.write(table(noHead ? rows : [head, ...rows], ['r', 'l', 'r', 'r', 'l', 'l']));
    return 0;
  },
};
