import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../../../../core/openapi';
import { diffDescriptions, openApiToModel } from '../../../../core/openapi';
import type { IsoTimestamp, RuleId, ThreatInstance, ThreatModel } from '../../../../core/threats';
import { analyzeModel, defaultLibrary, threatModelSchema } from '../../../../core/threats';
import { fixture, fixtureText, parsed } from './helpers';

const build = (doc: OpenApiDocument, existing?: ThreatModel, previous?: OpenApiDocument) =>
  openApiToModel(doc, { apiId: 'shop', modelId: 'tm-shop', existing, previous });

describe('openApiToModel', () => {
  const { model, inventoryDraft } = build(fixture('insecure.yaml'));
  const ids = model.elements.map((e) => e.id as string);

  it('builds a process, clients, flows per group, stores per resource and a boundary', () => {
    expect(ids).toContain('api');
    expect(ids).toContain('client-anonymous');
    expect(ids).toContain('client-partner');
    expect(ids).toContain('flow-users');
    expect(ids).toContain('store-orders');
    expect(ids).toContain('webhook-receivers');
    const boundary = model.elements.find((e) => e.kind === 'trust-boundary');
    expect(boundary?.kind === 'trust-boundary' && boundary.contains).toContain('api');
    expect(model.assumptions).toContain('Inferred: a store behind /orders');
    const users = model.elements.find((e) => e.id === 'flow-users');
    expect(users?.kind === 'data-flow' && [users.source, users.target, users.tls]).toEqual([
      'client-anonymous',
      'api',
      'none',
    ]);
    const api = model.elements.find((e) => e.id === 'api');
    expect(
      api?.kind === 'process' && [api.exposesObjectIds, api.hasAdminFunctions, api.exposesGraphql],
    ).toEqual([true, true, true]);
  });

  it('validates against the model schema', () => {
    const r = threatModelSchema.safeParse(model);
    expect(r.error?.issues ?? []).toEqual([]);
  });

  it('attaches findings as openapi threats with operation, location and identity', () => {
    const t = model.threats.instances.find(
      (i) => i.id === 'OAS-API1-001@api#GET /v1/users/{userId}',
    );
    expect(t).toMatchObject({
      source: 'openapi',
      operation: 'GET /v1/users/{userId}',
      location: '/paths/~1v1~1users~1{userId}/get/parameters/0',
      status: 'open',
      stale: false,
    });
    expect(t?.evidence).toMatch(/userId/);
    expect(model.threats.catalogue.find((c) => c.id === 'OAS-API1-001')?.owasp).toBe('API1:2023');
    const doc = model.threats.instances.find((i) => i.id === 'OAS-API8-001@api');
    expect(doc?.operation).toBeUndefined();
  });

  it('fills the inventory draft', () => {
    expect(inventoryDraft.name).toBe('Shop API');
    expect(inventoryDraft.description).toMatch(/Version 1\.2\.0/);
    expect(inventoryDraft.environments.map((e) => e.name)).toEqual(['production', 'staging']);
    expect(inventoryDraft.authentication).toEqual(['api-key', 'basic', 'oauth2']);
    const owned = build(fixture('secure.yaml')).inventoryDraft;
    expect(owned.owner).toEqual({ team: 'Ledger team', contact: 'ledger@example.com' });
    expect(build(fixture('events.yaml')).inventoryDraft.authentication).toEqual(['mtls']);
  });

  it('analyses with the core rules alongside the OpenAPI findings', () => {
    const analysis = analyzeModel(model, defaultLibrary());
    expect(analysis.rows.some((r) => r.source === 'openapi' && r.operation !== null)).toBe(true);
    expect(analysis.rows.some((r) => r.source === 'rule')).toBe(true);
  });

  it('keeps element ids unique when names slug alike', () => {
    const doc = parsed(
      "openapi: 3.1.0\ninfo: { title: Clash, version: '1' }\npaths:\n  /a:\n    get: { tags: ['a b'], responses: { '200': { description: ok } } }\n  /b:\n    get: { tags: [a-b], responses: { '200': { description: ok } } }\n  /c:\n    post: { tags: [webhooks], callbacks: { cb: {} }, responses: { '200': { description: ok } } }\n",
    );
    const built = build(doc).model;
    const ids = built.elements.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['flow-a-b', 'flow-a-b-2', 'flow-webhooks', 'flow-webhooks-2']),
    );
    expect(threatModelSchema.safeParse(built).error?.issues ?? []).toEqual([]);
  });

  it('splits very large APIs into one process per tag group', () => {
    const paths = Array.from(
      { length: 210 },
      (_, i) =>
        `  /r${String(i % 3)}/x${String(i)}:\n    get:\n      tags: [t${String(i % 3)}]\n      responses: { '200': { description: ok } }`,
    );
    const big = parsed(
      `openapi: 3.0.0\ninfo: { title: Big, version: '1' }\npaths:\n${paths.join('\n')}\n`,
    );
    const built = build(big).model;
    const processes = built.elements.filter((e) => e.kind === 'process').map((e) => e.id);
    expect(processes).toEqual(['api-t0', 'api-t1', 'api-t2']);
    expect(built.threats.instances.some((t) => t.elementId === 'api-t1')).toBe(true);
  });
});

describe('re-import', () => {
  const v1 = fixture('insecure.yaml');
  const first = build(v1).model;
  const decide = (t: ThreatInstance): ThreatInstance => {
    if (t.id === 'OAS-API1-001@api#GET /v1/users/{userId}')
      return {
        ...t,
        status: 'mitigated',
        notes: 'ownership checked in the service',
        rating: { likelihood: 1, impact: 4 },
      };
    if (t.id === 'OAS-API7-001@api#POST /v1/previews')
      return {
        ...t,
        dismissal: {
          by: 'ana',
          reason: 'we never fetch it',
          at: '2026-01-01T00:00:00Z' as IsoTimestamp,
        },
      };
    if (t.id === 'OAS-API9-002@api#GET /v1/legacy')
      return { ...t, status: 'accepted', notes: 'sunset in Q3' };
    return t;
  };
  const decided: ThreatModel = {
    ...first,
    threats: { ...first.threats, instances: first.threats.instances.map(decide) },
  };
  const text = fixtureText('insecure.yaml')
    .replace(
      / {2}\/v1\/legacy:\n {4}get:\n {6}operationId: legacy\n {6}deprecated: true\n {6}responses:\n {8}'200': \{ description: old \}\n/,
      '',
    )
    .replace(
      '    put:\n      operationId: updateUser\n      tags: [users]\n      security: []\n',
      '    put:\n      operationId: updateUser\n      tags: [users]\n',
    )
    .replace(
      'paths:\n',
      "paths:\n  /v1/reports:\n    get:\n      responses: { '200': { description: ok } }\n",
    );
  const v2 = parsed(text);
  const second = build(v2, decided, v1);

  it('reports what changed', () => {
    expect(second.diff?.added).toEqual(['GET /v1/reports']);
    expect(second.diff?.removed).toEqual(['GET /v1/legacy']);
    expect(second.diff?.changed).toEqual([
      { operation: 'PUT /v1/users/{userId}', changes: ['security'] },
    ]);
    expect(second.diff?.security).toEqual([
      'PUT /v1/users/{userId}: [] (explicitly none) → apiKeyQuery.',
    ]);
  });

  it('keeps every decision and marks vanished findings stale', () => {
    const byId = new Map(second.model.threats.instances.map((t) => [t.id as string, t]));
    expect(byId.get('OAS-API1-001@api#GET /v1/users/{userId}')).toMatchObject({
      status: 'mitigated',
      notes: 'ownership checked in the service',
      rating: { likelihood: 1, impact: 4 },
      stale: false,
    });
    expect(byId.get('OAS-API7-001@api#POST /v1/previews')?.dismissal?.reason).toBe(
      'we never fetch it',
    );
    expect(byId.get('OAS-API9-002@api#GET /v1/legacy')).toMatchObject({
      status: 'accepted',
      stale: true,
      staleReason: 'The operation GET /v1/legacy is no longer in the description.',
    });
    expect(byId.get('OAS-API2-001@api#PUT /v1/users/{userId}')).toMatchObject({
      stale: true,
      staleReason: 'Rule OAS-API2-001 no longer fires on PUT /v1/users/{userId}.',
    });
    expect(byId.get('OAS-API4-004@api#GET /v1/reports')?.stale).toBe(false);
    // Re-importing the same description again changes nothing.
    expect(build(v2, second.model).model).toEqual(second.model);
  });

  it('a finding that comes back is current again with its decisions', () => {
    const back = build(v1, second.model, v2).model;
    const legacy = back.threats.instances.find((t) => t.id === 'OAS-API9-002@api#GET /v1/legacy');
    expect(legacy).toMatchObject({ status: 'accepted', notes: 'sunset in Q3', stale: false });
    expect(legacy?.staleReason).toBeUndefined();
  });

  it('diffDescriptions sees schema changes', () => {
    const changed = parsed(
      fixtureText('insecure.yaml').replace(
        '        ssn: { type: string }\n',
        '        ssn: { type: string }\n        pin: { type: string }\n',
      ),
    );
    const diff = diffDescriptions(v1, changed);
    expect(diff.changed.map((c) => `${c.operation}: ${c.changes.join()}`)).toEqual([
      'GET /v1/users: response schema',
      'GET /v1/users/{userId}: response schema',
    ]);
  });

  it('diffDescriptions sees scheme and global security changes', () => {
    const a = parsed(
      "openapi: 3.0.0\ninfo: { title: A, version: '1' }\nsecurity: [{ k: [] }]\ncomponents:\n  securitySchemes:\n    k: { type: apiKey, in: header, name: X }\npaths: {}\n",
    );
    const b = parsed(
      "openapi: 3.0.0\ninfo: { title: A, version: '1' }\ncomponents:\n  securitySchemes:\n    o: { type: http, scheme: bearer }\npaths: {}\n",
    );
    expect(diffDescriptions(a, b).security).toEqual([
      'Security scheme "o" added (http).',
      'Security scheme "k" removed.',
      'Global security: k → none declared.',
    ]);
  });
});

describe('re-import: the catalogue', () => {
  it('refreshes the entries of OpenAPI rules in place and keeps an entry someone else owns', () => {
    const doc = fixture('insecure.yaml');
    const first = build(doc).model;
    const entries = first.threats.catalogue;
    const [a, b] = entries;
    if (!a || !b) throw new Error('expected catalogue entries');
    // An edited copy of one rule's entry, and another rule's id taken by a custom entry.
    const existing: ThreatModel = {
      ...first,
      threats: {
        ...first.threats,
        catalogue: [
          { ...b, ruleId: 'CUSTOM-1' as RuleId, title: 'Kept as it is' },
          { ...a, title: 'An old title' },
        ],
      },
    };
    const again = build(doc, existing).model.threats.catalogue;
    expect(again.find((c) => c.id === b.id)?.title).toBe('Kept as it is');
    expect(again.find((c) => c.id === a.id)).toEqual(a);
    expect(again.map((c) => c.id)).toEqual(entries.map((c) => c.id));
  });
});
