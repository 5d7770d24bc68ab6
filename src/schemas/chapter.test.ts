// The chapter frontmatter schema: what a writer gets wrong and what the build says.
// Astro runs this schema on every content/chapters/*.mdx and prints
// "[InvalidContentEntryDataError] chapters → <id> data does not match collection schema."
// followed by one "<field>: <message>" line per issue and the file's location,
// so each case below pins the field path and the message a writer will read.
import { describe, expect, it } from 'vitest';
import { chapterSchema } from './chapter.ts';

const good = {
  title: 'Layered images',
  summary: 'Why a thousand containers share one image.',
  order: 5,
  sources: [{ id: 'kernel-overlayfs', title: 'overlayfs.rst', url: 'https://docs.kernel.org/filesystems/overlayfs.html' }],
};

describe('chapterSchema', () => {
  it('accepts a complete chapter', () => {
    expect(chapterSchema.parse(good)).toEqual(good);
  });

  it.each([
    ['missing title', { ...good, title: undefined }, 'title', 'is required'],
    ['missing summary', { ...good, summary: undefined }, 'summary', 'is required'],
    ['two-line summary', { ...good, summary: 'one\ntwo' }, 'summary', 'must be one line'],
    ['fractional order', { ...good, order: 1.5 }, 'order', 'must be a whole number such as 5'],
    ['order as text', { ...good, order: 'five' }, 'order', 'must be a whole number such as 5'],
    ['zero order', { ...good, order: 0 }, 'order', 'must be 1 or more'],
    ['missing sources', { ...good, sources: undefined }, 'sources', 'is required'],
    ['source id not kebab-case', { ...good, sources: [{ id: 'Bad_Id', title: 't' }] }, 'sources.0.id', 'must be kebab-case'],
    ['source without title', { ...good, sources: [{ id: 'a' }] }, 'sources.0.title', 'is required'],
    ['source url not http', { ...good, sources: [{ id: 'a', title: 't', url: 'ftp://x/y' }] }, 'sources.0.url', 'must be an http(s) URL'],
    ['duplicate source ids', { ...good, sources: [{ id: 'a', title: 't' }, { id: 'a', title: 'u' }] }, 'sources.1.id', 'duplicate source id "a"'],
    ['draft not boolean', { ...good, draft: 'yes' }, 'draft', 'must be true or false'],
    ['unknown field (typo)', { ...good, titel: 'x' }, '', 'Unrecognized key: "titel"'],
  ])('rejects %s, naming the field', (_name, data, path, message) => {
    const result = chapterSchema.safeParse(data);
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    expect(issues).toContainEqual({ path, message: expect.stringContaining(message) });
  });
});
