/** Embeddable items read from MDX, the iframe snippet (HTML attribute escaping) and statements as text. */
import { describe, expect, it } from 'vitest';
import { embedPath, iframeSnippet, statementRuns, stringProps, terminalsIn } from './embeds.ts';

describe('terminalsIn', () => {
  it('finds each <Terminal> with its props and line', () => {
    const src = 'x\n<Terminal scenario="laptop" caption={"A > B"} />\n\n<Terminal\n  id="vm" scenario=\'server\' hint={`type ls`} />\n';
    expect(terminalsIn(src)).toEqual([
      { id: 'main', scenario: 'laptop', caption: 'A > B', hint: undefined, line: 2 },
      { id: 'vm', scenario: 'server', caption: undefined, hint: 'type ls', line: 4 },
    ]);
  });
  it('ignores props written as expressions', () => {
    expect(stringProps('<X a={b} c="d" />')).toEqual(new Map([['c', 'd']]));
  });
});

describe('embedPath / iframeSnippet', () => {
  it.each([
    [{ claim: 'union-fs' }, '/embed/layered-images/union-fs/'],
    [{ terminal: 'main' }, '/embed/layered-images/terminal-main/'],
  ])('%o → %s', (item, path) => expect(embedPath('layered-images', item)).toBe(path));

  it('escapes attribute values', () => {
    expect(iframeSnippet('https://x/e/"><script>', 'a "b" <c>')).toBe(
      '<iframe src="https://x/e/&quot;>&lt;script>" title="a &quot;b&quot; &lt;c>" width="100%" height="480" loading="lazy" style="border:0"></iframe>',
    );
  });
});

describe('statementRuns', () => {
  it.each([
    ['plain **bold** and [a link](/x/)', [{ text: 'plain bold and a link', code: false }]],
    ['runs `docker diff c1` now', [{ text: 'runs ', code: false }, { text: 'docker diff c1', code: true }, { text: ' now', code: false }]],
    ['<Aside>tag</Aside> <img src=x onerror=alert(1)>', [{ text: 'tag', code: false }]],
  ])('%s', (mdx, runs) => expect(statementRuns(mdx)).toEqual(runs));
});
