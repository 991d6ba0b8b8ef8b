import fc from 'fast-check';
import type { z } from 'zod';

/** The parts of a zod 4 schema's definition the generator reads. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  valueType?: z.ZodType;
  checks?: Array<{ _zod: { def: { check: string; pattern?: RegExp } } }>;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

/**
 * Values shaped like `schema` — its keys, enums, literals and string patterns — whose strings are
 * mixed with `hostile` ones, so a fuzz test gets past the first shape check to the code behind it.
 * `text` maps every generated string (e.g. away from Docker id prefixes). Not a validator: values
 * may still break a length or a refinement, which is the point.
 */
export function shapedBy(
  schema: z.ZodType,
  hostile: fc.Arbitrary<string>,
  text: (value: string) => string,
  depth = 0,
): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const next = (inner: z.ZodType) => shapedBy(inner, hostile, text, depth + 1);
  if (depth > 10) return fc.constant(null);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const fields = Object.fromEntries(Object.entries(shape).map(([key, inner]) => [key, next(inner)]));
      return fc.record(fields, { requiredKeys: [] });
    }
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
      return def.innerType ? fc.option(next(def.innerType), { nil: undefined }) : fc.constant(undefined);
    case 'pipe':
      return def.in ? next(def.in) : fc.constant(null);
    case 'array':
      return def.element ? fc.array(next(def.element), { maxLength: 3 }) : fc.constant([]);
    case 'union':
      return fc.oneof(...(def.options ?? []).map(next));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { none: 'none' }));
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'record':
      return def.valueType
        ? fc.dictionary(fc.string({ maxLength: 12 }), next(def.valueType), { maxKeys: 3 })
        : fc.constant({});
    case 'string': {
      const pattern = def.checks
        ?.map((check) => check._zod.def.pattern)
        .find((found) => found instanceof RegExp);
      return fc.oneof(hostile, pattern ? fc.stringMatching(pattern) : fc.string({ maxLength: 40 })).map(text);
    }
    case 'number':
    case 'int':
      return fc.oneof(
        fc.integer({ min: -2, max: 70_000 }),
        fc.constantFrom(1, 64, 256, 2 ** 31, Number.MAX_SAFE_INTEGER),
      );
    case 'boolean':
      return fc.boolean();
    default:
      return fc.oneof(hostile, fc.jsonValue({ maxDepth: 2 }));
  }
}
