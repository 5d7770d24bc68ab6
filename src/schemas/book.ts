/**
 * The book's order: chapters sorted by `order`, drafts left out, and the
 * checks a per-file schema cannot make (unique `order`, claims citing ids the
 * chapter lists). Pure functions over the entries Astro's glob loader returns.
 */
import type { ChapterData } from './chapter.ts';

/** The part of an Astro collection entry the book needs. */
export interface ChapterEntry {
  readonly id: string;
  readonly filePath?: string;
  readonly body?: string;
  readonly data: ChapterData;
}

/** URL slug of a chapter file: `05-layered-images.mdx` → `layered-images` (the number only orders files on disk). */
export function slugOf(fileName: string): string {
  return fileName.replace(/^.*\//, '').replace(/\.mdx?$/, '').replace(/^\d+-/, '');
}

/** Published chapters in reading order; throws naming both files when two share an `order`. */
export function bookOrder<E extends ChapterEntry>(entries: readonly E[]): E[] {
  const byOrder = new Map<number, E>();
  for (const e of entries) {
    const other = byOrder.get(e.data.order);
    if (other) {
      throw new Error(`Two chapters have order ${e.data.order}: ${other.filePath ?? other.id} and ${e.filePath ?? e.id}. Give each chapter its own order.`);
    }
    byOrder.set(e.data.order, e);
  }
  return [...entries].filter((e) => !e.data.draft).sort((a, b) => a.data.order - b.data.order);
}

/** The chapters before and after `id` in `book` (undefined at the ends). */
export function neighbours<E extends ChapterEntry>(book: readonly E[], id: string): { prev?: E; next?: E } {
  const i = book.findIndex((e) => e.id === id);
  return { prev: i > 0 ? book[i - 1] : undefined, next: i >= 0 && i < book.length - 1 ? book[i + 1] : undefined };
}

/** Source ids cited by `sources={[…]}` props in an MDX body, with their 1-based line numbers. */
export function citedSources(body: string): { id: string; line: number }[] {
  const out: { id: string; line: number }[] = [];
  for (const m of body.matchAll(/\bsources=\{\[([^\]]*)\]\}/g)) {
    const line = body.slice(0, m.index).split('\n').length;
    for (const q of m[1].matchAll(/"([^"]*)"/g)) out.push({ id: q[1], line });
  }
  return out;
}

/** Throws naming file, line and id when the body cites a source the frontmatter does not list. */
export function checkCitations(entry: ChapterEntry): void {
  const known = new Set(entry.data.sources.map((s) => s.id));
  const missing = citedSources(entry.body ?? '').filter((c) => !known.has(c.id));
  if (missing.length) {
    const file = entry.filePath ?? entry.id;
    const list = missing.map((c) => `  - ${file}:${c.line}: "${c.id}"`).join('\n');
    throw new Error(`Sources cited but not listed in the frontmatter \`sources\` of ${file}:\n${list}\nKnown ids: ${[...known].join(', ') || '(none)'}`);
  }
}
