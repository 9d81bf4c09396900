import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  exportOtm,
  exportThreatDragon,
  formatExchangeError,
  importOtm,
  importThreatDragon,
  layoutDiagram,
  type ImportResult,
} from '../../../../core/exchange';
import {
  analyzeModel,
  defaultLibrary,
  generateThreats,
  ratedSeverity,
  validateThreatModel,
  type Element,
  type Mitigation,
  type ThreatInstance,
  type ThreatModel,
} from '../../../../core/threats';
import { sharedFixture } from '../../../fixtures/shared';
import { arbModel, paymentsModel } from '../../../fixtures/threats/models';

// Property runs export and re-import whole models: a generous time limit on a shared machine.
vi.setConfig({ testTimeout: 60_000 });

// Bulwark → Threat Dragon → Bulwark and Bulwark → OTM → Bulwark keep the semantic content:
// elements with kind, name and description, flow endpoints, boundaries, and threats with
// category, status, severity, description and mitigations.

const OPTIONS = { modelId: 'back', apiIds: ['api-1'] };

function back(r: ImportResult): ThreatModel {
  if (!r.ok) throw new Error(formatExchangeError(r.error));
  return r.model;
}

/** The model as a reader compares it: by element id, threats by element and title. */
function semantic(m: ThreatModel, opts: { crossings: boolean }) {
  const kinds = new Map(m.elements.map((e) => [e.id as string, e.kind]));
  const elements = [...m.elements]
    .map((e: Element) => ({
      id: e.id,
      kind: e.kind,
      name: e.name,
      description: e.description,
      outOfScope: e.outOfScope,
      ...(e.kind === 'data-flow'
        ? {
            source: e.source,
            target: e.target,
            ...(opts.crossings ? { crosses: [...e.crossesBoundaries].sort() } : {}),
          }
        : {}),
      ...(e.kind === 'trust-boundary'
        ? { contains: e.contains.filter((c) => kinds.get(c) !== 'data-flow').sort() }
        : {}),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const catalogue = new Map(m.threats.catalogue.map((c) => [c.id as string, c]));
  const threats = m.threats.instances
    .filter((t) => !t.stale)
    .map((t: ThreatInstance) => {
      const c = catalogue.get(t.threatId);
      return {
        element: t.elementId,
        title: c?.title,
        stride: c?.stride,
        description: c?.description,
        status: t.status,
        severity: ratedSeverity(t.rating),
        mitigations: t.mitigations.map((x: Mitigation) => ({
          title: x.title,
          description: x.description.replace(/\n\s*\n/g, '\n').trim(),
        })),
      };
    })
    .sort((a, b) => `${a.element}|${a.title ?? ''}`.localeCompare(`${b.element}|${b.title ?? ''}`));
  return { title: m.title, elements, threats };
}

/** The payments sample with generated threats, varied as a review would leave them. */
function reviewedPayments(): ThreatModel {
  const m = analyzeModel(paymentsModel(), defaultLibrary()).model;
  const instances = m.threats.instances.map((t, i): ThreatInstance => {
    switch (i % 5) {
      case 0:
        return {
          ...t,
          status: 'mitigated',
          mitigations: t.mitigations.map((x) => ({ ...x, status: 'implemented' })),
        };
      case 1:
        return { ...t, status: 'not-applicable', rating: { likelihood: 2, impact: 3 } };
      case 2:
        return { ...t, rating: { likelihood: 4, impact: 4 } };
      case 3:
        return { ...t, rating: { likelihood: 1, impact: 1 }, mitigations: [] };
      default:
        return t;
    }
  });
  return { ...m, threats: { ...m.threats, instances } };
}

describe('round trips', () => {
  const model = reviewedPayments();

  it('the test model is rich: every kind, nested boundaries, threats with mitigations', () => {
    expect(new Set(model.elements.map((e) => e.kind)).size).toBe(5);
    expect(model.threats.instances.length).toBeGreaterThan(30);
    expect(model.threats.instances.some((t) => t.mitigations.length > 1)).toBe(true);
    expect(
      new Set(model.threats.instances.map((t) => ratedSeverity(t.rating))).size,
    ).toBeGreaterThanOrEqual(4);
  });

  it('Bulwark → Threat Dragon → Bulwark keeps the semantic content', () => {
    const out = exportThreatDragon(model);
    const again = back(importThreatDragon(out.text, 'out.json', OPTIONS));
    expect(semantic(again, { crossings: false })).toEqual(semantic(model, { crossings: false }));
  });

  it('Bulwark → OTM → Bulwark keeps the semantic content, crossings and controls too', () => {
    const out = exportOtm(model);
    const again = back(importOtm(out.text, 'out.otm.json', OPTIONS));
    expect(semantic(again, { crossings: true })).toEqual(semantic(model, { crossings: true }));
    // Controls travel in attributes.bulwark: the rules fire the same way on the copy.
    const ids = (m: ThreatModel) =>
      generateThreats(m, defaultLibrary())
        .threats.instances.map((t) => t.id)
        .sort();
    expect(ids(again)).toEqual(ids(model));
    // Rule catalogue entries keep their rule id, OWASP mapping, CWE and CAPEC.
    const rule = model.threats.catalogue.find((c) => c.ruleId !== null);
    const copy = again.threats.catalogue.find((c) => c.id === rule?.id);
    expect(
      copy && { ruleId: copy.ruleId, owasp: copy.owasp, cwe: copy.cwe, capec: copy.capec },
    ).toEqual(rule && { ruleId: rule.ruleId, owasp: rule.owasp, cwe: rule.cwe, capec: rule.capec });
  });

  it('Threat Dragon export lists what Threat Dragon cannot hold', () => {
    const notes = exportThreatDragon(model)
      .notCarried.map((n) => n.message)
      .join('\n');
    expect(notes).toMatch(/^Bulwark rule ids \(\d+\): /m);
    expect(notes).toMatch(/^OWASP API Security Top 10 mappings/m);
    expect(notes).toMatch(/^Assets \(\d+\)/m);
    expect(notes).toMatch(/^Recorded controls and properties/m);
  });

  it('Threat Dragon export is a v2 model Threat Dragon reads: cells, edges to existing cells, threats in data', () => {
    const json = JSON.parse(exportThreatDragon(model).text) as {
      version: string;
      summary: { title: string };
      detail: { diagrams: { cells: Record<string, unknown>[]; diagramType: string }[] };
    };
    expect(json.version).toMatch(/^2\./);
    expect(json.summary.title).toBe(model.title);
    const cells = json.detail.diagrams[0]?.cells ?? [];
    const ids = new Set(cells.map((c) => c.id));
    expect(ids.size).toBe(cells.length);
    for (const c of cells) {
      expect([
        'actor',
        'process',
        'store',
        'flow',
        'trust-boundary-box',
        'trust-boundary-curve',
      ]).toContain(c.shape);
      const data = c.data as { type: string; name: string; threats?: unknown[] };
      expect(data.type).toMatch(/^tm\./);
      if (c.shape === 'flow') {
        expect(ids.has((c.source as { cell: string }).cell)).toBe(true);
        expect(ids.has((c.target as { cell: string }).cell)).toBe(true);
      } else if (c.shape !== 'trust-boundary-curve') {
        const size = c.size as { width: number; height: number };
        expect(size.width).toBeGreaterThan(0);
        expect(size.height).toBeGreaterThan(0);
      }
    }
  });

  it('the diagram layout puts every member inside its box and no two nodes on top of each other', () => {
    const { positions, parent } = layoutDiagram(model);
    for (const [child, box] of parent) {
      const c = positions.get(child);
      const b = positions.get(box);
      expect(c && b).toBeTruthy();
      if (!c || !b) continue;
      expect(c.x).toBeGreaterThanOrEqual(b.x);
      expect(c.y).toBeGreaterThanOrEqual(b.y);
      expect(c.x + c.width).toBeLessThanOrEqual(b.x + b.width);
      expect(c.y + c.height).toBeLessThanOrEqual(b.y + b.height);
    }
    const nodes = model.elements.filter(
      (e) => e.kind !== 'data-flow' && e.kind !== 'trust-boundary',
    );
    for (const a of nodes)
      for (const b of nodes) {
        if (a.id >= b.id) continue;
        const p = positions.get(a.id);
        const q = positions.get(b.id);
        if (!p || !q) throw new Error('unplaced node');
        const overlap =
          p.x < q.x + q.width &&
          q.x < p.x + p.width &&
          p.y < q.y + q.height &&
          q.y < p.y + p.height;
        expect(overlap).toBe(false);
      }
  });
});

describe("exported Threat Dragon JSON validates against Threat Dragon's own v2 schema", () => {
  const schema = JSON.parse(
    readFileSync(sharedFixture('threat-dragon', 'schema', 'threat-dragon-v2.schema.json'), 'utf8'),
  ) as object;
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

  it('the schema rejects a model without a title (it can fail)', () => {
    expect(validate({ summary: { owner: 'x' }, detail: { diagrams: [] } })).toBe(false);
  });

  it('for the reviewed payments model and random models', () => {
    expect(
      validate(JSON.parse(exportThreatDragon(reviewedPayments()).text)),
      JSON.stringify(validate.errors),
    ).toBe(true);
    fc.assert(
      fc.property(arbModel, (raw) => {
        const checked = validateThreatModel(raw);
        fc.pre(checked.ok);
        const out = exportThreatDragon(generateThreats(checked.model, defaultLibrary()));
        expect(validate(JSON.parse(out.text)), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe('exported OTM validates against the OTM 0.2 schema', () => {
  const schema = JSON.parse(
    readFileSync(sharedFixture('otm', 'otm_schema.json'), 'utf8'),
  ) as object;
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);

  it('the schema accepts the OTM example and rejects a file without a project (it can fail)', () => {
    expect(validate(JSON.parse(readFileSync(sharedFixture('otm', 'EXAMPLE.json'), 'utf8')))).toBe(
      true,
    );
    expect(validate({ otmVersion: '0.2.0' })).toBe(false);
  });

  it('for the reviewed payments model', () => {
    const otm = JSON.parse(exportOtm(reviewedPayments()).text) as unknown;
    expect(validate(otm), JSON.stringify(validate.errors)).toBe(true);
  });

  it('for random models, and they come back with the same content (property)', () => {
    fc.assert(
      fc.property(arbModel, (raw) => {
        const checked = validateThreatModel(raw);
        fc.pre(checked.ok);
        // One boundary per element, as OTM has one parent per component.
        const seen = new Set<string>();
        for (const e of checked.model.elements)
          if (e.kind === 'trust-boundary')
            for (const c of e.contains) {
              fc.pre(!seen.has(c));
              seen.add(c);
            }
        const m = generateThreats(checked.model, defaultLibrary());
        const out = exportOtm(m);
        expect(validate(JSON.parse(out.text)), JSON.stringify(validate.errors)).toBe(true);
        const again = back(importOtm(out.text, 'p.otm.json', OPTIONS));
        expect(semantic(again, { crossings: true })).toEqual(semantic(m, { crossings: true }));
        const td = back(importThreatDragon(exportThreatDragon(m).text, 'p.json', OPTIONS));
        expect(semantic(td, { crossings: false })).toEqual(semantic(m, { crossings: false }));
      }),
      { numRuns: 60 },
    );
  });
});
