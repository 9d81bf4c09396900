import type { IsoTimestamp } from '../shared/brand';
import { sortInstances } from './generate';
import type {
  CatalogueThreat,
  CatalogueThreatId,
  ElementId,
  Rating,
  ThreatInstance,
  ThreatInstanceId,
  ThreatModel,
} from './model';
import { threatInstanceId } from './model';
import { catalogueThreatSchema, formatPath, threatInstanceSchema } from './schema';

// Edits a person makes to threats, as pure functions over the model. Each returns a new
// model or a message saying why not; none touches rule-generated identity.

export type OpResult =
  | { readonly ok: true; readonly model: ThreatModel }
  | { readonly ok: false; readonly error: string };

const fail = (error: string): OpResult => ({ ok: false, error });

function withInstances(model: ThreatModel, instances: readonly ThreatInstance[]): ThreatModel {
  return { ...model, threats: { ...model.threats, instances: sortInstances(instances) } };
}

function checkInstance(t: ThreatInstance): string | null {
  const r = threatInstanceSchema.safeParse(t);
  if (r.success) return null;
  const first = r.error.issues[0];
  return first ? `${formatPath(first.path)}: ${first.message}` : 'Invalid threat.';
}

/** A new catalogue threat written by a person (its id must not collide). */
export type ManualThreatInput = Omit<CatalogueThreat, 'ruleId'>;

/**
 * Adds a manual threat on an element: either a new catalogue threat or an existing one by
 * id. Manual threats are never touched by generation.
 */
export function addManualThreat(
  model: ThreatModel,
  input: {
    readonly threat: ManualThreatInput | CatalogueThreatId;
    readonly elementId: ElementId;
    readonly operation?: string;
    readonly rating?: Rating;
    readonly notes?: string;
  },
): OpResult {
  const element = model.elements.find((e) => e.id === input.elementId);
  if (!element) return fail(`There is no element with id "${input.elementId}".`);
  let catalogue = model.threats.catalogue;
  let entry: CatalogueThreat | undefined;
  if (typeof input.threat === 'string') {
    entry = catalogue.find((c) => c.id === input.threat);
    if (!entry) return fail(`There is no catalogue threat with id "${input.threat}".`);
  } else {
    const parsed = catalogueThreatSchema.safeParse({ ...input.threat, ruleId: null });
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return fail(first ? `${formatPath(first.path)}: ${first.message}` : 'Invalid threat.');
    }
    const id = input.threat.id;
    if (catalogue.some((c) => c.id === id))
      return fail(`The threat id "${id}" is already in the catalogue.`);
    entry = parsed.data as unknown as CatalogueThreat;
    catalogue = [...catalogue, entry].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  const id = threatInstanceId(entry.id, element.id, input.operation);
  if (model.threats.instances.some((t) => t.id === id))
    return fail(`"${element.name}" already has this threat.`);
  const instance: ThreatInstance = {
    id,
    threatId: entry.id,
    elementId: element.id,
    source: 'manual',
    status: 'open',
    rating: input.rating ?? { likelihood: entry.likelihood, impact: entry.impact },
    mitigations: entry.mitigations.map((m) => ({ ...m, status: 'proposed', owner: '', due: null })),
    notes: input.notes ?? '',
    evidence: 'Added by hand.',
    stale: false,
    ...(input.operation === undefined ? {} : { operation: input.operation }),
  };
  const problem = checkInstance(instance);
  if (problem) return fail(problem);
  return {
    ok: true,
    model: withInstances({ ...model, threats: { ...model.threats, catalogue } }, [
      ...model.threats.instances,
      instance,
    ]),
  };
}

/**
 * Copies a threat to another element as a manual threat: the rating, mitigations (reset to
 * proposed) and notes travel; status, acceptance and dismissal do not, since a decision
 * about one element says nothing about another.
 */
export function copyThreat(
  model: ThreatModel,
  instanceId: ThreatInstanceId,
  targetElementId: ElementId,
): OpResult {
  const from = model.threats.instances.find((t) => t.id === instanceId);
  if (!from) return fail(`There is no threat with id "${instanceId}".`);
  const target = model.elements.find((e) => e.id === targetElementId);
  if (!target) return fail(`There is no element with id "${targetElementId}".`);
  const id = threatInstanceId(from.threatId, target.id, from.operation);
  if (model.threats.instances.some((t) => t.id === id))
    return fail(`"${target.name}" already has this threat.`);
  const copy: ThreatInstance = {
    id,
    threatId: from.threatId,
    elementId: target.id,
    source: 'manual',
    status: 'open',
    rating: from.rating,
    mitigations: from.mitigations.map((m) => ({ ...m, status: 'proposed' })),
    notes: from.notes,
    evidence: `Copied from ${from.id}.`,
    stale: false,
    copiedFrom: from.id,
    ...(from.operation === undefined ? {} : { operation: from.operation }),
    ...(from.location === undefined ? {} : { location: from.location }),
  };
  return { ok: true, model: withInstances(model, [...model.threats.instances, copy]) };
}

/** The fields of a threat a person decides. */
export type ThreatDecision = Partial<
  Pick<ThreatInstance, 'status' | 'rating' | 'mitigations' | 'notes' | 'acceptance' | 'dismissal'>
>;

/** Applies a person's decision to one threat, validated (acceptance, override rationale). */
export function updateThreat(
  model: ThreatModel,
  instanceId: ThreatInstanceId,
  decision: ThreatDecision,
): OpResult {
  const t = model.threats.instances.find((x) => x.id === instanceId);
  if (!t) return fail(`There is no threat with id "${instanceId}".`);
  const next: ThreatInstance = { ...t, ...decision };
  const problem = checkInstance(next);
  if (problem) return fail(problem);
  return {
    ok: true,
    model: withInstances(
      model,
      model.threats.instances.map((x) => (x.id === instanceId ? next : x)),
    ),
  };
}

/** Dismisses a misfiring heuristic in one action: not applicable, with who, why and when. */
export function dismissThreat(
  model: ThreatModel,
  instanceId: ThreatInstanceId,
  dismissal: { readonly by: string; readonly reason: string; readonly at: IsoTimestamp },
): OpResult {
  return updateThreat(model, instanceId, { status: 'not-applicable', dismissal });
}

/** Removes a manual threat; generated threats are never removed, only closed or stale. */
export function removeManualThreat(model: ThreatModel, instanceId: ThreatInstanceId): OpResult {
  const t = model.threats.instances.find((x) => x.id === instanceId);
  if (!t) return fail(`There is no threat with id "${instanceId}".`);
  if (t.source === 'rule' || t.source === 'openapi')
    return fail('Generated threats are not removed; mark them not applicable instead.');
  const rest = model.threats.instances.filter((x) => x.id !== instanceId);
  return { ok: true, model: withInstances(model, rest) };
}

/** Signs the model off: appends a version holding a snapshot of the model as it stands. */
export function signOff(
  model: ThreatModel,
  signature: { readonly signedBy: string; readonly signedAt: IsoTimestamp; readonly note: string },
): ThreatModel {
  // The snapshot names its fields: a stored record carries bookkeeping (createdAt,
  // updatedAt) that is not part of the model and would make the version invalid.
  const { id, title, apiIds, scope, assumptions, assets, elements, threats, versions } = model;
  const snapshot = { id, title, apiIds, scope, assumptions, assets, elements, threats };
  const last = versions[versions.length - 1];
  return {
    ...model,
    versions: [...versions, { version: (last?.version ?? 0) + 1, ...signature, snapshot }],
  };
}
