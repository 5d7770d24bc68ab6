// namespaces(7), uts_namespaces(7), user_namespaces(7), cgroup_namespaces(7); facts §5, §11.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../testkit.ts';
import { toText } from '../../fs/data.ts';
import { NAMESPACE_TYPES } from '../types.ts';
import type { NamespaceType } from '../types.ts';

const INITIAL: Record<NamespaceType, string> = {
  uts: 'uts:[4026531838]', pid: 'pid:[4026531836]', net: 'net:[4026531833]', mnt: 'mnt:[4026531832]',
  ipc: 'ipc:[4026531839]', user: 'user:[4026531837]', cgroup: 'cgroup:[4026531835]', time: 'time:[4026531834]',
};

describe('initial namespaces (facts §11: readlink /proc/self/ns/X on a real kernel)', () => {
  const sh = bootTestKernel().login();
  it.each(NAMESPACE_TYPES.map((t) => [t, INITIAL[t]]))('%s → %s', (t, want) => {
    expect(sh.readlink(`/proc/self/ns/${t}`)).toBe(want);
  });
});

describe.each(NAMESPACE_TYPES.map((t) => [t]))('unshare(%s) gives a new inode from 4026532200 up (namespaces(7))', (t) => {
  it('differs from the parent and is deterministic', () => {
    const a = bootTestKernel().login().spawn({ argv: ['x'] });
    a.unshare([t]);
    const link = t === 'pid' || t === 'time' ? `/proc/self/ns/${t}_for_children` : `/proc/self/ns/${t}`;
    const got = a.readlink(link);
    expect(got).not.toBe(INITIAL[t]);
    const ino = Number(/\[(\d+)\]/.exec(got)![1]);
    expect(ino).toBeGreaterThanOrEqual(4026532200);
    const b = bootTestKernel().login().spawn({ argv: ['x'] });
    b.unshare([t]);
    expect(b.readlink(link)).toBe(got);
  });
});

describe('UTS namespace (uts_namespaces(7): a copy at creation)', () => {
  it.each([
    ['child sees the copied name', (k: ReturnType<typeof bootTestKernel>) => {
      const c = k.login().spawn({ argv: ['sh'], newNamespaces: ['uts'] });
      return c.uname().nodename;
    }, 'host'],
    ['change inside does not leak out', (k: ReturnType<typeof bootTestKernel>) => {
      const sh = k.login();
      const c = sh.spawn({ argv: ['sh'], newNamespaces: ['uts'] });
      c.sethostname('inside');
      return `${c.uname().nodename}/${sh.uname().nodename}/${toText(c.readFile('/proc/sys/kernel/hostname')).trim()}`;
    }, 'inside/host/inside'],
  ])('%s', (_n, f, want) => {
    expect(f(bootTestKernel())).toBe(want);
  });
});

describe('user namespace (user_namespaces(7))', () => {
  it.each([
    ['before uid_map is written the uid is the overflow 65534', '', 65534, ''],
    ['--map-root-user maps 0 to 0', '0 0 1', 0, '         0          0          1\n'],
  ])('%s', (_n, map, uid, mapText) => {
    const c = bootTestKernel().login().spawn({ argv: ['unshare'] });
    c.unshare(['user']);
    if (map) c.writeFile('/proc/self/uid_map', new TextEncoder().encode(map));
    expect(c.uid).toBe(uid);
    expect(toText(c.readFile('/proc/self/uid_map'))).toBe(mapText);
    expect(c.capabilities().has('CAP_SYS_ADMIN')).toBe(true);
  });

  it('uid_map can be written once only (EPERM)', () => {
    const c = bootTestKernel().login().spawn({ argv: ['unshare'] });
    c.unshare(['user']);
    c.writeFile('/proc/self/uid_map', new TextEncoder().encode('0 0 1'));
    expect(() => c.writeFile('/proc/self/uid_map', new TextEncoder().encode('0 0 1'))).toThrow(/Operation not permitted/);
  });
});

describe('cgroup namespace (cgroup-v2.rst "Namespace", facts §5.7)', () => {
  it('shows 0::/ inside and the real path outside', () => {
    const k = bootTestKernel();
    k.mkcgroup('/system.slice/box.scope');
    const sh = k.login();
    const c = sh.spawn({ argv: ['sh'], cgroup: '/system.slice/box.scope', newNamespaces: ['cgroup'] });
    expect(toText(c.readFile('/proc/self/cgroup'))).toBe('0::/\n');
    expect(toText(sh.readFile(`/proc/${c.pid}/cgroup`))).toBe('0::/system.slice/box.scope\n');
    expect(toText(c.readFile(`/proc/${sh.pid}/cgroup`))).toBe('0::/../../user.slice/user-0.slice/session-1.scope\n');
  });
});

describe('creating namespaces needs CAP_SYS_ADMIN except user (namespaces(7))', () => {
  it.each([['uts', 'EPERM'], ['net', 'EPERM'], ['user', undefined]] as const)('%s without CAP_SYS_ADMIN → %s', (t, code) => {
    const c = bootTestKernel().login().spawn({ argv: ['x'] });
    c.setCapabilities(new Set(['CAP_CHOWN']));
    const run = (): void => c.unshare([t]);
    if (code) expect(run).toThrow(expect.objectContaining({ code }));
    else expect(run).not.toThrow();
  });
});

describe('file owners seen from a user namespace (user_namespaces(7))', () => {
  it.each([
    ['unmapped: root-owned files show as 65534', '', 65534],
    ['root mapped to 0', '0 0 1', 0],
  ])('%s', (_n, map, uid) => {
    const c = bootTestKernel().login().spawn({ argv: ['ls'] });
    c.unshare(['user']);
    if (map) c.writeFile('/proc/self/uid_map', new TextEncoder().encode(map));
    expect(c.stat('/etc').uid).toBe(uid);
  });
});
