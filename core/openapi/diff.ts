import { typesOf, walkSchema } from './schema-walk';
import type { MediaSchema, OpenApiDocument, Operation, SecurityRequirement } from './types';

// What changed between two versions of a description, as a re-import shows it: operations
// added, removed or changed (and how), and every change to security.

export type OperationChange = { readonly operation: string; readonly changes: readonly string[] };

export type DescriptionDiff = {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly OperationChange[];
  /** Security changes in words: schemes added/removed, global and per-operation changes. */
  readonly security: readonly string[];
};

/** Requirements in a canonical form: `none declared`, `[]`, `bearer | apiKey+oauth(read)`. */
export function describeSecurity(op: Pick<Operation, 'security'>): string {
  const s = op.security;
  if (s.source === 'none') return 'none declared';
  return requirementsText(s.requirements);
}

function requirementsText(list: readonly SecurityRequirement[]): string {
  if (list.length === 0) return '[] (explicitly none)';
  return list
    .map((r) => {
      const names = Object.keys(r).sort();
      if (names.length === 0) return '{} (anonymous)';
      return names
        .map((n) => {
          const scopes = [...(r[n] ?? [])].sort();
          return scopes.length > 0 ? `${n}(${scopes.join(',')})` : n;
        })
        .join('+');
    })
    .sort()
    .join(' | ');
}

const all = (doc: OpenApiDocument) => [...doc.operations, ...doc.webhooks];

/** The shape of some schemas: property names and types, in walk order. */
function shape(root: unknown, media: readonly MediaSchema[]): string {
  return media
    .flatMap((m) => walkSchema(root, m.schema))
    .map((n) => `${n.name ?? ''}:${typesOf(n.schema).join('|')}`)
    .join(',');
}

function facets(op: Operation, root: unknown): Record<string, string> {
  return {
    'request schema': shape(root, op.requestBody?.content ?? []),
    'response schema': shape(
      root,
      op.responses.filter((r) => r.status.startsWith('2')).flatMap((r) => r.content),
    ),
    parameters: op.parameters
      .map((p) => `${p.in}:${p.name}${p.required ? '!' : ''}`)
      .sort()
      .join(','),
    'request body': (op.requestBody?.content ?? [])
      .map((m) => m.contentType)
      .sort()
      .join(','),
    responses: op.responses
      .map((r) => r.status)
      .sort()
      .join(','),
    deprecated: String(op.deprecated),
    callbacks: op.callbacks
      .map((c) => c.name)
      .sort()
      .join(','),
  };
}

/** Compares two descriptions operation by operation. */
export function diffDescriptions(before: OpenApiDocument, after: OpenApiDocument): DescriptionDiff {
  const old = new Map(all(before).map((o) => [o.key, o]));
  const now = new Map(all(after).map((o) => [o.key, o]));
  const added = [...now.keys()].filter((k) => !old.has(k)).sort();
  const removed = [...old.keys()].filter((k) => !now.has(k)).sort();
  const changed: OperationChange[] = [];
  const security: string[] = [];
  const oldSchemes = new Map(before.securitySchemes.map((s) => [s.name, s]));
  const newSchemes = new Map(after.securitySchemes.map((s) => [s.name, s]));
  for (const [name, s] of newSchemes) {
    const was = oldSchemes.get(name);
    if (!was) security.push(`Security scheme "${name}" added (${s.type}).`);
    else if (JSON.stringify(was) !== JSON.stringify({ ...s, pointer: was.pointer }))
      security.push(`Security scheme "${name}" changed.`);
  }
  for (const name of oldSchemes.keys())
    if (!newSchemes.has(name)) security.push(`Security scheme "${name}" removed.`);
  const globalBefore =
    before.globalSecurity === null ? 'none declared' : requirementsText(before.globalSecurity);
  const globalAfter =
    after.globalSecurity === null ? 'none declared' : requirementsText(after.globalSecurity);
  if (globalBefore !== globalAfter)
    security.push(`Global security: ${globalBefore} → ${globalAfter}.`);
  for (const [key, op] of [...now].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const was = old.get(key);
    if (!was) continue;
    const a = facets(was, before.root);
    const b = facets(op, after.root);
    const changes = Object.keys(b).filter((f) => a[f] !== b[f]);
    const sa = describeSecurity(was);
    const sb = describeSecurity(op);
    if (sa !== sb) {
      changes.push('security');
      security.push(`${key}: ${sa} → ${sb}.`);
    }
    if (changes.length > 0) changed.push({ operation: key, changes });
  }
  return { added, removed, changed, security };
}
