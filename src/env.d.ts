// What a chapter page shares with the components its MDX renders (set in src/pages/[slug].astro).
declare namespace App {
  interface Locals {
    /** The current chapter's frontmatter sources, so <Claim> can label and check its citations. */
    chapterSources?: readonly { id: string; title: string; url?: string; note?: string }[];
  }
}
