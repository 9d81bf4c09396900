import type { Brand, IsoDate, IsoTimestamp } from '../shared/brand';

export type ApiId = Brand<string, 'ApiId'>;

export const LIFECYCLES = ['planned', 'active', 'deprecated', 'retired'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const EXPOSURES = ['public', 'partner', 'internal', 'third-party'] as const;
/** `third-party` means an API the organisation consumes from someone else. */
export type Exposure = (typeof EXPOSURES)[number];

export const DATA_CLASSES = [
  'personal',
  'health',
  'payment-card',
  'credentials',
  'financial',
  'public',
] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export const AUTH_METHODS = [
  'none',
  'api-key',
  'basic',
  'oauth2',
  'oidc',
  'mtls',
  'jwt',
  'hmac',
] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** Well-known regimes offered in pickers; any other name may be entered as free text. */
export const KNOWN_REGIMES = [
  'GDPR',
  'UK GDPR',
  'HIPAA',
  'PCI DSS',
  'CCPA',
  'SOX',
  'NIS2',
  'DORA',
  'GLBA',
  'NYDFS',
  'LGPD',
  'PIPEDA',
  'PDPA',
] as const;

export type Environment = { readonly name: string; readonly baseUrl: string };

export type Owner = { readonly team: string; readonly contact: string };

/** One API the organisation runs or consumes: the unit every later record hangs off. */
export type ApiEntry = {
  readonly id: ApiId;
  readonly name: string;
  readonly description: string;
  readonly owner: Owner;
  readonly lifecycle: Lifecycle;
  readonly exposure: Exposure;
  readonly environments: readonly Environment[];
  readonly dataClasses: readonly DataClass[];
  readonly regulatoryScope: readonly string[];
  readonly authentication: readonly AuthMethod[];
  readonly gateway: string;
  readonly rateLimit: string;
  readonly lastReviewed: IsoDate | null;
  readonly nextReviewDue: IsoDate | null;
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
};

/** What a person edits: everything but identity and bookkeeping. */
export type ApiDraft = Omit<ApiEntry, 'id' | 'createdAt' | 'updatedAt'>;

export const LABELS = {
  lifecycle: { planned: 'Planned', active: 'Active', deprecated: 'Deprecated', retired: 'Retired' },
  exposure: {
    public: 'Public',
    partner: 'Partner',
    internal: 'Internal',
    'third-party': 'Third-party (consumed)',
  },
  dataClass: {
    personal: 'Personal data',
    health: 'Health data',
    'payment-card': 'Payment card data',
    credentials: 'Credentials / secrets',
    financial: 'Financial data',
    public: 'Public data',
  },
  auth: {
    none: 'None',
    'api-key': 'API key',
    basic: 'HTTP Basic',
    oauth2: 'OAuth 2.0',
    oidc: 'OpenID Connect',
    mtls: 'Mutual TLS',
    jwt: 'JWT',
    hmac: 'HMAC signatures',
  },
} as const satisfies {
  lifecycle: Record<Lifecycle, string>;
  exposure: Record<Exposure, string>;
  dataClass: Record<DataClass, string>;
  auth: Record<AuthMethod, string>;
};

/** An empty draft for the "new API" form. */
export function emptyDraft(): ApiDraft {
  return {
    name: '',
    description: '',
    owner: { team: '', contact: '' },
    lifecycle: 'active',
    exposure: 'internal',
    environments: [],
    dataClasses: [],
    regulatoryScope: [],
    authentication: [],
    gateway: '',
    rateLimit: '',
    lastReviewed: null,
    nextReviewDue: null,
  };
}
