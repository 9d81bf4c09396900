import { describe, expect, it } from 'vitest';
import type { ApiEntry, ApiId } from '../../../../../core/inventory/types';
import { analyseInPhases, MAX_OPENAPI_BYTES } from '../../../../../core/openapi';
import { emptyModel, threatRows } from '../../../../../core/threats';
import type { ThreatModelRecord } from '../../../../../core/workspace/records';
import { filterThreats, NO_FILTER } from '../../../../../renderer/ui/threats/identify/filter';
import { apiOfModel, matchingModel } from '../../../../../renderer/ui/openapi/import-target';
import { overallFraction, phaseText } from '../../../../../renderer/ui/openapi/ImportProgressBar';
import { tooLarge } from '../../../../../renderer/ui/openapi/SourcePicker';
import { fixtureText } from '../../../core/openapi/helpers';

// The import dialog's decisions that do not need a browser: which model a description
// updates, how far the bar is, what is too large, and finding a threat by its operation.

const at = '2026-11-23T10:00:00.000Z' as ApiEntry['createdAt'];
const record = (id: string, title: string, apiIds: string[]): ThreatModelRecord => ({
  ...emptyModel(id, title, apiIds as ApiId[]),
  createdAt: at,
  updatedAt: at,
});
const apis = new Map<ApiId, ApiEntry>(
  [
    ['a1', 'Shop API'],
    ['a2', 'Billing'],
  ].map(([id, name]) => [id as ApiId, { id, name } as unknown as ApiEntry]),
);

describe('matchingModel', () => {
  const plain = record('m1', 'Shop review', ['a1']);
  const imported = record('m2', 'Shop API (from OpenAPI)', ['a1']);
  const billing = record('m3', 'Billing', ['a2']);

  it('prefers a model of the same-named API that came from a description', () => {
    expect(matchingModel('shop api ', [plain, imported, billing], apis, new Set(['m2']))?.id).toBe(
      'm2',
    );
  });

  it('falls back to any model of the same-named API, or the generated title', () => {
    expect(matchingModel('Shop API', [plain, billing], apis, new Set())?.id).toBe('m1');
    const orphan = record('m4', 'Orders (from OpenAPI)', []);
    expect(matchingModel('Orders', [orphan], apis, new Set())?.id).toBe('m4');
  });

  it('matches nothing for another or an empty title', () => {
    expect(matchingModel('Payments', [plain, imported, billing], apis, new Set())).toBeNull();
    expect(matchingModel('  ', [plain], apis, new Set())).toBeNull();
  });

  it('updates the linked entry named like the API, else the first that still exists', () => {
    const both = record('m5', 'x', ['gone', 'a2', 'a1']);
    expect(apiOfModel(both, 'Shop API', apis)).toBe('a1');
    expect(apiOfModel(both, 'Other', apis)).toBe('a2');
    expect(apiOfModel(record('m6', 'x', ['gone']), 'Shop API', apis)).toBeNull();
  });
});

describe('the progress bar', () => {
  it('fills phase by phase, and within analysis by operations done', () => {
    const start = overallFraction({ phase: 'reading', done: 0, total: 100 });
    const mid = overallFraction({ phase: 'analysing', done: 50, total: 100 });
    const late = overallFraction({ phase: 'analysing', done: 100, total: 100 });
    const end = overallFraction({ phase: 'building', done: 1, total: 1 });
    expect(start).toBe(0);
    expect(mid).toBeGreaterThan(overallFraction({ phase: 'resolving', done: 1, total: 1 }));
    expect(late).toBeGreaterThan(mid);
    expect(end).toBe(1);
  });

  it('says the phase in words, with operations counted', () => {
    expect(phaseText(null)).toBe('Starting…');
    expect(phaseText({ phase: 'analysing', done: 1200, total: 4000 })).toBe(
      'Analysing operations: 1,200 of 4,000',
    );
    expect(phaseText({ phase: 'reading', done: 1, total: 4 })).toBe('Reading the file: 25%');
    expect(phaseText({ phase: 'resolving', done: 0, total: 1 })).toBe('Resolving references…');
  });
});

describe('tooLarge', () => {
  it('refuses over the limit with the name and both sizes', () => {
    expect(tooLarge('a.json', MAX_OPENAPI_BYTES)).toBeNull();
    expect(tooLarge('huge.json', 120 * 1024 * 1024)).toBe(
      'huge.json is too large (120.0 MB; the limit for an OpenAPI description is 100.0 MB).',
    );
  });
});

describe('searching threats by operation', () => {
  it('finds the threats of one operation', () => {
    const r = analyseInPhases(
      {
        text: fixtureText('insecure.yaml'),
        fileName: 'shop.yaml',
        apiId: 'a1',
        modelId: 'm1',
      },
      () => undefined,
    );
    if (!r.ok) throw new Error(r.error);
    const rows = threatRows(r.model, { includeStale: true });
    const shown = filterThreats(rows, { ...NO_FILTER, text: 'put /v1/users/{userid}' });
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(rows.length);
    expect(new Set(shown.map((s) => s.operation))).toEqual(new Set(['PUT /v1/users/{userId}']));
  });
});
