import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../../core/openapi';
import {
  analyseInPhases,
  checkDescription,
  checkDescriptionInSlices,
  importOpenApi,
  IMPORT_PHASES,
} from '../../../../core/openapi';
import {
  analyzeModel,
  createLibrary,
  defaultLibrary,
  dismissThreat,
  type IsoTimestamp,
} from '../../../../core/threats';
import { fixture, fixtureText } from './helpers';

// The import screen's pipeline: the same findings as the CLI's one-call analysis, told in
// phases; bad input refused with the file and the place; decisions kept on re-import.

const run = (text: string, fileName: string, extra: object = {}) => {
  const seen: ImportProgress[] = [];
  const r = analyseInPhases({ text, fileName, apiId: 'api-1', modelId: 'tm-1', ...extra }, (p) =>
    seen.push(p),
  );
  return { r, seen };
};

const ok = (text: string, fileName: string, extra: object = {}) => {
  const { r } = run(text, fileName, extra);
  if (!r.ok) throw new Error(r.error);
  return r;
};

describe('checkDescriptionInSlices', () => {
  it.each(['insecure.yaml', 'events.yaml', 'swagger.json'])(
    'finds exactly what checkDescription finds in %s, whatever the slice',
    (name) => {
      const doc = fixture(name);
      const whole = checkDescription(doc);
      expect(whole.length).toBeGreaterThan(0);
      for (const slice of [1, 2, 3, 50])
        expect(checkDescriptionInSlices(doc, () => undefined, slice)).toEqual(whole);
    },
  );

  it('reports operations done, rising to the total', () => {
    const doc = fixture('insecure.yaml');
    const total = doc.operations.length + doc.webhooks.length;
    const reports: [number, number][] = [];
    checkDescriptionInSlices(doc, (d, t) => reports.push([d, t]), 2);
    expect(reports[0]).toEqual([0, total]);
    expect(reports.at(-1)).toEqual([total, total]);
    expect(reports.length).toBe(1 + Math.ceil(total / 2));
    for (let i = 1; i < reports.length; i++)
      expect(reports[i]?.[0]).toBeGreaterThan(reports[i - 1]?.[0] ?? Infinity);
  });
});

describe('analyseInPhases', () => {
  it('reports the phases in order and previews the description', () => {
    const { r, seen } = run(fixtureText('insecure.yaml'), 'insecure.yaml');
    if (!r.ok) throw new Error(r.error);
    const order = [...new Set(seen.map((p) => p.phase))];
    expect(order).toEqual(IMPORT_PHASES.filter((p) => p !== 'reading'));
    expect(r.summary.title).toBe('Shop API');
    expect(r.summary.apiVersion).toBe('1.2.0');
    expect(r.summary.servers).toEqual([
      { url: 'http://api.shop.example/v1', environment: 'production' },
      { url: 'https://staging.shop.example/v2', environment: 'staging' },
    ]);
    // Without a rule library: the operations' threats only.
    expect(r.summary.threats).toBe(r.model.threats.instances.length);
    expect(r.summary.fromOperations).toBe(r.summary.threats);
    expect(r.model.threats.instances.every((t) => t.source === 'openapi')).toBe(true);
    expect(r.summary.stale).toBe(0);
    expect(r.diff).toBeNull();
    expect(r.model.apiIds).toEqual(['api-1']);
    expect(r.draft.name).toBe('Shop API');
  });

  it.each(['insecure.yaml', 'events.yaml', 'swagger.json'])(
    'with the rule library, builds %s with the same threats as bulwark analyze',
    (name) => {
      const text = fixtureText(name);
      const r = ok(text, name, { library: defaultLibrary() });
      // The CLI's path: the one-step import, then generation and rows.
      const cli = importOpenApi(text, name, { apiId: 'api-1', modelId: 'tm-1' });
      if (!cli.ok) throw new Error(cli.error);
      const rows = analyzeModel(cli.result.model, defaultLibrary()).rows;
      const active = r.model.threats.instances.filter((t) => !t.stale);
      expect(active.map((t) => t.id).sort()).toEqual(rows.map((row) => row.id).sort());
      expect(r.summary.threats).toBe(rows.length);
      expect(r.summary.fromOperations).toBe(
        rows.filter((row) => row.ruleId?.startsWith('OAS-')).length,
      );
      expect(r.summary.threats).toBeGreaterThan(r.summary.fromOperations);
      const severities = Object.values(r.summary.bySeverity).reduce((a, b) => a + b, 0);
      expect(severities).toBe(rows.length);
    },
  );

  it("uses the workspace's tailoring: a disabled rule adds no threat", () => {
    const text = fixtureText('insecure.yaml');
    const all = ok(text, 'insecure.yaml', { library: defaultLibrary() });
    const optional = new Set<string>(
      defaultLibrary()
        .rules.filter((x) => !x.baseline)
        .map((x) => x.id),
    );
    const someRule = all.model.threats.instances.find((t) => optional.has(t.threatId));
    if (!someRule) throw new Error('expected a threat of a rule that may be switched off');
    const tailored = createLibrary({ disabled: [someRule.threatId] });
    if (!tailored.ok) throw new Error('the tailoring was refused');
    const r = ok(text, 'insecure.yaml', { library: tailored.library });
    expect(r.model.threats.instances.some((t) => t.threatId === someRule.threatId)).toBe(false);
    expect(r.summary.threats).toBeLessThan(all.summary.threats);
  });

  it('reports external references with their place and never fetches them', () => {
    const text = [
      'openapi: 3.0.3',
      'info: { title: Ext, version: "1" }',
      'paths:',
      '  /a:',
      '    get:',
      '      responses:',
      "        '200': { $ref: 'https://example.com/common.yaml#/Ok' }",
    ].join('\n');
    const r = ok(text, 'ext.yaml');
    expect(r.summary.warnings).toHaveLength(1);
    expect(r.summary.warnings[0]).toMatch(/^ext\.yaml:7:\d+: external \$ref/);
  });

  const deep = `{"openapi":"3.0.0","info":{"title":"d","version":"1"},"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
  const bomb = ['openapi: 3.0.0', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 12; i++)
    bomb.push(
      `a${String(i)}: &a${String(i)} [${Array(10)
        .fill(`*a${String(i - 1)}`)
        .join(', ')}]`,
    );
  it.each([
    ['truncated.json', fixtureText('truncated.json'), /^truncated\.json:\d+:\d+: invalid JSON/],
    ['self-ref.yaml', fixtureText('self-ref.yaml'), /^self-ref\.yaml:\d+:\d+: .*refers to itself/],
    ['unknown-version.yaml', fixtureText('unknown-version.yaml'), /unsupported version 4\.0\.0/],
    ['deep.json', deep, /^deep\.json:1:\d+: nesting deeper than/],
    ['bomb.yaml', bomb.join('\n'), /^bomb\.yaml.*alias bomb/],
    ['image.png', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', /^image\.png.*binary file/],
  ])('refuses %s with the file and the place', (name, text, message) => {
    const { r } = run(text, name);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('keeps a dismissal through a re-import of a changed description and shows the diff', () => {
    const v1 = fixtureText('insecure.yaml');
    const first = ok(v1, 'shop-v1.yaml');
    const target = first.model.threats.instances.find(
      (t) => t.operation === 'GET /v1/users/{userId}',
    );
    if (!target) throw new Error('expected a threat on GET /v1/users/{userId}');
    const dismissed = dismissThreat(first.model, target.id, {
      by: 'Ana',
      reason: 'The id is a public handle.',
      at: '2026-11-23T10:00:00.000Z' as IsoTimestamp,
    });
    if (!dismissed.ok) throw new Error(dismissed.error);
    const v2 = v1.replace(
      /^paths:\n/m,
      "paths:\n  /v1/health:\n    get:\n      responses:\n        '200': { description: ok }\n",
    );
    expect(v2).not.toBe(v1);
    const second = ok(v2, 'shop-v2.yaml', {
      existing: dismissed.model,
      previous: { text: v1, fileName: 'shop-v1.yaml' },
    });
    expect(second.diff?.added).toEqual(['GET /v1/health']);
    expect(second.diff?.removed).toEqual([]);
    const again = second.model.threats.instances.find((t) => t.id === target.id);
    expect(again?.status).toBe('not-applicable');
    expect(again?.dismissal).toEqual({
      by: 'Ana',
      reason: 'The id is a public handle.',
      at: '2026-11-23T10:00:00.000Z',
    });
    expect(again?.stale).toBe(false);
    expect(second.model.threats.instances.some((t) => t.operation === 'GET /v1/health')).toBe(true);
  });

  it('says why there is no diff when the earlier description no longer parses', () => {
    const r = ok(fixtureText('secure.yaml'), 'secure.yaml', {
      previous: { text: '{"openapi": "3.0.0", "info": {', fileName: 'old.json' },
    });
    expect(r.diff).toBeNull();
    expect(r.diffNote).toMatch(/^The earlier description could not be read again: old\.json:/);
  });
});
