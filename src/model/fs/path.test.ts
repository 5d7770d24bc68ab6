// POSIX path handling: path_resolution(7), dirname(1), basename(1); expected values match Node's path.posix.
import { describe, expect, it } from 'vitest';
import { basename, canonical, compareNames, dirname, isCanonical, isWithin, join, normalize, resolvePath, splitParent, splitPath } from './path.ts';

describe('normalize (path_resolution(7), lexical)', () => {
  it.each([
    ['/', '/'], ['//', '/'], ['/a//b/', '/a/b'], ['/a/./b/.', '/a/b'], ['/a/b/..', '/a'],
    ['/..', '/'], ['/../a', '/a'], ['a/../..', '..'], ['', '.'], ['./', '.'], ['a/./b', 'a/b'], ['../../x', '../../x'],
  ])('%j → %j', (p, want) => expect(normalize(p)).toBe(want));
});

describe('join', () => {
  it.each([
    [['/a', 'b'], '/a/b'], [['/a/', '/b/'], '/a/b'], [['a', '..', 'b'], 'b'], [[], '.'], [['/', 'x', '..'], '/'],
  ])('%j → %j', (parts, want) => expect(join(...parts)).toBe(want));
});

describe('dirname(1) / basename(1)', () => {
  it.each([
    ['/a/b', '/a', 'b'], ['/a/b/', '/a', 'b'], ['a', '.', 'a'], ['/', '/', '/'], ['/a', '/', 'a'],
    ['a/b', 'a', 'b'], ['//a//b//', '//a', 'b'], ['', '.', ''],
  ])('%j → dirname %j, basename %j', (p, d, b) => {
    expect(dirname(p)).toBe(d);
    expect(basename(p)).toBe(b);
  });
});

describe('splitPath / splitParent', () => {
  it.each([
    ['/', []], ['/usr/bin/', ['usr', 'bin']], ['a//b', ['a', 'b']], ['/a/../b', ['b']],
  ])('splitPath(%j) = %j', (p, want) => expect(splitPath(p)).toEqual(want));
  it.each([
    ['/', ['/', '']], ['/a', ['/', 'a']], ['/a/b', ['/a', 'b']],
  ])('splitParent(%j) = %j', (p, want) => expect(splitParent(p)).toEqual(want));
});

describe('resolvePath(cwd, p)', () => {
  it.each([
    ['/home/u', 'x', '/home/u/x'], ['/home/u', '/etc', '/etc'], ['/home/u', '../..', '/'],
    ['/', '.', '/'], ['/a', './b/../c/', '/a/c'],
  ])('cwd %j, %j → %j', (cwd, p, want) => expect(resolvePath(cwd, p)).toBe(want));
});

describe('isCanonical / canonical', () => {
  it.each([
    ['/', true, '/'], ['/a/b', true, '/a/b'], ['/a/', false, '/a'], ['/a//b', false, '/a/b'], ['a/b', false, '/a/b'],
    ['/a/./b', false, '/a/b'], ['/a/../b', false, '/b'], ['/.hidden', true, '/.hidden'], ['/a/..b', true, '/a/..b'], ['', false, '/'],
  ])('%j: canonical %j → %j', (p, is, want) => {
    expect(isCanonical(p)).toBe(is);
    expect(canonical(p)).toBe(want);
  });
});

describe('isWithin / compareNames', () => {
  it.each([
    ['/a', '/a', true], ['/a', '/a/b', true], ['/a', '/ab', false], ['/', '/x', true], ['/a/b', '/a', false],
  ])('isWithin(%j, %j) = %j', (d, p, want) => expect(isWithin(d, p)).toBe(want));
  it('sorts like strcmp on UTF-8 bytes (uppercase before lowercase, astral after U+FFFD)', () => {
    expect(['b', 'a', 'B', '\u{1F600}', '\uFFFD', 'a.', '_'].sort(compareNames)).toEqual(['B', '_', 'a', 'a.', 'b', '\uFFFD', '\u{1F600}']);
  });
});
