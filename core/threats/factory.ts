import type { ApiId } from '../inventory/types';
import type {
  Element,
  ElementId,
  ElementKind,
  ElementOf,
  ThreatModel,
  ThreatModelId,
} from './model';
import { ELEMENT_TEMPLATES, REQUIRED } from './element-templates';
import { CONTROL, elementSchema, ID_PATTERN, MAX_NAME, MAX_TEXT } from './schema-elements';

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

const KEYS = new Map(
  Object.entries(ELEMENT_TEMPLATES).map(([kind, t]) => [kind, new Set(t.map(([k]) => k))]),
);

/** A default's own copy (defaults are flags, texts and empty lists). */
const copyOf = (v: unknown): unknown => (Array.isArray(v) ? [] : v);

/**
 * Like newElement, for elements a builder makes by the hundred from values it has already
 * checked (the OpenAPI import): the element is copied from its kind's template, the keys
 * and defaults the schema gives (element-templates.ts), without parsing. Anything the
 * template cannot answer exactly (a key it does not have, a required key left out, an id
 * or text the schema could refuse or trim) goes through newElement, so the result or the
 * error is newElement's.
 */
export function buildElement<K extends ElementKind>(
  kind: K,
  id: string,
  name: string,
  overrides: Partial<Omit<ElementOf<K>, 'kind' | 'id'>> = {},
): ElementOf<K> {
  const given = overrides as Record<string, unknown>;
  const fine = (v: unknown, max: number) =>
    typeof v !== 'string' || (v.length <= max && !CONTROL.test(v));
  const keys = KEYS.get(kind);
  if (
    keys &&
    ID_PATTERN.test(id) &&
    name !== '' &&
    name.trim() === name &&
    fine(name, MAX_NAME) &&
    Object.keys(given).every(
      (k) => given[k] === undefined || (keys.has(k) && fine(given[k], MAX_TEXT)),
    )
  ) {
    const element: Record<string, unknown> = {};
    let known = true;
    for (const [k, fallback] of ELEMENT_TEMPLATES[kind]) {
      if (k === 'kind') element.kind = kind;
      else if (k === 'id') element.id = id;
      else if (k === 'name') element.name = name;
      else if (given[k] !== undefined) element[k] = given[k];
      else if (fallback !== REQUIRED) element[k] = copyOf(fallback);
      else {
        known = false;
        break;
      }
    }
    if (known) return element as unknown as ElementOf<K>;
  }
  return newElement(kind, id, name, overrides);
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
