// Book order and citation checks: what the per-file schema cannot see.
import { describe, expect, it } from 'vitest';
import { bookOrder, checkCitations, citedSources, neighbours, slugOf, type ChapterEntry } from './book.ts';

const chapter = (id: string, order: number, extra: Partial<ChapterEntry['data']> = {}, body = ''): ChapterEntry => ({
  id,
  filePath: `content/chapters/${id}.mdx`,
  body,
  data: { title: id, summary: id, order, sources: [{ id: 'src-a', title: 'A' }], ...extra },
});

describe('slugOf', () => {
  it.each([
    ['05-layered-images.mdx', 'layered-images'],
    ['content/chapters/10-how-faithful.mdx', 'how-faithful'],
    ['glossary.mdx', 'glossary'],
    ['2026-notes.mdx', 'notes'],
  ])('%s → %s', (file, slug) => expect(slugOf(file)).toBe(slug));
});

describe('bookOrder', () => {
  it('sorts by order and leaves drafts out', () => {
    const book = bookOrder([chapter('c', 3), chapter('a', 1), chapter('d', 4, { draft: true }), chapter('b', 2)]);
    expect(book.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });
  it('fails naming both files when two chapters share an order', () => {
    expect(() => bookOrder([chapter('a', 1), chapter('b', 1)])).toThrow(
      'Two chapters have order 1: content/chapters/a.mdx and content/chapters/b.mdx',
    );
  });
});

describe('neighbours', () => {
  const book = [chapter('a', 1), chapter('b', 2), chapter('c', 3)];
  it.each([
    ['a', undefined, 'b'],
    ['b', 'a', 'c'],
    ['c', 'b', undefined],
  ])('%s has prev %s and next %s', (id, prev, next) => {
    const n = neighbours(book, id);
    expect([n.prev?.id, n.next?.id]).toEqual([prev, next]);
  });
});

describe('citations', () => {
  const body = 'text\n<Claim id="x" sources={["src-a", "src-b"]}\n run={`ls`}>s</Claim>\n\n<Claim sources={["src-a"]} />';
  it('finds every cited id with its line', () => {
    expect(citedSources(body)).toEqual([
      { id: 'src-a', line: 2 },
      { id: 'src-b', line: 2 },
      { id: 'src-a', line: 5 },
    ]);
  });
  it('fails naming file, line and id for a source the frontmatter does not list', () => {
    expect(() => checkCitations(chapter('x', 1, {}, body))).toThrow('content/chapters/x.mdx:2: "src-b"');
  });
  it('passes when every cited id is listed', () => {
    expect(() => checkCitations(chapter('x', 1, {}, '<Claim sources={["src-a"]} />'))).not.toThrow();
  });
});
