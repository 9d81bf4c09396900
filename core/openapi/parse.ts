import type { EscapedOrigin } from '../shared/escaped-json';
import { appendPointer, isObject } from './pointer';
import { deref, derefValue, scanRefs } from './refs';
import type { OpenApiError, Place, SourceResult } from './source';
import { readSource } from './source';
import type {
  EffectiveSecurity,
  HttpMethod,
  MediaSchema,
  OpenApiDocument,
  OpenApiVersion,
  Operation,
  Parameter,
  RequestBody,
  Response,
  SecurityRequirement,
  SecurityScheme,
  Server,
} from './types';
import { HTTP_METHODS } from './types';

// OpenAPI 2.0 / 3.0 / 3.1 text → the normalized description (types.ts). Swagger 2.0 is
// mapped onto the 3.x shape: body and formData parameters become a request body,
// securityDefinitions become security schemes, schemes + host + basePath become servers.

export type ParseResult =
  | {
      readonly ok: true;
      readonly doc: OpenApiDocument;
      readonly locate: (pointer: string) => Place | null;
    }
  | { readonly ok: false; readonly error: OpenApiError };

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);
const obj = (v: unknown): Record<string, unknown> => (isObject(v) ? v : {});

/** The supported version, or the unsupported one in words (`openapi 4.0.0`), or null. */
function versionOf(root: Record<string, unknown>): string | null {
  if (typeof root.swagger === 'string' || typeof root.swagger === 'number')
    return String(root.swagger) === '2.0' ? '2.0' : `swagger ${String(root.swagger)}`;
  if (typeof root.openapi === 'string' || typeof root.openapi === 'number') {
    const v = String(root.openapi);
    if (/^3\.0(\.\d+)?(-.*)?$/.test(v)) return '3.0';
    if (/^3\.1(\.\d+)?(-.*)?$/.test(v)) return '3.1';
    return `openapi ${v}`;
  }
  return null;
}

function requirements(v: unknown): SecurityRequirement[] {
  // fromEntries defines own properties, so a scheme named __proto__ stays data.
  return arr(v).map((r) =>
    Object.fromEntries(Object.entries(obj(r)).map(([k, scopes]) => [k, arr(scopes).map(String)])),
  );
}

function schemes(root: Record<string, unknown>, version: OpenApiVersion): SecurityScheme[] {
  const base = version === '2.0' ? '/securityDefinitions' : '/components/securitySchemes';
  const defs =
    version === '2.0' ? obj(root.securityDefinitions) : obj(obj(root.components).securitySchemes);
  return Object.entries(defs).map(([name, raw]) => {
    const pointer = appendPointer(base, name);
    const s = obj(derefValue(root, raw));
    const type = str(s.type);
    const where = str(s.in);
    const inValue = where === 'query' || where === 'header' || where === 'cookie' ? where : null;
    if (version === '2.0') {
      if (type === 'basic')
        return { name, pointer, type: 'http', in: null, scheme: 'basic', flows: [] };
      if (type === 'oauth2') {
        const flow = str(s.flow);
        const mapped =
          flow === 'application'
            ? 'clientCredentials'
            : flow === 'accessCode'
              ? 'authorizationCode'
              : flow;
        return { name, pointer, type: 'oauth2', in: null, scheme: null, flows: [mapped] };
      }
    }
    const known =
      type === 'apiKey' ||
      type === 'http' ||
      type === 'oauth2' ||
      type === 'openIdConnect' ||
      type === 'mutualTLS'
        ? type
        : 'unknown';
    return {
      name,
      pointer,
      type: known,
      in: inValue,
      scheme: typeof s.scheme === 'string' ? s.scheme.toLowerCase() : null,
      flows: Object.keys(obj(s.flows)),
    };
  });
}

function servers(root: Record<string, unknown>, version: OpenApiVersion): Server[] {
  if (version !== '2.0')
    return arr(root.servers).map((s, i) => ({
      url: str(obj(s).url),
      description: str(obj(s).description),
      pointer: `/servers/${String(i)}`,
    }));
  const host = str(root.host);
  const basePath = str(root.basePath);
  const list = arr(root.schemes).map(String);
  if (host === '')
    return basePath ? [{ url: basePath, description: '', pointer: '/basePath' }] : [];
  return (list.length > 0 ? list : ['https']).map((scheme, i) => ({
    url: `${scheme}://${host}${basePath}`,
    description: '',
    pointer: list.length > 0 ? `/schemes/${String(i)}` : '/host',
  }));
}

type Context = {
  readonly root: Record<string, unknown>;
  readonly version: OpenApiVersion;
  readonly globalSecurity: SecurityRequirement[] | null;
  readonly consumes: string[];
  readonly produces: string[];
};

function media(content: unknown, pointer: string): MediaSchema[] {
  const out: MediaSchema[] = [];
  if (!isObject(content)) return out;
  for (const contentType in content) {
    const m = content[contentType];
    const schema = isObject(m) ? m.schema : undefined;
    out.push({
      contentType,
      schema:
        schema === undefined
          ? null
          : { schema, pointer: `${appendPointer(pointer, contentType)}/schema` },
    });
  }
  return out;
}

/** A 2.0 body's content: one entry per media type the operation consumes or produces. */
function typedContent(types: readonly string[], schema: unknown, pointer: string): MediaSchema[] {
  const out: MediaSchema[] = [];
  for (const contentType of types)
    out.push({
      contentType,
      schema: schema === undefined ? null : { schema, pointer: `${pointer}/schema` },
    });
  return out;
}

/** 2.0 media types: the operation's own, else the document's, else JSON. */
const mediaTypes = (own: unknown, global: readonly string[]): readonly string[] => {
  const types = arr(own).map(String);
  return types.length > 0 ? types : global.length > 0 ? global : ['application/json'];
};

/** Whether two parameters have the same `in:name` (the key that merges them). */
function sameParameter(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const inA = str(a.in);
  const inB = str(b.in);
  // Without a colon in either location, the key splits at the first colon.
  if (!inA.includes(':') && !inB.includes(':')) return inA === inB && str(a.name) === str(b.name);
  return `${inA}:${str(a.name)}` === `${inB}:${str(b.name)}`;
}

/** Operation parameters override path-level ones with the same name and location. */
function parameters(
  ctx: Context,
  pathItem: Record<string, unknown>,
  op: Record<string, unknown>,
  pathPointer: string,
  opPointer: string,
) {
  // In order of first appearance, with the last value for each `in:name` (a handful per
  // operation: compared in place, without a key string or a map per operation).
  const raws: Record<string, unknown>[] = [];
  const pointers: string[] = [];
  for (let round = 0; round < 2; round++) {
    const list = round === 0 ? pathItem.parameters : op.parameters;
    if (!Array.isArray(list)) continue;
    const base = `${round === 0 ? pathPointer : opPointer}/parameters/`;
    for (let i = 0; i < list.length; i++) {
      const raw = obj(derefValue(ctx.root, list[i]));
      let slot = 0;
      while (slot < raws.length && !sameParameter(raws[slot] ?? {}, raw)) slot++;
      raws[slot] = raw;
      pointers[slot] = base + String(i);
    }
  }
  const params: Parameter[] = [];
  let body: RequestBody | null = null;
  const form: [string, unknown][] = [];
  let formPointer = '';
  for (let n = 0; n < raws.length; n++) {
    const raw = raws[n] ?? {};
    const pointer = pointers[n] ?? '';
    const where = str(raw.in);
    if (where === 'body') {
      body = {
        pointer,
        required: raw.required === true,
        content: typedContent(mediaTypes(op.consumes, ctx.consumes), raw.schema, pointer),
      };
    } else if (where === 'formData') {
      form.push([str(raw.name), raw]);
      formPointer ||= pointer;
    } else if (where === 'path' || where === 'query' || where === 'header' || where === 'cookie') {
      // 2.0 puts type/format/maxLength on the parameter itself; 3.x nests a schema.
      const schema = ctx.version === '2.0' ? raw : raw.schema;
      params.push({
        name: str(raw.name),
        in: where,
        required: raw.required === true,
        schema:
          schema === undefined
            ? null
            : { schema, pointer: ctx.version === '2.0' ? pointer : `${pointer}/schema` },
        pointer,
      });
    }
  }
  if (form.length > 0) {
    const upload = form.some(([, f]) => obj(f).type === 'file');
    body = {
      pointer: formPointer,
      required: true,
      content: [
        {
          contentType: upload ? 'multipart/form-data' : 'application/x-www-form-urlencoded',
          schema: {
            schema: { type: 'object', properties: Object.fromEntries(form) },
            pointer: formPointer,
          },
        },
      ],
    };
  }
  return { params, body };
}

function responsesOf(ctx: Context, op: Record<string, unknown>, pointer: string): Response[] {
  const out: Response[] = [];
  const all = op.responses;
  if (!isObject(all)) return out;
  const base = `${pointer}/responses`;
  for (const status in all) {
    const rp = appendPointer(base, status);
    const r = deref(ctx.root, all[status], rp);
    const res = obj(r.value);
    const content =
      ctx.version === '2.0'
        ? res.schema === undefined
          ? []
          : typedContent(mediaTypes(op.produces, ctx.produces), res.schema, r.pointer)
        : media(res.content, `${r.pointer}/content`);
    const headers = isObject(res.headers) ? Object.keys(res.headers) : [];
    out.push({ status, pointer: rp, content, headers });
  }
  return out;
}

function operation(
  ctx: Context,
  method: HttpMethod,
  path: string,
  pathItem: Record<string, unknown>,
  pathPointer: string,
  webhook: boolean,
): Operation {
  const pointer = appendPointer(pathPointer, method);
  const op = obj(pathItem[method]);
  const { params, body: formBody } = parameters(ctx, pathItem, op, pathPointer, pointer);
  let requestBody = formBody;
  if (ctx.version !== '2.0' && op.requestBody !== undefined) {
    const r = deref(ctx.root, op.requestBody, `${pointer}/requestBody`);
    const rb = obj(r.value);
    requestBody = {
      pointer: `${pointer}/requestBody`,
      required: rb.required === true,
      content: media(rb.content, `${r.pointer}/content`),
    };
  }
  let security: EffectiveSecurity;
  if (Array.isArray(op.security))
    security = {
      source: 'operation',
      requirements: requirements(op.security),
      pointer: `${pointer}/security`,
    };
  else if (ctx.globalSecurity !== null)
    security = { source: 'global', requirements: ctx.globalSecurity, pointer: '/security' };
  else security = { source: 'none', requirements: [], pointer: null };
  const callbacks: { name: string; pointer: string }[] = [];
  if (isObject(op.callbacks))
    for (const name in op.callbacks)
      callbacks.push({ name, pointer: appendPointer(`${pointer}/callbacks`, name) });
  const extensions: string[] = [];
  for (const k in op) if (k.startsWith('x-')) extensions.push(k);
  const upper = method.toUpperCase();
  return {
    key: webhook ? `${upper} webhook:${path}` : `${upper} ${path}`,
    method,
    path,
    pointer,
    operationId: typeof op.operationId === 'string' ? op.operationId : null,
    tags: Array.isArray(op.tags) ? op.tags.map(String) : [],
    summary: str(op.summary),
    description: str(op.description),
    deprecated: op.deprecated === true,
    parameters: params,
    requestBody,
    responses: responsesOf(ctx, op, pointer),
    security,
    callbacks,
    webhook,
    extensions,
  };
}

function operationsOf(ctx: Context, paths: unknown, base: string, webhook: boolean): Operation[] {
  const out: Operation[] = [];
  for (const [path, raw] of Object.entries(obj(paths))) {
    if (path.startsWith('x-')) continue;
    const pathPointer = appendPointer(base, path);
    const item = obj(derefValue(ctx.root, raw));
    for (const method of HTTP_METHODS)
      if (isObject(item[method]))
        out.push(operation(ctx, method, path, item, pathPointer, webhook));
  }
  return out;
}

/** Builds the normalized description from a parsed tree. */
export function normalize(source: Extract<SourceResult, { ok: true }>, file: string): ParseResult {
  const place = (pointer: string, message: string): OpenApiError => {
    const at = source.locate(pointer);
    return { file, line: at?.line ?? null, column: at?.column ?? null, pointer, message };
  };
  if (!isObject(source.root))
    return {
      ok: false,
      error: place('', 'not an OpenAPI description: the top level is not an object'),
    };
  const root = source.root;
  const version = versionOf(root);
  if (version === null)
    return {
      ok: false,
      error: place(
        '',
        'not an OpenAPI description: neither an `openapi` nor a `swagger` version field',
      ),
    };
  if (version !== '2.0' && version !== '3.0' && version !== '3.1')
    return {
      ok: false,
      error: place(
        version.startsWith('swagger') ? '/swagger' : '/openapi',
        `unsupported version ${version.replace(/^\w+ /, '')} (supported: Swagger 2.0, OpenAPI 3.0 and 3.1)`,
      ),
    };
  if (!isObject(root.info))
    return {
      ok: false,
      error: place(
        '',
        `incomplete OpenAPI description: the required \`info\` object (title and version) is missing`,
      ),
    };
  // 2.0 and 3.0 require paths; 3.1 requires paths, components or webhooks.
  const bodyKeys = version === '3.1' ? ['paths', 'components', 'webhooks'] : ['paths'];
  if (!bodyKeys.some((k) => isObject(root[k])))
    return {
      ok: false,
      error: place(
        '',
        `incomplete ${version === '2.0' ? 'Swagger 2.0' : `OpenAPI ${version}`} description: ${version === '3.1' ? 'none of `paths`, `components` or `webhooks` is' : 'the required `paths` object is not'} there`,
      ),
    };
  const warnings: OpenApiError[] = [];
  for (const issue of scanRefs(root, source.refs)) {
    if (issue.kind === 'cycle')
      return {
        ok: false,
        error: place(
          issue.pointer,
          `$ref "${issue.ref}" refers to itself through $refs only and never reaches a value`,
        ),
      };
    warnings.push(
      place(
        issue.pointer,
        issue.kind === 'external'
          ? `external $ref "${issue.ref}" not followed (external references are never fetched)`
          : `$ref "${issue.ref}" points at nothing in this description`,
      ),
    );
  }
  const info = obj(root.info);
  const contact = isObject(info.contact)
    ? { name: str(info.contact.name), email: str(info.contact.email), url: str(info.contact.url) }
    : null;
  const globalSecurity = Array.isArray(root.security) ? requirements(root.security) : null;
  const ctx: Context = {
    root,
    version,
    globalSecurity,
    consumes: arr(root.consumes).map(String),
    produces: arr(root.produces).map(String),
  };
  const doc: OpenApiDocument = {
    version,
    specVersion: String(root.openapi ?? root.swagger),
    title: str(info.title),
    apiVersion: typeof info.version === 'number' ? String(info.version) : str(info.version),
    description: str(info.description),
    contact,
    servers: servers(root, version),
    securitySchemes: schemes(root, version),
    globalSecurity,
    operations: operationsOf(ctx, root.paths, '/paths', false),
    webhooks: version === '3.1' ? operationsOf(ctx, root.webhooks, '/webhooks', true) : [],
    warnings,
    root,
  };
  return { ok: true, doc, locate: source.locate };
}

/**
 * Parses an OpenAPI 2.0, 3.0 or 3.1 description (JSON or YAML text). `parsedJson`: the
 * text already parsed with JSON.parse, when the caller has it. `origin`: the text as
 * decoded from the file when `text` is an ASCII-escaped copy of it (see readSource).
 */
export function parseOpenApi(
  text: string,
  file: string,
  parsedJson?: unknown,
  origin?: EscapedOrigin,
): ParseResult {
  const source = readSource(text, file, parsedJson, origin);
  if (!source.ok) return source;
  return normalize(source, file);
}

/** Pointers longer than this are shortened in messages (a hostile file can nest deeply). */
const POINTER_SHOWN = 160;

/** "file:line:column: message (at pointer)". */
export function formatError(e: OpenApiError): string {
  const where = e.line === null ? e.file : `${e.file}:${String(e.line)}:${String(e.column ?? 1)}`;
  const pointer =
    e.pointer.length > POINTER_SHOWN ? `${e.pointer.slice(0, POINTER_SHOWN)}…` : e.pointer;
  return `${where}: ${e.message}${pointer ? ` (at ${pointer})` : ''}`;
}
