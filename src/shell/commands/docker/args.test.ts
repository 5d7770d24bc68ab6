import { describe, expect, it } from 'vitest';
import { FlagError, parseFlags, type FlagSpec } from './args.ts';

// spf13/pflag semantics as docker run uses them (interspersed=false).
const specs: FlagSpec[] = [
  { name: 'detach', short: 'd', kind: 'bool' },
  { name: 'interactive', short: 'i', kind: 'bool' },
  { name: 'tty', short: 't', kind: 'bool' },
  { name: 'rm', kind: 'bool' },
  { name: 'name', kind: 'string' },
  { name: 'env', short: 'e', kind: 'list' },
  { name: 'memory', short: 'm', kind: 'string' },
];

describe('parseFlags', () => {
  it.each([
    [['-it', 'alpine', 'sh'], ['interactive', 'tty'], {}, ['alpine', 'sh']],
    [['--rm', '--name', 'c1', 'alpine'], ['rm'], { name: 'c1' }, ['alpine']],
    [['--name=c1', '-d', 'alpine', 'sleep', '-d'], ['detach'], { name: 'c1' }, ['alpine', 'sleep', '-d']],
    [['-m512m', 'alpine'], [], { memory: '512m' }, ['alpine']],
  ])('%j', (argv, bools, strings, args) => {
    const p = parseFlags(argv, specs, { interspersed: false });
    expect([...p.bools].sort()).toEqual([...bools].sort());
    expect(Object.fromEntries(p.strings)).toEqual(strings);
    expect(p.args).toEqual(args);
  });
  it('collects list flags', () => {
    expect(parseFlags(['-e', 'A=1', '-eB=2', '--env=C=3', 'x'], specs).lists.get('env')).toEqual(['A=1', 'B=2', 'C=3']);
  });
  it.each([
    [['--nope'], 'unknown flag: --nope'],
    [['-x'], "unknown shorthand flag: 'x' in -x"],
    [['--name'], 'flag needs an argument: --name'],
  ])('%j fails', (argv, msg) => {
    expect(() => parseFlags(argv, specs)).toThrow(FlagError);
    expect(() => parseFlags(argv, specs)).toThrow(msg);
  });
});
