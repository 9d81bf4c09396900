import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDescription, openApiToModel, parseOpenApi } from '../../../../core/openapi';

// Whatever the text, parsing returns a result (never throws), and whatever parses can be
// checked and modelled.

describe('parseOpenApi on arbitrary input', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = parseOpenApi(text, 'x.yaml');
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary JSON under an openapi key', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 6 }),
        fc.jsonValue({ maxDepth: 6 }),
        (paths, components) => {
          const text = JSON.stringify({
            openapi: '3.1.0',
            info: { title: 't', version: '1' },
            paths,
            components,
          });
          const r = parseOpenApi(text, 'x.json');
          if (r.ok) {
            checkDescription(r.doc);
            openApiToModel(r.doc, { apiId: 'a', modelId: 'm' });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on operation-shaped random input', () => {
    const schema = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.record(
          { type: fc.constantFrom('string', 'array', 'object', 'integer') },
          { requiredKeys: [] },
        ),
        fc.record({
          $ref: fc.constantFrom(
            '#/components/schemas/A',
            '#/components/schemas/B',
            'x.yaml#/C',
            '#/nope',
          ),
        }),
        fc.record({
          type: fc.constant('object'),
          properties: fc.dictionary(fc.string({ maxLength: 8 }), tie('node')),
        }),
        fc.record({ type: fc.constant('array'), items: tie('node') }),
      ),
    })).node;
    fc.assert(
      fc.property(schema, schema, fc.constantFrom('get', 'post', 'delete'), (a, b, method) => {
        const doc = {
          openapi: '3.0.3',
          info: { title: 't', version: '1' },
          paths: {
            '/x/{id}': {
              [method]: {
                parameters: [{ name: 'id', in: 'path', schema: a }],
                requestBody: { content: { 'application/json': { schema: b } } },
                responses: {
                  '200': { description: 'ok', content: { 'application/json': { schema: a } } },
                },
              },
            },
          },
          components: { schemas: { A: b, B: a } },
        };
        const r = parseOpenApi(JSON.stringify(doc), 'x.json');
        if (r.ok) openApiToModel(r.doc, { apiId: 'a', modelId: 'm' });
      }),
      { numRuns: 300 },
    );
  });
});
