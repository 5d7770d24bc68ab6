/**
 * The published chapters, in order, checked: the single place pages read the
 * book from (home, chapter pages, navigation).
 */
import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { bookOrder, checkCitations } from '../schemas/book.ts';
import { checkScenarios } from '../schemas/scenarios.ts';
import { checkPropNames } from '../schemas/prop-names.ts';

/** One chapter as Astro loaded it. */
export type Chapter = CollectionEntry<'chapters'>;

/** Published chapters in reading order; fails the build on duplicate orders, unknown source ids, scenarios or component props (file:line). */
export async function getBook(): Promise<Chapter[]> {
  const entries = await getCollection('chapters');
  // Read the whole file so the line numbers in errors count the frontmatter too.
  for (const e of entries) {
    const body = e.filePath ? readFileSync(e.filePath, 'utf8') : e.body;
    checkCitations({ ...e, body });
    checkScenarios(e.filePath ?? e.id, body ?? '');
    checkPropNames(e.filePath ?? e.id, body ?? '');
  }
  return bookOrder(entries);
}

/** The URL of a chapter page. */
export function chapterHref(chapter: Pick<Chapter, 'id'>): string {
  return `/${chapter.id}/`;
}
