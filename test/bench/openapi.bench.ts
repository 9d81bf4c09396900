import { bench, describe } from 'vitest';
import { analysisJson, analyzeModel, defaultLibrary } from '../../core/threats';
import { openApiToModel, parseOpenApi } from '../../core/openapi';

// A generated 1,000-operation description (JSON): parse, per-operation rules, model
// building and the core rules, as `bulwark analyze` runs them.

function description(operations: number): string {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < operations / 4; i++) {
    const r = `r${String(i % 40)}`;
    schemas[`Item${String(i)}`] = {
      type: 'object',
      properties: {
        id: { type: 'string' },
        name: { type: 'string', maxLength: 100 },
        owner: { type: 'string' },
        password: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
        parent: { $ref: `#/components/schemas/Item${String(i)}` },
      },
    };
    const ref = { $ref: `#/components/schemas/Item${String(i)}` };
    const ok = { description: 'ok', content: { 'application/json': { schema: ref } } };
    paths[`/v1/${r}/items${String(i)}`] = {
      get: {
        tags: [r],
        parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'array', items: ref } } },
          },
        },
      },
      post: {
        tags: [r],
        requestBody: { content: { 'application/json': { schema: ref } } },
        responses: { '201': ok },
      },
    };
    paths[`/v1/${r}/items${String(i)}/{itemId}`] = {
      parameters: [{ name: 'itemId', in: 'path', required: true, schema: { type: 'string' } }],
      get: { tags: [r], responses: { '200': ok, '401': { description: 'no' } } },
      delete: { tags: [r], security: [], responses: { '204': { description: 'gone' } } },
    };
  }
  return JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'Generated', version: '1' },
    servers: [{ url: 'https://api.example' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas },
    paths,
  });
}

const TEXT = description(1000);

function analyse(): number {
  const parsed = parseOpenApi(TEXT, 'generated.json');
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { model } = openApiToModel(parsed.doc, { apiId: 'api', modelId: 'bench' });
  const analysis = analyzeModel(model, defaultLibrary());
  return analysisJson(analysis).threats.length;
}

const started = performance.now();
const threats = analyse();
console.log(
  `openapi: 1,000 operations (${(TEXT.length / 1e6).toFixed(2)} MB), ${String(threats)} threats, first run ${(performance.now() - started).toFixed(0)} ms`,
);

describe('OpenAPI analysis', () => {
  bench('parse + rules + model + core rules, 1,000 operations', () => {
    analyse();
  });
  bench('JSON.parse only (baseline)', () => {
    JSON.parse(TEXT);
  });
});
