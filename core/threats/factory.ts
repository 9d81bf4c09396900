import { z } from 'zod';
import type { ApiId } from '../inventory/types';
import type {
  Element,
  ElementId,
  ElementKind,
  ElementOf,
  ThreatModel,
  ThreatModelId,
} from './model';
import {
  CONTROL,
  ELEMENT_SCHEMAS,
  elementSchema,
  ID_PATTERN,
  MAX_NAME,
  MAX_TEXT,
} from './schema-elements';

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

// Per kind, what the schema would make of an element: its keys in order (optional ones
// left out) and the defaults it fills in, read once from the schema's shape rather than
// by parsing (the first parse of each kind costs more than the hundreds of elements an
// import builds).
type Template = { readonly keys: readonly string[]; readonly filled: Map<string, unknown> };
const TEMPLATES = new Map<ElementKind, Template>();

/** A default's own copy (defaults are JSON: flags, texts, empty lists). */
const copyOf = (v: unknown): unknown =>
  typeof v !== 'object' || v === null
    ? v
    : Array.isArray(v) && v.length === 0
      ? []
      : (JSON.parse(JSON.stringify(v)) as unknown);

function templateOf(kind: ElementKind): Template {
  let template = TEMPLATES.get(kind);
  if (template) return template;
  const keys: string[] = [];
  const filled = new Map<string, unknown>();
  for (const [key, field] of Object.entries(ELEMENT_SCHEMAS[kind].shape)) {
    // An optional key is absent unless given, and a given one goes to newElement.
    if (field instanceof z.ZodOptional) continue;
    keys.push(key);
    if (field instanceof z.ZodDefault) filled.set(key, copyOf(field.def.defaultValue));
  }
  template = { keys, filled };
  TEMPLATES.set(kind, template);
  return template;
}

const fine = (v: unknown, max: number) =>
  typeof v !== 'string' || (v.length <= max && !CONTROL.test(v));

/**
 * Like newElement, for elements a builder makes by the hundred from values it has already
 * checked (the OpenAPI import): the schema's key order and defaults are read from its
 * shape instead of parsing each element. Anything the template cannot answer exactly (an
 * optional key, a missing required one, an id or text the schema could refuse or trim)
 * goes through newElement, so the result or the error is always newElement's.
 */
export function buildElement<K extends ElementKind>(
  kind: K,
  id: string,
  name: string,
  overrides: Partial<Omit<ElementOf<K>, 'kind' | 'id'>> = {},
): ElementOf<K> {
  const given = overrides as Record<string, unknown>;
  const template = templateOf(kind);
  let known = ID_PATTERN.test(id) && name !== '' && name.trim() === name && fine(name, MAX_NAME);
  if (known)
    for (const k in given) {
      const v = given[k];
      if (v !== undefined && (!template.keys.includes(k) || !fine(v, MAX_TEXT))) {
        known = false;
        break;
      }
    }
  if (known) {
    const element: Record<string, unknown> = {};
    for (const k of template.keys) {
      if (k === 'kind') element.kind = kind;
      else if (k === 'id') element.id = id;
      else if (k === 'name') element.name = name;
      else if (given[k] !== undefined) element[k] = given[k];
      else if (template.filled.has(k)) element[k] = copyOf(template.filled.get(k));
      else {
        known = false;
        break;
      }
    }
    // Copied by a spread: stores under computed keys leave an object of more than a dozen
    // properties in V8's slow dictionary mode (a flow has twenty), which every rule, the
    // facts and the output then read; the copy is an ordinary fast object.
    if (known) return { ...element } as unknown as ElementOf<K>;
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
