import { describe, expect, it } from 'vitest';
import { parseClaims } from './parse.ts';

const mdx = [
  '---',
  'title: T',
  '---',
  '',
  'Some prose.',
  '',
  '<Claim id="union-fs" scenario="laptop" title="Union" sources={["facts-1", "oci"]}',
  '  run={`',
  '    docker run --name c1 alpine touch /x',
  '    mount | grep overlay',
  '  `}',
  '  check={`docker diff c1 | grep -qx "A /x"`}>',
  '  A write lands in the **upper** dir.',
  '</Claim>',
  '',
  '<Claim id="b" scenario="s" run={`echo \\`x\\``} check={`true`} />',
].join('\n');

describe('parseClaims', () => {
  const claims = parseClaims('c.mdx', mdx);
  it('finds each claim with its line number', () => {
    expect(claims.map((c) => [c.id, c.line])).toEqual([['union-fs', 7], ['b', 16]]);
  });
  it('reads template-literal scripts, dedented', () => {
    expect(claims[0].run).toBe('docker run --name c1 alpine touch /x\nmount | grep overlay');
    expect(claims[0].check).toBe('docker diff c1 | grep -qx "A /x"');
    expect(claims[1].run).toBe('echo `x`');
  });
  it('reads sources and the statement', () => {
    expect(claims[0].sources).toEqual(['facts-1', 'oci']);
    expect(claims[0].statement).toBe('A write lands in the **upper** dir.');
    expect(claims[1].statement).toBe('');
  });
  it.each([
    ['<Claim scenario="s" run={`x`} check={`y`} />', 'c.mdx:1: <Claim> needs the prop "id"'],
    ['\n<Claim id="a" run={`x`} check={`y`} />', 'c.mdx:2: <Claim> needs the prop "scenario"'],
    ['<Claim id="a" scenario="s" run={`${x}`} check={`y`} />', 'interpolation is not allowed'],
    ['<Claim id="A b" scenario="s" run={`x`} check={`y`} />', 'must be kebab-case'],
    ['<Claim id="a" scenario="s" run={`x`} check={`y`} colour="red" />', 'unknown prop "colour"'],
    ['<Claim id="a" scenario="s" run={`x`} check={`y`}>never closed', 'never closed'],
    ["<Claim id=\"a\" scenario=\"s\" run={`x`} check={`y`} sources={['x']} />", 'array of double-quoted strings'],
    ['<Claim id="a" scenario={s} run={`x`} check={`y`} />', 'must be "text"'],
  ])('rejects %s with file and line', (src, message) => {
    expect(() => parseClaims('c.mdx', src)).toThrow(message);
  });
});
