import { PATTERNS } from './patterns';
import type { OpenApiDocument } from './types';

// The description-wide checks: security schemes, servers, versions, ownership.

/** Where a check fired and why; null when it did not. */
export type Hit = { readonly location: string; readonly evidence: string } | null;

/** Names as a short quoted list: `"a", "b" and 3 more`. */
export const list = (names: readonly string[], max = 5) => {
  const unique = [...new Set(names)];
  const shown = unique
    .slice(0, max)
    .map((n) => `"${n}"`)
    .join(', ');
  return unique.length > max ? `${shown} and ${String(unique.length - max)} more` : shown;
};

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
  'OAS-API9-003': (doc) => {
    const c = doc.contact;
    return c && (c.name || c.email || c.url)
      ? null
      : { location: '/info', evidence: 'info.contact is missing or empty.' };
  },
};
