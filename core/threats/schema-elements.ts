import { z } from 'zod';
import { groupDigits } from '../shared/digits';
import { DATA_CLASSES } from '../inventory/types';
import {
  ACTORS,
  CORS_POLICIES,
  ENVIRONMENTS,
  FLOW_AUTH,
  SENSITIVITIES,
  STORE_TYPES,
  TLS_MODES,
  TOKEN_TYPES,
} from './model';

// Element and asset schemas. Every boolean defaults to false: a control nobody has
// recorded is treated as absent, so a terse hand-written model errs on the side of more
// threats rather than silently fewer. The rule engine reads its stored facts from these
// shapes (facts.ts), so a property added here is immediately usable in rules.

export const MAX_NAME = 200;
export const MAX_TEXT = 10_000;
export const MAX_ITEMS = 10_000;

// A control character other than tab or a line break: it corrupts exports and terminals.
export const CONTROL = /[^\P{Cc}\t\n\r]/u;

/** A free-text field of at most `max` characters, without control characters. */
export const text = (max: number, label: string) =>
  z
    .string(`${label} must be text.`)
    .max(max, `${label} is too long (at most ${groupDigits(max)} characters).`)
    .refine((v) => !CONTROL.test(v), `${label} contains control characters.`);

/** Ids are short and plain so that `threat@element#operation` stays unambiguous. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
/** Rule and catalogue ids additionally exclude `:` (they prefix instance ids). */
export const RULE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/;

// The schemas are built on first use, not when the module loads: building them is a few
// milliseconds of start-up that `bulwark analyze` of an OpenAPI description, which makes
// its elements without them (factory.ts), does not otherwise spend.
function buildSchemas() {
  const idSchema = z
    .string('An id must be text.')
    .regex(ID_PATTERN, 'An id uses letters, digits and . _ : - only (at most 100 characters).');

  const flag = z.boolean('Use true or false.').default(false);
  const oneOf = <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
    z.enum(values, `Use one of: ${values.join(', ')}.`).default(fallback);

  const layoutSchema = z.strictObject({
    x: z.number(),
    y: z.number(),
    width: z.number().nonnegative(),
    height: z.number().nonnegative(),
  });

  const base = {
    id: idSchema,
    name: text(MAX_NAME, 'The name').trim().min(1, 'Give the element a name.'),
    description: text(MAX_TEXT, 'The description').default(''),
    outOfScope: flag,
    outOfScopeReason: text(MAX_TEXT, 'The out-of-scope reason').default(''),
    tags: z.array(text(60, 'A tag')).max(50, 'At most 50 tags.').default([]),
    layout: layoutSchema.optional(),
  };

  const idList = z.array(idSchema).max(MAX_ITEMS).default([]);

  const externalEntitySchema = z.strictObject({
    kind: z.literal('external-entity'),
    ...base,
    actor: oneOf(ACTORS, 'user'),
    authenticated: flag,
    usesMfa: flag,
  });

  const processSchema = z.strictObject({
    kind: z.literal('process'),
    ...base,
    assets: idList,
    handlesSensitiveData: flag,
    isGateway: flag,
    authenticatesCallers: flag,
    issuesTokens: flag,
    requiresStepUpAuth: flag,
    authorizesObjectAccess: flag,
    exposesObjectIds: flag,
    multiTenant: flag,
    enforcesTenantIsolation: flag,
    authorizesFunctions: flag,
    hasAdminFunctions: flag,
    filtersResponseProperties: flag,
    restrictsWritableProperties: flag,
    validatesInput: flag,
    parameterizesQueries: flag,
    rateLimited: flag,
    limitsResourceUsage: flag,
    sensitiveBusinessFlows: flag,
    antiAutomation: flag,
    fetchesUserSuppliedUrls: flag,
    restrictsOutboundRequests: flag,
    consumesThirdPartyApis: flag,
    validatesUpstreamData: flag,
    exposesGraphql: flag,
    graphqlDepthLimited: flag,
    graphqlIntrospectionDisabled: flag,
    logsSecurityEvents: flag,
    redactsSecretsInLogs: flag,
    leastPrivilege: flag,
    hardcodedSecrets: flag,
    environment: oneOf(ENVIRONMENTS, 'production'),
    debugEnabled: flag,
    corsPolicy: oneOf(CORS_POLICIES, 'none'),
    genericErrors: flag,
    servesMultipleVersions: flag,
    deprecated: flag,
    documented: flag,
  });

  const dataStoreSchema = z.strictObject({
    kind: z.literal('data-store'),
    ...base,
    storeType: oneOf(STORE_TYPES, 'database'),
    assets: idList,
    holdsSensitiveData: flag,
    holdsCredentials: flag,
    hashesCredentials: flag,
    isLog: flag,
    tamperEvident: flag,
    encryptedAtRest: flag,
    accessRestricted: flag,
    publiclyAccessible: flag,
    backedUp: flag,
  });

  const dataFlowSchema = z.strictObject({
    kind: z.literal('data-flow'),
    ...base,
    source: idSchema,
    target: idSchema,
    bidirectional: flag,
    protocol: text(60, 'The protocol').default(''),
    tls: oneOf(TLS_MODES, 'none'),
    authentication: oneOf(FLOW_AUTH, 'none'),
    tokenType: oneOf(TOKEN_TYPES, 'none'),
    credentialsInUrl: flag,
    dataCarried: idList,
    crossesBoundaries: idList,
    isWebhook: flag,
    signed: flag,
    replayProtected: flag,
  });

  const trustBoundarySchema = z.strictObject({
    kind: z.literal('trust-boundary'),
    ...base,
    contains: idList,
  });

  const elementSchema = z.discriminatedUnion(
    'kind',
    [externalEntitySchema, processSchema, dataStoreSchema, dataFlowSchema, trustBoundarySchema],
    {
      error: 'kind must be one of external-entity, process, data-store, data-flow, trust-boundary.',
    },
  );

  const assetSchema = z.strictObject({
    id: idSchema,
    name: text(MAX_NAME, 'The name').trim().min(1, 'Give the asset a name.'),
    description: text(MAX_TEXT, 'The description').default(''),
    sensitivity: oneOf(SENSITIVITIES, 'internal'),
    dataClasses: z.array(z.enum(DATA_CLASSES)).max(DATA_CLASSES.length).default([]),
  });
  return {
    idSchema,
    externalEntitySchema,
    processSchema,
    dataStoreSchema,
    dataFlowSchema,
    trustBoundarySchema,
    elementSchema,
    assetSchema,
  };
}

type ElementSchemas = ReturnType<typeof buildSchemas>;
let built: ElementSchemas | undefined;

/** The element and asset schemas, built once, on first use. */
export const elementSchemas = (): ElementSchemas => (built ??= buildSchemas());

/** An identifier: letters, digits and `._:-`, starting with a letter or digit. */
export const idSchema = z.lazy(() => elementSchemas().idSchema);

/** Any element, chosen by its `kind`. */
export const elementSchema = z.lazy(() => elementSchemas().elementSchema);

/** An asset of a model. */
export const assetSchema = z.lazy(() => elementSchemas().assetSchema);

/** The schema of each element kind, for reading which properties rules may use. */
export const ELEMENT_SCHEMAS: {
  readonly 'external-entity': ElementSchemas['externalEntitySchema'];
  readonly process: ElementSchemas['processSchema'];
  readonly 'data-store': ElementSchemas['dataStoreSchema'];
  readonly 'data-flow': ElementSchemas['dataFlowSchema'];
  readonly 'trust-boundary': ElementSchemas['trustBoundarySchema'];
} = {
  get 'external-entity'() {
    return elementSchemas().externalEntitySchema;
  },
  get process() {
    return elementSchemas().processSchema;
  },
  get 'data-store'() {
    return elementSchemas().dataStoreSchema;
  },
  get 'data-flow'() {
    return elementSchemas().dataFlowSchema;
  },
  get 'trust-boundary'() {
    return elementSchemas().trustBoundarySchema;
  },
};
