// capabilities(7) bit numbers, proc(5) CapEff, and Docker's default seccomp profile (facts §9.2, §9.3).
import { describe, expect, it } from 'vitest';
import { ALL_CAPS, DOCKER_DEFAULT_CAPS, capMask, dockerSeccompDenied } from './capabilities.ts';

describe('CapEff masks as /proc/PID/status prints them', () => {
  it.each([
    ['Docker\'s default 14', DOCKER_DEFAULT_CAPS, '00000000a80425fb'],
    ['all 41 (--privileged, host root)', ALL_CAPS, '000001ffffffffff'],
    ['none', [], '0000000000000000'],
  ])('%s → %s', (_n, caps, mask) => {
    expect(capMask(new Set(caps))).toBe(mask);
  });
});

describe('Docker\'s default seccomp profile (facts §9.3)', () => {
  it.each([
    ['mount without CAP_SYS_ADMIN', DOCKER_DEFAULT_CAPS, 'mount', true],
    ['unshare without CAP_SYS_ADMIN', DOCKER_DEFAULT_CAPS, 'unshare', true],
    ['sethostname without CAP_SYS_ADMIN', DOCKER_DEFAULT_CAPS, 'sethostname', true],
    ['reboot without CAP_SYS_BOOT', DOCKER_DEFAULT_CAPS, 'reboot', true],
    ['chroot with CAP_SYS_CHROOT', DOCKER_DEFAULT_CAPS, 'chroot', false],
    ['mount with CAP_SYS_ADMIN', [...DOCKER_DEFAULT_CAPS, 'CAP_SYS_ADMIN'], 'mount', false],
    ['pivot_root even with every capability', ALL_CAPS, 'pivot_root', true],
    ['syslog with CAP_SYSLOG', [...DOCKER_DEFAULT_CAPS, 'CAP_SYSLOG'], 'syslog', false],
  ])('%s: denied=%s', (_n, caps, call, denied) => {
    expect(dockerSeccompDenied(new Set(caps)).has(call)).toBe(denied);
  });
});
