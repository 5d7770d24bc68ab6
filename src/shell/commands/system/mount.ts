/**
 * mount(8) and umount(8) from util-linux: list mounts as "SOURCE on TARGET
 * type TYPE (OPTIONS)", mount a filesystem (-t TYPE -o OPTS, --bind,
 * remount, propagation flags), unmount; errors in libmount's words, exit
 * status 32 on failure.
 */
import type { Command, CommandContext } from '../../types.ts';
import { isSysError } from '../../../model/errors.ts';
import { asBusybox } from './util.ts';
import type { SysError } from '../../../model/errors.ts';

const DMESG_HINT = '       dmesg(1) may have more information after failed mount system call.\n';

/** libmount's message for a failed mount(2). */
function mountError(e: SysError, source: string, target: string, type: string): string {
  switch (e.code) {
    case 'EPERM': return `mount: ${target}: permission denied.\n${DMESG_HINT}`;
    case 'EACCES': return `mount: ${target}: permission denied.\n${DMESG_HINT}`;
    case 'ENODEV': return `mount: ${target}: unknown filesystem type '${type}'.\n${DMESG_HINT}`;
    case 'ENOTBLK': return `mount: ${target}: ${source} is not a block device.\n${DMESG_HINT}`;
    case 'ENXIO': return `mount: ${target}: special device ${source} does not exist.\n${DMESG_HINT}`;
    case 'ENOTDIR': return `mount: ${target}: mount point is not a directory.\n`;
    case 'EINVAL': return `mount: ${target}: wrong fs type, bad option, bad superblock on ${source}, missing codepage or helper program, or other error.\n${DMESG_HINT}`;
    default: return `mount: ${target}: mount(2) system call failed: ${e.strerror}.\n${DMESG_HINT}`;
  }
}

function list(ctx: CommandContext, type?: string): number {
  let out = '';
  for (const m of ctx.sys.mounts()) {
    if (type && m.fstype !== type) continue;
    out += `${m.source} on ${m.target} type ${m.fstype} (${m.options.join(',')})\n`;
  }
  ctx.stdout.write(out);
  return 0;
}

/** mount: mount a filesystem. */
export const mount: Command = {
  name: 'mount',
  summary: 'mount a filesystem',
  help: `
Usage:
 mount [-lhV]
 mount -a [options]
 mount [options] [--source] <source> | [--target] <directory>
 mount [options] <source> <directory>
 mount <operation> <mountpoint> [<target>]

Mount a filesystem.

Options:
 -o, --options <list>    comma-separated list of mount options
 -r, --read-only         mount the filesystem read-only (same as -o ro)
 -t, --types <list>      limit the set of filesystem types
 -w, --rw, --read-write  mount the filesystem read-write (default)

Operations:
 -B, --bind              mount a subtree somewhere else (same as -o bind)
 -R, --rbind             mount a subtree and all submounts somewhere else
 --make-private          mark a subtree as private
 --make-rprivate         recursively mark a whole subtree as private

Types in this model: proc sysfs cgroup2 tmpfs devtmpfs devpts mqueue overlay,
and ext4 from a block device (/dev/sda1).

For more details see mount(8).`.trimStart(),
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let type = '';
    const opts: string[] = [];
    const pos: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-t' || a === '--types') type = args[++i] ?? '';
      else if (a.startsWith('-t') && a.length > 2 && !a.startsWith('--')) type = a.slice(2);
      else if (a === '-o' || a === '--options') opts.push(...(args[++i] ?? '').split(',').filter(Boolean));
      else if (a.startsWith('-o') && a.length > 2 && !a.startsWith('--')) opts.push(...a.slice(2).split(',').filter(Boolean));
      else if (a === '--bind' || a === '-B') opts.push('bind');
      else if (a === '--rbind' || a === '-R') opts.push('rbind');
      else if (a === '-r' || a === '--read-only') opts.push('ro');
      else if (a === '-w' || a === '--rw' || a === '--read-write') opts.push('rw');
      else if (a.startsWith('--make-')) opts.push(a.slice(7));
      else if (a === '-l' || a === '-v' || a === '--verbose' || a === '-n') continue;
      else if (a.startsWith('-')) { ctx.stderr.write(`mount: unrecognized option '${a}'\nTry 'mount --help' for more information.\n`); return 1; }
      else pos.push(a);
    }
    if (pos.length === 0) {
      if (opts.length) { ctx.stderr.write("mount: bad usage\nTry 'mount --help' for more information.\n"); return 1; }
      return list(ctx, type || undefined);
    }
    const propagation = opts.length > 0 && opts.every((o) => /^r?(private|slave|shared|unbindable)$/.test(o));
    if (pos.length === 1 && !propagation && !opts.includes('remount')) {
      ctx.stderr.write(`mount: ${pos[0]}: can't find in /etc/fstab.\n`);
      return 1;
    }
    const [source, target] = pos.length === 1 ? ['none', pos[0]] : pos;
    try {
      ctx.sys.stat(target);
    } catch (e) {
      if (isSysError(e, 'ENOENT')) { ctx.stderr.write(`mount: ${target}: mount point does not exist.\n${DMESG_HINT}`); return 32; }
      throw e;
    }
    const fstype = type || (opts.includes('bind') || opts.includes('rbind') || propagation || opts.includes('remount') ? '' : source.startsWith('/dev/') ? 'auto' : source);
    if (!type && fstype !== '' && fstype !== 'auto' && !['proc', 'sysfs', 'tmpfs', 'cgroup2', 'overlay', 'devpts', 'mqueue', 'devtmpfs'].includes(fstype)) {
      ctx.stderr.write(`mount: ${target}: special device ${source} does not exist.\n${DMESG_HINT}`);
      return 32;
    }
    try {
      ctx.sys.mount(source, target, fstype, opts);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.code === 'ENOENT' && fstype === 'auto' || e.code === 'ENOENT' && !['proc', 'sysfs', 'tmpfs', 'cgroup2', 'overlay'].includes(fstype)) {
        ctx.stderr.write(`mount: ${target}: special device ${source} does not exist.\n${DMESG_HINT}`);
        return 32;
      }
      // BusyBox mount (util-linux/mount.c): EPERM is "permission denied (are you root?)", the rest "mounting X on Y failed".
      if (asBusybox(ctx)) ctx.stderr.write(e.code === 'EPERM' ? 'mount: permission denied (are you root?)\n' : `mount: mounting ${source} on ${target} failed: ${e.strerror}\n`);
      else ctx.stderr.write(mountError(e, source, target, fstype));
      return asBusybox(ctx) ? 1 : 32;
    }
    return 0;
  },
};

/** umount: unmount filesystems. */
export const umount: Command = {
  name: 'umount',
  summary: 'unmount filesystems',
  help: `
Usage:
 umount [-hV]
 umount -a [options]
 umount [options] <source> | <directory>

Unmount filesystems.

Options:
 -l, --lazy              detach the filesystem now, clean up things later
 -R, --recursive         recursively unmount a target with all its children

For more details see umount(8).`.trimStart(),
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const lazy = args.some((a) => a === '-l' || a === '--lazy' || a === '-R' || a === '--recursive');
    const targets = args.filter((a) => !a.startsWith('-'));
    if (targets.length === 0) { ctx.stderr.write("umount: bad usage\nTry 'umount --help' for more information.\n"); return 1; }
    let status = 0;
    for (const t of targets) {
      let path: string;
      try {
        path = ctx.sys.realpath(t);
      } catch (e) {
        if (!isSysError(e)) throw e;
        ctx.stderr.write(`umount: ${t}: no mount point specified.\n`);
        status = 32;
        continue;
      }
      const mounts = ctx.sys.mounts();
      const here = mounts.filter((m) => m.target === path);
      if (here.length === 0) {
        ctx.stderr.write(`umount: ${t}: not mounted.\n`);
        status = 32;
        continue;
      }
      const top = here[here.length - 1];
      const busy = mounts.some((m) => m.parentId === top.id && m.id !== top.id);
      if (busy && !lazy) {
        ctx.stderr.write(`umount: ${t}: target is busy.\n`);
        status = 32;
        continue;
      }
      try {
        ctx.sys.umount(path);
      } catch (e) {
        if (!isSysError(e)) throw e;
        const msg = e.code === 'EPERM' ? 'must be superuser to unmount.' : e.code === 'EBUSY' ? 'target is busy.' : e.code === 'EINVAL' ? 'not mounted.' : `umount failed: ${e.strerror}.`;
        ctx.stderr.write(`umount: ${t}: ${msg}\n`);
        status = 32;
      }
    }
    return status;
  },
};
