/**
 * /claims.json: every claim of the book, read from the chapters themselves
 * (src/claims/parse.ts, the same parser the claim suite uses), so other docs
 * can list or link them. Issue 8, "Teams".
 */
import { readFileSync } from 'node:fs';
import type { APIRoute } from 'astro';
import { parseClaims } from '../claims/parse.ts';
import { chapterHref, getBook } from '../layouts/book.ts';

export const GET: APIRoute = async ({ site }) => {
  const book = await getBook();
  const claims = book.flatMap((chapter) => {
    const file = chapter.filePath ?? `content/chapters/${chapter.id}.mdx`;
    const sources = new Map(chapter.data.sources.map((s) => [s.id, s]));
    return parseClaims(file, readFileSync(file, 'utf8')).map((c) => ({
      id: c.id,
      chapter: { slug: chapter.id, title: chapter.data.title, order: chapter.data.order },
      title: c.title ?? null,
      statement: c.statement,
      scenario: c.scenario,
      run: c.run,
      check: c.check,
      sources: c.sources.map((id) => ({ id, ...sources.get(id), anchor: `${chapterHref(chapter)}#source-${id}` })),
      permalink: new URL(`${chapterHref(chapter)}#claim-${c.id}`, site).href,
      file: c.file,
      line: c.line,
    }));
  });
  return new Response(JSON.stringify({ version: 1, count: claims.length, claims }, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
