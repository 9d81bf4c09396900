import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SchemaNode, WalkFilter } from '../../../../core/openapi';
import { appendPointer, deref, returnsList, walkSchema } from '../../../../core/openapi';
import { rootOf, schemaGraphArb } from './schema-graphs';

// walkSchema spells out pointers only for the nodes it keeps and resolves `$ref`s through
// a per-document cache. The reference below is the plain walk it must equal: every child
// pushed with its full pointer, every `$ref` followed by deref, on any schema graph.

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function reference(
  root: unknown,
  schema: unknown,
  pointer: string,
  topName: string | null,
  keep: (n: SchemaNode) => boolean,
): SchemaNode[] {
  const out: SchemaNode[] = [];
  const seen = new Set<object>();
  const stack: [unknown, string, string | null, number][] = [[schema, pointer, topName, 0]];
  let visited = 0;
  for (let e = stack.pop(); e !== undefined && visited < 2000; e = stack.pop()) {
    const [raw, at, name, depth] = e;
    if (depth > 32 || !isPlainObject(raw)) continue;
    const resolved = deref(root, raw, at);
    if (!isPlainObject(resolved.value) || seen.has(resolved.value)) continue;
    const value = resolved.value;
    const here = resolved.pointer;
    seen.add(value);
    visited++;
    const node = { schema: value, pointer: here, name };
    if (keep(node)) out.push(node);
    const next = depth + 1;
    for (const list of ['oneOf', 'anyOf', 'allOf']) {
      const items = value[list];
      if (Array.isArray(items))
        for (let i = items.length - 1; i >= 0; i--)
          stack.push([items[i], `${here}/${list}/${String(i)}`, name, next]);
    }
    if (isPlainObject(value.additionalProperties))
      stack.push([value.additionalProperties, `${here}/additionalProperties`, null, next]);
    if (isPlainObject(value.items)) stack.push([value.items, `${here}/items`, name, next]);
    if (isPlainObject(value.properties)) {
      const props = value.properties;
      const keys = Object.keys(props);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] ?? '';
        stack.push([props[k], appendPointer(`${here}/properties`, k), k, next]);
      }
    }
  }
  return out;
}

const SECRET: WalkFilter = {
  id: 'walk-test-secret',
  name: (name) => name !== null && /^(token|a\/b)$/.test(name),
  schema: (schema) => schema.writeOnly !== true,
};

const documentArb = schemaGraphArb(['id', 'token', 'a/b', 'x~y', 'items', 'properties']);

describe('walkSchema', () => {
  it('equals the plain walk, pointers included, with and without a filter', () => {
    fc.assert(
      fc.property(documentArb, ({ components, top, topName }) => {
        const root = rootOf(components);
        const ref = { schema: top, pointer: '/paths/~1a/top' };
        expect(walkSchema(root, ref, topName)).toEqual(
          reference(root, top, ref.pointer, topName, () => true),
        );
        const kept = (n: SchemaNode) => SECRET.name(n.name) && SECRET.schema(n.schema);
        expect(walkSchema(root, ref, topName, SECRET)).toEqual(
          reference(root, top, ref.pointer, topName, kept),
        );
        // Then from each component, with the answers the first walk left for the document.
        components.forEach((_, i) => {
          const at = { $ref: `#/components/schemas/S${String(i)}` };
          expect(walkSchema(root, { schema: at, pointer: '' }, null, SECRET)).toEqual(
            reference(root, at, '', null, kept),
          );
        });
      }),
      { numRuns: 1500 },
    );
  });

  it('stops at the depth and node limits as the plain walk does', () => {
    // 40 nested items (deeper than the limit) and 2,300 properties (more nodes than it),
    // one kept name before the node limit and one after.
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 40; i++) deep = { type: 'array', items: deep };
    const wide = {
      type: 'object',
      properties: Object.fromEntries(
        Array.from({ length: 2300 }, (_, i) => [
          i === 5 ? 'token' : i === 2200 ? 'a/b' : `p${String(i)}`,
          {},
        ]),
      ),
    };
    const root = { components: { schemas: { Deep: deep, Wide: wide } } };
    for (const name of ['Deep', 'Wide']) {
      const ref = { schema: { $ref: `#/components/schemas/${name}` }, pointer: '/top' };
      const all = walkSchema(root, ref, 'token');
      expect(all).toEqual(reference(root, ref.schema, ref.pointer, 'token', () => true));
      expect(all.length).toBe(name === 'Deep' ? 33 : 2000);
      const kept = walkSchema(root, { ...ref, pointer: '/other' }, 'token', SECRET);
      expect(kept).toEqual(
        reference(root, ref.schema, ref.pointer, 'token', (n) => SECRET.name(n.name)),
      );
      expect(kept.map((n) => n.pointer)).toEqual(
        name === 'Deep'
          ? all.map((n) => n.pointer)
          : ['/components/schemas/Wide', '/components/schemas/Wide/properties/token'],
      );
    }
  });

  it('walks a list of a component as the plain walk does, near the limits and back at the top', () => {
    const chain = (levels: number) => {
      let schema: Record<string, unknown> = { type: 'object', properties: { token: {} } };
      for (let i = 0; i < levels; i++) schema = { type: 'array', items: schema };
      return schema;
    };
    const top = (name: string) => ({
      type: 'array',
      items: { $ref: `#/components/schemas/${name}` },
    });
    const root = {
      paths: { '/a': { top: top('Back') } },
      components: {
        schemas: {
          Deep: chain(31),
          Shallow: chain(30),
          Wide: {
            properties: Object.fromEntries(
              Array.from({ length: 1999 }, (_, i) => [i === 1998 ? 'token' : `p${String(i)}`, {}]),
            ),
          },
          Back: { type: 'object', properties: { token: { $ref: '#/paths/~1a/top' } } },
        },
      },
    };
    const kept = (n: SchemaNode) => SECRET.name(n.name) && SECRET.schema(n.schema);
    for (const name of ['Deep', 'Shallow', 'Wide', 'Back'])
      for (const topName of [null, 'token']) {
        const schema = name === 'Back' ? root.paths['/a'].top : top(name);
        const ref = { schema, pointer: '/paths/~1a/top' };
        // The component's own walk first, as when an operation answers with it too.
        walkSchema(root, { schema: schema.items, pointer: '' }, topName);
        walkSchema(root, { schema: schema.items, pointer: '' }, topName, SECRET);
        expect(walkSchema(root, ref, topName)).toEqual(
          reference(root, schema, ref.pointer, topName, () => true),
        );
        expect(walkSchema(root, ref, topName, SECRET)).toEqual(
          reference(root, schema, ref.pointer, topName, kept),
        );
      }
  });
});

describe('walkSchema inside a walk', () => {
  it('walks as the plain walk does when a filter test walks too', () => {
    const root = {
      components: {
        schemas: {
          A: { type: 'object', properties: { token: {}, b: { $ref: '#/components/schemas/B' } } },
          B: { type: 'object', properties: { token: { type: 'string' }, c: { items: {} } } },
        },
      },
    };
    const inner: SchemaNode[][] = [];
    const nested: WalkFilter = {
      id: 'walk-test-nested',
      name: (name) => {
        inner.push([
          ...walkSchema(root, {
            schema: { properties: { x: {}, y: { items: {} } } },
            pointer: '/i',
          }),
        ]);
        return name === 'token';
      },
      schema: () => true,
    };
    const ref = { schema: { $ref: '#/components/schemas/A' }, pointer: '' };
    expect(walkSchema(root, ref, null, nested)).toEqual(
      reference(root, ref.schema, '', null, (n) => n.name === 'token'),
    );
    expect(walkSchema(root, ref, null)).toEqual(reference(root, ref.schema, '', null, () => true));
    expect(inner.length).toBeGreaterThan(0);
    for (const nodes of inner)
      expect(nodes.map((n) => n.pointer)).toEqual([
        '/i',
        '/i/properties/x',
        '/i/properties/y',
        '/i/properties/y/items',
      ]);
  });
});

describe('returnsList', () => {
  it('sees an array at the top or in a common envelope, through $refs', () => {
    const root = {
      components: {
        schemas: {
          List: { type: 'array', items: {} },
          Nullable: { type: ['array', 'null'] },
          Page: { type: 'object', properties: { data: { $ref: '#/components/schemas/List' } } },
          Other: { type: 'object', properties: { rows: { type: 'array' } } },
          Broken: { type: 'object', properties: { items: { $ref: '#/components/schemas/Nope' } } },
          Plain: { type: 'object' },
        },
      },
    };
    const at = (name: string) => ({
      schema: { $ref: `#/components/schemas/${name}` },
      pointer: '',
    });
    const inline = (schema: unknown) => ({ schema, pointer: '/x' });
    expect(returnsList(root, null)).toBe(false);
    expect(returnsList(root, at('List'))).toBe(true);
    expect(returnsList(root, at('Nullable'))).toBe(true);
    expect(returnsList(root, at('Page'))).toBe(true);
    expect(returnsList(root, at('Other'))).toBe(false);
    expect(returnsList(root, at('Broken'))).toBe(false);
    expect(returnsList(root, at('Plain'))).toBe(false);
    expect(returnsList(root, at('Missing'))).toBe(false);
    expect(returnsList(root, inline({ properties: { values: { items: {} } } }))).toBe(true);
    expect(returnsList(root, inline({ properties: { results: { type: 'string' } } }))).toBe(false);
    expect(returnsList(root, inline({ items: {} }))).toBe(true);
    expect(returnsList(root, inline(['not', 'a', 'schema']))).toBe(false);
  });
});
