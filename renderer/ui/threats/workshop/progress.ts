import { atLeast, isActive, ratedSeverity, type ThreatModel } from '../../../../core/threats';
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
  // One pass over the threats: a model can hold tens of thousands.
  let active = 0;
  let severe = 0;
  let decided = 0;
  let mitigated = 0;
  for (const t of model.threats.instances) {
    if (t.stale) continue;
    active += 1;
    if (isActive(t) && atLeast(ratedSeverity(t.rating), 'high')) severe += 1;
    if (t.status !== 'open') decided += 1;
    // Generated threats arrive with the rule's mitigations proposed; planning one counts.
    if (t.status !== 'open' || t.mitigations.some((m) => m.status !== 'proposed')) mitigated += 1;
  }
  const last = model.versions[model.versions.length - 1];
  const ratio = (n: number, of: number) => (of === 0 ? 0 : n / of);
  return {
    scope: { done: scopeChecks / 3, text: `${String(scopeChecks)} of 3 parts written` },
    describe: {
      done: describeChecks / 4,
      text: `${plural(model.elements.length, 'element')}; ${String(describeChecks)} of 4 kinds`,
    },
    identify: {
      done: active > 0 ? 1 : 0,
      text: active > 0 ? plural(active, 'threat') : 'No threats yet',
    },
    rate: {
      done: active > 0 ? 1 : 0,
      text: active > 0 ? `${String(severe)} high or critical` : 'Nothing to rate yet',
    },
    mitigate: {
      done: ratio(mitigated, active),
      text: `${String(mitigated)} of ${String(active)} addressed; ${String(decided)} decided`,
    },
    review: {
      done: last ? 1 : 0,
      text: last ? `Version ${String(last.version)} signed off` : 'Not signed off',
    },
  };
}
