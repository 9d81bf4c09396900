import type { ElementKind } from './model';

// What the element schemas (schema-elements.ts) make of an element given only its kind,
// id and name: every key in the schema's order, with the default the schema fills in.
// buildElement (factory.ts) copies these instead of parsing, so that a bulk builder (the
// OpenAPI import behind `bulwark analyze`) neither parses nor builds the schemas: together
// about 10 ms of a run. The schemas stay the authority; a unit test holds this table to
// them, key order included.

/** A key the schema requires and does not default: the builder must give it. */
export const REQUIRED = Symbol('required');

type Template = readonly (readonly [string, unknown])[];

// The `base` fields every element has, after kind, id and name (`layout` is optional and
// left out, so an element with a layout goes through the schema).
const BASE: Template = [
  ['kind', REQUIRED],
  ['id', REQUIRED],
  ['name', REQUIRED],
  ['description', ''],
  ['outOfScope', false],
  ['outOfScopeReason', ''],
  ['tags', []],
];

const flags = (...names: string[]): Template => names.map((n) => [n, false] as const);

/** Per kind, each key of a new element in order, with its default or REQUIRED. */
export const ELEMENT_TEMPLATES: Readonly<Record<ElementKind, Template>> = {
  'external-entity': [...BASE, ['actor', 'user'], ...flags('authenticated', 'usesMfa')],
  process: [
    ...BASE,
    ['assets', []],
    ...flags(
      'handlesSensitiveData',
      'isGateway',
      'authenticatesCallers',
      'issuesTokens',
      'requiresStepUpAuth',
      'authorizesObjectAccess',
      'exposesObjectIds',
      'multiTenant',
      'enforcesTenantIsolation',
      'authorizesFunctions',
      'hasAdminFunctions',
      'filtersResponseProperties',
      'restrictsWritableProperties',
      'validatesInput',
      'parameterizesQueries',
      'rateLimited',
      'limitsResourceUsage',
      'sensitiveBusinessFlows',
      'antiAutomation',
      'fetchesUserSuppliedUrls',
      'restrictsOutboundRequests',
      'consumesThirdPartyApis',
      'validatesUpstreamData',
      'exposesGraphql',
      'graphqlDepthLimited',
      'graphqlIntrospectionDisabled',
      'logsSecurityEvents',
      'redactsSecretsInLogs',
      'leastPrivilege',
      'hardcodedSecrets',
    ),
    ['environment', 'production'],
    ['debugEnabled', false],
    ['corsPolicy', 'none'],
    ...flags('genericErrors', 'servesMultipleVersions', 'deprecated', 'documented'),
  ],
  'data-store': [
    ...BASE,
    ['storeType', 'database'],
    ['assets', []],
    ...flags(
      'holdsSensitiveData',
      'holdsCredentials',
      'hashesCredentials',
      'isLog',
      'tamperEvident',
      'encryptedAtRest',
      'accessRestricted',
      'publiclyAccessible',
      'backedUp',
    ),
  ],
  'data-flow': [
    ...BASE,
    ['source', REQUIRED],
    ['target', REQUIRED],
    ['bidirectional', false],
    ['protocol', ''],
    ['tls', 'none'],
    ['authentication', 'none'],
    ['tokenType', 'none'],
    ['credentialsInUrl', false],
    ['dataCarried', []],
    ['crossesBoundaries', []],
    ...flags('isWebhook', 'signed', 'replayProtected'),
  ],
  'trust-boundary': [...BASE, ['contains', []]],
};
