import { isActive, ratedSeverity, type ThreatModel } from '../../../../core/threats';
import type { WorkshopStep } from '../../lib/route';

/** How far one step is: a fraction for the bar and a sentence for people and screen readers. */
export type StepProgress = { readonly done: number; readonly text: string };

const plural = (n: number, one: string, many = `${one}s`) => `${String(n)} ${n === 1 ? one : many}`;

/** The progress of every workshop step, computed from the model alone. */
export function workshopProgress(model: ThreatModel): Readonly<Record<WorkshopStep, StepProgress>> {
  const scopeChecks = [
    model.title.trim() !== '',
    model.scope.trim() !== '',
    model.assets.length > 0,
  ].filter(Boolean).length;
  const kinds = new Set(model.elements.map((e) => e.kind));
  const describeChecks = (
    ['external-entity', 'process', 'data-store', 'data-flow'] as const
  ).filter((k) => kinds.has(k)).length;
  const active = model.threats.instances.filter((t) => !t.stale);
  const live = active.filter(isActive);
  const severe = live.filter((t) => ['high', 'critical'].includes(ratedSeverity(t.rating))).length;
  const decided = active.filter((t) => t.status !== 'open').length;
  // Generated threats arrive with the rule's mitigations proposed; planning one counts.
  const mitigated = active.filter(
    (t) => t.status !== 'open' || t.mitigations.some((m) => m.status !== 'proposed'),
  ).length;
  const last = model.versions[model.versions.length - 1];
  const ratio = (n: number, of: number) => (of === 0 ? 0 : n / of);
  return {
    scope: { done: scopeChecks / 3, text: `${String(scopeChecks)} of 3 parts written` },
    describe: {
      done: describeChecks / 4,
      text: `${plural(model.elements.length, 'element')}; ${String(describeChecks)} of 4 kinds`,
    },
    identify: {
      done: active.length > 0 ? 1 : 0,
      text: active.length > 0 ? plural(active.length, 'threat') : 'No threats yet',
    },
    rate: {
      done: active.length > 0 ? 1 : 0,
      text: active.length > 0 ? `${String(severe)} high or critical` : 'Nothing to rate yet',
    },
    mitigate: {
      done: ratio(mitigated, active.length),
      text: `${String(mitigated)} of ${String(active.length)} addressed; ${String(decided)} decided`,
    },
    review: {
      done: last ? 1 : 0,
      text: last ? `Version ${String(last.version)} signed off` : 'Not signed off',
    },
  };
}
