import { describe, expect, it } from 'vitest';
import type {
  CatalogueThreatId,
  ElementId,
  IsoDate,
  IsoTimestamp,
  ThreatInstance,
  ThreatInstanceId,
  ThreatModel,
} from '../../../../core/threats';
import {
  addManualThreat,
  copyThreat,
  createLibrary,
  defaultLibrary,
  dismissThreat,
  generateThreats,
  removeElement,
  removeManualThreat,
  signOff,
  updateThreat,
  upsertElement,
  validateThreatModel,
} from '../../../../core/threats';
import { paymentsModel } from '../../../fixtures/threats/models';

const lib = defaultLibrary();
const tid = (s: string) => s as ThreatInstanceId;
const find = (m: ThreatModel, id: string): ThreatInstance | undefined =>
  m.threats.instances.find((t) => t.id === id);
const ok = (r: { ok: true; model: ThreatModel } | { ok: false; error: string }): ThreatModel => {
  if (!r.ok) throw new Error(r.error);
  return r.model;
};
const at = '2026-11-23T10:00:00.000Z' as IsoTimestamp;

describe('generateThreats', () => {
  const first = generateThreats(paymentsModel(), lib);

  it('produces a valid model whose threat ids are rule@element', () => {
    expect(validateThreatModel(first).ok).toBe(true);
    for (const t of first.threats.instances) expect(t.id).toBe(`${t.threatId}@${t.elementId}`);
    expect(find(first, 'BW-E-010@payments')?.evidence).toBe(
      'exposesObjectIds is true and authorizesObjectAccess is false',
    );
  });

  it('is idempotent and deterministic', () => {
    expect(generateThreats(first, lib)).toStrictEqual(first);
    expect(generateThreats(paymentsModel(), lib)).toStrictEqual(first);
  });

  it('gives the same threats whatever order the elements and assets come in', () => {
    const m = paymentsModel();
    const shuffled = { ...m, elements: [...m.elements].reverse(), assets: [...m.assets].reverse() };
    const again = generateThreats(shuffled, lib);
    expect(again.threats).toStrictEqual(first.threats);
  });

  it('keeps every user decision when regenerating after edits', () => {
    const id = tid('BW-E-010@payments');
    const decided = ok(
      updateThreat(first, id, {
        status: 'accepted',
        acceptance: { owner: 'Ana', rationale: 'Legacy ids', expires: '2027-01-01' as IsoDate },
        rating: {
          likelihood: 2,
          impact: 4,
          override: { severity: 'critical', rationale: 'Card data' },
        },
        notes: 'Discussed in the review',
        mitigations: [
          {
            id: 'M-BOLA' as never,
            title: 'Object checks',
            description: '',
            status: 'verified',
            owner: 'Team A',
            due: '2026-12-01' as IsoDate,
          },
        ],
      }),
    );
    // An unrelated edit: the back office stops exposing debug mode.
    const backoffice = decided.elements.find((e) => e.id === 'backoffice');
    if (backoffice?.kind !== 'process') throw new Error('fixture changed');
    const edited = upsertElement(decided, { ...backoffice, debugEnabled: false });
    const regenerated = generateThreats(edited, lib);
    expect(find(regenerated, id)).toStrictEqual(find(decided, id));
  });

  it('marks threats stale with a reason when their condition or element goes, and revives them', () => {
    const payments = first.elements.find((e) => e.id === 'payments');
    if (payments?.kind !== 'process') throw new Error('fixture changed');
    const fixed = generateThreats(
      upsertElement(first, { ...payments, authorizesObjectAccess: true }),
      lib,
    );
    const bola = find(fixed, 'BW-E-010@payments');
    expect(bola?.stale).toBe(true);
    expect(bola?.staleReason).toBe(
      'The condition no longer holds: exposesObjectIds is true and authorizesObjectAccess is false.',
    );
    const noted = ok(updateThreat(fixed, tid('BW-E-010@payments'), { notes: 'was real' }));
    const back = generateThreats(upsertElement(noted, payments), lib);
    expect(find(back, 'BW-E-010@payments')).toMatchObject({ stale: false, notes: 'was real' });
    expect(find(back, 'BW-E-010@payments')).not.toHaveProperty('staleReason');

    const removed = generateThreats(removeElement(first, 'audit' as ElementId), lib);
    expect(find(removed, 'BW-R-003@audit')).toMatchObject({
      stale: true,
      staleReason: 'The element "audit" is no longer in the model.',
    });
    expect(removed.threats.instances.length).toBe(first.threats.instances.length);
    expect(validateThreatModel(removed).ok).toBe(true);
  });

  it('marks threats of out-of-scope elements and disabled rules stale', () => {
    const catalog = first.elements.find((e) => e.id === 'catalog');
    if (!catalog) throw new Error('fixture changed');
    const out = generateThreats(upsertElement(first, { ...catalog, outOfScope: true }), lib);
    expect(find(out, 'BW-S-002@catalog')?.staleReason).toBe('"Public catalog" is out of scope.');
    const r = createLibrary({ disabled: ['BW-I-015'] });
    if (!r.ok) throw new Error('library');
    const disabled = generateThreats(first, r.library);
    expect(find(disabled, 'BW-I-015@backoffice')?.staleReason).toBe(
      'Rule BW-I-015 is disabled or no longer in the library.',
    );
  });

  it('never touches manual threats, and adds manual threats with a stable id', () => {
    const manual = ok(
      addManualThreat(first, {
        elementId: 'payments' as ElementId,
        threat: {
          id: 'ACME-1' as CatalogueThreatId,
          title: 'Refund fraud by insiders',
          description: 'Support staff issue refunds to themselves.',
          stride: 'E',
          owasp: 'API6:2023',
          cwe: [],
          capec: [],
          likelihood: 2,
          impact: 3,
          mitigations: [],
        },
      }),
    );
    const t = find(manual, 'ACME-1@payments');
    expect(t).toMatchObject({
      source: 'manual',
      status: 'open',
      rating: { likelihood: 2, impact: 3 },
    });
    const removedElement = generateThreats(removeElement(manual, 'payments' as ElementId), lib);
    expect(find(removedElement, 'ACME-1@payments')).toStrictEqual(t);
    expect(
      addManualThreat(manual, {
        elementId: 'payments' as ElementId,
        threat: 'ACME-1' as CatalogueThreatId,
      }),
    ).toEqual({ ok: false, error: '"Payments service" already has this threat.' });
    expect(ok(removeManualThreat(manual, tid('ACME-1@payments'))).threats.instances).toHaveLength(
      first.threats.instances.length,
    );
    expect(removeManualThreat(first, tid('BW-S-002@payments')).ok).toBe(false);
  });

  it('copies a threat to another element as a manual threat that generation leaves alone', () => {
    const copied = ok(copyThreat(first, tid('BW-E-010@payments'), 'catalog' as ElementId));
    const copy = find(copied, 'BW-E-010@catalog');
    expect(copy).toMatchObject({
      source: 'manual',
      status: 'open',
      copiedFrom: 'BW-E-010@payments',
    });
    expect(copy?.mitigations.every((m) => m.status === 'proposed')).toBe(true);
    expect(find(generateThreats(copied, lib), 'BW-E-010@catalog')).toStrictEqual(copy);
    expect(copyThreat(copied, tid('BW-E-010@payments'), 'catalog' as ElementId).ok).toBe(false);
  });

  it('validates decisions: an accepted risk needs an acceptance, an override a rationale', () => {
    const id = tid('BW-E-010@payments');
    expect(updateThreat(first, id, { status: 'accepted' })).toEqual({
      ok: false,
      error: 'acceptance: An accepted threat needs an acceptance (owner, rationale, expiry date).',
    });
    const r = updateThreat(first, id, {
      rating: { likelihood: 1, impact: 1, override: { severity: 'high', rationale: '  ' } },
    });
    expect(r).toEqual({
      ok: false,
      error: 'rating.override.rationale: An override needs a rationale.',
    });
  });

  it('dismisses a threat in one action and the dismissal survives regeneration', () => {
    const dismissed = ok(
      dismissThreat(first, tid('BW-E-015@backoffice'), {
        by: 'Ana',
        reason: 'Runs in a sandbox',
        at,
      }),
    );
    const again = generateThreats(dismissed, lib);
    expect(find(again, 'BW-E-015@backoffice')).toMatchObject({
      status: 'not-applicable',
      dismissal: { by: 'Ana', reason: 'Runs in a sandbox', at },
    });
  });

  it('signs off versions with a snapshot and increasing numbers', () => {
    const v1 = signOff(first, { signedBy: 'CISO', signedAt: at, note: 'First review' });
    const v2 = signOff(v1, { signedBy: 'CISO', signedAt: at, note: 'Second' });
    expect(v2.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(v2.versions[0]?.snapshot).not.toHaveProperty('versions');
    expect(validateThreatModel(v2).ok).toBe(true);
  });
});
