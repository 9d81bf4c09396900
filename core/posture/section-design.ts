import type { ThreatModelRecord } from '../workspace/records';
import { MITIGATION_STATUSES, OWASP_API_2023, OWASP_NAMES } from '../threats/model';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, SEVERITIES, atLeast } from '../threats/risk';
import type { ThreatRow } from '../threats/views';
import { isoDateOf } from '../shared/brand';
import type { Context } from './context';
import { apiRef, countFigure, figure } from './context';
import { inService } from './section-inventory';
import { groupBy, rowsOf } from './rows';
import { percent } from './stats';
import type { Figure, RecordRef } from './types';

// Have the APIs been threat-modeled, and which risks are still open. Open threats are
// instances that are not stale and whose status is "open"; severity is the rated one
// (the reviewer's override when there is one).

const DAY = 86_400_000;

type Row = { readonly model: ThreatModelRecord; readonly row: ThreatRow };

function threatRef(r: Row): RecordRef {
  return {
    kind: 'threat',
    id: r.row.id,
    label: `${r.row.title} — ${r.row.elementName}`,
    parent: r.model.id,
  };
}

/** The time of a model's latest sign-off at or before `asOf`, or null. */
export function lastSignOff(m: ThreatModelRecord, asOf: number): number | null {
  let last: number | null = null;
  for (const v of m.versions) {
    const t = Date.parse(v.signedAt);
    if (t <= asOf && (last === null || t > last)) last = t;
  }
  return last;
}

/** The design figures. */
export function designFigures(ctx: Context): Figure[] {
  const out: Figure[] = [];
  const hasModels = ctx.models.length > 0;
  const add = (spec: Parameters<typeof countFigure>[1], refs: readonly RecordRef[]) =>
    out.push(countFigure('design', spec, refs, hasModels));

  // Current threat model: signed off within the review period before the end of the period.
  const since = ctx.asOf - ctx.reviewPeriodDays * DAY;
  const current = new Set<string>();
  for (const m of ctx.models) {
    const t = lastSignOff(m, ctx.asOf);
    if (t !== null && t > since) for (const id of m.apiIds) current.add(id);
  }
  const ours = ctx.apis.filter((a) => inService(a) && a.exposure !== 'third-party');
  const covered = ours.filter((a) => current.has(a.id));
  const missing = ours.filter((a) => !current.has(a.id));
  out.push(
    figure(
      'design',
      {
        id: 'design.current-model-share',
        label: 'APIs with a current threat model',
        unit: 'percent',
        definition: `Share of the APIs the organisation runs (in service, not third-party) covered by a threat model signed off within the last ${ctx.reviewPeriodDays} days.`,
        better: 'higher',
        headline: true,
      },
      percent(covered.length, ours.length),
      ours.length === 0 ? [] : covered.map(apiRef),
    ),
  );
  out.push(
    countFigure(
      'design',
      {
        id: 'design.without-current-model',
        label: 'APIs without a current threat model',
        definition: `APIs the organisation runs with no threat model signed off within the last ${ctx.reviewPeriodDays} days (never modeled, never signed off, or signed off too long ago).`,
        better: 'lower',
      },
      missing.map(apiRef),
      ours.length > 0,
    ),
  );

  const rows: Row[] = ctx.models.flatMap((model) => rowsOf(model).map((row) => ({ model, row })));
  const open = rows.filter((r) => r.row.status === 'open');
  // One pass per breakdown: the dashboard recomputes these on every change of period.
  const bySeverity = groupBy(open, (r) => r.row.severity);
  const byOwasp = groupBy(open, (r) => r.row.owasp ?? 'none');
  const byCell = groupBy(open, (r) => `${String(r.row.likelihood)}x${String(r.row.impact)}`);
  add(
    {
      id: 'design.open-threats',
      label: 'Open threats',
      definition:
        'Threats in all threat models that are still open (not mitigated, accepted, transferred or ruled out), leaving out stale ones.',
      better: 'lower',
    },
    open.map(threatRef),
  );
  for (const s of [...SEVERITIES].reverse())
    add(
      {
        id: `design.open.${s}`,
        label: `Open ${s} threats`,
        definition: `Open threats rated ${s} (likelihood × impact, or the reviewer's override).`,
        better: 'lower',
        group: 'design.open-by-severity',
        key: s,
      },
      (bySeverity.get(s) ?? []).map(threatRef),
    );
  const high = open.filter((r) => atLeast(r.row.severity, 'high'));
  add(
    {
      id: 'design.open-high',
      label: 'Open high and critical threats',
      definition: 'Open threats rated high or critical.',
      better: 'lower',
      headline: true,
    },
    high.map(threatRef),
  );
  add(
    {
      id: 'design.open-high-unowned',
      label: 'Open high and critical threats with no owner',
      definition:
        'Open high or critical threats none of whose mitigations names an owner: nobody is answerable for them.',
      better: 'lower',
    },
    high.filter((r) => !r.row.mitigations.some((m) => m.owner.trim() !== '')).map(threatRef),
  );
  for (const o of [...OWASP_API_2023, 'none'] as const)
    add(
      {
        id: `design.owasp.${o}`,
        label:
          o === 'none'
            ? 'Open threats outside the OWASP API Top 10'
            : `${o.replace(':2023', '')} ${OWASP_NAMES[o]}`,
        definition:
          o === 'none'
            ? 'Open threats not mapped to an OWASP API Security Top 10 (2023) category.'
            : `Open threats in OWASP API Security Top 10 (2023) category ${o}, ${OWASP_NAMES[o]}.`,
        better: 'lower',
        group: 'design.open-by-owasp',
        key: o,
      },
      (byOwasp.get(o) ?? []).map(threatRef),
    );
  for (const impact of [4, 3, 2, 1] as const)
    for (const likelihood of [1, 2, 3, 4] as const)
      add(
        {
          id: `design.matrix.${likelihood}x${impact}`,
          label: `Open threats: likelihood ${LIKELIHOOD_LABELS[likelihood].toLowerCase()}, impact ${IMPACT_LABELS[impact].toLowerCase()}`,
          definition: `Open threats rated likelihood ${likelihood} (${LIKELIHOOD_LABELS[likelihood].toLowerCase()}) and impact ${impact} (${IMPACT_LABELS[impact].toLowerCase()}), before any override.`,
          better: 'lower',
          group: 'design.matrix',
          key: `${likelihood}x${impact}`,
        },
        (byCell.get(`${String(likelihood)}x${String(impact)}`) ?? []).map(threatRef),
      );

  // Mitigations of threats still in play (not stale, not ruled out).
  const inPlay = rows.filter((r) => r.row.status !== 'not-applicable');
  const mitigations = inPlay.flatMap((r) =>
    r.row.mitigations.map((m) => ({
      m,
      ref: {
        kind: 'mitigation',
        id: m.id,
        label: `${m.title} — ${r.row.title}`,
        parent: r.model.id,
      } satisfies RecordRef,
    })),
  );
  const byStatus = groupBy(mitigations, (x) => x.m.status);
  for (const s of MITIGATION_STATUSES)
    add(
      {
        id: `design.mitigations.${s}`,
        label: `Mitigations ${s.replace('-', ' ')}`,
        definition: `Mitigations of live threats whose status is ${s.replace('-', ' ')}.`,
        group: 'design.mitigations',
        key: s,
      },
      (byStatus.get(s) ?? []).map((x) => x.ref),
    );
  add(
    {
      id: 'design.mitigations-overdue',
      label: 'Overdue mitigations',
      definition:
        'Mitigations not yet implemented whose due date had passed at the end of the period.',
      better: 'lower',
      headline: true,
    },
    mitigations
      .filter(
        (x) =>
          x.m.status !== 'implemented' &&
          x.m.status !== 'verified' &&
          x.m.due !== null &&
          x.m.due < ctx.asOfDate,
      )
      .map((x) => x.ref),
  );

  const accepted = rows.filter((r) => r.row.status === 'accepted');
  const horizon = isoDateOf(ctx.asOf + ctx.expiryWarningDays * DAY);
  add(
    {
      id: 'design.accepted',
      label: 'Accepted risks',
      definition: 'Threats whose risk was accepted by a named owner until an expiry date.',
    },
    accepted.map(threatRef),
  );
  add(
    {
      id: 'design.accepted-nearing-expiry',
      label: 'Accepted risks nearing expiry',
      definition: `Accepted risks whose acceptance expires within ${ctx.expiryWarningDays} days after the end of the period: they need a new decision.`,
      better: 'lower',
    },
    accepted
      .filter(
        (r) =>
          r.row.acceptance &&
          r.row.acceptance.expires >= ctx.asOfDate &&
          r.row.acceptance.expires <= horizon,
      )
      .map(threatRef),
  );
  add(
    {
      id: 'design.accepted-expired',
      label: 'Accepted risks past expiry',
      definition:
        'Accepted risks whose acceptance had expired by the end of the period: they are open again in all but name.',
      better: 'lower',
      headline: true,
    },
    accepted
      .filter((r) => r.row.acceptance !== null && r.row.acceptance.expires < ctx.asOfDate)
      .map(threatRef),
  );
  return out;
}
