/**
 * The frontmatter every chapter in content/chapters/ must have. Astro checks
 * each file against this schema when it loads the collection, and a bad field
 * fails the build with the file and the field named (see chapter.test.ts).
 */
import { z } from 'astro/zod';

/** Zod error option: "is required" when missing, "must be <what>" when the value has the wrong type. */
function required(what: string) {
  return {
    error: (issue: { code?: string; input?: unknown }) =>
      issue.code !== 'invalid_type' ? undefined : issue.input === undefined ? 'is required' : `must be ${what}`,
  };
}

/** A kebab-case identifier: lower-case letters, digits and single hyphens. */
const kebab = z
  .string(required('text'))
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: a-z, 0-9 and single hyphens, e.g. "facts-1-3"');

/** One entry of a chapter's source list; cited as `#source-<id>` from the prose and from claims. */
export const sourceSchema = z
  .object({
    id: kebab.describe('Short kebab-case id, unique in the chapter; the anchor is #source-<id> and <Claim sources={["<id>"]}> cites it.'),
    title: z.string(required('text')).min(1).describe('What the reader sees in the list, e.g. "Linux kernel documentation: Overlay Filesystem".'),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional().describe('Link to the primary source (a specific file or section when possible).'),
    note: z.string().optional().describe('Which part of the source supports what, e.g. "§ whiteouts and opaque directories".'),
  })
  .strict();

/** Chapter frontmatter (content/chapters/NN-slug.mdx). */
export const chapterSchema = z
  .object({
    title: z.string(required('text')).min(1).describe('The chapter title, shown as its <h1> and in the navigation.'),
    summary: z
      .string(required('text'))
      .min(1)
      .max(200)
      .refine((s) => !s.includes('\n'), 'must be one line')
      .describe('One line shown under the title on the home page and in the page description.'),
    order: z.int(required('a whole number such as 5')).positive('must be 1 or more').describe('Position in the book (1, 2, …); unique across chapters.'),
    sources: z
      .array(sourceSchema, required('a list of sources (id, title, url?, note?)'))
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((s, i) => {
          if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate source id "${s.id}"` });
          seen.add(s.id);
        });
      })
      .describe('Every source the chapter cites, listed at its end in this order.'),
    draft: z.boolean(required('true or false')).optional().describe('true hides the chapter from the build (it still has to be valid).'),
  })
  .strict();

/** The validated frontmatter of one chapter. */
export type ChapterData = z.infer<typeof chapterSchema>;
