// htmlToText turns a rendered <Cmd> slot back into the command the reader sees and the button's label.
import { describe, expect, it } from 'vitest';
import { htmlToText } from './text.ts';

describe('htmlToText', () => {
  it.each([
    ['docker ps -a', 'docker ps -a'],
    ['<p>docker ps -a</p>\n', 'docker ps -a'],
    ["docker inspect -f &#39;{{.Id}}&#39; c1", "docker inspect -f '{{.Id}}' c1"],
    ['echo hi &gt; /etc/hello &amp;&amp; cat &quot;x&quot;', 'echo hi > /etc/hello && cat "x"'],
    ['a &#x3C; b', 'a < b'],
    ['&unknown;', '&unknown;'],
  ])('%s', (html, text) => expect(htmlToText(html)).toBe(text));
});
