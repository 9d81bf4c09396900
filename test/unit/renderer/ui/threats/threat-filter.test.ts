import { describe, expect, it } from 'vitest';
import {
  defaultLibrary,
  generateThreats,
  removeElement,
  threatRows,
  type ElementId,
} from '../../../../../core/threats';
import {
  NO_FILTER,
  filterThreats,
  generationCounts,
} from '../../../../../renderer/ui/threats/identify/filter';
import { paymentsModel } from '../../../../fixtures/threats/models';

const model = generateThreats(paymentsModel(), defaultLibrary());
const rows = threatRows(model, { includeStale: true });

describe('filterThreats', () => {
  it('keeps everything without filters', () => {
    expect(filterThreats(rows, NO_FILTER)).toHaveLength(rows.length);
  });

  it('combines STRIDE, severity, element and text filters', () => {
    const first = rows[0];
    if (!first) throw new Error('the sample model has threats');
    const shown = filterThreats(rows, {
      ...NO_FILTER,
      stride: first.stride,
      severity: first.severity,
      elementId: first.elementId,
      text: first.title.slice(0, 6).toUpperCase(),
    });
    expect(shown).toContainEqual(first);
    for (const r of shown) {
      expect(r.stride).toBe(first.stride);
      expect(r.severity).toBe(first.severity);
      expect(r.elementId).toBe(first.elementId);
    }
  });

  it('filters one risk-matrix cell', () => {
    const shown = filterThreats(rows, { ...NO_FILTER, cell: { likelihood: 2, impact: 3 } });
    expect(shown.every((r) => r.likelihood === 2 && r.impact === 3)).toBe(true);
    expect(shown).toHaveLength(rows.filter((r) => r.likelihood === 2 && r.impact === 3).length);
  });

  it('treats stale as a status of its own, apart from open', () => {
    const gone = model.elements.find((e) => e.kind === 'process');
    if (!gone) throw new Error('the sample model has a process');
    const next = generateThreats(removeElement(model, gone.id), defaultLibrary());
    const all = threatRows(next, { includeStale: true });
    const stale = filterThreats(all, { ...NO_FILTER, status: 'stale' });
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((r) => r.stale)).toBe(true);
    expect(filterThreats(all, { ...NO_FILTER, status: 'open' }).some((r) => r.stale)).toBe(false);
  });
});

describe('generationCounts', () => {
  it('counts new threats, newly stale ones and the active total', () => {
    const before = [
      { id: 'a', stale: false },
      { id: 'b', stale: false },
      { id: 'c', stale: true },
    ];
    const after = [
      { id: 'a', stale: false },
      { id: 'b', stale: true },
      { id: 'c', stale: true },
      { id: 'd', stale: false },
    ];
    expect(generationCounts(before, after)).toEqual({ added: 1, stale: 1, total: 2 });
  });

  it('says nothing changed when a model is generated twice', () => {
    const again = generateThreats(model, defaultLibrary());
    expect(generationCounts(model.threats.instances, again.threats.instances)).toMatchObject({
      added: 0,
      stale: 0,
    });
  });

  it('ignores element ids it does not know', () => {
    expect(filterThreats(rows, { ...NO_FILTER, elementId: 'nope' as ElementId })).toEqual([]);
  });
});
