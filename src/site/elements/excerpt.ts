/**
 * Pagefind excerpts are HTML whose only markup is <mark> around the matched
 * words (Pagefind docs, "Search API: excerpt"). Never insert them as HTML:
 * split them into text and marked runs, so an indexed page's text can never
 * become markup in the search results.
 */

/** One run of an excerpt: plain text, or a matched (highlighted) word. */
export interface ExcerptRun {
  readonly text: string;
  readonly mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode the character references Pagefind writes (&amp; &lt; &#39; …). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Split an excerpt into runs; any tag other than <mark>/</mark> is dropped, its text kept. */
export function excerptRuns(html: string): ExcerptRun[] {
  const runs: ExcerptRun[] = [];
  let mark = false;
  for (const part of html.split(/(<\/?[a-z][^>]*>)/i)) {
    if (/^<\/?mark\b[^>]*>$/i.test(part)) { mark = !part.startsWith('</'); continue; }
    if (/^<[^>]*>$/.test(part)) continue;
    const text = decodeEntities(part);
    if (text) runs.push({ text, mark });
  }
  return runs;
}
