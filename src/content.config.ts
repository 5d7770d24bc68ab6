/**
 * Content collections: the book's chapters are the MDX files in
 * content/chapters/, one chapter per file, named NN-slug.mdx. The schema
 * (src/schemas/chapter.ts) documents every frontmatter field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chapterSchema } from './schemas/chapter.ts';
import { slugOf } from './schemas/book.ts';

const chapters = defineCollection({
  loader: glob({
    base: './content/chapters',
    pattern: '**/*.mdx',
    generateId: ({ entry }) => slugOf(entry),
  }),
  schema: chapterSchema,
});

export const collections = { chapters };
