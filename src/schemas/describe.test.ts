// The writer's guide documents frontmatter and props from the schemas themselves.
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { chapterSchema } from './chapter.ts';
import { describeFields } from './describe.ts';
import * as props from './props.ts';

describe('describeFields', () => {
  it('reads names, types, required, defaults and descriptions', () => {
    const schema = z.object({
      a: z.string().describe('A.'),
      b: z.int().optional().describe('B.'),
      c: z.enum(['x', 'y']).default('x').describe('C.'),
      d: z.array(z.string()).describe('D.'),
    });
    expect(describeFields(schema)).toEqual([
      { name: 'a', type: 'string', required: true, description: 'A.' },
      { name: 'b', type: 'number', required: false, description: 'B.' },
      { name: 'c', type: '"x" | "y"', required: false, description: 'C.', defaultValue: '"x"' },
      { name: 'd', type: 'string[]', required: true, description: 'D.' },
    ]);
  });

  it.each([
    ['chapter frontmatter', chapterSchema],
    ['<Terminal>', props.terminalPropsSchema],
    ['<Cmd>', props.cmdPropsSchema],
    ['<Claim>', props.claimPropsSchema],
    ['<Aside>', props.asidePropsSchema],
    ['<Figure>', props.figurePropsSchema],
    ['<LayerDiagram>', props.layerDiagramPropsSchema],
    ['<Predict>', props.predictPropsSchema],
  ])('every field of %s has a description', (_name, schema) => {
    const undocumented = describeFields(schema as z.ZodObject).filter((f) => !f.description).map((f) => f.name);
    expect(undocumented).toEqual([]);
  });
});
