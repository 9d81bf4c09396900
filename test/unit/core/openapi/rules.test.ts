import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../core/openapi';
import { OPENAPI_RULES, checkDescription, uncheckedRules, wordsOf } from '../../../../core/openapi';
import { OWASP_API_2023, RULE_ID_PATTERN } from '../../../../core/threats';
import { fixture, parsed } from './helpers';

const findings = (name: string) => checkDescription(fixture(name));
const fired = (list: readonly Finding[], ruleId: string) => list.filter((f) => f.ruleId === ruleId);

// Where each rule fires, and on which operation (null: description-wide).
const FIRES: Record<string, [string, string | null]> = {
  'OAS-API1-001': ['insecure.yaml', 'GET /v1/users/{userId}'],
  'OAS-API2-001': ['insecure.yaml', 'PUT /v1/users/{userId}'],
  'OAS-API2-002': ['insecure.yaml', null],
  'OAS-API2-003': ['swagger.json', null],
  'OAS-API2-004': ['insecure.yaml', null],
  'OAS-API2-005': ['insecure.yaml', 'GET /v1/users/{userId}'],
  'OAS-API2-006': ['insecure.yaml', null],
  'OAS-API3-001': ['insecure.yaml', 'PUT /v1/users/{userId}'],
  'OAS-API3-002': ['insecure.yaml', 'GET /v1/users'],
  'OAS-API4-001': ['insecure.yaml', 'GET /v1/orders'],
  'OAS-API4-002': ['insecure.yaml', 'POST /v1/previews'],
  'OAS-API4-003': ['swagger.json', 'POST /files'],
  'OAS-API4-004': ['insecure.yaml', 'POST /v1/login'],
  'OAS-API4-005': ['insecure.yaml', 'POST /v1/login'],
  'OAS-API4-006': ['insecure.yaml', 'POST /graphql'],
  'OAS-API5-001': ['insecure.yaml', 'GET /v1/admin/debug'],
  'OAS-API5-002': ['swagger.json', 'DELETE /files/{fileId}'],
  'OAS-API6-001': ['insecure.yaml', 'POST /v1/login'],
  'OAS-API7-001': ['insecure.yaml', 'POST /v1/previews'],
  'OAS-API8-001': ['insecure.yaml', null],
  'OAS-API8-002': ['insecure.yaml', null],
  'OAS-API8-003': ['insecure.yaml', 'GET /v1/orders'],
  'OAS-API8-004': ['insecure.yaml', 'POST /graphql'],
  'OAS-API9-001': ['insecure.yaml', null],
  'OAS-API9-002': ['insecure.yaml', 'GET /v1/legacy'],
  'OAS-API9-003': ['insecure.yaml', null],
  'OAS-API9-004': ['insecure.yaml', null],
  'OAS-API10-001': ['events.yaml', 'POST webhook:orderShipped'],
  'OAS-VAL-001': ['insecure.yaml', 'GET /v1/users/{userId}'],
};

describe('the OpenAPI rule catalogue', () => {
  it('has a check, a valid id and a mapping for every row', () => {
    expect(uncheckedRules()).toEqual([]);
    for (const r of OPENAPI_RULES) {
      expect(r.id).toMatch(RULE_ID_PATTERN);
      if (r.owasp !== null) expect(OWASP_API_2023).toContain(r.owasp);
      expect(r.cwe.length).toBeGreaterThan(0);
      expect(r.mitigations.length).toBeGreaterThan(0);
    }
    expect(Object.keys(FIRES).sort()).toEqual(OPENAPI_RULES.map((r) => r.id as string).sort());
  });

  it.each(Object.entries(FIRES))(
    '%s fires on its fixture, with a place and a reason',
    (ruleId, [file, op]) => {
      const hits = fired(findings(file), ruleId);
      const hit = hits.find((f) => f.operation === op);
      expect(hit, `${ruleId} on ${op ?? 'the description'}`).toBeDefined();
      expect(hit?.location).toMatch(/^\//);
      expect(hit?.evidence.length).toBeGreaterThan(10);
    },
  );

  it('no rule fires on a careful description', () => {
    expect(findings('secure.yaml')).toEqual([]);
  });
});

describe('rules do not misfire', () => {
  const insecure = findings('insecure.yaml');
  const on = (ruleId: string) => fired(insecure, ruleId).map((f) => f.operation);

  it('BOLA needs an id-like parameter', () => {
    expect(on('OAS-API1-001')).not.toContain('GET /v1/orders');
  });
  it('only unauthenticated operations are flagged for missing security', () => {
    expect(on('OAS-API2-001').sort()).toEqual([
      'DELETE /v1/users/{userId}',
      'PUT /v1/users/{userId}',
    ]);
    expect(
      fired(insecure, 'OAS-API2-001')
        .map((f) => f.evidence)
        .join(' '),
    ).toMatch(/security: \[\].*\{\}/s);
  });
  it('paging: bounded limits pass, non-list GETs are not lists', () => {
    expect(on('OAS-API4-001').sort()).toEqual(['GET /v1/orders', 'GET /v1/users']);
    expect(fired(findings('swagger.json'), 'OAS-API4-001')).toEqual([]);
  });
  it('mass assignment ignores bounded, non-privileged properties', () => {
    expect(on('OAS-API3-001')).toEqual(['PUT /v1/users/{userId}']);
  });
  it('business flows: GET and ordinary POSTs are not flagged; webhooks never', () => {
    expect(on('OAS-API6-001')).toEqual(['POST /v1/login']);
    expect(fired(findings('events.yaml'), 'OAS-API6-001')).toEqual([]);
    expect(wordsOf('/v1/passwordReset/{id}')).toContain('passwordreset');
    expect(wordsOf('/v1/passwordReset')).toContain('password');
  });
  it('a 429 response or rate-limit extension silences the throttling rules', () => {
    const doc = parsed(
      "openapi: 3.0.0\ninfo: { title: T, version: '1', contact: { name: n } }\npaths:\n  /login:\n    post:\n      x-rate-limit: { rpm: 5 }\n      responses: { '200': { description: ok } }\n  /signup:\n    post:\n      responses: { '200': { description: ok }, '429': { description: slow } }\n",
    );
    const list = checkDescription(doc);
    expect(fired(list, 'OAS-API6-001')).toEqual([]);
    expect(fired(list, 'OAS-API4-004')).toEqual([]);
  });
  it('401/403 only matter on secured operations', () => {
    expect(on('OAS-API8-003')).not.toContain('PUT /v1/users/{userId}');
    expect(fired(findings('events.yaml'), 'OAS-API8-003')).toEqual([]);
  });
  it('header API keys, https servers and one version pass', () => {
    const swagger = findings('swagger.json');
    for (const id of [
      'OAS-API2-002',
      'OAS-API2-004',
      'OAS-API8-001',
      'OAS-API8-002',
      'OAS-API9-001',
      'OAS-API9-003',
    ])
      expect(fired(swagger, id)).toEqual([]);
  });
  it('refresh tokens: only authorization-code and password flows need a refreshUrl', () => {
    const doc = (flows: string) =>
      parsed(
        `openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths: {}\ncomponents:\n  securitySchemes:\n    o:\n      type: oauth2\n      flows:\n${flows}`,
      );
    const hit = fired(insecure, 'OAS-API2-006')[0];
    expect(hit?.location).toBe('/components/securitySchemes/oauth/flows/password');
    expect(hit?.evidence).toContain('oauth password');
    const code =
      "        authorizationCode: { authorizationUrl: 'https://a/x', tokenUrl: 'https://a/t', scopes: {} }\n";
    expect(fired(checkDescription(doc(code)), 'OAS-API2-006')).toHaveLength(1);
    const refreshed =
      "        authorizationCode: { authorizationUrl: 'https://a/x', tokenUrl: 'https://a/t', refreshUrl: 'https://a/r', scopes: {} }\n";
    expect(fired(checkDescription(doc(refreshed)), 'OAS-API2-006')).toEqual([]);
    const machine = "        clientCredentials: { tokenUrl: 'https://a/t', scopes: {} }\n";
    expect(fired(checkDescription(doc(machine)), 'OAS-API2-006')).toEqual([]);
    // Swagger 2.0 cannot declare a refresh URL.
    expect(fired(findings('swagger.json'), 'OAS-API2-006')).toEqual([]);
  });
  it('servers must state their audience and their environment', () => {
    const doc = (server: string) =>
      parsed(
        `openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths: {}\nservers:\n  - ${server}\n`,
      );
    const hit = fired(insecure, 'OAS-API9-004')[0];
    expect(hit?.location).toBe('/servers/0');
    expect(hit?.evidence).toContain('http://api.shop.example/v1');
    const check = (server: string) => fired(checkDescription(doc(server)), 'OAS-API9-004');
    expect(check('{ url: https://a.example, description: Production }')).toHaveLength(1);
    expect(check('{ url: https://a.example, x-internal: false }')).toHaveLength(1);
    expect(
      check('{ url: https://a.example, description: The API, x-internal: true }'),
    ).toHaveLength(1);
    expect(check('{ url: https://a.example, description: Sandbox, x-internal: false }')).toEqual(
      [],
    );
    expect(fired(findings('swagger.json'), 'OAS-API9-004')).toEqual([]);
  });
  it('findings are deterministic and one per rule and operation', () => {
    const again = findings('insecure.yaml');
    expect(again).toEqual(insecure);
    const keys = insecure.map((f) => `${f.ruleId}#${f.operation ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
