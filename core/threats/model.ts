import type { ApiId } from '../inventory/types';
import type { DataClass } from '../inventory/types';
import type { Brand, IsoDate, IsoTimestamp } from '../shared/brand';
import type { Severity } from './risk';
import type {
  CORS_POLICIES,
  ENVIRONMENTS,
  FLOW_AUTH,
  STORE_TYPES,
  TLS_MODES,
  TOKEN_TYPES,
  Actor,
  AssetSensitivity,
  ElementKind,
  MitigationStatus,
  OwaspApiId,
  Stride,
  ThreatSource,
  ThreatStatus,
} from './vocabulary';

export * from './vocabulary';

// The threat model as the rest of the app sees it. The zod schemas in schema.ts validate
// the same shapes; these types are written out so a reader sees the model in one place.

export type ThreatModelId = Brand<string, 'ThreatModelId'>;
export type ElementId = Brand<string, 'ElementId'>;
export type AssetId = Brand<string, 'AssetId'>;
/** A catalogue threat: for rule threats the rule id, for manual or imported ones their own. */
export type CatalogueThreatId = Brand<string, 'CatalogueThreatId'>;
/** `${catalogueThreatId}@${elementId}` (plus `#${operation}` for per-operation threats). */
export type ThreatInstanceId = Brand<string, 'ThreatInstanceId'>;
export type RuleId = Brand<string, 'RuleId'>;
export type MitigationId = Brand<string, 'MitigationId'>;

/** Where an element sits on an exported diagram (Threat Dragon, OTM); optional. */
export type Layout = {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
};

type ElementBase = {
  readonly id: ElementId;
  readonly name: string;
  readonly description: string;
  /** Out-of-scope elements stay on the diagram but get no generated threats. */
  readonly outOfScope: boolean;
  readonly outOfScopeReason: string;
  readonly tags: readonly string[];
  readonly layout?: Layout | undefined;
};

/** Who or what outside the system talks to it. */
export type ExternalEntity = ElementBase & {
  readonly kind: 'external-entity';
  readonly actor: Actor;
  readonly authenticated: boolean;
  readonly usesMfa: boolean;
};

/** An API service, gateway or worker. Booleans say whether a control is in place. */
export type Process = ElementBase & {
  readonly kind: 'process';
  readonly assets: readonly AssetId[];
  readonly handlesSensitiveData: boolean;
  readonly isGateway: boolean;
  readonly authenticatesCallers: boolean;
  readonly issuesTokens: boolean;
  readonly requiresStepUpAuth: boolean;
  readonly authorizesObjectAccess: boolean;
  readonly exposesObjectIds: boolean;
  readonly multiTenant: boolean;
  readonly enforcesTenantIsolation: boolean;
  readonly authorizesFunctions: boolean;
  readonly hasAdminFunctions: boolean;
  readonly filtersResponseProperties: boolean;
  readonly restrictsWritableProperties: boolean;
  readonly validatesInput: boolean;
  readonly parameterizesQueries: boolean;
  readonly rateLimited: boolean;
  readonly limitsResourceUsage: boolean;
  readonly sensitiveBusinessFlows: boolean;
  readonly antiAutomation: boolean;
  readonly fetchesUserSuppliedUrls: boolean;
  readonly restrictsOutboundRequests: boolean;
  readonly consumesThirdPartyApis: boolean;
  readonly validatesUpstreamData: boolean;
  readonly exposesGraphql: boolean;
  readonly graphqlDepthLimited: boolean;
  readonly graphqlIntrospectionDisabled: boolean;
  readonly logsSecurityEvents: boolean;
  readonly redactsSecretsInLogs: boolean;
  readonly leastPrivilege: boolean;
  readonly hardcodedSecrets: boolean;
  readonly environment: (typeof ENVIRONMENTS)[number];
  readonly debugEnabled: boolean;
  readonly corsPolicy: (typeof CORS_POLICIES)[number];
  readonly genericErrors: boolean;
  readonly servesMultipleVersions: boolean;
  readonly deprecated: boolean;
  readonly documented: boolean;
};

/** A database, cache, queue, file or log. */
export type DataStore = ElementBase & {
  readonly kind: 'data-store';
  readonly storeType: (typeof STORE_TYPES)[number];
  readonly assets: readonly AssetId[];
  readonly holdsSensitiveData: boolean;
  readonly holdsCredentials: boolean;
  readonly hashesCredentials: boolean;
  readonly isLog: boolean;
  readonly tamperEvident: boolean;
  readonly encryptedAtRest: boolean;
  readonly accessRestricted: boolean;
  readonly publiclyAccessible: boolean;
  readonly backedUp: boolean;
};

/** A request/response, webhook or batch transfer between two elements. */
export type DataFlow = ElementBase & {
  readonly kind: 'data-flow';
  readonly source: ElementId;
  readonly target: ElementId;
  readonly bidirectional: boolean;
  readonly protocol: string;
  readonly tls: (typeof TLS_MODES)[number];
  readonly authentication: (typeof FLOW_AUTH)[number];
  readonly tokenType: (typeof TOKEN_TYPES)[number];
  readonly credentialsInUrl: boolean;
  readonly dataCarried: readonly AssetId[];
  /** Boundaries crossed that containment cannot show (curves drawn in Threat Dragon). */
  readonly crossesBoundaries: readonly ElementId[];
  /** A webhook or callback: the other side initiates delivery of events. */
  readonly isWebhook: boolean;
  readonly signed: boolean;
  readonly replayProtected: boolean;
};

/** A zone of trust; `contains` lists elements and nested boundaries. */
export type TrustBoundary = ElementBase & {
  readonly kind: 'trust-boundary';
  readonly contains: readonly ElementId[];
};

export type Element = ExternalEntity | Process | DataStore | DataFlow | TrustBoundary;
/** The element type of a given kind. */
export type ElementOf<K extends ElementKind> = Extract<Element, { kind: K }>;

/** Data worth protecting; sensitivity drives the derived `sensitive` facts. */
export type Asset = {
  readonly id: AssetId;
  readonly name: string;
  readonly description: string;
  readonly sensitivity: AssetSensitivity;
  readonly dataClasses: readonly DataClass[];
};

/** A recommended countermeasure as a catalogue carries it (no owner, no status). */
export type MitigationTemplate = {
  readonly id: MitigationId;
  readonly title: string;
  readonly description: string;
};

/** What a threat is, independent of where it applies (OTM's root `threats`). */
export type CatalogueThreat = {
  readonly id: CatalogueThreatId;
  /** The rule this entry mirrors; null for manual and imported threats. */
  readonly ruleId: RuleId | null;
  readonly title: string;
  readonly description: string;
  readonly stride: Stride;
  readonly owasp: OwaspApiId | null;
  readonly cwe: readonly string[];
  readonly capec: readonly string[];
  readonly likelihood: Level;
  readonly impact: Level;
  readonly mitigations: readonly MitigationTemplate[];
};

/** 1 to 4: likelihood (unlikely … frequent) or impact (low … very high). */
export type Level = 1 | 2 | 3 | 4;

export type Rating = {
  readonly likelihood: Level;
  readonly impact: Level;
  readonly override?: { readonly severity: Severity; readonly rationale: string } | undefined;
};

/** A countermeasure decided for one threat instance. */
export type Mitigation = MitigationTemplate & {
  readonly status: MitigationStatus;
  readonly owner: string;
  readonly due: IsoDate | null;
};

export type Acceptance = {
  readonly owner: string;
  readonly rationale: string;
  readonly expires: IsoDate;
};

/** A reviewer's one-action dismissal of a heuristic that misfired; survives regeneration. */
export type Dismissal = {
  readonly by: string;
  readonly reason: string;
  readonly at: IsoTimestamp;
};

/** A catalogue threat applied to one element (and, for OpenAPI analysis, one operation). */
export type ThreatInstance = {
  readonly id: ThreatInstanceId;
  readonly threatId: CatalogueThreatId;
  readonly elementId: ElementId;
  readonly source: ThreatSource;
  readonly status: ThreatStatus;
  readonly rating: Rating;
  readonly mitigations: readonly Mitigation[];
  readonly notes: string;
  readonly acceptance?: Acceptance | undefined;
  readonly dismissal?: Dismissal | undefined;
  /** Why it fired, in words (the rule's condition, or a heuristic's reason). */
  readonly evidence: string;
  readonly stale: boolean;
  readonly staleReason?: string | undefined;
  /** `GET /users/{id}` for per-operation threats from an OpenAPI description. */
  readonly operation?: string | undefined;
  /** A JSON pointer into the source description. */
  readonly location?: string | undefined;
  readonly copiedFrom?: ThreatInstanceId | undefined;
};

/** The model as it stood at a sign-off, without its own version history. */
export type ThreatModelSnapshot = Omit<ThreatModel, 'versions'>;

/** A signed-off version: reviews compare any two of these. */
export type SignedVersion = {
  readonly version: number;
  readonly signedBy: string;
  readonly signedAt: IsoTimestamp;
  readonly note: string;
  readonly snapshot: ThreatModelSnapshot;
};

/** One threat model: the architecture of one or more APIs, its threats and sign-offs. */
export type ThreatModel = {
  readonly id: ThreatModelId;
  readonly title: string;
  readonly apiIds: readonly ApiId[];
  readonly scope: string;
  readonly assumptions: readonly string[];
  readonly assets: readonly Asset[];
  readonly elements: readonly Element[];
  readonly threats: {
    readonly catalogue: readonly CatalogueThreat[];
    readonly instances: readonly ThreatInstance[];
  };
  readonly versions: readonly SignedVersion[];
};

/** The identity of a threat instance: stable across regeneration and re-import. */
export function threatInstanceId(
  threatId: string,
  elementId: string,
  operation?: string,
): ThreatInstanceId {
  return `${threatId}@${elementId}${operation === undefined ? '' : `#${operation}`}` as ThreatInstanceId;
}
