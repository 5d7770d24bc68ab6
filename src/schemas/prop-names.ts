/**
 * Unknown component props fail the build with file and line: the props
 * schemas (props.ts) reject them too, but only know the page, not the line.
 * This reads each component tag of a chapter's MDX source, as JSX writes
 * attributes (name, name="…", name={…}), and checks the names against the
 * component's schema.
 */
import type { z } from 'astro/zod';
import {
  asidePropsSchema, chartPropsSchema, claimPropsSchema, cmdPropsSchema, comparePropsSchema, figurePropsSchema,
  layerDiagramPropsSchema, predictPropsSchema, terminalPropsSchema,
} from './props.ts';

/** One prop as written: its name and 1-based line. */
export interface PropUse {
  readonly component: string;
  readonly name: string;
  readonly line: number;
}

const keys = (s: z.ZodObject): readonly string[] => Object.keys(s.shape);

/** The props each book component accepts (from its schema). */
export const COMPONENT_PROPS: ReadonlyMap<string, readonly string[]> = new Map([
  ['Terminal', keys(terminalPropsSchema)],
  ['Cmd', keys(cmdPropsSchema)],
  ['Claim', keys(claimPropsSchema)],
  ['Aside', keys(asidePropsSchema)],
  ['Figure', keys(figurePropsSchema)],
  ['LayerDiagram', keys(layerDiagramPropsSchema)],
  ['Predict', keys(predictPropsSchema as unknown as z.ZodObject)],
  ['Chart', keys(chartPropsSchema)],
  ['Compare', keys(comparePropsSchema)],
]);

/** Skip a JSX attribute value starting at s[i] ("…", '…' or {…} with nested braces, strings and template literals). */
function skipValue(s: string, i: number): number {
  const q = s[i];
  if (q === '"' || q === "'") { const end = s.indexOf(q, i + 1); return end < 0 ? s.length : end + 1; }
  if (q !== '{') return i;
  let depth = 0;
  let quote = '';
  for (; i < s.length; i++) {
    const c = s[i];
    if (quote) { if (c === '\\') i++; else if (c === quote) quote = ''; }
    else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return s.length;
}

/** Every prop name written on a tag of one of `components`, with its line. */
export function propUses(source: string, components: Iterable<string> = COMPONENT_PROPS.keys()): PropUse[] {
  const names = [...components].join('|');
  const out: PropUse[] = [];
  for (const open of source.matchAll(new RegExp(`<(${names})(?=[\\s/>])`, 'g'))) {
    let i = open.index + open[0].length;
    for (;;) {
      while (i < source.length && /\s/.test(source[i])) i++;
      if (i >= source.length || source[i] === '>' || source.startsWith('/>', i)) break;
      if (source[i] === '{') { i = skipValue(source, i); continue; }
      const name = /^[A-Za-z_$][\w$:.-]*/.exec(source.slice(i, i + 80))?.[0];
      if (!name) break;
      out.push({ component: open[1], name, line: source.slice(0, i).split('\n').length });
      i += name.length;
      while (/\s/.test(source[i] ?? '')) i++;
      if (source[i] === '=') { i++; while (/\s/.test(source[i] ?? '')) i++; i = skipValue(source, i); }
    }
  }
  return out;
}

/** Throw naming file:line for each prop a component does not have. */
export function checkPropNames(file: string, source: string): void {
  const bad = propUses(source).filter((u) => !COMPONENT_PROPS.get(u.component)!.includes(u.name));
  if (!bad.length) return;
  const list = bad.map((u) => `  - ${file}:${u.line}: <${u.component}> has no prop "${u.name}" (its props: ${COMPONENT_PROPS.get(u.component)!.join(', ')})`).join('\n');
  throw new Error(`Unknown component prop in ${file}:\n${list}\nEvery component and its props: the writer's guide, /writing/#components.`);
}
