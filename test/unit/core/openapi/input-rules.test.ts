import { describe, expect, it } from 'vitest';
import { checkDescription } from '../../../../core/openapi';
import { parsed } from './helpers';

// The input rules read one pass over an operation's parameters then its body nodes (every
// media type's, in order): which
// inputs each reports, in that order, with readOnly, uploads, formats and names weighed.
const description = {
  openapi: '3.0.3',
  info: { title: 'inputs', version: '1', contact: { name: 'x' } },
  paths: {
    '/items/{id}': {
      post: {
        parameters: [
          { name: 'callback_url', in: 'query', schema: { type: 'string' } },
          { name: 'role', in: 'query', schema: { type: 'string', enum: ['a', 'b'] } },
          { name: 'q', in: 'query', schema: { type: 'string', readOnly: true } },
          { name: 'tags', in: 'query', schema: { type: 'array', items: { type: 'integer' } } },
          { name: 'old', in: 'query', schema: { type: 'array', readOnly: true } },
          { name: 'id', in: 'path', required: true, schema: { $ref: '#/components/schemas/Id' } },
        ],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  role: { type: 'string', readOnly: true },
                  is_admin: { type: 'boolean' },
                  avatar: { type: 'string', format: 'binary' },
                  website: { type: 'string', format: 'uri' },
                  note: { type: 'string' },
                  day: { type: 'string', format: 'date' },
                  ids: { type: 'array', readOnly: true },
                  few: { type: 'array', maxItems: 3 },
                  codes: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' } },
                },
              },
            },
            'application/x-www-form-urlencoded': {
              schema: { $ref: '#/components/schemas/Form' },
            },
          },
        },
        responses: { '200': { description: 'ok' } },
      },
    },
  },
  components: {
    schemas: {
      Id: { type: 'string', format: 'uuid' },
      Form: { type: 'object', properties: { redirect_uri: { type: 'string' }, owner: {} } },
    },
  },
};

const body = '/paths/~1items~1{id}/post/requestBody/content/application~1json/schema';
const param = (i: number) => `/paths/~1items~1{id}/post/parameters/${String(i)}`;

describe('the input rules', () => {
  it('report parameters then body nodes, each as its rule reads them', () => {
    const findings = checkDescription(parsed(JSON.stringify(description), 'inputs.json'));
    const of = (ruleId: string) =>
      findings
        .filter((f) => f.ruleId === ruleId)
        .map(({ location, evidence }) => ({ location, evidence }));
    expect(of('OAS-API3-001')).toEqual([
      {
        location: `${body}/properties/is_admin`,
        evidence:
          'The request body accepts privileged properties "is_admin", "owner" (not readOnly).',
      },
    ]);
    expect(of('OAS-API4-002')).toEqual([
      {
        location: param(3),
        evidence: 'Array inputs without maxItems: "tags", "codes".',
      },
    ]);
    expect(of('OAS-API4-005')).toEqual([
      {
        location: param(0),
        evidence:
          'String inputs without maxLength: "callback_url", "q", "website", "note", "codes" and 1 more.',
      },
    ]);
    expect(of('OAS-VAL-001')).toEqual([
      {
        location: param(0),
        evidence:
          'String inputs without maxLength, pattern, enum or format: "callback_url", "q", "note", "redirect_uri".',
      },
    ]);
    expect(of('OAS-API7-001')).toEqual([
      {
        location: param(0),
        evidence:
          'Inputs that take a URL: "callback_url", "website", "redirect_uri" (by name or format uri).',
      },
    ]);
  });
});
