import type { ApiId } from '../inventory/types';
import type {
  Element,
  ElementId,
  ElementKind,
  ElementOf,
  ThreatModel,
  ThreatModelId,
} from './model';
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

// What the schema made of the first element of each kind a builder asked for: its keys in
// order and the defaults the schema filled in.
type Template = { readonly keys: readonly string[]; readonly filled: Map<string, unknown> };
const TEMPLATES = new Map<ElementKind, Template>();
const OWN = new Set(['kind', 'id', 'name']);

/** A default's own copy (defaults are JSON: flags, texts, empty lists). */
const copyOf = (v: unknown): unknown =>
  typeof v !== 'object' || v === null
    ? v
    : Array.isArray(v) && v.length === 0
      ? []
      : (JSON.parse(JSON.stringify(v)) as unknown);

/**
 * Like newElement, for elements a builder makes by the hundred from values it has already
 * checked (the OpenAPI import). The first element of a kind goes through the schema; the
 * next ones reuse its key order and filled-in defaults instead of parsing again. Anything
 * the template cannot answer exactly (a key it has not seen, a default it does not know,
 * an id or text the schema could refuse or trim) goes through newElement, so the result
 * or the error is always newElement's.
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
  const template = TEMPLATES.get(kind);
  if (
    template &&
    ID_PATTERN.test(id) &&
    name !== '' &&
    name.trim() === name &&
    fine(name, MAX_NAME) &&
    Object.keys(given).every(
      (k) => given[k] === undefined || (template.keys.includes(k) && fine(given[k], MAX_TEXT)),
    )
  ) {
    const element: Record<string, unknown> = {};
    let known = true;
    for (const k of template.keys) {
      if (k === 'kind') element.kind = kind;
      else if (k === 'id') element.id = id;
      else if (k === 'name') element.name = name;
      else if (given[k] !== undefined) element[k] = given[k];
      else if (template.filled.has(k)) {
        element[k] = copyOf(template.filled.get(k));
      } else {
        known = false;
        break;
      }
    }
    if (known) return element as unknown as ElementOf<K>;
  }
  const made = newElement(kind, id, name, overrides);
  const record = made as unknown as Record<string, unknown>;
  // The defaults this element had filled in: a later element that leaves the same keys
  // out (a flow without authentication after one with it) takes them from the template.
  const defaults = Object.keys(made).filter((k) => !OWN.has(k) && given[k] === undefined);
  if (!template)
    TEMPLATES.set(kind, {
      keys: Object.keys(made),
      filled: new Map(defaults.map((k) => [k, copyOf(record[k])])),
    });
  else
    for (const k of defaults)
      if (!template.filled.has(k)) template.filled.set(k, copyOf(record[k]));
  return made;
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
