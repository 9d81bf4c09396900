import type { OpenApiError } from './source';

// The normalized description: one shape for OpenAPI 2.0, 3.0 and 3.1. Every piece keeps
// the JSON pointer of where it came from in the original, so findings can point there.

export type OpenApiVersion = '2.0' | '3.0' | '3.1';

export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A schema as written (not copied): walk it with walkSchema, which follows `$ref`s. */
export type SchemaRef = { readonly schema: unknown; readonly pointer: string };

export type Parameter = {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  readonly schema: SchemaRef | null;
  readonly pointer: string;
};

export type MediaSchema = {
  readonly contentType: string;
  readonly schema: SchemaRef | null;
};

export type RequestBody = {
  readonly pointer: string;
  readonly required: boolean;
  readonly content: readonly MediaSchema[];
};

export type Response = {
  readonly status: string;
  readonly pointer: string;
  readonly content: readonly MediaSchema[];
  readonly headers: readonly string[];
};

/** One requirement: scheme name → scopes. `{}` means "no authentication needed". */
export type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

/**
 * The security in force for an operation: declared on the operation, inherited from the
 * root, or declared nowhere. `requirements: []` (or a `{}` among them) is an explicit
 * opt-out, which is different from "none declared".
 */
export type EffectiveSecurity = {
  readonly source: 'operation' | 'global' | 'none';
  readonly requirements: readonly SecurityRequirement[];
  readonly pointer: string | null;
};

export type Operation = {
  /** `GET /users/{id}` (webhooks: `POST webhook:newPet`). */
  readonly key: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly pointer: string;
  readonly operationId: string | null;
  readonly tags: readonly string[];
  readonly summary: string;
  readonly description: string;
  readonly deprecated: boolean;
  readonly parameters: readonly Parameter[];
  readonly requestBody: RequestBody | null;
  readonly responses: readonly Response[];
  readonly security: EffectiveSecurity;
  readonly callbacks: readonly { readonly name: string; readonly pointer: string }[];
  readonly webhook: boolean;
  /** Extension keys on the operation (`x-rate-limit`...), as signals for rules. */
  readonly extensions: readonly string[];
};

export type SecurityScheme = {
  readonly name: string;
  readonly pointer: string;
  readonly type: 'apiKey' | 'http' | 'oauth2' | 'openIdConnect' | 'mutualTLS' | 'unknown';
  /** apiKey: where the key travels. */
  readonly in: 'query' | 'header' | 'cookie' | null;
  /** http: `basic`, `bearer`, ... (lower case). */
  readonly scheme: string | null;
  /** oauth2: `implicit`, `password`, `clientCredentials`, `authorizationCode`. */
  readonly flows: readonly string[];
};

export type Server = {
  readonly url: string;
  readonly description: string;
  readonly pointer: string;
};

export type OpenApiDocument = {
  readonly version: OpenApiVersion;
  readonly specVersion: string;
  readonly title: string;
  readonly apiVersion: string;
  readonly description: string;
  readonly contact: { readonly name: string; readonly email: string; readonly url: string } | null;
  readonly servers: readonly Server[];
  readonly securitySchemes: readonly SecurityScheme[];
  readonly globalSecurity: readonly SecurityRequirement[] | null;
  readonly operations: readonly Operation[];
  readonly webhooks: readonly Operation[];
  readonly warnings: readonly OpenApiError[];
  /** The parsed tree, for lazy `$ref` resolution. */
  readonly root: unknown;
};
