/**
 * Prop checking for the components writers use in MDX, in the spirit of
 * Starlight's parseWithFriendlyErrors: a wrong prop fails the build with the
 * component and the prop named, instead of rendering something half-broken.
 */
import { z } from 'astro/zod';
import { SCENARIO_NAMES } from '../model/world/scenarios.ts';

/** Parse `props` with `schema`, or throw an Error listing every bad prop of `<component>` (on page `where`, when given). */
export function parseProps<S extends z.ZodType>(component: string, schema: S, props: unknown, where?: string): z.infer<S> {
  // Astro adds its style-scoping attribute (data-astro-cid-*) as a prop when a
  // component is used inside another one with scoped styles: not the writer's.
  const own = props && typeof props === 'object'
    ? Object.fromEntries(Object.entries(props).filter(([k]) => !k.startsWith('data-astro-cid-')))
    : props;
  const result = schema.safeParse(own);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const prop = issue.path.length ? issue.path.join('.') : '(props)';
    return `  - ${prop}: ${issue.message}`;
  });
  throw new Error(`Invalid props passed to <${component}>${where ? ` on ${where}` : ''}:\n${lines.join('\n')}`);
}

/** The scenarios a terminal can start from (the model's scenario names; extend as the model grows). */
export const scenarioSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a scenario name such as "laptop"')
  .refine((s) => SCENARIO_NAMES.includes(s), { error: (i) => `unknown scenario "${String(i.input)}" (known: ${SCENARIO_NAMES.join(', ')}; src/model/world/scenarios.ts)` });

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: a-z, 0-9 and single hyphens');

/** <Terminal id scenario caption?> — see src/components/Terminal.astro. */
export const terminalPropsSchema = z
  .object({
    id: kebab.default('main').describe('Names the terminal for <Cmd terminal="…">; the element id is terminal-<id>.'),
    scenario: scenarioSchema.describe('The world the terminal starts in, e.g. "laptop" (src/model/world/scenarios.ts).'),
    caption: z.string().optional().describe('A line above the terminal saying what the reader has in front of them.'),
    hint: z.string().optional().describe('Replaces the default "what you can type" line shown before the terminal starts.'),
  })
  .strict();

/** <Cmd terminal?> — see src/components/Cmd.astro. */
export const cmdPropsSchema = z
  .object({ terminal: kebab.optional().describe('Id of the <Terminal> to run in; default: the nearest one before the command on the page.') })
  .strict();

/** <Claim id scenario run check sources title?> — see src/components/Claim.astro. */
export const claimPropsSchema = z
  .object({
    id: kebab.describe('The claim id from claims.md, unique on the site; its permalink is #claim-<id>.'),
    scenario: scenarioSchema.describe('The fresh world the reproduction (and the test) starts from, e.g. "laptop".'),
    run: z.string().refine((s) => s.trim().length > 0, 'must hold at least one command').describe('What Reproduce types, one command per line; shown to the reader. A template literal: write \\${ for a shell ${.'),
    check: z.string().refine((s) => s.trim().length > 0, 'must hold at least one command').describe('Run by the test suite after `run` in the same world; every line must exit 0 (grep -q, test, [ … ]). Not shown.'),
    sources: z.array(kebab).min(1, 'cite at least one source id from the chapter frontmatter').describe('Ids from the chapter frontmatter `sources`, linked to #source-<id>.'),
    title: z.string().optional().describe('A short title; default "Claim: <id>".'),
  })
  .strict();

/** <Aside kind? title?> — see src/components/Aside.astro. */
export const asidePropsSchema = z
  .object({
    kind: z.enum(['note', 'tip', 'caution', 'folklore']).default('note').describe('"folklore" marks a popular claim that is wrong or dated.'),
    title: z.string().optional().describe('Default: the kind\'s name ("Note", "Tip", "Caution", "Folklore check").'),
  })
  .strict();

/** <Figure caption id?> — see src/components/Figure.astro. */
export const figurePropsSchema = z
  .object({
    caption: z.string().min(1).describe('One sentence saying what the figure shows.'),
    id: kebab.optional().describe('Anchor: #figure-<id>.'),
  })
  .strict();

/** One path in one layer of a <LayerDiagram>. */
const layerEntrySchema = z
  .object({
    path: z.string().regex(/^\//, 'must be an absolute path such as "/etc/motd"'),
    type: z.enum(['file', 'dir', 'whiteout', 'opaque']).default('file'),
  })
  .strict();

/** <LayerDiagram id title layers> — see src/components/LayerDiagram.astro. */
export const layerDiagramPropsSchema = z
  .object({
    id: kebab.describe('Unique on the page; prefixes the SVG\'s ids.'),
    title: z.string().min(1).describe('The diagram\'s accessible name, e.g. "The layers of container c1".'),
    layers: z
      .array(
        z
          .object({
            name: z.string().min(1),
            detail: z.string().optional(),
            kind: z.enum(['image', 'container']),
            entries: z.array(layerEntrySchema),
          })
          .strict(),
      )
      .min(1, 'give at least one layer, topmost first')
      .describe('Topmost first: { name, detail?, kind: "image" | "container", entries: { path, type?: "file" | "dir" | "whiteout" | "opaque" }[] }.'),
    mergedLabel: z.string().default('Merged view').describe('Label of the top row, the view overlayfs builds.'),
    mergedDetail: z.string().default("the container's /").describe('Second line of that label.'),
  })
  .strict();

/** <Predict id question options answer run?> — see src/components/Predict.astro. */
export const predictPropsSchema = z
  .object({
    id: kebab.describe('Unique on the page; anchor #predict-<id>.'),
    question: z.string().min(1).describe('The question, one sentence.'),
    options: z.array(z.string().min(1)).min(2, 'give at least two options').max(5, 'give at most five options').describe('2 to 5 possible answers, plain text.'),
    answer: z.int().nonnegative().describe('Index of the right option, counting from 0.'),
    run: z.string().optional().describe('A command that shows the answer, rendered as a <Cmd> with the explanation.'),
    terminal: kebab.optional().describe('Terminal id for that <Cmd>.'),
  })
  .strict()
  .refine((p) => p.answer < p.options.length, { message: 'must be the index (from 0) of one of the options', path: ['answer'] });

/** <Chart kind caption id?> — see src/components/Chart.astro (numbers measured from the model at build time). */
export const chartPropsSchema = z
  .object({
    kind: z.enum(['startup', 'density']).describe('"startup": time to start a container, a microVM and a full VM; "density": host memory used by N of each.'),
    caption: z.string().min(1).describe('One sentence saying what the chart shows; keep numbers out of it, the chart prints them.'),
    id: kebab.optional().describe('Anchor: #chart-<id>; default: the kind.'),
  })
  .strict();

const script = z.string().refine((s) => s.trim().length > 0, 'must hold at least one command');

/** <Compare title container vm id?> — see src/components/Compare.astro (both sides measured at build time). */
export const comparePropsSchema = z
  .object({
    title: z.string().min(1).describe('What the job is, e.g. "Three isolated services"; names the figure.'),
    container: script.describe('Typed on the laptop host with Docker, one command per line; every line must exit 0. A template literal: write \\${ for a shell ${.'),
    vm: script.describe('Typed on the same kind of host, doing the job in VMs: create and start them with vm, run in a guest with vm ssh NAME -- CMD. Every line must exit 0.'),
    id: kebab.optional().describe('Anchor: #compare-<id>.'),
  })
  .strict();
