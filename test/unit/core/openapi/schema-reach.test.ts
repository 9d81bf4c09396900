import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WalkFilter } from '../../../../core/openapi';
import { walkSchema } from '../../../../core/openapi';
import { mayKeep } from '../../../../core/openapi/schema-reach';
import { rootOf, schemaGraphArb } from './schema-graphs';

// A filtered walk is skipped when mayKeep says no node could be kept. The unfiltered walk
// visits the same nodes in the same order (a filter only decides which it returns), so it
// filtered afterwards is the reference the filtered walk must equal, on any schema graph.

const SECRET: WalkFilter = {
  id: 'test-secret',
  name: (name) => name !== null && /^(token|secret)$/.test(name),
  schema: (schema) => schema.writeOnly !== true,
};

const reference = (root: unknown, schema: unknown, topName: string | null = null) =>
  walkSchema(root, { schema, pointer: '/top' }, topName, null).filter(
    (n) => SECRET.name(n.name) && SECRET.schema(n.schema),
  );

const documentArb = schemaGraphArb(['id', 'name', 'token', 'secret', 'items', 'data']);

describe('mayKeep: whether a filtered walk can keep anything', () => {
  it('skips only walks that would keep nothing, on arbitrary (circular) schema graphs', () => {
    fc.assert(
      fc.property(documentArb, ({ components, top, topName }) => {
        const root = rootOf(components);
        const kept = walkSchema(root, { schema: top, pointer: '/top' }, topName, SECRET);
        expect(kept).toEqual(reference(root, top, topName));
        if (kept.length > 0) expect(mayKeep(root, top, topName, SECRET)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('answers no for a graph without a kept name, yes through a cycle and an items chain', () => {
    const root = {
      components: {
        schemas: {
          A: { type: 'object', properties: { next: { $ref: '#/components/schemas/B' } } },
          B: { type: 'object', properties: { back: { $ref: '#/components/schemas/A' } } },
          C: {
            type: 'object',
            properties: {
              loop: { $ref: '#/components/schemas/A' },
              token: { type: 'array', items: { allOf: [{ type: 'string' }] } },
            },
          },
          D: { type: 'object', properties: { token: { type: 'string', writeOnly: true } } },
          E: { type: 'object', additionalProperties: { $ref: '#/components/schemas/C' } },
        },
      },
    };
    const at = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    expect(mayKeep(root, at('A'), null, SECRET)).toBe(false);
    expect(mayKeep(root, at('C'), null, SECRET)).toBe(true);
    expect(mayKeep(root, at('D'), null, SECRET)).toBe(false);
    expect(mayKeep(root, at('E'), null, SECRET)).toBe(true);
    // The name a walk starts under counts: A itself sits under "token" here.
    expect(mayKeep(root, at('A'), 'token', SECRET)).toBe(true);
    expect(walkSchema(root, { schema: at('A'), pointer: '' }, null, SECRET)).toEqual([]);
    expect(
      walkSchema(root, { schema: at('E'), pointer: '' }, null, SECRET).map((n) => n.pointer),
    ).toEqual([
      '/components/schemas/C/properties/token',
      '/components/schemas/C/properties/token/items',
      '/components/schemas/C/properties/token/items/allOf/0',
    ]);
  });
});
