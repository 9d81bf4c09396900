import type { ApiEntry, ApiId } from '../../../core/inventory';
import type { ThreatModelSummary } from '../../../core/workspace/model-summary';

/** One line of the model list: the stored summary with the names of its APIs. */
export type ModelSummary = ThreatModelSummary & { readonly apiNames: readonly string[] };

/** The list's line for one model; an API deleted from the inventory shows by its id. */
export function summarize(
  summary: ThreatModelSummary,
  apis: ReadonlyMap<ApiId, ApiEntry>,
): ModelSummary {
  return {
    ...summary,
    apiNames: summary.apiIds.map((id) => apis.get(id)?.name ?? `${id} (deleted)`),
  };
}

/** Whether a summary matches the search text (title or API name, case-insensitive). */
export function matchesSearch(s: ModelSummary, text: string): boolean {
  const q = text.trim().toLowerCase();
  if (q === '') return true;
  return s.title.toLowerCase().includes(q) || s.apiNames.some((n) => n.toLowerCase().includes(q));
}
