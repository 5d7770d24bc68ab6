#!/usr/bin/env python3
"""Real-kernel side of overlay.kernel.test.ts (needs root and overlayfs).

Reads a JSON list of cases on stdin, each {"layers": [[entry...]...] (topmost first), "ops": [[op, args...]...]}.
Builds each lower layer in a temporary directory, mounts
  mount -t overlay overlay -o lowerdir=L0:L1..,upperdir=U,workdir=W,index=off,redirect_dir=off,metacopy=off M
(the options Docker's overlay2 driver relies on), runs the ops through M with the syscalls the model's
FileSystem methods stand for, and prints a list of {"results": [errno names or "ok"], "merged": [...], "upper": [...]}.
"""
import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile

# Every lower object gets this mtime after building; `touch` ops use TOUCH_NS. Dumps classify mtimes as
# T (kept from the layer), U (set by touch) or * (changed by the operations, at whatever time it was).
LAYER_NS = 1_500_000_000 * 10**9
TOUCH_NS = 1_600_000_000 * 10**9
TYPES = {stat.S_IFDIR: 'dir', stat.S_IFREG: 'file', stat.S_IFLNK: 'symlink', stat.S_IFCHR: 'chardev',
         stat.S_IFBLK: 'blockdev', stat.S_IFIFO: 'fifo'}


def build(root, entries):
    for e in entries:
        kind, p = e[0], root + e[1]
        if kind == 'dir':
            os.mkdir(p, e[2])
        elif kind == 'file':
            fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, e[3])
            os.write(fd, e[2].encode())
            os.close(fd)
            os.chown(p, e[4], e[4])
            os.chmod(p, e[3])  # after chown, which clears setuid/setgid
        elif kind == 'symlink':
            os.symlink(e[2], p)
        elif kind == 'link':
            os.link(root + e[2], p)
        elif kind == 'whiteout':
            os.mknod(p, stat.S_IFCHR, os.makedev(0, 0))
        elif kind == 'opaque':
            os.setxattr(p, 'trusted.overlay.opaque', b'y')
        elif kind == 'xattr':
            os.setxattr(p, e[2], e[3].encode(), follow_symlinks=False)
        elif kind == 'chardev':
            os.mknod(p, stat.S_IFCHR | 0o666, os.makedev(e[2], e[3]))
        elif kind == 'fifo':
            os.mkfifo(p, 0o644)
    for dirpath, dirnames, filenames in os.walk(root, topdown=False):
        for n in dirnames + filenames:
            os.utime(os.path.join(dirpath, n), ns=(LAYER_NS, LAYER_NS), follow_symlinks=False)


def opened(path, flags, mode=0o644, then=None):
    """open(2), optionally do something with the fd, and always close it (a leaked fd keeps the mount busy)."""
    fd = os.open(path, flags | os.O_NOFOLLOW, mode)
    try:
        if then:
            then(fd)
    finally:
        os.close(fd)


def run(m, op):
    k, a = op[0], m + op[1] if op[0] != 'symlink' else op[1]
    if k == 'write': opened(a, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, then=lambda fd: os.write(fd, op[2].encode()))
    elif k == 'append': opened(a, os.O_WRONLY | os.O_CREAT | os.O_APPEND, then=lambda fd: os.write(fd, op[2].encode()))
    elif k == 'excl': opened(a, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o640)
    elif k == 'open_w': opened(a, os.O_WRONLY)
    elif k == 'truncate': opened(a, os.O_WRONLY, then=lambda fd: os.ftruncate(fd, op[2]))
    elif k == 'unlink': os.unlink(a)
    elif k == 'rmdir': os.rmdir(a)
    elif k == 'mkdir': os.mkdir(a, op[2])
    elif k == 'rename': os.rename(a, m + op[2])
    elif k == 'link': os.link(a, m + op[2], follow_symlinks=False)
    elif k == 'symlink': os.symlink(op[1], m + op[2])
    elif k == 'chmod': os.chmod(a, op[2])
    elif k == 'chown': os.lchown(a, op[2], op[3])
    elif k == 'mknod_wh': os.mknod(a, stat.S_IFCHR, os.makedev(0, 0))
    elif k == 'setxattr': os.setxattr(a, op[2], op[3].encode(), follow_symlinks=False)
    elif k == 'touch': os.utime(a, ns=(op[2] * 1000, op[2] * 1000), follow_symlinks=False)
    else: raise ValueError('unknown op ' + k)


def dump(root, upper):
    """One line per path, in the format overlay.kernel.test.ts builds from the model."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        for n in dirnames + filenames:
            p = os.path.join(dirpath, n)
            rel = p[len(root):]
            try:
                st = os.lstat(p)
            except FileNotFoundError:
                # readdir of a non-merged dir lists a whiteout's name that lookup then hides
                out.append(f'{rel} listed-but-ENOENT')
                continue
            t = TYPES[stat.S_IFMT(st.st_mode)]
            body = ''
            if t == 'file':
                with open(p, 'rb') as f: body = f.read().decode()
            elif t == 'symlink':
                body = os.readlink(p)
            names = sorted(x for x in os.listxattr(p, follow_symlinks=False)
                           if x.startswith('user.') or (upper and x.startswith('trusted.overlay.')))
            shown = ','.join(x + ('=' + os.getxattr(p, x, follow_symlinks=False).decode()
                                  if x in ('trusted.overlay.opaque', 'trusted.overlay.impure') or x.startswith('user.') else '')
                             for x in names)
            rdev = f'{os.major(st.st_rdev)},{os.minor(st.st_rdev)}' if t in ('chardev', 'blockdev') else ''
            nlink = '' if t == 'dir' else st.st_nlink
            mtime = {LAYER_NS: 'T', TOUCH_NS: 'U'}.get(st.st_mtime_ns, '*')
            out.append(f'{rel} {t} {stat.S_IMODE(st.st_mode):o} {st.st_uid}:{st.st_gid} {nlink} {rdev} m={mtime} [{body}] {shown}')
    return sorted(out)


def one(case):
    base = tempfile.mkdtemp(prefix='ovl-kernel-diff-')
    os.umask(0)
    lowers = []
    for i, layer in enumerate(case['layers']):
        d = f'{base}/l{i}'
        os.mkdir(d)
        build(d, layer)
        lowers.append(d)
    for d in ('u', 'w', 'm'):
        os.mkdir(f'{base}/{d}')
    opts = f'lowerdir={":".join(lowers)},upperdir={base}/u,workdir={base}/w,index=off,redirect_dir=off,metacopy=off'
    subprocess.run(['mount', '-t', 'overlay', 'overlay', '-o', opts, f'{base}/m'], check=True)
    results = []
    try:
        for op in case['ops']:
            try:
                run(f'{base}/m', op)
                results.append('ok')
            except OSError as e:
                results.append(errno.errorcode.get(e.errno, str(e.errno)))
        merged = dump(f'{base}/m', False)
    finally:
        subprocess.run(['umount', f'{base}/m'], check=True)
    upper = dump(f'{base}/u', True)
    shutil.rmtree(base)
    return {'results': results, 'merged': merged, 'upper': upper}


json.dump([one(case) for case in json.load(sys.stdin)], sys.stdout)
