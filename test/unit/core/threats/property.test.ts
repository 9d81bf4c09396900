import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SarifOptions, Stride, ThreatInstance, ThreatModel } from '../../../../core/threats';
import {
  analysisJson,
  analysisJsonParts,
  analyzeModel,
  defaultLibrary,
  diffModels,
  emptyModel,
  generateThreats,
  mitigationsCsv,
  newElement,
  strideCategories,
  threatRows,
  threatsCsv,
  toHtmlReport,
  toMarkdownReport,
  toMermaidDiagrams,
  toSarif,
  toSarifParts,
} from '../../../../core/threats';
import { arbModel } from '../../../fixtures/threats/models';

const lib = defaultLibrary();

const categoriesOf = (m: ThreatModel, elementId: string): Set<Stride> => {
  const rows = threatRows(m).filter((r) => r.elementId === elementId && r.ruleId !== null);
  return new Set(rows.map((r) => r.stride));
};

/** Deterministic shuffle driven by fast-check's seed. */
const shuffled = <T>(xs: readonly T[], seed: number): T[] =>
  xs
    .map((x, i) => ({ x, k: (i * 2654435761 + seed) % 4294967296 }))
    .sort((a, b) => a.k - b.k)
    .map((e) => e.x);

describe('the analysis JSON in parts', () => {
  it('joins into exactly the whole JSON text, whatever the part size', () => {
    fc.assert(
      fc.property(arbModel, fc.integer({ min: 1, max: 12 }), (model, perPart) => {
        const analysis = analyzeModel(model, lib);
        const whole = JSON.stringify(analysisJson(analysis), null, 2);
        expect([...analysisJsonParts(analysis, perPart)].join('')).toBe(whole);
        expect([...analysisJsonParts(analysis)].join('')).toBe(whole);
      }),
    );
  });

  it('writes the SARIF log in parts that join into exactly the whole log', () => {
    fc.assert(
      fc.property(arbModel, fc.integer({ min: 1, max: 12 }), (model, perPart) => {
        const { model: m, rows } = analyzeModel(model, lib);
        const options: SarifOptions = {
          toolVersion: '1.2.3',
          artifactUri: 'models/m.json',
          locate: (r) => ({ line: r.id.length, column: 3, offset: 0 }),
        };
        expect([...toSarifParts(m, rows, options, perPart)].join('')).toBe(
          JSON.stringify(toSarif(m, rows, options), null, 2),
        );
      }),
    );
  });

  it('prints an analysis without threats, and per-operation fields, as the whole does', () => {
    const empty = analyzeModel(emptyModel('m', 'M', []), lib);
    expect(empty.rows).toEqual([]);
    expect([...analysisJsonParts(empty)].join('')).toBe(
      JSON.stringify(analysisJson(empty), null, 2),
    );
    const rows = analyzeModel(
      { ...emptyModel('m', 'M', []), elements: [newElement('process', 'api', 'API')] },
      lib,
    ).rows;
    const first = rows[0];
    if (!first) throw new Error('expected threats');
    const located = {
      model: empty.model,
      rows: [
        { ...first, operation: 'GET /users/{id}', location: '/paths/~1users~1{id}/get' },
        {
          ...first,
          id: `${first.id}-b` as typeof first.id,
          evidence: 'Café “quoted” ✓',
          operation: 'POST /x',
        },
        ...rows.slice(1),
      ],
    };
    const text = [...analysisJsonParts(located, 1)].join('');
    expect(text).toBe(JSON.stringify(analysisJson(located), null, 2));
    expect((JSON.parse(text) as { threats: unknown[] }).threats[0]).toMatchObject({
      operation: 'GET /users/{id}',
      location: '/paths/~1users~1{id}/get',
    });
  });
});

describe('the analysis JSON writer', () => {
  // analysisJsonParts writes each threat field by field; whatever a row holds (quotes,
  // control characters, lone surrogates, text beyond Latin-1, values outside its types),
  // the text must be JSON.stringify's.
  const base = analyzeModel(
    { ...emptyModel('m', 'M', []), elements: [newElement('process', 'api', 'API')] },
    lib,
  );
  const text = fc.string({ unit: 'binary', maxLength: 12 });
  const row = fc.record({
    id: text,
    elementId: text,
    title: text,
    evidence: text,
    owasp: fc.option(text),
    ruleId: fc.option(text),
    operation: fc.option(text),
    location: fc.option(text),
    cwe: fc.array(text, { maxLength: 3 }),
    capec: fc.array(text, { maxLength: 2 }),
    likelihood: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(NaN, Infinity, -0)),
    status: fc.oneof(text, fc.constant(undefined)),
    mitigation: fc.option(text),
    shared: fc.boolean(),
  });

  it('writes rows of any content exactly as JSON.stringify does', () => {
    const first = base.rows[0];
    if (!first) throw new Error('expected threats');
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), (drawn) => {
        const sharedList = first.mitigations;
        const rows = drawn.map((d) => ({
          ...first,
          ...d,
          id: d.id as typeof first.id,
          elementId: d.elementId as typeof first.elementId,
          owasp: d.owasp as typeof first.owasp,
          ruleId: d.ruleId as typeof first.ruleId,
          likelihood: d.likelihood as typeof first.likelihood,
          status: d.status as typeof first.status,
          mitigations:
            d.shared || d.mitigation === null
              ? sharedList
              : sharedList.map((m) => ({ ...m, description: d.mitigation ?? '' })),
        }));
        const analysis = { model: base.model, rows };
        expect([...analysisJsonParts(analysis, 2)].join('')).toBe(
          JSON.stringify(analysisJson(analysis), null, 2),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('generation on random models', () => {
  it('never crashes, nor do the diagram, reports, CSV, SARIF and diff', () => {
    fc.assert(
      fc.property(arbModel, (model) => {
        const analysis = analyzeModel(model, lib);
        toMermaidDiagrams(analysis.model);
        toMarkdownReport(analysis.model);
        toHtmlReport(analysis.model);
        threatsCsv(analysis.model);
        mitigationsCsv(analysis.model);
        toSarif(analysis.model, analysis.rows, { toolVersion: '0', artifactUri: 'm.json' });
        analysisJson(analysis);
        expect(diffModels(model, analysis.model).threats.removed).toEqual([]);
      }),
    );
  });

  it('applies the whole STRIDE-per-element baseline: every process gets all six categories', () => {
    fc.assert(
      fc.property(arbModel, (model) => {
        const out = generateThreats(model, lib);
        for (const e of out.elements) {
          if (e.outOfScope) continue;
          const got = categoriesOf(out, e.id);
          for (const s of strideCategories(e))
            expect(got.has(s), `${e.kind} ${e.id} ${s}`).toBe(true);
          if (e.kind === 'process') expect(got.size).toBe(6);
        }
      }),
    );
  });

  it('is idempotent and independent of element order', () => {
    fc.assert(
      fc.property(arbModel, fc.nat(), (model, seed) => {
        const once = generateThreats(model, lib);
        expect(generateThreats(once, lib)).toStrictEqual(once);
        const other = generateThreats(
          {
            ...model,
            elements: shuffled(model.elements, seed),
            assets: shuffled(model.assets, seed),
          },
          lib,
        );
        expect(other.threats).toStrictEqual(once.threats);
      }),
    );
  });

  it('keeps every decision across random edits, and never loses a threat', () => {
    const decide = (t: ThreatInstance, i: number): ThreatInstance =>
      i % 3 === 0
        ? {
            ...t,
            status: 'transferred',
            notes: `note ${i}`,
            rating: { likelihood: 4, impact: 1, override: { severity: 'low', rationale: 'r' } },
            mitigations: [
              {
                id: 'M-X' as never,
                title: 'X',
                description: '',
                status: 'verified',
                owner: 'o',
                due: null,
              },
            ],
          }
        : t;
    fc.assert(
      fc.property(arbModel, fc.array(fc.nat(), { maxLength: 6 }), (model, toggles) => {
        const first = generateThreats(model, lib);
        const decided = {
          ...first,
          threats: { ...first.threats, instances: first.threats.instances.map(decide) },
        };
        // Random edits: flip the first boolean control of some elements, drop one element.
        const elements = decided.elements
          .map((e, i) => {
            if (!toggles.includes(i)) return e;
            const key = Object.keys(e).find(
              (k) => typeof (e as Record<string, unknown>)[k] === 'boolean' && k !== 'outOfScope',
            );
            return key ? { ...e, [key]: !(e as Record<string, unknown>)[key] } : e;
          })
          .filter((_, i) => i !== toggles[0]);
        const again = generateThreats({ ...decided, elements }, lib);
        const byId = new Map(again.threats.instances.map((t) => [t.id, t]));
        for (const t of decided.threats.instances) {
          const now = byId.get(t.id);
          expect(now).toBeDefined();
          expect(now && [now.status, now.rating, now.mitigations, now.notes]).toEqual([
            t.status,
            t.rating,
            t.mitigations,
            t.notes,
          ]);
        }
      }),
    );
  });
});
