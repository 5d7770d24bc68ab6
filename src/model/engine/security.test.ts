import { describe, expect, it } from 'vitest';
import { ALL_CAPS, checkCaps, containerCaps, DEFAULT_CAPS } from './security.ts';

// facts §9.2: 14 default caps of 41; moby caps.TweakCapabilities order: defaults, add, drop.
describe('containerCaps', () => {
  it('counts', () => {
    expect(DEFAULT_CAPS.length).toBe(14);
    expect(ALL_CAPS.length).toBe(41);
  });
  it.each([
    [false, [], [], 14, []],
    [true, [], [], 41, ['CAP_SYS_ADMIN']],
    [false, ['sys_admin'], [], 15, ['CAP_SYS_ADMIN']],
    [false, [], ['NET_RAW'], 13, []],
    [false, ['NET_ADMIN'], ['ALL'], 1, ['CAP_NET_ADMIN']],
    [false, ['ALL'], ['CAP_KILL'], 40, ['CAP_SYS_ADMIN']],
  ])('privileged=%s add=%j drop=%j → %d caps', (priv, add, drop, n, has) => {
    const caps = containerCaps(priv, add, drop);
    expect(caps.size).toBe(n);
    for (const c of has) expect(caps.has(c)).toBe(true);
  });
  it('rejects unknown names', () => expect(checkCaps(['FOO'])).toBe('invalid capability: CAP_FOO'));
});
