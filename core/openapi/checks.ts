import type { Hit } from './checks-document';
import { DOCUMENT_CHECKS, list } from './checks-document';
import { BOUNDED_FORMATS, PATTERNS, wordsOf } from './patterns';
import { OPENAPI_RULES } from './rules';
import type { SchemaNode, WalkFilter } from './schema-walk';
import { hasType, returnsList, walkSchema } from './schema-walk';
import { isObject } from './pointer';
import { deref } from './refs';
import { derefValue } from './schema-ref';
import type { OpenApiDocument, Operation, Parameter } from './types';

// What makes each OpenAPI rule fire. Name patterns are data (patterns.ts); each check
// returns where it fired and why, in words a reviewer can judge, or null.

/** One rule firing: on an operation (or the whole description), at a pointer, and why. */
export type Finding = {
  readonly ruleId: string;
  /** `GET /users/{id}`; null for description-wide findings. */
  readonly operation: string | null;
  readonly location: string;
  readonly evidence: string;
};

// A parameter's schema, `$ref` followed: the top of its walk, without walking the rest.
const paramSchema = (doc: OpenApiDocument, p: Parameter): Record<string, unknown> => {
  if (p.schema === null) return {};
  const top = derefValue(doc.root, p.schema.schema);
  return isObject(top) ? top : {};
};

// The patterns the checks test, made once (not at every operation). None is global or
// sticky, so sharing them keeps no state between tests.
const STATUS = {
  success: /^(2\d\d|2XX|default)$/i,
  ok: /^2\d\d$/,
  tooMany: /^429$/,
  denied: /^(401|403|4XX)$/i,
};
const SIGNALS = {
  extension: /rate.?limit|throttl|captcha/i,
  captcha: /captcha|recaptcha|turnstile/i,
  header: /rate.?limit/i,
  graphqlType: /graphql/i,
  rawBody:
    /^(application\/octet-stream|image\/|video\/|audio\/|application\/pdf|application\/zip)/i,
};

// Several rules read the same schemas: each operation's walks are done once.
const BODY = new WeakMap<Operation, readonly SchemaNode[]>();
const RESPONSE = new WeakMap<Operation, SchemaNode[]>();
const PARAMS = new WeakMap<Operation, readonly SchemaNode[]>();

/** Request body schema nodes, each once. */
function bodyNodes(doc: OpenApiDocument, op: Operation): readonly SchemaNode[] {
  let nodes = BODY.get(op);
  if (!nodes) {
    const content = op.requestBody?.content ?? [];
    // One media type (as most bodies have): its walk as it is.
    nodes = content.length === 1 ? walkSchema(doc.root, content[0]?.schema ?? null) : [];
    if (content.length > 1) {
      const all: SchemaNode[] = [];
      for (const m of content) for (const n of walkSchema(doc.root, m.schema)) all.push(n);
      nodes = all;
    }
    BODY.set(op, nodes);
  }
  return nodes;
}

/** Each parameter as a node: its schema (`$ref` followed), pointer and name. */
function paramNodes(doc: OpenApiDocument, op: Operation): readonly SchemaNode[] {
  let nodes = PARAMS.get(op);
  if (!nodes) {
    const all: SchemaNode[] = [];
    for (const p of op.parameters)
      all.push({ schema: paramSchema(doc, p), pointer: p.pointer, name: p.name });
    nodes = all;
    PARAMS.set(op, nodes);
  }
  return nodes;
}

// Sensitive properties (not writeOnly): a response walk keeps only these.
const SENSITIVE: WalkFilter = {
  id: 'sensitive',
  name: (name) => name !== null && PATTERNS.sensitiveProperty.test(name),
  schema: (schema) => schema.writeOnly !== true,
};

/** Sensitive properties (not writeOnly) in successful-response schemas, in walk order. */
function sensitiveResponseNodes(doc: OpenApiDocument, op: Operation): SchemaNode[] {
  let nodes = RESPONSE.get(op);
  if (!nodes) {
    nodes = [];
    for (const r of op.responses)
      if (STATUS.success.test(r.status))
        for (const m of r.content) nodes.push(...walkSchema(doc.root, m.schema, null, SENSITIVE));
    RESPONSE.set(op, nodes);
  }
  return nodes;
}

/**
 * What the input rules look for, found in one pass over an operation's parameters then
 * its body nodes (each list in that order, as the rules report them).
 */
type Inputs = {
  /** OAS-API3-001: body properties with a privileged name, not readOnly. */
  readonly privileged: SchemaNode[];
  /** OAS-API4-002: arrays without maxItems, not readOnly. */
  readonly arrays: SchemaNode[];
  /** OAS-API4-005: strings (body ones not readOnly) without maxLength, enum, const, a bounding format, not uploads. */
  readonly unbounded: SchemaNode[];
  /** OAS-VAL-001: strings (body ones not readOnly) without maxLength, pattern, enum, const or format. */
  readonly unconstrained: SchemaNode[];
  /** OAS-API7-001: inputs named like a URL or with format uri, url or iri. */
  readonly urls: SchemaNode[];
};
const INPUTS = new WeakMap<Operation, Inputs>();

function inputs(doc: OpenApiDocument, op: Operation): Inputs {
  let found = INPUTS.get(op);
  if (found) return found;
  found = { privileged: [], arrays: [], unbounded: [], unconstrained: [], urls: [] };
  const params = paramNodes(doc, op);
  const body = bodyNodes(doc, op);
  for (let i = 0; i < params.length + body.length; i++) {
    const inBody = i >= params.length;
    const n = inBody ? body[i - params.length] : params[i];
    if (n === undefined) continue;
    const s = n.schema;
    const name = n.name;
    const readOnly = s.readOnly === true;
    if (inBody && !readOnly && name !== null && PATTERNS.privilegedProperty.test(name))
      found.privileged.push(n);
    if (!readOnly && typeof s.maxItems !== 'number' && hasType(s, 'array')) found.arrays.push(n);
    if ((!inBody || !readOnly) && hasType(s, 'string')) {
      const open = typeof s.maxLength !== 'number' && s.enum === undefined && s.const === undefined;
      if (open && !isUpload(n) && !BOUNDED_FORMATS.has(String(s.format))) found.unbounded.push(n);
      if (open && s.pattern === undefined && s.format === undefined) found.unconstrained.push(n);
    }
    const format = s.format;
    if (
      (name !== null && PATTERNS.urlName.test(name)) ||
      format === 'uri' ||
      format === 'url' ||
      format === 'iri'
    )
      found.urls.push(n);
  }
  INPUTS.set(op, found);
  return found;
}

const isUpload = (n: SchemaNode) =>
  n.schema.type === 'file' ||
  n.schema.format === 'binary' ||
  n.schema.contentMediaType !== undefined;

function hasStatus(op: Operation, pattern: RegExp): boolean {
  for (const r of op.responses) if (pattern.test(r.status)) return true;
  return false;
}

/** A 429 response, rate-limit headers or a rate-limit extension. */
function throttled(op: Operation): boolean {
  if (hasStatus(op, STATUS.tooMany)) return true;
  for (const x of op.extensions) if (SIGNALS.extension.test(x)) return true;
  for (const p of op.parameters) if (SIGNALS.captcha.test(p.name)) return true;
  for (const r of op.responses) for (const h of r.headers) if (SIGNALS.header.test(h)) return true;
  return false;
}

const secured = (op: Operation) =>
  op.security.requirements.length > 0 &&
  op.security.requirements.every((r) => Object.keys(r).length > 0);

const isGraphql = (op: Operation) =>
  PATTERNS.graphql.test(op.path) ||
  (op.requestBody?.content ?? []).some((m) => SIGNALS.graphqlType.test(m.contentType));

type OperationCheck = (op: Operation, doc: OpenApiDocument) => Hit;

const OPERATION_CHECKS: Readonly<Record<string, OperationCheck>> = {
  'OAS-API1-001': (op) => {
    const ids = op.parameters.filter(
      (p) => (p.in === 'path' || p.in === 'query') && PATTERNS.objectId.test(p.name),
    );
    const first = ids[0];
    if (!first) return null;
    return {
      location: first.pointer,
      evidence: `Object identifier parameter${ids.length > 1 ? 's' : ''} ${list(ids.map((p) => `${p.name} (${p.in})`))}: the name looks like an object id.`,
    };
  },
  'OAS-API2-001': (op) => {
    const s = op.security;
    if (s.source === 'none')
      return {
        location: op.pointer,
        evidence: 'No security requirement is declared, neither on the operation nor at the root.',
      };
    if (s.requirements.length === 0)
      return {
        location: s.pointer ?? op.pointer,
        evidence: `An explicit empty security requirement (security: []) ${s.source === 'global' ? 'at the root' : 'on the operation'} turns authentication off.`,
      };
    if (s.requirements.some((r) => Object.keys(r).length === 0))
      return {
        location: s.pointer ?? op.pointer,
        evidence: 'A security requirement {} makes authentication optional.',
      };
    return null;
  },
  'OAS-API2-005': (op) => {
    const hits = op.parameters.filter(
      (p) => (p.in === 'path' || p.in === 'query') && PATTERNS.sensitiveParam.test(p.name),
    );
    const first = hits[0];
    return first
      ? {
          location: first.pointer,
          evidence: `Sensitive value in the URL: ${list(hits.map((p) => `${p.name} (${p.in})`))}.`,
        }
      : null;
  },
  'OAS-API3-001': (op, doc) => {
    const hits = inputs(doc, op).privileged;
    const first = hits[0];
    return first
      ? {
          location: first.pointer,
          evidence: `The request body accepts privileged propert${hits.length > 1 ? 'ies' : 'y'} ${list(hits.map((n) => n.name ?? ''))} (not readOnly).`,
        }
      : null;
  },
  'OAS-API3-002': (op, doc) => {
    const hits = sensitiveResponseNodes(doc, op);
    const first = hits[0];
    return first
      ? {
          location: first.pointer,
          evidence: `The response carries sensitive propert${hits.length > 1 ? 'ies' : 'y'} ${list(hits.map((n) => n.name ?? ''))}.`,
        }
      : null;
  },
  'OAS-API4-001': (op, doc) => {
    if (op.method !== 'get') return null;
    const ok = op.responses.find(
      (r) => STATUS.ok.test(r.status) && r.content.some((m) => returnsList(doc.root, m.schema)),
    );
    if (!ok) return null;
    const size = op.parameters.filter((p) => p.in === 'query' && PATTERNS.pageSize.test(p.name));
    if (size.length === 0)
      return {
        location: ok.pointer,
        evidence:
          'The response is a list and no page-size parameter (limit, per_page, pageSize...) is described.',
      };
    const unbounded = size.filter((p) => typeof paramSchema(doc, p).maximum !== 'number');
    const first = unbounded[0];
    if (unbounded.length < size.length || !first) return null;
    return {
      location: first.pointer,
      evidence: `Page-size parameter ${list(size.map((p) => p.name))} has no maximum.`,
    };
  },
  'OAS-API4-002': (op, doc) => {
    const nodes = inputs(doc, op).arrays;
    const first = nodes[0];
    return first
      ? {
          location: first.pointer,
          evidence: `Array input${nodes.length > 1 ? 's' : ''} without maxItems: ${list(nodes.map((n) => n.name ?? '(body)'))}.`,
        }
      : null;
  },
  'OAS-API4-003': (op, doc) => {
    const body = op.requestBody;
    if (!body) return null;
    const raw = body.content.find((m) => SIGNALS.rawBody.test(m.contentType));
    if (raw) {
      const top = raw.schema && deref(doc.root, raw.schema.schema, raw.schema.pointer).value;
      if (!isObject(top) || typeof top.maxLength !== 'number')
        return {
          location: body.pointer,
          evidence: `A raw ${raw.contentType} body is accepted without maxLength.`,
        };
    }
    const files = bodyNodes(doc, op).filter(isUpload);
    const unbounded = files.filter(
      (n) => typeof n.schema.maxLength !== 'number' && n.schema['x-max-size'] === undefined,
    );
    const first = unbounded[0];
    return first
      ? {
          location: first.pointer,
          evidence: `File upload${unbounded.length > 1 ? 's' : ''} ${list(unbounded.map((n) => n.name ?? '(body)'))} without a size limit (maxLength or x-max-size).`,
        }
      : null;
  },
  'OAS-API4-004': (op) =>
    throttled(op)
      ? null
      : {
          location: `${op.pointer}/responses`,
          evidence: 'No 429 response, rate-limit header or rate-limit extension is described.',
        },
  'OAS-API4-005': (op, doc) => {
    const hits = inputs(doc, op).unbounded;
    const first = hits[0];
    return first
      ? {
          location: first.pointer,
          evidence: `String input${hits.length > 1 ? 's' : ''} without maxLength: ${list(hits.map((n) => n.name ?? '(body)'))}.`,
        }
      : null;
  },
  'OAS-API4-006': (op) =>
    isGraphql(op)
      ? {
          location: op.pointer,
          evidence: `GraphQL endpoint (${op.path}): query depth, complexity and batching limits are not described.`,
        }
      : null,
  'OAS-API5-001': (op) =>
    PATTERNS.adminPath.test(op.path)
      ? {
          location: op.pointer,
          evidence: `The path ${op.path} looks administrative, internal or debug.`,
        }
      : null,
  'OAS-API5-002': (op) => {
    if (op.method === 'delete')
      return {
        location: op.pointer,
        evidence: 'DELETE is destructive: it needs function-level authorization.',
      };
    if (
      (op.method === 'put' || op.method === 'patch') &&
      (PATTERNS.privilegedPath.test(op.path) || PATTERNS.adminPath.test(op.path))
    )
      return {
        location: op.pointer,
        evidence: `${op.method.toUpperCase()} on ${op.path}, a privileged resource.`,
      };
    return null;
  },
  'OAS-API6-001': (op) => {
    if (op.method === 'get' || op.method === 'head' || op.method === 'options') return null;
    const word = wordsOf(`${op.path.replace(/\{[^}]*\}/g, '')} ${op.operationId ?? ''}`).find((w) =>
      PATTERNS.businessFlow.test(w),
    );
    if (word === undefined || throttled(op)) return null;
    return {
      location: op.pointer,
      evidence: `"${word}" in the path or operationId suggests a sensitive business flow, and no 429 or anti-automation signal is described.`,
    };
  },
  'OAS-API7-001': (op, doc) => {
    const nodes = inputs(doc, op).urls;
    const first = nodes[0];
    return first
      ? {
          location: first.pointer,
          evidence: `Input${nodes.length > 1 ? 's' : ''} that take a URL: ${list(nodes.map((n) => n.name ?? '(body)'))} (by name or format uri).`,
        }
      : null;
  },
  'OAS-API8-003': (op) =>
    secured(op) && !hasStatus(op, STATUS.denied)
      ? {
          location: `${op.pointer}/responses`,
          evidence:
            'The operation requires authentication but describes neither a 401 nor a 403 response.',
        }
      : null,
  'OAS-API8-004': (op) =>
    isGraphql(op)
      ? {
          location: op.pointer,
          evidence: `GraphQL endpoint (${op.path}): introspection may expose the whole schema.`,
        }
      : null,
  'OAS-API9-002': (op) =>
    op.deprecated
      ? {
          location: op.pointer,
          evidence: 'The operation is marked deprecated: true but is still listed.',
        }
      : null,
  'OAS-API10-001': (op) => {
    if (op.webhook)
      return {
        location: op.pointer,
        evidence: `Webhook "${op.path}": the API calls out to subscribers.`,
      };
    const first = op.callbacks[0];
    return first
      ? {
          location: first.pointer,
          evidence: `Callback${op.callbacks.length > 1 ? 's' : ''} ${list(op.callbacks.map((c) => c.name))}: the API calls a URL the client supplies.`,
        }
      : null;
  },
  'OAS-VAL-001': (op, doc) => {
    const hits = inputs(doc, op).unconstrained;
    const first = hits[0];
    return first
      ? {
          location: first.pointer,
          evidence: `String input${hits.length > 1 ? 's' : ''} without maxLength, pattern, enum or format: ${list(hits.map((n) => n.name ?? '(body)'))}.`,
        }
      : null;
  },
};

/** Rules that apply to webhooks (outbound deliveries): not authentication or throttling. */
const WEBHOOK_RULES = new Set(['OAS-API10-001', 'OAS-API3-002']);

// The operation rules with their checks, in catalogue order, and which apply to webhooks.
const OPERATION_RULES = OPENAPI_RULES.flatMap((rule) => {
  const check = rule.scope === 'operation' ? OPERATION_CHECKS[rule.id] : undefined;
  return check ? [{ id: rule.id, check, webhook: WEBHOOK_RULES.has(rule.id) }] : [];
});

const WEBHOOK_OPERATION_RULES = OPERATION_RULES.filter((rule) => rule.webhook);

/** Runs every OpenAPI rule over a description: document findings first, then by operation. */
export function checkDescription(doc: OpenApiDocument): Finding[] {
  const out: Finding[] = [];
  for (const rule of OPENAPI_RULES) {
    if (rule.scope !== 'document') continue;
    const hit = DOCUMENT_CHECKS[rule.id]?.(doc) ?? null;
    if (hit) out.push({ ruleId: rule.id, operation: null, ...hit });
  }
  const check = (op: Operation) => {
    for (const rule of op.webhook ? WEBHOOK_OPERATION_RULES : OPERATION_RULES) {
      const hit = rule.check(op, doc);
      if (hit)
        out.push({
          ruleId: rule.id,
          operation: op.key,
          location: hit.location,
          evidence: hit.evidence,
        });
    }
  };
  for (const op of doc.operations) check(op);
  for (const op of doc.webhooks) check(op);
  return out;
}

/** Whether every catalogue row has a check (a test holds the catalogue to this). */
export function uncheckedRules(): string[] {
  return OPENAPI_RULES.filter(
    (r) => !(r.scope === 'document' ? DOCUMENT_CHECKS : OPERATION_CHECKS)[r.id],
  ).map((r) => r.id);
}
