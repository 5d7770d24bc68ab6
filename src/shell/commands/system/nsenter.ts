/**
 * nsenter(1) from util-linux: run a program in the namespaces of another
 * process (setns(2)). Joining a PID namespace affects children only, so
 * nsenter forks the program, as the real tool does.
 */
import type { Command } from '../../types.ts';
import type { NamespaceType } from '../../../model/kernel/types.ts';
import { NAMESPACE_TYPES } from '../../../model/kernel/types.ts';
import { isSysError } from '../../../model/errors.ts';
import { execIn, waitChild } from './util.ts';

const SHORT: Record<string, NamespaceType> = { m: 'mnt', u: 'uts', i: 'ipc', n: 'net', p: 'pid', U: 'user', C: 'cgroup', T: 'time' };
const LONG: Record<string, NamespaceType> = { '--mount': 'mnt', '--uts': 'uts', '--ipc': 'ipc', '--net': 'net', '--pid': 'pid', '--user': 'user', '--cgroup': 'cgroup', '--time': 'time' };
/** The /proc/PID/ns file names util-linux prints in its messages. */
const FILE: Record<NamespaceType, string> = { mnt: 'mnt', uts: 'uts', ipc: 'ipc', net: 'net', pid: 'pid', user: 'user', cgroup: 'cgroup', time: 'time' };

/** nsenter: run a program in different namespaces. */
export const nsenter: Command = {
  name: 'nsenter',
  summary: 'run program in different namespaces',
  help: `
Usage:
 nsenter [options] [<program> [<argument>...]]

Run a program with namespaces of other processes.

Options:
 -a, --all              enter all namespaces
 -t, --target <pid>     target process to get namespaces from
 -m, --mount[=<file>]   enter mount namespace
 -u, --uts[=<file>]     enter UTS namespace (hostname etc)
 -i, --ipc[=<file>]     enter System V IPC namespace
 -n, --net[=<file>]     enter network namespace
 -p, --pid[=<file>]     enter pid namespace
 -C, --cgroup[=<file>]  enter cgroup namespace
 -U, --user[=<file>]    enter user namespace
 -T, --time[=<file>]    enter time namespace
 -F, --no-fork          do not fork before exec'ing <program>

 -h, --help             display this help

For more details see nsenter(1).`.trimStart(),
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const types = new Set<NamespaceType>();
    let all = false;
    let target: number | undefined;
    let noFork = false;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === '--') { i++; break; }
      if (!a.startsWith('-')) break;
      if (a.startsWith('--')) {
        const [name, val] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
        if (LONG[name]) types.add(LONG[name]);
        else if (name === '--all') all = true;
        else if (name === '--target') target = Number(val ?? args[++i]);
        else if (name === '--no-fork') noFork = true;
        else if (name === '--preserve-credentials') continue;
        else { ctx.stderr.write(`nsenter: unrecognized option '${a}'\nTry 'nsenter --help' for more information.\n`); return 1; }
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (SHORT[c]) types.add(SHORT[c]);
        else if (c === 'a') all = true;
        else if (c === 'F') noFork = true;
        else if (c === 't') { target = Number(a.slice(j + 1) || args[++i]); break; }
        else if (c === 'r' || c === 'w') continue;
        else { ctx.stderr.write(`nsenter: invalid option -- '${c}'\nTry 'nsenter --help' for more information.\n`); return 1; }
      }
    }
    if (target === undefined || !Number.isInteger(target)) {
      const first = all ? 'user' : [...types][0];
      if (!first) { ctx.stderr.write("nsenter: no namespace specified\nTry 'nsenter --help' for more information.\n"); return 1; }
      ctx.stderr.write(`nsenter: neither filename nor target pid supplied for ns/${FILE[first as NamespaceType]}\n`);
      return 1;
    }
    const sys = ctx.sys;
    let want = [...types];
    if (all) {
      let mine: Record<string, string>;
      let theirs: Record<string, string>;
      try {
        mine = Object.fromEntries(NAMESPACE_TYPES.map((t) => [t, sys.readlink(`/proc/self/ns/${t}`)]));
        theirs = Object.fromEntries(NAMESPACE_TYPES.map((t) => [t, sys.readlink(`/proc/${target}/ns/${t}`)]));
      } catch (e) {
        if (!isSysError(e)) throw e;
        ctx.stderr.write(`nsenter: cannot open /proc/${target}/ns/${NAMESPACE_TYPES[0]}: ${e.strerror}\n`);
        return 1;
      }
      want = NAMESPACE_TYPES.filter((t) => mine[t] !== theirs[t]);
    }
    if (want.length === 0 && !all) { ctx.stderr.write("nsenter: no namespace specified\nTry 'nsenter --help' for more information.\n"); return 1; }
    try {
      sys.stat(`/proc/${target}`);
    } catch {
      ctx.stderr.write(`nsenter: cannot open /proc/${target}/ns/${FILE[want[0] ?? 'mnt']}: No such file or directory\n`);
      return 1;
    }
    for (const t of want) {
      try {
        sys.setns(target, [t]);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.code === 'ESRCH') { ctx.stderr.write(`nsenter: cannot open /proc/${target}/ns/${FILE[t]}: No such file or directory\n`); return 1; }
        ctx.stderr.write(`nsenter: reassociate to namespace 'ns/${FILE[t]}' failed: ${e.strerror}\n`);
        return 1;
      }
    }
    const cmd = args.slice(i);
    const program = cmd.length ? cmd : [ctx.env.get('SHELL') || '/bin/sh'];
    if (noFork || !want.includes('pid')) {
      return cmd.length ? execIn(ctx, sys, program) : ctx.interact(sys, program, ctx.env);
    }
    let child;
    try {
      child = sys.spawn({ argv: program, env: ctx.env });
    } catch (e) {
      if (!isSysError(e)) throw e;
      ctx.stderr.write(`nsenter: fork failed: ${e.strerror}\n`);
      return 1;
    }
    const st = await waitChild(ctx, cmd.length ? execIn(ctx, child, program) : ctx.interact(child, program, ctx.env));
    if (sys.pendingSignal() !== undefined) return st;
    child.exit(st);
    try {
      return sys.wait(child.clonePid ?? child.pid);
    } catch {
      return st;
    }
  },
};
