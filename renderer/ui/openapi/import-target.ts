import type { ApiEntry, ApiId } from '../../../core/inventory/types';
import type { ThreatModelRecord } from '../../../core/workspace/records';

/** What choosing a target reads of a model: lists hold summaries, not whole models. */
export type TargetModel = Pick<ThreatModelRecord, 'id' | 'title' | 'apiIds'>;

// Which existing model a description updates: the user's choice, else the model linked
// to an inventory entry of the same name (one imported from OpenAPI first).

const norm = (s: string) => s.trim().toLowerCase();

/** The model a description titled `title` most likely updates, or null. */
export function matchingModel<M extends TargetModel>(
  title: string,
  models: readonly M[],
  apis: ReadonlyMap<ApiId, ApiEntry>,
  imported: ReadonlySet<string>,
): M | null {
  if (norm(title) === '') return null;
  const named = models.filter(
    (m) =>
      m.apiIds.some((id) => norm(apis.get(id)?.name ?? '') === norm(title)) ||
      norm(m.title) === norm(`${title} (from OpenAPI)`),
  );
  return named.find((m) => imported.has(m.id)) ?? named[0] ?? null;
}

/** The inventory entry an update refreshes: the linked one named like the API, else the first. */
export function apiOfModel(
  model: TargetModel,
  title: string,
  apis: ReadonlyMap<ApiId, ApiEntry>,
): ApiId | null {
  return (
    model.apiIds.find((id) => norm(apis.get(id)?.name ?? '') === norm(title)) ??
    model.apiIds.find((id) => apis.has(id)) ??
    null
  );
}

/** A model as a choice in the target list: its title and the APIs it covers. */
export function modelLabel(m: TargetModel, apis: ReadonlyMap<ApiId, ApiEntry>): string {
  const names = m.apiIds.map((id) => apis.get(id)?.name).filter((n) => n !== undefined);
  return names.length > 0 ? `${m.title} (${names.join(', ')})` : m.title;
}
