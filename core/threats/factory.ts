import type { ApiId } from '../inventory/types';
import type {
  Element,
  ElementId,
  ElementKind,
  ElementOf,
  ThreatModel,
  ThreatModelId,
} from './model';
import { elementSchema } from './schema-elements';

// New elements and models with every default filled in by the schema itself, so the
// defaults live in one place (schema-elements.ts).

/** A new element of `kind` with defaults (controls absent, no data), plus any overrides. */
export function newElement<K extends ElementKind>(
  kind: K,
  id: string,
  name: string,
  overrides: Partial<Omit<ElementOf<K>, 'kind' | 'id'>> = {},
): ElementOf<K> {
  return elementSchema.parse({ ...overrides, kind, id, name }) as unknown as ElementOf<K>;
}

/** An empty model for one or more inventory APIs. */
export function emptyModel(id: string, title: string, apiIds: readonly ApiId[]): ThreatModel {
  return {
    id: id as ThreatModelId,
    title,
    apiIds,
    scope: '',
    assumptions: [],
    assets: [],
    elements: [],
    threats: { catalogue: [], instances: [] },
    versions: [],
  };
}

/** Replaces (by id) or appends an element. */
export function upsertElement(model: ThreatModel, element: Element): ThreatModel {
  const exists = model.elements.some((e) => e.id === element.id);
  return {
    ...model,
    elements: exists
      ? model.elements.map((e) => (e.id === element.id ? element : e))
      : [...model.elements, element],
  };
}

/**
 * Removes an element and every reference to it (flows that end at it, boundary
 * membership). Its threats stay and turn stale at the next generation.
 */
export function removeElement(model: ThreatModel, id: ElementId): ThreatModel {
  const elements = model.elements
    .filter((e) => e.id !== id && !(e.kind === 'data-flow' && (e.source === id || e.target === id)))
    .map((e) => {
      if (e.kind === 'trust-boundary' && e.contains.includes(id))
        return { ...e, contains: e.contains.filter((x) => x !== id) };
      if (e.kind === 'data-flow' && e.crossesBoundaries.includes(id))
        return { ...e, crossesBoundaries: e.crossesBoundaries.filter((x) => x !== id) };
      return e;
    });
  return { ...model, elements };
}
