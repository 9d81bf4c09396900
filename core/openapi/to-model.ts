import type { ApiDraft, ApiId, AuthMethod, Environment } from '../inventory/types';
import { emptyDraft } from '../inventory/types';
import type {
  CatalogueThreat,
  CatalogueThreatId,
  Element,
  ElementId,
  Mitigation,
  ThreatInstance,
  ThreatInstanceId,
  ThreatModel,
} from '../threats';
import {
  buildElement,
  compareText,
  emptyModel,
  proposedMitigations,
  sortInstances,
  threatInstanceId,
} from '../threats';
import type { Finding } from './checks';
import { checkDescription } from './checks';
import { PATTERNS, wordsOf } from './patterns';
import type { DescriptionDiff } from './diff';
import { diffDescriptions } from './diff';
import { openApiCatalogueEntry, openApiRule } from './rules';
import type { OpenApiDocument, Operation, SecurityScheme } from './types';

// A description → a threat model and an inventory draft. The architecture is inferred
// (and says so in the assumptions); the per-operation findings become threat instances
// with source 'openapi' whose identity is rule@element#operation, so a re-import finds
// each earlier threat again and keeps every decision on it. Nothing is deleted: findings
// that no longer fire are marked stale with the reason.

export type OpenApiModelOptions = {
  readonly apiId: string;
  readonly modelId: string;
  /** The model from an earlier import, to update without losing decisions. */
  readonly existing?: ThreatModel | undefined;
  /** The description of that earlier import, to report what changed. */
  readonly previous?: OpenApiDocument | undefined;
  /** checkDescription(doc), when the caller already ran it (the import worker, for progress). */
  readonly findings?: readonly Finding[] | undefined;
};

export type OpenApiModelResult = {
  readonly model: ThreatModel;
  readonly inventoryDraft: ApiDraft;
  readonly findings: readonly Finding[];
  readonly diff?: DescriptionDiff | undefined;
};

/** Above this many operations the API is split into one process per tag group. */
export const SPLIT_THRESHOLD = 200;

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'root';

/** The first path segment that names a resource (not a version or a parameter). */
export function resourceOf(path: string): string {
  const seg = path
    .split('/')
    .find((s) => s !== '' && !s.startsWith('{') && !/^v\d+(\.\d+)*$/i.test(s));
  return seg ?? 'root';
}

const groupOf = (op: Operation) => (op.webhook ? 'webhooks' : (op.tags[0] ?? resourceOf(op.path)));

type ClientKind = 'anonymous' | 'user' | 'partner';

function clientOf(s: SecurityScheme | undefined): ClientKind {
  if (!s) return 'anonymous';
  if (s.type === 'apiKey' || s.type === 'mutualTLS') return 'partner';
  if (s.type === 'oauth2' && s.flows.length > 0 && s.flows.every((f) => f === 'clientCredentials'))
    return 'partner';
  return 'user';
}

/** The inventory / flow authentication method a scheme implies. */
export function authMethodOf(s: SecurityScheme): AuthMethod {
  switch (s.type) {
    case 'apiKey':
      return 'api-key';
    case 'mutualTLS':
      return 'mtls';
    case 'oauth2':
      return 'oauth2';
    case 'openIdConnect':
      return 'oidc';
    case 'http':
      return s.scheme === 'bearer' ? 'jwt' : s.scheme?.includes('hmac') ? 'hmac' : 'basic';
    case 'unknown':
      return 'none';
  }
}

const unauthenticated = (op: Operation) =>
  op.security.requirements.length === 0 ||
  op.security.requirements.some((r) => Object.keys(r).length === 0);

function environmentName(url: string, description: string): string {
  if (description) return description;
  const m = PATTERNS.nonProduction.exec(url);
  if (!m) return 'production';
  if (/stag|stg|uat/i.test(m[0])) return 'staging';
  if (/test|qa|sandbox/i.test(m[0])) return 'test';
  return 'development';
}

/** The inventory entry a description implies. */
export function inventoryDraftOf(doc: OpenApiDocument): ApiDraft {
  const methods = [...new Set(doc.securitySchemes.map(authMethodOf))];
  const environments: Environment[] = doc.servers.map((s) => ({
    name: environmentName(s.url, s.description),
    baseUrl: s.url,
  }));
  const ops = [...doc.operations, ...doc.webhooks];
  return {
    ...emptyDraft(),
    name: doc.title || 'Untitled API',
    description: [
      doc.description.trim(),
      `Version ${doc.apiVersion || '(none)'} (OpenAPI ${doc.specVersion}).`,
    ]
      .filter((x) => x !== '')
      .join('\n\n'),
    owner: {
      team: doc.contact?.name ?? '',
      // The first of email or URL that is given (empty strings count as absent).
      contact:
        [doc.contact?.email, doc.contact?.url].find((x) => x !== undefined && x !== '') ?? '',
    },
    lifecycle: ops.length > 0 && ops.every((o) => o.deprecated) ? 'deprecated' : 'active',
    exposure: 'public',
    environments,
    authentication: methods.length > 0 ? methods : ['none'],
  };
}

/** The first scheme the callers' security requirements name that the description defines. */
function firstKnownScheme(
  callers: readonly Operation[],
  schemes: ReadonlyMap<string, SecurityScheme>,
): SecurityScheme | undefined {
  for (const o of callers)
    for (const r of o.security.requirements)
      for (const n of Object.keys(r)) {
        const s = schemes.get(n);
        if (s !== undefined) return s;
      }
  return undefined;
}

type Built = {
  elements: Element[];
  assumptions: string[];
  /** Operation key → the process element it belongs to. */
  processOf: Map<string, ElementId>;
  mainProcess: ElementId;
};

function buildElements(doc: OpenApiDocument, findings: readonly Finding[]): Built {
  const ops = [...doc.operations, ...doc.webhooks];
  const split = ops.length > SPLIT_THRESHOLD;
  const schemes = new Map(doc.securitySchemes.map((s) => [s.name, s]));
  // Rule → the operations it fired on ('' for description-wide findings).
  const firedOn = new Map<string, Set<string>>();
  for (const f of findings) {
    let on = firedOn.get(f.ruleId);
    if (!on) firedOn.set(f.ruleId, (on = new Set()));
    on.add(f.operation ?? '');
  }
  const fired = (ruleId: string, keys: ReadonlySet<string>) => {
    const on = firedOn.get(ruleId);
    if (!on) return false;
    if (on.has('')) return true;
    for (const k of keys) if (on.has(k)) return true;
    return false;
  };
  const elements: Element[] = [];
  const assumptions: string[] = [];
  // Ids stay unique when two names slug alike ("a b", "a-b"); fixed ids are reserved.
  const taken = new Set(['api', 'api-boundary', 'webhook-receivers', 'flow-webhooks']);
  const unique = (base: string): string => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${String(n)}`;
    taken.add(id);
    return id;
  };
  const processOf = new Map<string, ElementId>();
  const groups = new Map<string, Operation[]>();
  for (const op of ops) {
    const g = groupOf(op);
    const members = groups.get(g);
    if (members) members.push(op);
    else groups.set(g, [op]);
  }
  const processGroups = split ? [...groups.keys()] : ['api'];
  const processIds: ElementId[] = [];
  const madeProcess = new Set<ElementId>();
  for (const g of processGroups) {
    const id = (split ? unique(`api-${slug(g)}`) : 'api') as ElementId;
    const members = split ? (groups.get(g) ?? []) : ops;
    const keys = new Set(members.map((o) => o.key));
    for (const o of members) processOf.set(o.key, id);
    if (madeProcess.has(id)) continue;
    madeProcess.add(id);
    processIds.push(id);
    elements.push(
      buildElement('process', id, split ? `${doc.title || 'API'}: ${g}` : doc.title || 'API', {
        description: `${String(members.length)} operation(s) from the OpenAPI description.`,
        tags: ['openapi'],
        authenticatesCallers: members.some((o) => !unauthenticated(o)),
        exposesObjectIds: fired('OAS-API1-001', keys),
        hasAdminFunctions: fired('OAS-API5-001', keys),
        handlesSensitiveData: fired('OAS-API3-002', keys),
        sensitiveBusinessFlows:
          fired('OAS-API6-001', keys) ||
          members.some((o) => wordsOf(o.path).some((w) => PATTERNS.businessFlow.test(w))),
        fetchesUserSuppliedUrls: fired('OAS-API7-001', keys),
        exposesGraphql: fired('OAS-API4-006', keys),
        rateLimited: !fired('OAS-API4-004', keys),
        servesMultipleVersions: fired('OAS-API9-001', keys),
        consumesThirdPartyApis: members.some((o) => o.callbacks.length > 0 || o.webhook),
        documented: true,
      }),
    );
  }
  const mainProcess = processIds[0] ?? ('api' as ElementId);
  if (split)
    assumptions.push(`More than ${String(SPLIT_THRESHOLD)} operations: one process per tag group.`);

  // Clients, from what the security schemes imply.
  const clients = new Map<ClientKind, ElementId>();
  const clientFor = (kind: ClientKind): ElementId => {
    const known = clients.get(kind);
    if (known) return known;
    const id = `client-${kind}` as ElementId;
    clients.set(kind, id);
    const names = {
      anonymous: 'Anonymous internet user',
      user: 'End user (via a client app)',
      partner: 'API client / partner',
    };
    const actors = { anonymous: 'anonymous-user', user: 'user', partner: 'partner' } as const;
    elements.push(
      buildElement('external-entity', id, names[kind], {
        actor: actors[kind],
        authenticated: kind !== 'anonymous',
        tags: ['openapi'],
      }),
    );
    return id;
  };

  const plain = doc.servers.some((s) => /^http:/i.test(s.url));
  if (doc.servers.length === 0 || doc.servers.every((s) => !/^\w+:/.test(s.url)))
    assumptions.push('Inferred: TLS, as the description names no absolute server URL.');
  const webhookOps: Operation[] = [];
  for (const [g, members] of [...groups].sort(([a], [b]) => compareText(a, b))) {
    const callers = members.filter((o) => !o.webhook);
    if (callers.length === 0) {
      webhookOps.push(...members);
      continue;
    }
    const anyOpen = callers.some(unauthenticated);
    const firstScheme = firstKnownScheme(callers, schemes);
    const kind = anyOpen ? 'anonymous' : clientOf(firstScheme);
    const source = clientFor(kind);
    const auth = anyOpen || !firstScheme ? 'none' : authMethodOf(firstScheme);
    const target = processOf.get(callers[0]?.key ?? '') ?? mainProcess;
    elements.push(
      buildElement('data-flow', unique(`flow-${slug(g)}`), `${g} requests`, {
        description: callers
          .map((o) => o.key)
          .slice(0, 20)
          .join(', '),
        source,
        target,
        protocol: 'HTTPS',
        tls: firstScheme?.type === 'mutualTLS' ? 'mtls' : plain ? 'none' : 'tls',
        authentication: auth,
        tokenType:
          auth === 'api-key'
            ? 'api-key'
            : auth === 'jwt'
              ? 'jwt'
              : auth === 'oauth2' || auth === 'oidc'
                ? 'opaque'
                : 'none',
        credentialsInUrl: firstScheme?.type === 'apiKey' && firstScheme.in === 'query',
        tags: ['openapi'],
      }),
    );
    webhookOps.push(...members.filter((o) => o.callbacks.length > 0));
  }
  if (webhookOps.length > 0) {
    elements.push(
      buildElement('external-entity', 'webhook-receivers', 'Webhook and callback receivers', {
        actor: 'third-party-service',
        tags: ['openapi'],
      }),
      buildElement('data-flow', 'flow-webhooks', 'Webhook and callback deliveries', {
        source: mainProcess,
        target: 'webhook-receivers' as ElementId,
        protocol: 'HTTPS',
        tls: plain ? 'none' : 'tls',
        isWebhook: true,
        tags: ['openapi'],
      }),
    );
  }

  // Stores, one per resource, stated as an assumption.
  const stores: ElementId[] = [];
  // Each resource with its first operation (whose process reads and writes the store).
  const firstOf = new Map<string, string>();
  for (const o of doc.operations) {
    const r = resourceOf(o.path);
    if (!firstOf.has(r)) firstOf.set(r, o.key);
  }
  const resources = [...firstOf.keys()].sort(compareText);
  const storeIds = new Set<ElementId>();
  for (const r of resources) {
    const id = `store-${slug(r)}` as ElementId;
    if (storeIds.has(id)) continue;
    storeIds.add(id);
    stores.push(id);
    assumptions.push(`Inferred: a store behind /${r}`);
    const proc = processOf.get(firstOf.get(r) ?? '') ?? mainProcess;
    elements.push(
      buildElement('data-store', id, `${r} store`, {
        description: `Inferred from the operations under /${r}.`,
        storeType: 'database',
        tags: ['openapi', 'inferred'],
      }),
      buildElement('data-flow', unique(`flow-${slug(r)}-store`), `${r} reads and writes`, {
        source: proc,
        target: id,
        bidirectional: true,
        protocol: 'internal',
        tls: 'tls',
        tags: ['openapi', 'inferred'],
      }),
    );
  }
  elements.push(
    buildElement('trust-boundary', 'api-boundary', 'API (trust boundary with the internet)', {
      contains: [...processIds, ...stores],
      tags: ['openapi'],
    }),
  );
  return { elements, assumptions, processOf, mainProcess };
}

function instanceOf(
  f: Finding,
  elementId: ElementId,
  proposed: Map<string, readonly Mitigation[]>,
): ThreatInstance | null {
  const rule = openApiRule(f.ruleId);
  if (!rule) return null;
  // The threats of one rule share its proposed mitigations (an edit replaces the list).
  let mitigations = proposed.get(rule.id);
  if (!mitigations) proposed.set(rule.id, (mitigations = proposedMitigations(rule.mitigations)));
  return {
    id: threatInstanceId(rule.id, elementId, f.operation ?? undefined),
    threatId: rule.id as string as CatalogueThreatId,
    elementId,
    source: 'openapi',
    status: 'open',
    rating: { likelihood: rule.likelihood, impact: rule.impact },
    mitigations,
    notes: '',
    evidence: f.evidence,
    stale: false,
    ...(f.operation === null ? {} : { operation: f.operation }),
    location: f.location,
  };
}

/** Merges fresh OpenAPI instances into earlier ones, keeping every decision. */
function mergeInstances(
  earlier: readonly ThreatInstance[],
  fresh: readonly ThreatInstance[],
  operations: ReadonlySet<string>,
): ThreatInstance[] {
  // A first import has nothing to merge into.
  if (earlier.length === 0) return sortInstances(fresh);
  const wanted = new Map<ThreatInstanceId, ThreatInstance>(fresh.map((t) => [t.id, t]));
  const seen = new Set<ThreatInstanceId>();
  const out: ThreatInstance[] = [];
  for (const t of earlier) {
    seen.add(t.id);
    if (t.source !== 'openapi') {
      out.push(t);
      continue;
    }
    const now = wanted.get(t.id);
    if (now) {
      const next: { -readonly [K in keyof ThreatInstance]: ThreatInstance[K] } = {
        ...t,
        evidence: now.evidence,
        location: now.location,
        stale: false,
      };
      delete next.staleReason;
      out.push(next);
    } else
      out.push({
        ...t,
        stale: true,
        staleReason:
          t.operation !== undefined && !operations.has(t.operation)
            ? `The operation ${t.operation} is no longer in the description.`
            : `Rule ${t.threatId} no longer fires${t.operation === undefined ? '' : ` on ${t.operation}`}.`,
      });
  }
  for (const t of fresh) if (!seen.has(t.id)) out.push(t);
  return sortInstances(out);
}

/** Builds (or updates) the threat model and the inventory draft for a description. */
export function openApiToModel(
  doc: OpenApiDocument,
  options: OpenApiModelOptions,
): OpenApiModelResult {
  const findings = options.findings ?? checkDescription(doc);
  const built = buildElements(doc, findings);
  const fresh: ThreatInstance[] = [];
  const proposed = new Map<string, readonly Mitigation[]>();
  for (const f of findings) {
    const element =
      f.operation === null
        ? built.mainProcess
        : (built.processOf.get(f.operation) ?? built.mainProcess);
    const t = instanceOf(f, element, proposed);
    if (t) fresh.push(t);
  }
  const base = options.existing ?? {
    ...emptyModel(options.modelId, `${doc.title || 'API'} (from OpenAPI)`, [
      options.apiId as ApiId,
    ]),
    scope: `Generated from the OpenAPI ${doc.specVersion} description "${doc.title}" ${doc.apiVersion}.`,
  };
  // Elements a person already has (and may have edited) win; new ones are added, and a
  // kept boundary also takes in the new elements it should contain.
  const byId = new Map<string, Element>(base.elements.map((e) => [e.id, e]));
  const elements: Element[] = [...base.elements];
  for (const e of built.elements) {
    const had = byId.get(e.id);
    if (!had) elements.push(e);
    else if (had.kind === 'trust-boundary' && e.kind === 'trust-boundary') {
      const contains = [...new Set([...had.contains, ...e.contains])];
      elements[elements.indexOf(had)] = { ...had, contains };
    }
  }
  const catalogue = new Map<string, CatalogueThreat>(base.threats.catalogue.map((c) => [c.id, c]));
  // One entry per rule that fired (thousands of threats share a few dozen rules).
  const entered = new Set<string>();
  for (const t of fresh) {
    if (entered.has(t.threatId)) continue;
    entered.add(t.threatId);
    const rule = openApiRule(t.threatId);
    const had = catalogue.get(t.threatId);
    if (rule && (!had || had.ruleId === rule.id))
      catalogue.set(rule.id, openApiCatalogueEntry(rule));
  }
  const operations = new Set([...doc.operations, ...doc.webhooks].map((o) => o.key));
  const model: ThreatModel = {
    ...base,
    apiIds: base.apiIds.includes(options.apiId as ApiId)
      ? base.apiIds
      : [...base.apiIds, options.apiId as ApiId],
    assumptions: [...new Set([...base.assumptions, ...built.assumptions])],
    elements,
    threats: {
      catalogue: [...catalogue.values()].sort((a, b) => compareText(a.id, b.id)),
      instances: mergeInstances(base.threats.instances, fresh, operations),
    },
  };
  return {
    model,
    inventoryDraft: inventoryDraftOf(doc),
    findings,
    ...(options.previous ? { diff: diffDescriptions(options.previous, doc) } : {}),
  };
}
