import { PATTERNS } from './patterns';
import { isObject, valueAt } from './pointer';
import { deref } from './refs';
import type { OpenApiDocument } from './types';

// The description-wide checks: security schemes, servers, versions, ownership.

/** Where a check fired and why; null when it did not. */
export type Hit = { readonly location: string; readonly evidence: string } | null;

/** Names as a short quoted list: `"a", "b" and 3 more`. */
export function list(names: readonly string[], max = 5): string {
  // One pass, each name once (most lists have one or two names).
  const seen = names.length > 1 ? new Set<string>() : null;
  let shown = '';
  let count = 0;
  for (const n of names) {
    if (seen) {
      if (seen.has(n)) continue;
      seen.add(n);
    }
    if (count < max) shown = count === 0 ? `"${n}"` : `${shown}, "${n}"`;
    count++;
  }
  return count > max ? `${shown} and ${String(count - max)} more` : shown;
}

type DocumentCheck = (doc: OpenApiDocument) => Hit;

export const DOCUMENT_CHECKS: Readonly<Record<string, DocumentCheck>> = {
  'OAS-API2-002': (doc) => {
    const s = doc.securitySchemes.filter((x) => x.type === 'apiKey' && x.in === 'query');
    const first = s[0];
    return first
      ? {
          location: first.pointer,
          evidence: `API key scheme${s.length > 1 ? 's' : ''} ${list(s.map((x) => x.name))} with in: query.`,
        }
      : null;
  },
  'OAS-API2-003': (doc) => {
    const s = doc.securitySchemes.filter((x) => x.type === 'http' && x.scheme === 'basic');
    const first = s[0];
    return first
      ? {
          location: first.pointer,
          evidence: `HTTP basic scheme${s.length > 1 ? 's' : ''} ${list(s.map((x) => x.name))}.`,
        }
      : null;
  },
  'OAS-API2-004': (doc) => {
    const s = doc.securitySchemes.filter(
      (x) => x.type === 'oauth2' && x.flows.some((f) => f === 'implicit' || f === 'password'),
    );
    const first = s[0];
    return first
      ? {
          location: first.pointer,
          evidence: `OAuth scheme${s.length > 1 ? 's' : ''} ${list(s.map((x) => `${x.name} (${x.flows.join(', ')})`))} offer the implicit or password flow.`,
        }
      : null;
  },
  'OAS-API2-006': (doc) => {
    // Only these flows issue refresh tokens (client credentials and implicit never do).
    // Swagger 2.0 has no refreshUrl, so it is not asked of 2.0 descriptions.
    if (doc.version === '2.0') return null;
    const hits = doc.securitySchemes.flatMap((x) => {
      if (x.type !== 'oauth2') return [];
      const raw = deref(doc.root, valueAt(doc.root, x.pointer), x.pointer).value;
      const flows = isObject(raw) && isObject(raw.flows) ? raw.flows : {};
      return ['authorizationCode', 'password']
        .filter((f) => {
          const flow = flows[f];
          return isObject(flow) && !flow.refreshUrl;
        })
        .map((f) => ({ scheme: x.name, flow: f, pointer: `${x.pointer}/flows/${f}` }));
    });
    const first = hits[0];
    return first
      ? {
          location: first.pointer,
          evidence: `No refreshUrl on OAuth flow${hits.length > 1 ? 's' : ''} ${list(hits.map((h) => `${h.scheme} ${h.flow}`))}.`,
        }
      : null;
  },
  'OAS-API8-001': (doc) => {
    const s = doc.servers.filter((x) => /^http:\/\//i.test(x.url));
    const first = s[0];
    return first
      ? {
          location: first.pointer,
          evidence: `Plain HTTP server${s.length > 1 ? 's' : ''}: ${list(s.map((x) => x.url))}.`,
        }
      : null;
  },
  'OAS-API8-002': (doc) => {
    const s = doc.servers.filter(
      (x) => PATTERNS.nonProduction.test(x.url) || PATTERNS.nonProduction.test(x.description),
    );
    const first = s[0];
    return first
      ? {
          location: first.pointer,
          evidence: `Non-production server${s.length > 1 ? 's' : ''} listed: ${list(s.map((x) => x.url))}.`,
        }
      : null;
  },
  'OAS-API9-001': (doc) => {
    const versions = new Map<string, string>();
    for (const s of doc.servers) {
      const m = PATTERNS.version.exec(s.url.replace(/^\w+:\/\/[^/]*/, ''));
      if (m?.[2] !== undefined && !versions.has(m[2])) versions.set(m[2], s.pointer);
    }
    for (const op of doc.operations) {
      const m = PATTERNS.version.exec(op.path);
      if (m?.[2] !== undefined && !versions.has(m[2])) versions.set(m[2], op.pointer);
    }
    if (versions.size < 2) return null;
    const [, second] = [...versions.values()];
    return {
      location: second ?? '',
      evidence: `Versions served: ${list([...versions.keys()].map((v) => `v${v}`))}.`,
    };
  },
  'OAS-API9-004': (doc) => {
    // 3.x servers carry a description and extensions; 2.0 hosts have neither.
    if (doc.version === '2.0') return null;
    const hits = doc.servers.filter((x) => {
      const raw = valueAt(doc.root, x.pointer);
      const audience = isObject(raw) && typeof raw['x-internal'] === 'boolean';
      return !audience || !PATTERNS.environment.test(x.description);
    });
    const first = hits[0];
    return first
      ? {
          location: first.pointer,
          evidence: `Server${hits.length > 1 ? 's' : ''} ${list(hits.map((x) => x.url))} without x-internal: true/false or an environment (production, staging, sandbox...) in the description.`,
        }
      : null;
  },
  'OAS-API9-003': (doc) => {
    const c = doc.contact;
    return c && (c.name || c.email || c.url)
      ? null
      : { location: '/info', evidence: 'info.contact is missing or empty.' };
  },
};
