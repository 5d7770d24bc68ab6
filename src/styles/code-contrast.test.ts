// WCAG 2.2 SC 1.4.3 (contrast, minimum): every token Shiki colours in our code
// blocks must reach 4.5:1 against the code block background, in the light and
// the dark theme configured in astro.config.mjs. Samples: every fenced code
// block in content/chapters plus a fixed set in the languages chapters use.
// Contrast ratio and relative luminance as defined in WCAG 2.2 ("contrast ratio").
import { readdirSync, readFileSync } from 'node:fs';
import { createHighlighter, type BundledLanguage, type BundledTheme } from 'shiki';
import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { contrast } from './contrast.ts';

const fixed: [string, string][] = [
  ['sh', '# comment\nfor i in $(seq 3); do docker run -d --name "c$i" alpine sleep 1d > /dev/null; done\n[ "$(docker ps -q | wc -l)" -eq 3 ] && echo ok || exit 1\nls -l "$(docker inspect -f \'{{.GraphDriver.Data.UpperDir}}\' c1)/etc"\nexport X=1; echo ${X:-none}'],
  ['console', '$ docker diff c1\nC /etc\nA /etc/hello'],
  ['ts', "// c\nimport { x } from './y.ts';\nexport const n: number = 42;\nclass A extends B { #p = /re[gx]/; f(a: string): boolean { return a === 'b'; } }"],
  ['json', '{"a": 1, "b": [true, null, "s"]}'],
  ['dockerfile', 'FROM alpine:3.22\nRUN apk add --no-cache curl # c\nCOPY . /app\nCMD ["sh"]'],
  ['diff', '--- a\n+++ b\n@@ -1 +1 @@\n-old\n+new'],
];

/** Every ```lang fenced block in the chapters. */
function chapterBlocks(): [string, string][] {
  const dir = new URL('../../content/chapters/', import.meta.url);
  const out: [string, string][] = [];
  for (const f of readdirSync(dir).filter((n: string) => n.endsWith('.mdx'))) {
    const text = readFileSync(new URL(f, dir), 'utf8');
    for (const m of text.matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)^```/gm)) out.push([m[1], m[2]]);
  }
  return out;
}

const themes = config.markdown?.shikiConfig?.themes as Record<'light' | 'dark', BundledTheme>;
const samples = [...fixed, ...chapterBlocks()];

describe.each(['light', 'dark'] as const)('the %s code theme', (mode) => {
  it('is configured', () => expect(typeof themes?.[mode]).toBe('string'));

  it('gives every token at least 4.5:1 against its background', async () => {
    const langs = [...new Set(samples.map(([l]) => l as BundledLanguage))];
    const hl = await createHighlighter({ themes: [themes[mode]], langs });
    const theme = hl.getTheme(themes[mode]);
    const low: string[] = [];
    for (const [lang, code] of samples) {
      for (const line of hl.codeToTokensBase(code, { lang: lang as BundledLanguage, theme: themes[mode] })) {
        for (const t of line) {
          if (!t.content.trim()) continue;
          const ratio = contrast(t.color ?? theme.fg, theme.bg);
          if (ratio < 4.5) low.push(`${lang} "${t.content}" ${t.color} on ${theme.bg}: ${ratio.toFixed(2)}`);
        }
      }
    }
    hl.dispose();
    expect(low).toEqual([]);
  });
});
