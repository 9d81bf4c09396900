import { describe, expect, it } from 'vitest';
import {
  bySeverity,
  defaultLibrary,
  generateThreats,
  modelRiskMatrix,
  riskMatrix,
  runSteps,
  sortedThreatRowSteps,
  threatRows,
  type StepProgress,
  type ThreatModel,
} from '../../../../core/threats';
import { largeModel } from '../../../fixtures/threats/models';

// A generated model with its threats reordered, some stale and some overridden, so the
// severity groups, element names and ids all decide part of the order.
function mixedModel(): ThreatModel {
  const model = generateThreats(largeModel(60), defaultLibrary());
  const instances = [...model.threats.instances].reverse().map((t, i) =>
    i % 7 === 0
      ? { ...t, stale: true, staleReason: 'gone' }
      : i % 5 === 0
        ? {
            ...t,
            rating: { ...t.rating, override: { severity: 'critical' as const, rationale: 'r' } },
          }
        : t,
  );
  return { ...model, threats: { ...model.threats, instances } };
}

function collect(steps: Generator<StepProgress, unknown, void>): {
  progress: StepProgress[];
  value: unknown;
} {
  const progress: StepProgress[] = [];
  for (;;) {
    const r = steps.next();
    if (r.done === true) return { progress, value: r.value };
    progress.push(r.value);
  }
}

describe('sortedThreatRowSteps', () => {
  const model = mixedModel();

  it('has enough threats for the test to mean something', () => {
    expect(model.threats.instances.length).toBeGreaterThan(300);
    expect(new Set(model.elements.map((e) => e.name)).size).toBeGreaterThan(20);
  });

  it('returns exactly the synchronous bySeverity(threatRows(...)), stale threats included', () => {
    const expected = bySeverity(threatRows(model, { includeStale: true }));
    expect(runSteps(sortedThreatRowSteps(model, { includeStale: true, slice: 17 }))).toEqual(
      expected,
    );
  });

  it('returns the same as the synchronous computation without stale threats', () => {
    const expected = bySeverity(threatRows(model));
    const got = runSteps(sortedThreatRowSteps(model, { slice: 5 }));
    expect(got.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(got.some((r) => r.stale)).toBe(false);
  });

  it('yields between slices with progress that only grows and stays within the total', () => {
    const { progress } = collect(sortedThreatRowSteps(model, { includeStale: true, slice: 50 }));
    const n = model.threats.instances.length;
    // Building yields once per slice of instances; sorting at least once more.
    expect(progress.length).toBeGreaterThan(Math.ceil(n / 50));
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]?.done).toBeGreaterThanOrEqual(progress[i - 1]?.done ?? 0);
    for (const p of progress) {
      expect(p.total).toBe(2 * n);
      expect(p.done).toBeLessThanOrEqual(p.total);
    }
  });

  it('gives an empty table for a model without threats, in one step', () => {
    const empty = { ...model, threats: { ...model.threats, instances: [] } };
    const { progress, value } = collect(sortedThreatRowSteps(empty));
    expect(value).toEqual([]);
    expect(progress).toEqual([]);
  });
});

describe('modelRiskMatrix', () => {
  it('counts the same cells as riskMatrix over the rows, stale and dismissed threats left out', () => {
    const base = mixedModel();
    // Some threats dismissed (not applicable) and some re-rated, so every filter matters.
    const model = {
      ...base,
      threats: {
        ...base.threats,
        instances: base.threats.instances.map((t, i) =>
          i % 3 === 0
            ? { ...t, status: 'not-applicable' as const }
            : i % 4 === 0
              ? { ...t, rating: { ...t.rating, likelihood: 1 as const, impact: 4 as const } }
              : t,
        ),
      },
    };
    const expected = riskMatrix(threatRows(model));
    expect(expected.flat().reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
    expect(modelRiskMatrix(model)).toEqual(expected);
  });
});
