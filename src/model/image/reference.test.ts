// Docker's reference grammar (distribution/reference, familiar names).
import { describe, expect, it } from 'vitest';
import { familiar, parseRef } from './reference.ts';

describe('parseRef', () => {
  it.each([
    ['alpine', { repository: 'alpine', tag: 'latest' }],
    ['alpine:3.22', { repository: 'alpine', tag: '3.22' }],
    ['docker.io/library/alpine:3.22', { repository: 'alpine', tag: '3.22' }],
    ['docker.io/shop/app:1.0', { repository: 'shop/app', tag: '1.0' }],
    ['localhost:5000/team/app', { repository: 'localhost:5000/team/app', tag: 'latest' }],
    ['mcr.microsoft.com/windows/nanoserver:ltsc2022', { repository: 'mcr.microsoft.com/windows/nanoserver', tag: 'ltsc2022' }],
    [`alpine@sha256:${'a'.repeat(64)}`, { repository: 'alpine', digest: `sha256:${'a'.repeat(64)}` }],
    ['Alpine', undefined],
    ['alpine:', undefined],
    ['-x', undefined],
  ])('%s', (ref, want) => expect(parseRef(ref)).toEqual(want));
  it.each([['alpine', 'alpine:latest'], ['index.docker.io/library/busybox:1.37', 'busybox:1.37'], ['UPPER', undefined]])('familiar(%s)', (ref, want) => {
    expect(familiar(ref)).toBe(want);
  });
});
