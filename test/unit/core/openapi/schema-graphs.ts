import fc from 'fast-check';

// Random schema graphs for the walk tests: components that refer to each other (cycles
// included), leaves, missing, external and looping `$ref`s, and tops that are often a list
// of a component. `names` are the property names drawn.

export function schemaGraphArb(names: readonly string[]) {
  const schemaArb = (count: number) =>
    fc.letrec<{ schema: unknown }>((tie) => ({
      schema: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.integer({ min: 0, max: count - 1 }).map((i) => ({ $ref: `#/components/schemas/S${i}` })),
        fc.constantFrom(
          { $ref: '#/components/schemas/Missing' },
          { $ref: 'other.yaml#/Thing' },
          { $ref: '#/components/schemas/Loop' },
          true,
          'text',
        ),
        fc.constantFrom({}, { type: 'string' }, { type: 'string', writeOnly: true }),
        fc.record(
          {
            type: fc.constantFrom('object', 'array', 'string'),
            writeOnly: fc.boolean(),
            properties: fc.dictionary(fc.constantFrom(...names), tie('schema'), { maxKeys: 3 }),
            items: tie('schema'),
            additionalProperties: tie('schema'),
            allOf: fc.array(tie('schema'), { maxLength: 2 }),
            anyOf: fc.array(tie('schema'), { maxLength: 2 }),
            oneOf: fc.array(tie('schema'), { maxLength: 2 }),
          },
          { requiredKeys: ['type'] },
        ),
      ),
    })).schema;

  return fc.integer({ min: 1, max: 6 }).chain((count) =>
    fc.record({
      components: fc.array(schemaArb(count), { minLength: count, maxLength: count }),
      // Often a list of a component, which walkSchema walks as that component one level down.
      top: fc.oneof(
        schemaArb(count),
        fc
          .integer({ min: 0, max: count - 1 })
          .map((i) => ({ type: 'array', items: { $ref: `#/components/schemas/S${String(i)}` } })),
      ),
      topName: fc.constantFrom(null, 'token', 'name'),
    }),
  );
}

/** The document a graph's components sit in (with a `$ref` loop beside them). */
export const rootOf = (components: readonly unknown[]) => ({
  openapi: '3.1.0',
  components: {
    schemas: {
      ...Object.fromEntries(components.map((s, i) => [`S${String(i)}`, s])),
      Loop: { $ref: '#/components/schemas/Loop' },
    },
  },
});
