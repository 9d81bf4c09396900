import { describe, expect, it } from 'vitest';
import type {
  IsoDate,
  IsoTimestamp,
  ThreatInstanceId,
  ThreatModel,
} from '../../../../core/threats';
import {
  defaultLibrary,
  diffModels,
  diffVersions,
  generateThreats,
  newElement,
  removeElement,
  signOff,
  updateThreat,
  upsertElement,
} from '../../../../core/threats';
import { paymentsModel } from '../../../fixtures/threats/models';

const lib = defaultLibrary();
const at = '2026-11-23T10:00:00.000Z' as IsoTimestamp;
const ok = (r: { ok: true; model: ThreatModel } | { ok: false; error: string }) => {
  if (!r.ok) throw new Error(r.error);
  return r.model;
};

describe('version diff', () => {
  const v1 = signOff(generateThreats(paymentsModel(), lib), {
    signedBy: 'Ana',
    signedAt: at,
    note: 'v1',
  });

  it('finds nothing between a model and itself', () => {
    expect(diffModels(v1, v1).same).toBe(true);
  });

  it('reports elements, threats, ratings and mitigations added, removed and changed', () => {
    let m = upsertElement(v1, newElement('process', 'reports', 'Reporting service'));
    m = removeElement(m, 'audit' as never);
    const gw = m.elements.find((e) => e.id === 'gateway');
    if (gw?.kind !== 'process') throw new Error('fixture');
    m = upsertElement(m, { ...gw, name: 'Edge gateway' });
    m = generateThreats(m, lib);
    const id = 'BW-E-010@payments' as ThreatInstanceId;
    const t = m.threats.instances.find((x) => x.id === id);
    m = ok(
      updateThreat(m, id, {
        status: 'mitigated',
        rating: { likelihood: 2, impact: 3 },
        mitigations: [
          ...(t?.mitigations ?? []).map((x) => ({
            ...x,
            status: 'verified' as const,
            owner: 'Team A',
          })),
          {
            id: 'M-NEW' as never,
            title: 'Pen test',
            description: '',
            status: 'planned',
            owner: 'Sec',
            due: '2027-02-01' as IsoDate,
          },
        ],
      }),
    );
    const v2 = signOff(m, { signedBy: 'Ana', signedAt: at, note: 'v2' });
    const d = diffVersions(v2, 1, 2);
    if (!d) throw new Error('versions');
    expect(d.same).toBe(false);
    expect(d.elements.added.map((e) => e.id)).toEqual(['reports']);
    expect(d.elements.removed.map((e) => e.id)).toEqual(['audit', 'f-audit']);
    expect(d.elements.changed.map((c) => [c.id, c.changes.map((x) => x.field)])).toEqual([
      ['gateway', ['name']],
      ['private', ['contains']],
    ]);
    expect(d.threats.added.map((r) => r.id)).toContain('BW-S-002@reports');
    expect(d.threats.removed).toEqual([]);
    const stale = d.threats.changed.find((c) => c.id === 'BW-R-003@audit');
    expect(stale?.changes.map((c) => c.field)).toEqual(['stale', 'staleReason']);
    const bola = d.threats.changed.find((c) => c.id === id);
    expect(bola?.changes).toEqual([{ field: 'status', before: 'open', after: 'mitigated' }]);
    expect(d.ratings).toEqual([
      {
        threatId: id,
        title: 'Broken object level authorization (BOLA)',
        elementName: 'Payments service',
        before: { likelihood: 4, impact: 3, severity: 'high', overrideRationale: null },
        after: { likelihood: 2, impact: 3, severity: 'elevated', overrideRationale: null },
      },
    ]);
    expect(d.mitigations.added.map((x) => x.id)).toContain('M-NEW');
    const changed = d.mitigations.changed.find((c) => c.id === `${id} M-BOLA`);
    expect(changed?.changes.map((c) => c.field)).toEqual(['owner', 'status']);
    expect(diffVersions(v2, 1, 9)).toBeNull();
  });
});

describe('sign-off of a stored record', () => {
  it('snapshots only the model, not the storage bookkeeping around it', async () => {
    const { emptyModel } = await import('../../../../core/threats/factory');
    const { signOff } = await import('../../../../core/threats/threat-ops');
    const { validateThreatModel } = await import('../../../../core/threats/schema');
    const record = {
      ...emptyModel('tm', 'Orders', ['api-1' as never]),
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-02T00:00:00.000Z',
    };
    const signed = signOff(record, {
      signedBy: 'Ana',
      signedAt: '2026-11-23T10:00:00.000Z' as never,
      note: '',
    });
    expect(Object.keys(signed.versions[0]?.snapshot ?? {})).not.toContain('createdAt');
    const model = Object.fromEntries(
      Object.entries(signed).filter(([k]) => k !== 'createdAt' && k !== 'updatedAt'),
    );
    expect(validateThreatModel(model).ok).toBe(true);
  });
});
