/**
 * What can be embedded from a chapter with an <iframe> (issue 8, "Teams"):
 * each <Claim> (/embed/<chapter>/<claim-id>/) and each <Terminal>
 * (/embed/<chapter>/terminal-<id>/), read from the chapter's MDX source the
 * way the claim suite reads claims (src/claims/parse.ts). Embed pages take no
 * parameters: everything they show is fixed at build time.
 */
import { tagEnd } from '../schemas/scenarios.ts';

/** A <Terminal> as written in a chapter (string props only, as writers are told to use). */
export interface TerminalSource {
  readonly id: string;
  readonly scenario: string;
  readonly caption?: string;
  readonly hint?: string;
  readonly line: number;
}

/** The string-valued props of one JSX tag: name="v", name='v', name={"v"} or name={`v`}. */
export function stringProps(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/\s([A-Za-z][\w-]*)=(?:"([^"]*)"|'([^']*)'|\{\s*(?:"([^"]*)"|'([^']*)'|`([^`$]*)`)\s*\})/g)) {
    out.set(m[1], m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6]);
  }
  return out;
}

/** Every <Terminal> of an MDX source, in order (id defaults to "main", as in Terminal.astro). */
export function terminalsIn(source: string): TerminalSource[] {
  const out: TerminalSource[] = [];
  for (const open of source.matchAll(/<Terminal\b/g)) {
    const tag = source.slice(open.index, tagEnd(source, open.index + open[0].length));
    const p = stringProps(tag);
    const scenario = p.get('scenario');
    if (!scenario) continue;
    out.push({ id: p.get('id') ?? 'main', scenario, caption: p.get('caption'), hint: p.get('hint'), line: source.slice(0, open.index).split('\n').length });
  }
  return out;
}

/** The embed URL path of a claim or terminal: "/embed/layered-images/union-fs/". */
export function embedPath(chapterSlug: string, item: { claim: string } | { terminal: string }): string {
  return `/embed/${chapterSlug}/${'claim' in item ? item.claim : `terminal-${item.terminal}`}/`;
}

/** The HTML snippet a page offers to paste (attribute values escaped). */
export function iframeSnippet(src: string, title: string, height = 480): string {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${esc(src)}" title="${esc(title)}" width="100%" height="${height}" loading="lazy" style="border:0"></iframe>`;
}

/** One run of a claim statement shown as text: plain or inline code (Markdown `code`). */
export interface TextRun {
  readonly text: string;
  readonly code: boolean;
}

/**
 * A claim's statement (MDX source) as plain text runs for the embed page:
 * inline code kept as code, links as their text, emphasis and JSX tags
 * dropped. Never HTML: the page renders each run as escaped text.
 */
export function statementRuns(mdx: string): TextRun[] {
  const runs: TextRun[] = [];
  const parts = mdx.replace(/\r/g, '').split(/(`[^`\n]+`)/);
  for (const part of parts) {
    if (/^`[^`]+`$/.test(part)) { runs.push({ text: part.slice(1, -1), code: true }); continue; }
    const text = part
      .replace(/<\/?[A-Za-z][^>]*>/g, '')
      .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__|\*|_)(?=\S)([^*_]+?)\1/g, '$2')
      .replace(/\s+/g, ' ');
    if (text) runs.push({ text, code: false });
  }
  if (runs.length) {
    const first = runs[0];
    const last = runs[runs.length - 1];
    if (!first.code) runs[0] = { text: first.text.trimStart(), code: false };
    if (!last.code) runs[runs.length - 1] = { text: runs[runs.length - 1].text.trimEnd(), code: false };
  }
  return runs.filter((r) => r.text);
}
