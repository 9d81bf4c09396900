// The words of the threat model: element kinds, STRIDE, OWASP API 2023, actors, statuses.
// Lists are `as const` so that types, zod enums and pickers come from one definition.

export const ELEMENT_KINDS = [
  'external-entity',
  'process',
  'data-store',
  'data-flow',
  'trust-boundary',
] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];
/** Kinds that rules can threaten: trust boundaries are not threatened themselves (domain §1). */
export const THREATENED_KINDS = ['external-entity', 'process', 'data-store', 'data-flow'] as const;
export type ThreatenedKind = (typeof THREATENED_KINDS)[number];

export const STRIDE = ['S', 'T', 'R', 'I', 'D', 'E'] as const;
export type Stride = (typeof STRIDE)[number];
export const STRIDE_NAMES: Readonly<Record<Stride, string>> = {
  S: 'Spoofing',
  T: 'Tampering',
  R: 'Repudiation',
  I: 'Information disclosure',
  D: 'Denial of service',
  E: 'Elevation of privilege',
};

export const OWASP_API_2023 = [
  'API1:2023',
  'API2:2023',
  'API3:2023',
  'API4:2023',
  'API5:2023',
  'API6:2023',
  'API7:2023',
  'API8:2023',
  'API9:2023',
  'API10:2023',
] as const;
export type OwaspApiId = (typeof OWASP_API_2023)[number];
export const OWASP_NAMES: Readonly<Record<OwaspApiId, string>> = {
  'API1:2023': 'Broken Object Level Authorization',
  'API2:2023': 'Broken Authentication',
  'API3:2023': 'Broken Object Property Level Authorization',
  'API4:2023': 'Unrestricted Resource Consumption',
  'API5:2023': 'Broken Function Level Authorization',
  'API6:2023': 'Unrestricted Access to Sensitive Business Flows',
  'API7:2023': 'Server Side Request Forgery',
  'API8:2023': 'Security Misconfiguration',
  'API9:2023': 'Improper Inventory Management',
  'API10:2023': 'Unsafe Consumption of APIs',
};

export const SENSITIVITIES = ['public', 'internal', 'confidential', 'restricted'] as const;
export type AssetSensitivity = (typeof SENSITIVITIES)[number];
export const ACTORS = [
  'anonymous-user',
  'user',
  'admin',
  'partner',
  'third-party-service',
  'internal-service',
  'device',
] as const;
export type Actor = (typeof ACTORS)[number];
export const ENVIRONMENTS = ['production', 'staging', 'development', 'test'] as const;
export const CORS_POLICIES = ['none', 'restricted', 'permissive'] as const;
export const STORE_TYPES = [
  'database',
  'cache',
  'queue',
  'file',
  'object-storage',
  'secret-store',
  'other',
] as const;
export const TLS_MODES = ['none', 'tls', 'mtls'] as const;
export const FLOW_AUTH = [
  'none',
  'api-key',
  'basic',
  'oauth2',
  'oidc',
  'jwt',
  'mtls',
  'hmac',
  'session',
] as const;
export const TOKEN_TYPES = ['none', 'opaque', 'jwt', 'api-key', 'session-cookie'] as const;

export const THREAT_STATUSES = [
  'open',
  'mitigated',
  'accepted',
  'transferred',
  'not-applicable',
] as const;
export type ThreatStatus = (typeof THREAT_STATUSES)[number];
export const MITIGATION_STATUSES = [
  'proposed',
  'planned',
  'in-progress',
  'implemented',
  'verified',
] as const;
export type MitigationStatus = (typeof MITIGATION_STATUSES)[number];
export const THREAT_SOURCES = ['rule', 'manual', 'import', 'openapi'] as const;
export type ThreatSource = (typeof THREAT_SOURCES)[number];
