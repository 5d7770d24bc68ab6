/**
 * unshare(1) from util-linux: run a program in new namespaces (unshare(2)).
 * --fork makes the program a child, which is what --pid needs to become
 * PID 1; --mount-proc mounts a fresh /proc for it (after making mounts
 * private), so ps shows only the new namespace (facts §11).
 */
import type { Command } from '../../types.ts';
import type { NamespaceType } from '../../../model/kernel/types.ts';
import { fromText } from '../../../model/fs/data.ts';
import { isSysError } from '../../../model/errors.ts';
import { asBusybox, execIn, waitChild } from './util.ts';
import { parseSignal } from './kill.ts';

const SHORT: Record<string, NamespaceType> = { m: 'mnt', u: 'uts', i: 'ipc', n: 'net', p: 'pid', U: 'user', C: 'cgroup', T: 'time' };
const LONG: Record<string, NamespaceType> = { '--mount': 'mnt', '--uts': 'uts', '--ipc': 'ipc', '--net': 'net', '--pid': 'pid', '--user': 'user', '--cgroup': 'cgroup', '--time': 'time' };

/** unshare: run a program with some namespaces unshared from the parent. */
export const unshare: Command = {
  name: 'unshare',
  summary: 'run program in new namespaces',
  help: `
Usage:
 unshare [options] [<program> [<argument>...]]

Run a program with some namespaces unshared from the parent.

Options:
 -m, --mount[=<file>]      unshare mounts namespace
 -u, --uts[=<file>]        unshare UTS namespace (hostname etc)
 -i, --ipc[=<file>]        unshare System V IPC namespace
 -n, --net[=<file>]        unshare network namespace
 -p, --pid[=<file>]        unshare pid namespace
 -U, --user[=<file>]       unshare user namespace
 -C, --cgroup[=<file>]     unshare cgroup namespace
 -T, --time[=<file>]       unshare time namespace

 -f, --fork                fork before launching <program>
 --mount-proc[=<dir>]      mount proc filesystem first (implies --mount)
 -r, --map-root-user       map current user to root (implies --user)
 -R, --root=<dir>          run the command with root directory set to <dir>
 -w, --wd=<dir>            change working directory to <dir>
 --kill-child[=<signame>]  when dying, kill the forked child (implies --fork)

 -h, --help                display this help

For more details see unshare(1).`.trimStart(),
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const types = new Set<NamespaceType>();
    let fork = false;
    let mountProc: string | undefined;
    let mapRoot = false;
    let root: string | undefined;
    let wd: string | undefined;
    let killChild: string | undefined;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === '--') { i++; break; }
      if (!a.startsWith('-') || a === '-') break;
      if (a.startsWith('--')) {
        const [name, val] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
        if (LONG[name]) types.add(LONG[name]);
        else if (name === '--fork') fork = true;
        else if (name === '--mount-proc') { mountProc = val ?? '/proc'; types.add('mnt'); }
        else if (name === '--map-root-user') { mapRoot = true; types.add('user'); }
        else if (name === '--root') root = val ?? args[++i];
        else if (name === '--wd') wd = val ?? args[++i];
        else if (name === '--kill-child') { killChild = val ?? 'KILL'; fork = true; }
        else if (name === '--propagation' || name === '--setgroups') { if (val === undefined) i++; }
        else { ctx.stderr.write(`unshare: unrecognized option '${a}'\nTry 'unshare --help' for more information.\n`); return 1; }
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (SHORT[c]) types.add(SHORT[c]);
        else if (c === 'f') fork = true;
        else if (c === 'r') { mapRoot = true; types.add('user'); }
        else if (c === 'R' || c === 'w') { const v = a.slice(j + 1) || args[++i]; if (c === 'R') root = v; else wd = v; break; }
        else { ctx.stderr.write(`unshare: invalid option -- '${c}'\nTry 'unshare --help' for more information.\n`); return 1; }
      }
    }
    const cmd = args.slice(i);
    const sys = ctx.sys;
    const outerUid = sys.uid;
    const outerGid = sys.gid;
    try {
      sys.unshare([...types]);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (asBusybox(ctx)) {
        // BusyBox (util-linux/unshare.c): perror("unshare(0x%x)") with the CLONE_NEW* flags.
        const bits: Record<string, number> = { mnt: 0x20000, uts: 0x4000000, ipc: 0x8000000, user: 0x10000000, pid: 0x20000000, net: 0x40000000, cgroup: 0x2000000, time: 0x80 };
        const flags = [...types].reduce((a, t) => a + bits[t], 0);
        ctx.stderr.write(`unshare: unshare(0x${flags.toString(16)}): ${e.strerror}\n`);
      } else ctx.stderr.write(`unshare: unshare failed: ${e.strerror}\n`);
      return 1;
    }
    if (mapRoot) {
      for (const [file, text] of [['/proc/self/setgroups', 'deny'], ['/proc/self/uid_map', `0 ${outerUid} 1`], ['/proc/self/gid_map', `0 ${outerGid} 1`]]) {
        try {
          sys.writeFile(file, fromText(text));
        } catch (e) {
          if (!isSysError(e)) throw e;
          ctx.stderr.write(`unshare: write failed ${file}: ${e.strerror}\n`);
          return 1;
        }
      }
    }
    const program = cmd.length ? cmd : [ctx.env.get('SHELL') || '/bin/sh'];
    let target = sys;
    if (fork) {
      try {
        target = sys.spawn({ argv: program, env: ctx.env, cwd: sys.getcwd() });
      } catch (e) {
        if (!isSysError(e)) throw e;
        ctx.stderr.write(`unshare: fork failed: ${e.strerror}\n`);
        return 1;
      }
    }
    const finish = (st: number): number => {
      if (!fork) return st;
      target.exit(st);
      try {
        return sys.wait(target.clonePid ?? target.pid);
      } catch {
        return st;
      }
    };
    try {
      if (mountProc !== undefined) {
        try {
          target.mount('none', '/', '', ['rprivate']);
          target.mount('proc', mountProc, 'proc', ['nosuid', 'noexec', 'nodev']);
        } catch (e) {
          if (!isSysError(e)) throw e;
          ctx.stderr.write(`unshare: mount ${mountProc} failed: ${e.strerror}\n`);
          return finish(1);
        }
      }
      if (root !== undefined) {
        try {
          target.chroot(root);
          target.chdir('/');
        } catch (e) {
          if (!isSysError(e)) throw e;
          ctx.stderr.write(`unshare: cannot change root directory to '${root}': ${e.strerror}\n`);
          return finish(1);
        }
      }
      if (wd !== undefined) {
        try {
          target.chdir(wd);
        } catch (e) {
          if (!isSysError(e)) throw e;
          ctx.stderr.write(`unshare: cannot chdir to '${wd}': ${e.strerror}\n`);
          return finish(1);
        }
      }
      const run = cmd.length ? execIn(ctx, target, program) : ctx.interact(target, program, ctx.env);
      const st = fork ? await waitChild(ctx, run) : await run;
      // Killed while waiting (Ctrl-C): return now; the child keeps running unless --kill-child (PR_SET_PDEATHSIG).
      if (fork && sys.pendingSignal() !== undefined) {
        const sig = killChild !== undefined ? parseSignal(killChild) : undefined;
        if (sig) { try { sys.kill(target.clonePid ?? target.pid, sig); } catch { /* gone */ } }
        return st;
      }
      return finish(st);
    } catch (e) {
      finish(1);
      throw e;
    }
  },
};
