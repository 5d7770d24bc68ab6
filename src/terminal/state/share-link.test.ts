/**
 * Share links (`#run-<id>=<base64url>`, RFC 4648 §5): round trip, and links
 * that could run something other than what is shown are refused.
 */
import { describe, expect, it } from 'vitest';
import { decodeLines, encodeLines, readShared, shareUrl, withoutShared } from './share-link.ts';

const page = { origin: 'https://example.test', pathname: '/layers/', search: '' };

describe('encode / decode', () => {
  it.each([
    { lines: ['docker run --name c1 alpine touch /new', 'docker diff c1'] },
    { lines: ['echo "héllo → 🐳"'] },
    { lines: ['for i in 1 2 3', 'do echo $i', 'done'] },
    { lines: ["printf '%s\\n' a+b/c?"] },
  ])('round-trips $lines', ({ lines }) => {
    const encoded = encodeLines(lines);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
    expect(decodeLines(encoded)).toEqual(lines);
  });

  const b64 = (text: string) => encodeLines([text]);
  it.each([
    { name: 'not base64url', value: 'a+b/' },
    { name: 'not UTF-8', value: btoa('\xff\xfe').replace(/=+$/, '') },
    { name: 'an escape sequence', value: b64('echo hi\x1b[201~\x15rm -rf /') },
    { name: 'a carriage return (a hidden Enter)', value: b64('echo a\rrm x') },
    { name: 'Ctrl-C', value: b64('echo \x03') },
    { name: 'a bidi override', value: b64('echo \u202eevil') },
    { name: 'only blank lines', value: b64('  ') },
    { name: 'too many lines', value: encodeLines(Array.from({ length: 201 }, () => 'ls')) },
    { name: 'markup stays text but too long is refused', value: encodeLines(['x'.repeat(8001)]) },
  ])('refuses $name', ({ value }) => {
    expect(decodeLines(value)).toBeNull();
  });
});

describe('the fragment', () => {
  it.each([
    { hash: '', id: 'main', kind: 'none' },
    { hash: '#claim-union-fs', id: 'main', kind: 'none' },
    { hash: `#run-main=${encodeLines(['ls'])}`, id: 'main', kind: 'lines' },
    { hash: `#x=1&run-main=${encodeLines(['ls'])}`, id: 'main', kind: 'lines' },
    { hash: `#run-other=${encodeLines(['ls'])}`, id: 'main', kind: 'none' },
    { hash: '#run-main=%%%', id: 'main', kind: 'invalid' },
  ])('$hash → $kind', ({ hash, id, kind }) => {
    expect(readShared(hash, id).kind).toBe(kind);
  });

  it.each([
    { hash: '#run-main=abc', rest: '' },
    { hash: '#x=1&run-main=abc', rest: '#x=1' },
    { hash: '#claim-a', rest: '#claim-a' },
  ])('removing the parameter from $hash leaves "$rest"', ({ hash, rest }) => {
    expect(withoutShared(hash, 'main')).toBe(rest);
  });

  it('builds a link that reads back', () => {
    const url = shareUrl(page, 'main', ['docker ps -a']);
    expect(url).toBe(`https://example.test/layers/#run-main=${encodeLines(['docker ps -a'])}`);
    expect(readShared(new URL(url ?? '').hash, 'main')).toEqual({ kind: 'lines', lines: ['docker ps -a'] });
  });

  it('refuses to build a link too long to share', () => {
    expect(shareUrl(page, 'main', ['x'.repeat(8001)])).toBeNull();
    expect(shareUrl(page, 'main', [])).toBeNull();
  });
});
