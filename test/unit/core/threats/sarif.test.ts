import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ThreatInstance } from '../../../../core/threats';
import {
  SARIF_SCHEMA,
  analyzeModel,
  defaultLibrary,
  loadInput,
  sarifLevel,
  toSarif,
} from '../../../../core/threats';
import { PAYMENTS_FILE } from '../../../fixtures/threats/models';

type Obj = Record<string, unknown>;
const at = (o: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((x, k) => (x as Obj | undefined)?.[k as string], o);

describe('SARIF 2.1.0 output', () => {
  const text = readFileSync(PAYMENTS_FILE, 'utf8');
  const input = loadInput('payments.bulwark.json', text);
  if (!input.ok) throw new Error(input.error);
  const analysis = analyzeModel(input.model, defaultLibrary());
  const log = JSON.parse(
    JSON.stringify(
      toSarif(analysis.model, analysis.rows, {
        toolVersion: '0.1.0',
        artifactUri: 'models/payments.bulwark.json',
        locate: input.locate,
      }),
    ),
  ) as Obj;

  it('has the SARIF essentials', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(at(log, 'runs', 0, 'tool', 'driver', 'name')).toBe('Bulwark');
    const results = at(log, 'runs', 0, 'results') as Obj[];
    expect(results).toHaveLength(analysis.rows.length);
    for (const r of results) {
      expect(typeof at(r, 'message', 'text')).toBe('string');
      expect(['error', 'warning', 'note']).toContain(r.level);
    }
  });

  it('describes each rule with help text, tags and a security severity', () => {
    const rules = at(log, 'runs', 0, 'tool', 'driver', 'rules') as Obj[];
    const bola = rules.find((r) => r.id === 'BW-E-010');
    expect(bola).toMatchObject({
      name: 'BrokenObjectLevelAuthorizationBOLA',
      shortDescription: { text: 'Broken object level authorization (BOLA)' },
      helpUri: 'https://cwe.mitre.org/data/definitions/639.html',
      defaultConfiguration: { level: 'error' },
      properties: { 'security-severity': '8.0' },
    });
    expect(at(bola, 'help', 'text')).toMatch(
      /OWASP API Security Top 10: API1:2023 Broken Object Level Authorization/,
    );
    expect(at(bola, 'properties', 'tags')).toEqual(
      expect.arrayContaining([
        'security',
        'OWASP/API1:2023',
        'external/cwe/cwe-639',
        'STRIDE/Elevation of privilege',
      ]),
    );
    const results = at(log, 'runs', 0, 'results') as Obj[];
    for (const r of results) expect(at(rules[r.ruleIndex as number], 'id')).toBe(r.ruleId);
  });

  it('locates results at the element in the model file, physically and logically', () => {
    const results = at(log, 'runs', 0, 'results') as Obj[];
    const r = results.find(
      (x) => at(x, 'partialFingerprints', 'bulwarkThreatId/v1') === 'BW-E-010@payments',
    );
    const loc = at(r, 'locations', 0) as Obj;
    expect(at(loc, 'physicalLocation', 'artifactLocation', 'uri')).toBe(
      'models/payments.bulwark.json',
    );
    const line = at(loc, 'physicalLocation', 'region', 'startLine') as number;
    expect(text.split('\n')[line - 1]).toContain('"id": "payments"');
    expect(at(loc, 'logicalLocations', 0)).toEqual({
      name: 'Payments service',
      fullyQualifiedName: 'elements/payments',
      kind: 'resource',
    });
  });

  it('maps severities to levels and decisions to suppressions', () => {
    expect([
      sarifLevel('critical'),
      sarifLevel('high'),
      sarifLevel('elevated'),
      sarifLevel('medium'),
      sarifLevel('low'),
    ]).toEqual(['error', 'error', 'warning', 'warning', 'note']);
    const m = analysis.model;
    const accepted = m.threats.instances.map((t): ThreatInstance =>
      t.id === 'BW-E-010@payments'
        ? {
            ...t,
            status: 'accepted',
            acceptance: { owner: 'A', rationale: 'Legacy', expires: '2027-01-01' as never },
          }
        : t,
    );
    const again = analyzeModel(
      { ...m, threats: { ...m.threats, instances: accepted } },
      defaultLibrary(),
    );
    const sarif = toSarif(again.model, again.rows, { toolVersion: '0', artifactUri: 'm.json' });
    const results = at(sarif, 'runs', 0, 'results') as Obj[];
    const r = results.find(
      (x) => at(x, 'partialFingerprints', 'bulwarkThreatId/v1') === 'BW-E-010@payments',
    );
    expect(r?.suppressions).toEqual([{ kind: 'external', justification: 'Legacy' }]);
    expect(at(r, 'locations', 0, 'physicalLocation')).toEqual({
      artifactLocation: { uri: 'm.json' },
    });
  });
});
