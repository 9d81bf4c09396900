import { z } from 'zod';
import type { Asset, Element, ElementId, ElementKind, ThreatModel, ThreatenedKind } from './model';
import { ACTORS, ELEMENT_KINDS } from './model';
import { ELEMENT_SCHEMAS } from './schema-elements';

// Facts are what rules read: an element's own stored properties plus a few derived from
// the whole model (which boundaries a flow crosses, whether a process can be reached by an
// anonymous caller, ...). They are computed once per generation, before any rule runs, so
// that rules stay plain declarative conditions.

/** A value a condition can compare against. */
export type FactValue = string | number | boolean;
/** An element's facts by name; a derived fact that does not apply is `undefined`. */
export type Facts = Readonly<Record<string, FactValue | undefined>>;

/** What a fact can hold: rules are validated against this vocabulary. */
export type FactSpec =
  | { readonly type: 'boolean'; readonly derived: boolean; readonly doc: string }
  | {
      readonly type: 'enum';
      readonly values: readonly string[];
      readonly derived: boolean;
      readonly doc: string;
    };

// Stored properties that are bookkeeping rather than security facts.
const NOT_FACTS = new Set(['kind', 'id', 'name', 'description', 'outOfScope', 'tags']);

function storedFacts(kind: ElementKind): Record<string, FactSpec> {
  const out: Record<string, FactSpec> = {};
  for (const [name, field] of Object.entries(ELEMENT_SCHEMAS[kind].shape)) {
    if (NOT_FACTS.has(name)) continue;
    const inner: unknown = field instanceof z.ZodDefault ? field.unwrap() : field;
    if (inner instanceof z.ZodBoolean)
      out[name] = { type: 'boolean', derived: false, doc: `stored property ${name}` };
    else if (inner instanceof z.ZodEnum)
      out[name] = {
        type: 'enum',
        values: inner.options.map(String),
        derived: false,
        doc: `stored property ${name}`,
      };
  }
  return out;
}

const bool = (doc: string): FactSpec => ({ type: 'boolean', derived: true, doc });
const oneOf = (values: readonly string[], doc: string): FactSpec => ({
  type: 'enum',
  values,
  derived: true,
  doc,
});

const DERIVED: Readonly<Record<ThreatenedKind, Readonly<Record<string, FactSpec>>>> = {
  'external-entity': {},
  process: {
    receivesFromExternal: bool('a flow from an external entity arrives directly'),
    exposedToUntrustedActors: bool(
      'reachable from a user, partner, device or third party, through forwarding processes',
    ),
    reachableFromUnauthenticated: bool(
      'an unauthenticated external entity reaches it without passing a process that authenticates callers',
    ),
    sensitive: bool('handles sensitive assets: its own, on its flows, or in stores it touches'),
    writesToStore: bool('sends data to a data store'),
    writesToLog: bool('sends data to a data store that is a log'),
    consumesWebhooks: bool('receives webhook or callback flows'),
  },
  'data-store': {
    sensitive: bool('holds credentials or sensitive assets, or sensitive data flows in or out'),
    reachableFromUnauthenticated: bool(
      'an unauthenticated external entity reaches it without passing a process that authenticates callers',
    ),
  },
  'data-flow': {
    crossesBoundary: bool('crosses at least one trust boundary (containment or stored)'),
    sourceKind: oneOf(ELEMENT_KINDS, 'kind of the source element'),
    targetKind: oneOf(ELEMENT_KINDS, 'kind of the target element'),
    sourceActor: oneOf(ACTORS, 'actor of the source, when the source is an external entity'),
    targetActor: oneOf(ACTORS, 'actor of the target, when the target is an external entity'),
    sensitive: bool('carries a confidential or restricted asset'),
    carriesCredentials: bool('carries an asset classified as credentials'),
    authStrength: oneOf(['none', 'weak', 'strong'], 'none; weak = api-key or basic; else strong'),
    targetValidatesInput: bool('false only when the target is a process without input validation'),
  },
};

type Vocabulary = Readonly<Record<string, FactSpec>>;
const vocabularies = new Map<ThreatenedKind, Vocabulary>();
const vocabularyOf = (kind: ThreatenedKind): Vocabulary => {
  let v = vocabularies.get(kind);
  if (!v) vocabularies.set(kind, (v = { ...storedFacts(kind), ...DERIVED[kind] }));
  return v;
};

/**
 * The facts each threatened kind offers to rules: stored properties plus derived ones.
 * Each kind's entry is read from its schema on first use, so that loading the rule engine
 * does not build the element schemas (schema-elements.ts).
 */
export const FACT_VOCABULARY: Readonly<Record<ThreatenedKind, Vocabulary>> = {
  get 'external-entity'() {
    return vocabularyOf('external-entity');
  },
  get process() {
    return vocabularyOf('process');
  },
  get 'data-store'() {
    return vocabularyOf('data-store');
  },
  get 'data-flow'() {
    return vocabularyOf('data-flow');
  },
};

/** Whether an asset counts as sensitive: confidential or restricted, or personal-class data. */
export function isSensitiveAsset(a: Asset): boolean {
  return (
    a.sensitivity === 'confidential' ||
    a.sensitivity === 'restricted' ||
    a.dataClasses.some((c) => c !== 'public')
  );
}

type Flow = Extract<Element, { kind: 'data-flow' }>;

/** The boundaries each element sits in, following nested boundaries. */
export function boundaryMembership(elements: readonly Element[]): Map<ElementId, Set<ElementId>> {
  const contains = new Map<ElementId, readonly ElementId[]>();
  for (const e of elements) if (e.kind === 'trust-boundary') contains.set(e.id, e.contains);
  const memberOf = new Map<ElementId, Set<ElementId>>();
  for (const boundary of contains.keys()) {
    const stack = [...(contains.get(boundary) ?? [])];
    const seen = new Set<ElementId>();
    while (stack.length > 0) {
      const id = stack.pop();
      if (id === undefined || seen.has(id) || id === boundary) continue;
      seen.add(id);
      let set = memberOf.get(id);
      if (!set) memberOf.set(id, (set = new Set()));
      set.add(boundary);
      stack.push(...(contains.get(id) ?? []));
    }
  }
  return memberOf;
}

/** The boundaries a flow crosses: those holding exactly one of its ends, plus stored ones. */
export function crossedBoundaries(
  flow: Flow,
  memberOf: ReadonlyMap<ElementId, ReadonlySet<ElementId>>,
): ElementId[] {
  const a = memberOf.get(flow.source) ?? new Set<ElementId>();
  const b = memberOf.get(flow.target) ?? new Set<ElementId>();
  const out = new Set<ElementId>(flow.crossesBoundaries);
  for (const x of a) if (!b.has(x)) out.add(x);
  for (const x of b) if (!a.has(x)) out.add(x);
  return [...out].sort();
}

const TRUSTED_ACTORS = new Set(['admin', 'internal-service']);

/** Computes the facts of every element once, for the rule engine. */
export function deriveFacts(
  model: Pick<ThreatModel, 'elements' | 'assets'>,
): Map<ElementId, Facts> {
  const byId = new Map(model.elements.map((e) => [e.id, e]));
  const assets = new Map(model.assets.map((a) => [a.id, a]));
  const sensitiveAsset = (id: string) => {
    const a = assets.get(id as Asset['id']);
    return a !== undefined && isSensitiveAsset(a);
  };
  const memberOf = boundaryMembership(model.elements);
  const flows = model.elements.filter((e): e is Flow => e.kind === 'data-flow');
  // Directed adjacency: a bidirectional flow counts both ways.
  const outgoing = new Map<ElementId, Flow[]>();
  const incoming = new Map<ElementId, Flow[]>();
  const push = (m: Map<ElementId, Flow[]>, k: ElementId, f: Flow) => {
    const list = m.get(k);
    if (list) list.push(f);
    else m.set(k, [f]);
  };
  for (const f of flows) {
    push(outgoing, f.source, f);
    push(incoming, f.target, f);
    if (f.bidirectional) {
      push(outgoing, f.target, f);
      push(incoming, f.source, f);
    }
  }
  const other = (f: Flow, id: ElementId) => byId.get(f.source === id ? f.target : f.source);
  const flowSensitive = (f: Flow) => f.dataCarried.some(sensitiveAsset);
  const touching = (id: ElementId) => [...(outgoing.get(id) ?? []), ...(incoming.get(id) ?? [])];

  const storeSensitive = new Map<ElementId, boolean>();
  for (const e of model.elements)
    if (e.kind === 'data-store')
      storeSensitive.set(
        e.id,
        e.holdsSensitiveData ||
          e.holdsCredentials ||
          e.assets.some(sensitiveAsset) ||
          touching(e.id).some(flowSensitive),
      );

  const reach = (starts: Iterable<ElementId>, passes: (e: Element) => boolean) => {
    const seen = new Set<ElementId>();
    const stack = [...starts];
    while (stack.length > 0) {
      const id = stack.pop();
      if (id === undefined) continue;
      for (const f of outgoing.get(id) ?? []) {
        const next = other(f, id);
        if (!next || seen.has(next.id)) continue;
        seen.add(next.id);
        if (passes(next)) stack.push(next.id);
      }
    }
    return seen;
  };
  const externals = model.elements.filter((e) => e.kind === 'external-entity');
  const forwards = (e: Element) => e.kind === 'process';
  const untrustedReach = reach(
    externals.filter((e) => !TRUSTED_ACTORS.has(e.actor)).map((e) => e.id),
    forwards,
  );
  const anonymousReach = reach(
    externals.filter((e) => !e.authenticated).map((e) => e.id),
    (e) => e.kind === 'process' && !e.authenticatesCallers,
  );

  const facts = new Map<ElementId, Facts>();
  for (const e of model.elements) {
    // The element's own facts (primitive values), then the derived ones added by
    // Object.assign. A spread into a literal made a fast-properties object, but anew for
    // each element, at ten times the cost (1,188 flows: 15 ms against 1); a large element's
    // facts are left a dictionary this way, and the rules that read them still ran faster
    // overall (ec2: generation 27 to 49 ms against 55 to 72, V8 defaults).
    const own: Record<string, FactValue | undefined> = {};
    const stored = e as unknown as Record<string, unknown>;
    for (const k of Object.keys(stored)) {
      const v = stored[k];
      if (typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') own[k] = v;
    }
    if (e.kind === 'process') {
      const ins = incoming.get(e.id) ?? [];
      const outs = outgoing.get(e.id) ?? [];
      const targets = outs.map((f) => other(f, e.id));
      facts.set(
        e.id,
        Object.assign(own, {
          receivesFromExternal: ins.some((f) => other(f, e.id)?.kind === 'external-entity'),
          exposedToUntrustedActors: untrustedReach.has(e.id),
          reachableFromUnauthenticated: anonymousReach.has(e.id),
          sensitive:
            e.handlesSensitiveData ||
            e.assets.some(sensitiveAsset) ||
            touching(e.id).some(
              (f) => flowSensitive(f) || storeSensitive.get(other(f, e.id)?.id ?? e.id) === true,
            ),
          writesToStore: targets.some((t) => t?.kind === 'data-store'),
          writesToLog: targets.some((t) => t?.kind === 'data-store' && t.isLog),
          consumesWebhooks: ins.some((f) => f.isWebhook),
        }),
      );
    } else if (e.kind === 'data-store') {
      facts.set(
        e.id,
        Object.assign(own, {
          sensitive: storeSensitive.get(e.id) === true,
          reachableFromUnauthenticated: anonymousReach.has(e.id),
        }),
      );
    } else if (e.kind === 'data-flow') {
      const source = byId.get(e.source);
      const target = byId.get(e.target);
      facts.set(
        e.id,
        Object.assign(own, {
          crossesBoundary: crossedBoundaries(e, memberOf).length > 0,
          sourceKind: source?.kind,
          targetKind: target?.kind,
          sourceActor: source?.kind === 'external-entity' ? source.actor : undefined,
          targetActor: target?.kind === 'external-entity' ? target.actor : undefined,
          sensitive: flowSensitive(e),
          carriesCredentials: e.dataCarried.some(
            (id) => assets.get(id)?.dataClasses.includes('credentials') === true,
          ),
          authStrength:
            e.authentication === 'none'
              ? 'none'
              : e.authentication === 'api-key' || e.authentication === 'basic'
                ? 'weak'
                : 'strong',
          targetValidatesInput: target?.kind !== 'process' || target.validatesInput,
        }),
      );
    } else {
      facts.set(e.id, own);
    }
  }
  return facts;
}
