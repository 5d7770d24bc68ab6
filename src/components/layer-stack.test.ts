// The layer diagram's derivation follows overlayfs lookup
// (Documentation/filesystems/overlayfs.rst, "upper and lower", "whiteouts and
// opaque directories"): the topmost entry wins, a whiteout hides the name.
import { describe, expect, it } from 'vitest';
import { mergedCell, stackCell, stackPaths, type StackLayer } from './layer-stack.ts';

const layers: StackLayer[] = [
  { name: 'container', kind: 'container', entries: [{ path: '/etc/hello', type: 'file' }, { path: '/etc/motd', type: 'whiteout' }, { path: '/etc/profile', type: 'file' }] },
  { name: 'app', kind: 'image', entries: [{ path: '/app/server', type: 'file' }, { path: '/etc/profile', type: 'file' }] },
  { name: 'alpine', kind: 'image', entries: [{ path: '/etc/motd', type: 'file' }, { path: '/etc/profile', type: 'file' }, { path: '/bin/busybox', type: 'file' }] },
];

describe('stackPaths', () => {
  it('lists every path once, sorted like docker diff', () => {
    expect(stackPaths(layers)).toEqual(['/app/server', '/bin/busybox', '/etc/hello', '/etc/motd', '/etc/profile']);
  });
});

describe('stackCell', () => {
  it.each([
    [0, '/etc/hello', { present: true, type: 'file', status: 'new', hidden: false }],
    [0, '/etc/motd', { present: true, type: 'whiteout', status: 'whiteout c 0/0', hidden: false }],
    [0, '/etc/profile', { present: true, type: 'file', status: 'copied up', hidden: false }],
    [1, '/etc/profile', { present: true, type: 'file', status: 'replaces lower, hidden', hidden: true }],
    [1, '/app/server', { present: true, type: 'file', status: 'new', hidden: false }],
    [2, '/etc/motd', { present: true, type: 'file', status: 'hidden', hidden: true }],
    [2, '/bin/busybox', { present: true, type: 'file', status: '', hidden: false }],
    [1, '/bin/busybox', { present: false, status: '', hidden: false }],
  ])('layer %i, %s', (i, path, cell) => expect(stackCell(layers, i, path)).toEqual(cell));
});

describe('mergedCell', () => {
  it.each([
    ['/etc/motd', { visible: false, status: 'deleted' }],
    ['/etc/profile', { visible: true, from: 'container', status: 'from container' }],
    ['/app/server', { visible: true, from: 'app', status: 'from app' }],
    ['/bin/busybox', { visible: true, from: 'alpine', status: 'from alpine' }],
  ])('%s', (path, cell) => expect(mergedCell(layers, path)).toEqual(cell));
});
