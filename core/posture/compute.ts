import { builtinPlaybooks } from '../playbooks/builtin';
import { validatePlaybook } from '../playbooks/validate';
import type { IsoTimestamp } from '../shared/brand';
import { contextFor } from './context';
import { previousPeriod } from './period';
import { designFigures } from './section-design';
import { inventoryFigures } from './section-inventory';
import { preparednessFigures } from './section-preparedness';
import { regulatoryFigures } from './section-regulatory';
import { incidentTrend, responseFigures } from './section-response';
import type { Context } from './context';
import type { Figure, PlaybookCoverage, Posture, PostureOptions, PostureWorkspace } from './types';

/** The coverage of the built-in playbooks (validated once by core/playbooks). */
export function builtinCoverage(): PlaybookCoverage[] {
  return builtinPlaybooks().map((p) => ({
    id: p.id,
    title: p.title,
    owasp: p.appliesWhen.owasp,
    builtin: true,
  }));
}

/** The coverage of the workspace's own playbooks; a source that does not validate is left out (it cannot be run). */
export function userCoverage(ws: PostureWorkspace): PlaybookCoverage[] {
  const out: PlaybookCoverage[] = [];
  for (const p of ws.playbooks) {
    const r = validatePlaybook(p.source, p.id);
    if (r.ok)
      out.push({
        id: p.id,
        title: p.title || r.playbook.title,
        owasp: r.playbook.appliesWhen.owasp,
        builtin: false,
      });
  }
  return out;
}

function sectionFigures(ctx: Context): Figure[] {
  return [
    ...inventoryFigures(ctx),
    ...designFigures(ctx),
    ...responseFigures(ctx),
    ...preparednessFigures(ctx),
    ...regulatoryFigures(ctx),
  ];
}

/**
 * Every posture figure for a period, each with its value at the end of the period (or its
 * count over the period), its definition, the records behind it and the same figure for
 * the comparison period (by default the period of the same length just before).
 */
export function computePosture(ws: PostureWorkspace, options: PostureOptions): Posture {
  const now = Date.parse(options.now);
  const previous = options.previous ?? previousPeriod(options.period);
  const shared = {
    reviewPeriodDays: options.reviewPeriodDays ?? 365,
    expiryWarningDays: options.expiryWarningDays ?? 30,
    playbooks: [...(options.builtinPlaybooks ?? builtinCoverage()), ...userCoverage(ws)],
  };
  const ctx = contextFor(ws, options.period, now, shared);
  const before = new Map(
    sectionFigures(contextFor(ws, previous, now, shared)).map((f) => [f.id, f.value]),
  );
  return {
    period: options.period,
    previous,
    asOf: new Date(ctx.asOf).toISOString() as IsoTimestamp,
    reviewPeriodDays: shared.reviewPeriodDays,
    figures: sectionFigures(ctx).map((f) => ({ ...f, previous: before.get(f.id) ?? null })),
    trend: incidentTrend(ctx),
    comparedWith: { kind: 'period' },
  };
}

/** A figure by id (throws for an unknown id: a programming error, not a user one). */
export function figureById(p: Pick<Posture, 'figures'>, id: string): Figure {
  const f = p.figures.find((x) => x.id === id);
  if (!f) throw new Error(`No posture figure "${id}".`);
  return f;
}

/** The figures of one chart or table group, in order. */
export function figureGroup(p: Pick<Posture, 'figures'>, group: string): Figure[] {
  return p.figures.filter((f) => f.group === group);
}
