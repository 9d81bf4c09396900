import { hasStrongAuth, isReviewOverdue } from '../inventory/derive';
import type { ApiEntry } from '../inventory/types';
import { KNOWN_REGIMES } from '../inventory/types';
import { atLeast } from '../threats/risk';
import type { Context } from './context';
import { apiRef, countFigure } from './context';
import { rowsOf } from './rows';
import { lastSignOff } from './section-design';
import { inService } from './section-inventory';
import type { Figure, RecordRef } from './types';

// Which regulations apply, and how the APIs under each stand. Regimes are whatever the
// inventory records (known names first, then others alphabetically); each gets the same
// five figures so a reader can compare them in one table.

const DAY = 86_400_000;

/** The regimes recorded on APIs in service, known ones first. */
export function regimesOf(apis: readonly ApiEntry[]): string[] {
  const names = new Set<string>();
  for (const a of apis)
    if (inService(a)) for (const r of a.regulatoryScope) if (r.trim()) names.add(r.trim());
  const known = KNOWN_REGIMES as readonly string[];
  return [...names].sort((a, b) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** The regulatory-scope figures. */
export function regulatoryFigures(ctx: Context): Figure[] {
  const out: Figure[] = [];
  const has = ctx.apis.length > 0;
  const live = ctx.apis.filter(inService);
  const inScope = live.filter((a) => a.regulatoryScope.some((r) => r.trim() !== ''));
  out.push(
    countFigure(
      'regulatory',
      {
        id: 'regulatory.in-scope',
        label: 'APIs under at least one regulation',
        definition: 'APIs in service with at least one regulatory regime recorded.',
      },
      inScope.map(apiRef),
      has,
    ),
  );
  const since = ctx.asOf - ctx.reviewPeriodDays * DAY;
  const current = new Set<string>();
  const openHigh = new Map<string, RecordRef[]>();
  for (const m of ctx.models) {
    const t = lastSignOff(m, ctx.asOf);
    if (t !== null && t > since) for (const id of m.apiIds) current.add(id);
    const rows = rowsOf(m).filter((r) => r.status === 'open' && atLeast(r.severity, 'high'));
    for (const id of m.apiIds)
      openHigh.set(id, [
        ...(openHigh.get(id) ?? []),
        ...rows.map((r) => ({
          kind: 'threat' as const,
          id: r.id,
          label: `${r.title} — ${r.elementName}`,
          parent: m.id,
        })),
      ]);
  }
  for (const regime of regimesOf(live)) {
    const apis = live.filter((a) => a.regulatoryScope.some((r) => r.trim() === regime));
    const group = `regulatory.${regime}`;
    const add = (
      key: string,
      label: string,
      definition: string,
      refs: readonly RecordRef[],
      better: 'lower' | 'neither' = 'lower',
    ) =>
      out.push(
        countFigure(
          'regulatory',
          {
            id: `regulatory.${regime}.${key}`,
            label: `${regime}: ${label}`,
            definition,
            better,
            group,
            key,
          },
          refs,
          true,
        ),
      );
    add(
      'apis',
      'APIs in scope',
      `APIs in service that record ${regime} in their regulatory scope.`,
      apis.map(apiRef),
      'neither',
    );
    add(
      'weak-auth',
      'without strong authentication',
      `${regime} APIs that record no strong authentication (OAuth 2.0, OpenID Connect, mutual TLS, JWT or HMAC).`,
      apis.filter((a) => !hasStrongAuth(a.authentication)).map(apiRef),
    );
    add(
      'no-current-model',
      'without a current threat model',
      `${regime} APIs with no threat model signed off within the last ${ctx.reviewPeriodDays} days.`,
      apis.filter((a) => !current.has(a.id)).map(apiRef),
    );
    // A threat shared by several APIs of the regime (one model) is counted once.
    const seen = new Map<string, RecordRef>();
    for (const a of apis)
      for (const r of openHigh.get(a.id) ?? []) seen.set(`${r.parent ?? ''}/${r.id}`, r);
    add(
      'open-high',
      'open high and critical threats',
      `Open high or critical threats in the threat models of ${regime} APIs.`,
      [...seen.values()],
    );
    add(
      'review-overdue',
      'reviews overdue',
      `${regime} APIs whose next review date had passed.`,
      apis.filter((a) => isReviewOverdue(a, ctx.asOfDate)).map(apiRef),
    );
  }
  return out;
}
