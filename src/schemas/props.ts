/**
 * Prop checking for the components writers use in MDX, in the spirit of
 * Starlight's parseWithFriendlyErrors: a wrong prop fails the build with the
 * component and the prop named, instead of rendering something half-broken.
 */
import { z } from 'astro/zod';

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
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a scenario name such as "laptop"');

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: a-z, 0-9 and single hyphens');

/** <Terminal id scenario caption?> — see src/components/Terminal.astro. */
export const terminalPropsSchema = z
  .object({
    id: kebab.default('main'),
    scenario: scenarioSchema,
    caption: z.string().optional(),
    hint: z.string().optional(),
  })
  .strict();

/** <Cmd terminal?> — see src/components/Cmd.astro. */
export const cmdPropsSchema = z.object({ terminal: kebab.optional() }).strict();

/** <Claim id scenario run check sources title?> — see src/components/Claim.astro. */
export const claimPropsSchema = z
  .object({
    id: kebab,
    scenario: scenarioSchema,
    run: z.string().refine((s) => s.trim().length > 0, 'must hold at least one command'),
    check: z.string().refine((s) => s.trim().length > 0, 'must hold at least one command'),
    sources: z.array(kebab).min(1, 'cite at least one source id from the chapter frontmatter'),
    title: z.string().optional(),
  })
  .strict();

/** <Aside kind? title?> — see src/components/Aside.astro. */
export const asidePropsSchema = z
  .object({
    kind: z.enum(['note', 'tip', 'caution', 'folklore']).default('note'),
    title: z.string().optional(),
  })
  .strict();

/** <Figure caption id?> — see src/components/Figure.astro. */
export const figurePropsSchema = z
  .object({ caption: z.string().min(1), id: kebab.optional() })
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
    id: kebab,
    title: z.string().min(1),
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
      .min(1, 'give at least one layer, topmost first'),
    mergedLabel: z.string().default('Merged view'),
    mergedDetail: z.string().default("the container's /"),
  })
  .strict();

/** <Predict id question options answer run?> — see src/components/Predict.astro. */
export const predictPropsSchema = z
  .object({
    id: kebab,
    question: z.string().min(1),
    options: z.array(z.string().min(1)).min(2, 'give at least two options').max(5, 'give at most five options'),
    answer: z.int().nonnegative(),
    run: z.string().optional(),
    terminal: kebab.optional(),
  })
  .strict()
  .refine((p) => p.answer < p.options.length, { message: 'must be the index (from 0) of one of the options', path: ['answer'] });
