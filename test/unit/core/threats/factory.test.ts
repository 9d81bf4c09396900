import { describe, expect, it } from 'vitest';
import { ELEMENT_KINDS, ELEMENT_SCHEMAS, buildElement, newElement } from '../../../../core/threats';
import type { ElementId, ElementKind } from '../../../../core/threats';
import { ELEMENT_TEMPLATES, REQUIRED } from '../../../../core/threats/element-templates';

// buildElement skips the per-element parse for bulk builders; it must give exactly what
// newElement gives (same keys in the same order, same values) or newElement's own error.

type Args = [ElementKind, string, string, Record<string, unknown>];

// Per kind: several calls with different overrides.
const CASES: readonly (readonly Args[])[] = [
  [
    ['process', 'api', 'Pets API', { tags: ['openapi'], authenticatesCallers: true }],
    ['process', 'api-2', 'Orders', { description: '3 operation(s)', exposesObjectIds: true }],
    ['process', 'api-3', 'Bare', {}],
  ],
  [
    ['external-entity', 'client-user', 'End user', { actor: 'user', authenticated: true }],
    ['external-entity', 'client-anon', 'Anyone', { actor: 'anonymous-user' }],
  ],
  [
    ['data-flow', 'flow-a', 'a', { source: 'x', target: 'y' }],
    ['data-flow', 'flow-b', 'b', { source: 'y', target: 'x', protocol: 'HTTPS', tls: 'tls' }],
  ],
  [
    ['data-store', 'store-a', 'a store', { storeType: 'database' }],
    ['data-store', 'store-b', 'b store', { tags: ['openapi', 'inferred'] }],
  ],
  [
    ['trust-boundary', 'b1', 'API', { contains: ['api' as ElementId] }],
    ['trust-boundary', 'b2', 'Inner', {}],
  ],
];

describe('buildElement', () => {
  it('copies templates that hold every key of the schema, in order, with its default', () => {
    for (const kind of ELEMENT_KINDS) {
      const template = ELEMENT_TEMPLATES[kind];
      const schemaKeys = Object.keys(ELEMENT_SCHEMAS[kind].shape).filter((k) => k !== 'layout');
      expect(template.map(([k]) => k)).toEqual(schemaKeys);
      const required = Object.fromEntries(
        template
          .filter(([k, v]) => v === REQUIRED && !['kind', 'id', 'name'].includes(k))
          .map(([k]) => [k, 'x']),
      );
      const expected = newElement(kind, 'a', 'A', required);
      expect(Object.keys(expected)).toEqual(schemaKeys);
      expect(buildElement(kind, 'a', 'A', required)).toEqual(expected);
      for (const [k, v] of template) if (v !== REQUIRED) expect(expected).toHaveProperty(k, v);
    }
  });

  it('equals newElement, key order included, on first and later calls of every kind', () => {
    for (const calls of CASES)
      for (const [kind, id, name, overrides] of calls) {
        const built = buildElement(kind, id, name, overrides);
        const expected = newElement(kind, id, name, overrides);
        expect(built).toEqual(expected);
        expect(Object.keys(built)).toEqual(Object.keys(expected));
      }
  });

  it('gives newElement the cases its template cannot answer', () => {
    buildElement('process', 'warm', 'Warm', {});
    const layout = { x: 1, y: 2, width: 3, height: 4 };
    expect(buildElement('process', 'p', 'P', { layout })).toEqual(
      newElement('process', 'p', 'P', { layout }),
    );
    buildElement('data-flow', 'f1', 'f', { source: 'a' as ElementId, target: 'b' as ElementId });
    // A required field missing: newElement's error, not an element without it.
    expect(() => buildElement('data-flow', 'f2', 'f', { source: 'a' as ElementId })).toThrow();
  });

  it('does not share default lists between elements', () => {
    buildElement('process', 'a', 'A');
    const b = buildElement('process', 'b', 'B');
    const c = buildElement('process', 'c', 'C');
    expect(b.tags).toEqual([]);
    expect(b.tags).not.toBe(c.tags);
  });

  it('trims and refuses what newElement trims and refuses', () => {
    buildElement('process', 'api', 'Warm');
    expect(buildElement('process', 'api', '  Pets API ')).toEqual(
      newElement('process', 'api', '  Pets API '),
    );
    expect(buildElement('process', 'api', '  Pets API ').name).toBe('Pets API');
    expect(() => buildElement('process', 'api', '   ')).toThrow(/Give the element a name/);
    expect(() => buildElement('process', 'api', 'x'.repeat(201))).toThrow(/too long/);
    expect(() => buildElement('process', 'bad id', 'A')).toThrow(/An id uses/);
    expect(() => buildElement('process', 'api', 'A', { description: 'a\u0007b' })).toThrow(
      /control characters/,
    );
  });
});
