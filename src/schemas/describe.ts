/**
 * Field documentation read from a zod object schema (`.describe()` texts,
 * types, required/default), so the writer's guide (src/pages/writing.astro)
 * shows the same words the schemas enforce and cannot drift from them.
 */
import type { z } from 'astro/zod';

/** One documented field or prop. */
export interface FieldDoc {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
  readonly defaultValue?: string;
}

interface Def {
  type: string;
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  entries?: Record<string, string>;
  defaultValue?: unknown;
}

/** A short type name for a zod schema's definition: string, number, boolean, "a" | "b", string[], object… */
function typeName(def: Def): string {
  if ((def.type === 'optional' || def.type === 'default') && def.innerType) return typeName(def.innerType._zod.def);
  if (def.type === 'array' && def.element) return `${typeName(def.element._zod.def)}[]`;
  if (def.type === 'enum' && def.entries) return Object.values(def.entries).map((v) => JSON.stringify(v)).join(' | ');
  return def.type;
}

/** Document every field of `schema` (an object schema, possibly refined), in declaration order. */
export function describeFields(schema: z.ZodObject): FieldDoc[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const f = field as z.ZodType & { description?: string };
    const def = f._zod.def as unknown as Def;
    const fallback = def.type === 'default' ? JSON.stringify(typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue) : undefined;
    return {
      name,
      type: typeName(def),
      required: !f.safeParse(undefined).success,
      description: f.description ?? '',
      ...(fallback === undefined ? {} : { defaultValue: fallback }),
    };
  });
}
