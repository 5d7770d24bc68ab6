// mount(2), umount2(2), pivot_root(2), chroot(2), path_resolution(7), mount_namespaces(7); facts §1.1, §5.6.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../testkit.ts';
import { fromText, toText } from '../../fs/data.ts';
import type { Sys } from '../types.ts';

const host = (): Sys => bootTestKernel().login();
const txt = (s: string): Uint8Array => fromText(s);

describe('path resolution (path_resolution(7))', () => {
  it.each([
    ['symlink to a directory is followed', (s: Sys) => { s.mkdir('/tmp/d'); s.symlink('/tmp/d', '/tmp/l'); s.writeFile('/tmp/l/f', txt('x')); return toText(s.readFile('/tmp/d/f')); }, 'x'],
    ['relative symlink', (s: Sys) => { s.writeFile('/tmp/f', txt('y')); s.symlink('f', '/tmp/r'); return toText(s.readFile('/tmp/r')); }, 'y'],
    ['.. above / stays at /', (s: Sys) => s.realpath('/../../etc/../tmp'), '/tmp'],
    ['/var/run → /run', (s: Sys) => s.realpath('/var/run'), '/run'],
    ['lstat does not follow', (s: Sys) => s.lstat('/var/run').type, 'symlink'],
  ])('%s', (_n, f, want) => {
    expect(f(host())).toBe(want);
  });

  it.each([
    ['a symlink loop', (s: Sys) => { s.symlink('/tmp/b', '/tmp/a'); s.symlink('/tmp/a', '/tmp/b'); s.stat('/tmp/a'); }, 'ELOOP'],
    ['a file used as a directory', (s: Sys) => { s.writeFile('/tmp/f', txt('')); s.stat('/tmp/f/x'); }, 'ENOTDIR'],
    ['a missing name', (s: Sys) => s.stat('/nope'), 'ENOENT'],
    ['rmdir of a mount point', (s: Sys) => s.rmdir('/proc'), 'EBUSY'],
    ['rename across mounts', (s: Sys) => { s.writeFile('/tmp/f', txt('')); s.rename('/tmp/f', '/run/f'); }, 'EXDEV'],
    ['write below /proc', (s: Sys) => s.writeFile('/proc/new', txt('')), 'EACCES'],
  ])('%s → %s', (_n, f, code) => {
    expect(() => f(host())).toThrow(expect.objectContaining({ code }));
  });
});

describe('mount(2) types', () => {
  it('tmpfs hides what was below and umount brings it back', () => {
    const s = host();
    s.writeFile('/mnt/below', txt('b'));
    s.mount('tmpfs', '/mnt', 'tmpfs', ['size=1m']);
    expect(s.readdir('/mnt')).toEqual([]);
    expect(s.mounts().at(-1)).toMatchObject({ source: 'tmpfs', target: '/mnt', fstype: 'tmpfs', options: ['rw', 'relatime', 'size=1m', 'inode64'] });
    s.umount('/mnt');
    expect(s.readdir('/mnt')).toEqual(['below']);
  });

  it('bind mount shows the same files (writes go through)', () => {
    const s = host();
    s.mkdir('/srv/data');
    s.mount('/srv/data', '/mnt', '', ['bind']);
    s.writeFile('/mnt/f', txt('via bind'));
    expect(toText(s.readFile('/srv/data/f'))).toBe('via bind');
  });

  it('overlay: lowerdir/upperdir/workdir are host paths; writes land in upperdir', () => {
    const s = host();
    for (const d of ['/l', '/u', '/w', '/m']) s.mkdir(d);
    s.writeFile('/l/etc.conf', txt('lower'));
    s.mount('overlay', '/m', 'overlay', ['lowerdir=/l,upperdir=/u,workdir=/w']);
    expect(toText(s.readFile('/m/etc.conf'))).toBe('lower');
    s.writeFile('/m/etc.conf', txt('changed'));
    s.unlink('/m/etc.conf');
    expect(s.lstat('/u/etc.conf')).toMatchObject({ type: 'chardev', rdev: [0, 0] });
    expect(toText(s.readFile('/l/etc.conf'))).toBe('lower');
    expect(s.mounts().at(-1)).toMatchObject({ source: 'overlay', target: '/m', fstype: 'overlay', options: ['rw', 'relatime', 'lowerdir=/l', 'upperdir=/u', 'workdir=/w'] });
  });

  it('mounting /dev/sda1 gives the host disk (the --privileged escape, facts §9.4)', () => {
    const s = host();
    s.mount('/dev/sda1', '/mnt', 'ext4');
    expect(toText(s.readFile('/mnt/etc/hostname'))).toBe('host\n');
  });

  it.each([
    ['unknown type', ['none', '/mnt', 'nosuchfs'], 'ENODEV'],
    ['ext4 on a file', ['/etc/hostname', '/mnt', 'ext4'], 'ENOTBLK'],
    ['missing target', ['tmpfs', '/nope', 'tmpfs'], 'ENOENT'],
    ['overlay without lowerdir', ['overlay', '/mnt', 'overlay'], 'EINVAL'],
  ] as const)('%s → %s', (_n, [src, tgt, type], code) => {
    expect(() => host().mount(src, tgt, type)).toThrow(expect.objectContaining({ code }));
  });

  it('without CAP_SYS_ADMIN mount fails with EPERM', () => {
    const c = host().spawn({ argv: ['mount'] });
    c.setCapabilities(new Set(['CAP_CHOWN']));
    expect(() => c.mount('tmpfs', '/mnt', 'tmpfs')).toThrow(expect.objectContaining({ code: 'EPERM' }));
  });
});

describe('mount namespaces (mount_namespaces(7): a copy; later mounts do not propagate)', () => {
  it('a mount in the child namespace is invisible to the host', () => {
    const s = host();
    const c = s.spawn({ argv: ['sh'], newNamespaces: ['mnt'] });
    c.mount('tmpfs', '/mnt', 'tmpfs');
    expect(c.mounts().length).toBe(s.mounts().length + 1);
    c.writeFile('/mnt/x', txt(''));
    expect(s.readdir('/mnt')).toEqual([]);
  });
});

describe('unshare --pid --fork --mount-proc (facts §11)', () => {
  it('the new /proc lists only the namespace', () => {
    const s = host();
    const u = s.spawn({ argv: ['unshare'] });
    u.unshare(['pid', 'mnt']);
    const ps = u.spawn({ argv: ['ps'] });
    ps.mount('none', '/', '', ['rprivate']);
    ps.mount('proc', '/proc', 'proc', ['nosuid', 'nodev', 'noexec']);
    expect(ps.readdir('/proc').filter((n) => /^\d+$/.test(n))).toEqual(['1']);
    expect(ps.readlink('/proc/self')).toBe('1');
    expect(s.readdir('/proc').filter((n) => /^\d+$/.test(n)).length).toBeGreaterThan(3);
  });
});

describe('pivot_root(2) and chroot(2)', () => {
  const container = (): { s: Sys; c: Sys } => {
    const s = host();
    for (const d of ['/c', '/c/root', '/c/root/etc', '/c/root/proc']) s.mkdir(d);
    s.writeFile('/c/root/etc/hostname', txt('box\n'));
    const c = s.spawn({ argv: ['runc', 'init'], newNamespaces: ['mnt', 'pid', 'uts'] });
    c.mount('/c/root', '/c/root', '', ['bind']);
    c.chdir('/c/root');
    return { s, c };
  };

  it('runc\'s pivot_root(".", ".") + umount(".") leaves only the new root', () => {
    const { s, c } = container();
    c.pivotRoot('.', '.');
    c.umount('.');
    expect(toText(c.readFile('/etc/hostname'))).toBe('box\n');
    expect(c.getcwd()).toBe('/');
    expect(c.mounts().map((m) => m.target)).toEqual(['/']);
    c.mount('proc', '/proc', 'proc');
    expect(c.readdir('/proc').filter((n) => /^\d+$/.test(n))).toEqual(['1']);
    expect(toText(s.readFile('/etc/hostname'))).toBe('host\n');
  });

  it('pivot_root with put_old keeps the old root reachable until unmounted', () => {
    const { c } = container();
    c.mkdir('/c/root/old');
    c.pivotRoot('/c/root', '/c/root/old');
    expect(toText(c.readFile('/old/etc/hostname'))).toBe('host\n');
    c.umount('/old');
    expect(() => c.stat('/old/etc/hostname')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });

  it.each([
    ['new_root not a mount point', (c: Sys) => c.pivotRoot('/c/root/etc', '/c/root/etc'), 'EINVAL'],
    ['put_old outside new_root', (c: Sys) => c.pivotRoot('/c/root', '/tmp'), 'EINVAL'],
  ])('%s → %s', (_n, f, code) => {
    expect(() => f(container().c)).toThrow(expect.objectContaining({ code }));
  });

  it('chroot makes the directory "/" and .. cannot climb out', () => {
    const { c } = container();
    c.chroot('/c/root');
    c.chdir('/');
    expect(toText(c.readFile('/../../etc/hostname'))).toBe('box\n');
    expect(c.realpath('/etc')).toBe('/etc');
  });
});

describe('statfs(2) for df(1)', () => {
  it('root disk reports the disk size with 5% reserved', () => {
    const st = host().statfs('/');
    expect(st).toMatchObject({ source: '/dev/sda1', target: '/', fstype: 'ext4', totalBytes: 64 * 1024 ** 3 });
    expect(st.availBytes).toBe(st.totalBytes - st.usedBytes - Math.floor(st.totalBytes * 0.05));
  });
});

describe('/proc/PID/root and cwd are magic links into the process\'s own view (proc(5))', () => {
  it('the host reads a container\'s files through /proc/PID/root', () => {
    const s = host();
    for (const d of ['/c', '/c/root', '/c/root/etc']) s.mkdir(d);
    s.writeFile('/c/root/etc/hostname', txt('box\n'));
    const c = s.spawn({ argv: ['init'], newNamespaces: ['mnt', 'pid'] });
    c.mount('/c/root', '/c/root', '', ['bind']);
    c.chdir('/c/root');
    c.pivotRoot('.', '.');
    c.umount('.');
    const pid = c.clonePid!;
    expect(s.readlink(`/proc/${pid}/root`)).toBe('/');
    expect(toText(s.readFile(`/proc/${pid}/root/etc/hostname`))).toBe('box\n');
    expect(s.readdir(`/proc/${pid}/root`)).toEqual(['etc']);
    expect(s.stat(`/proc/${pid}/cwd`).type).toBe('dir');
  });
});
