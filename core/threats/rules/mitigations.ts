import type { MitigationId, MitigationTemplate } from '../model';

// Recommended countermeasures drawn from the API security practice (domain.md §4). Rules
// point at these rows, so one wording serves the whole catalogue.

const m = (id: string, title: string, description: string): MitigationTemplate => ({
  id: id as MitigationId,
  title,
  description,
});

/** The shared mitigation catalogue, keyed by a short name. */
export const M = {
  authn: m(
    'M-AUTHN',
    'Authenticate every caller',
    'Require OAuth 2.0 / OpenID Connect (or mTLS for services) at the gateway and the service; deny any request that is not authenticated.',
  ),
  mfa: m(
    'M-MFA',
    'Multi-factor and step-up authentication',
    'Require MFA for privileged actors and step-up authentication before sensitive actions.',
  ),
  mtls: m(
    'M-MTLS',
    'Mutual TLS between services and partners',
    'Authenticate both ends of service-to-service and partner connections with client certificates.',
  ),
  tls: m(
    'M-TLS',
    'TLS everywhere',
    'Serve and call only over TLS 1.2 or later, with HSTS and no plain-text listeners.',
  ),
  keys: m(
    'M-KEYS',
    'Per-client credentials, rotated, never in URLs',
    'Issue unique keys or tokens per client, rotate them regularly, send them in headers, never in query strings.',
  ),
  secrets: m(
    'M-SECRETS',
    'Secrets in a vault',
    'Keep keys, passwords and tokens in a secret store, injected at run time; scan code and images for secrets.',
  ),
  throttleLogin: m(
    'M-THROTTLE-LOGIN',
    'Throttle credential attempts',
    'Limit login, token and OTP attempts per account and per source, with back-off and alerting.',
  ),
  bola: m(
    'M-BOLA',
    'Object-level authorization on every access',
    'Check on every request that the caller may access the object id it names; random ids are not a control.',
  ),
  tenant: m(
    'M-TENANT',
    'Tenant isolation',
    'Scope every query by the caller’s tenant (row-level security or a mandatory tenant filter) and test cross-tenant access.',
  ),
  rbac: m(
    'M-RBAC',
    'Function-level authorization, deny by default',
    'Enforce role and attribute based access control (RBAC/ABAC) on every operation; anything not permitted is denied.',
  ),
  adminSeparation: m(
    'M-ADMIN-SEP',
    'Separate administrative interfaces',
    'Serve administrative functions from a separate interface reachable only from the administrators’ network.',
  ),
  responseFilter: m(
    'M-RESPONSE-FILTER',
    'Minimal responses',
    'Return only the properties the client needs, defined by explicit response schemas; mask or tokenise sensitive fields.',
  ),
  writableAllowList: m(
    'M-ALLOWLIST-PROPS',
    'Allow-list writable properties',
    'Bind request bodies to explicit input schemas so clients cannot set privileged properties (no mass assignment).',
  ),
  schema: m(
    'M-SCHEMA',
    'Validate every input against a schema',
    'Reject requests that do not match a strict schema: types, formats, lengths, patterns and no unknown properties.',
  ),
  parameterize: m(
    'M-PARAM',
    'Parameterised queries',
    'Use parameterised queries or safe query builders for every database, search and command call.',
  ),
  rateLimit: m(
    'M-RATE',
    'Rate limits and throttling',
    'Apply rate limits per client and per operation at the gateway, with dynamic throttling and 429 responses.',
  ),
  resourceLimits: m(
    'M-LIMITS',
    'Bound resource use',
    'Bound page sizes, payload and upload sizes, array lengths, execution time and memory per request.',
  ),
  graphqlLimits: m(
    'M-GQL-LIMITS',
    'GraphQL depth and complexity limits',
    'Limit query depth, complexity and batching; reject queries over budget before executing them.',
  ),
  graphqlIntrospection: m(
    'M-GQL-INTROSPECTION',
    'No GraphQL introspection in production',
    'Turn introspection off in production and publish the schema only to those who need it.',
  ),
  antiAutomation: m(
    'M-ANTI-AUTO',
    'Anti-automation for business flows',
    'Detect and slow automated use of purchase, signup, reset and booking flows (velocity checks, device signals, challenges).',
  ),
  egress: m(
    'M-EGRESS',
    'Outbound allow-list',
    'Fetch only allow-listed hosts and schemes, resolve and check addresses (no private or metadata ranges), disable redirects.',
  ),
  webhookSignature: m(
    'M-WEBHOOK-SIGN',
    'Signed webhooks',
    'Sign webhook payloads (HMAC with a per-subscriber secret and timestamp) and verify the signature before acting.',
  ),
  replay: m(
    'M-REPLAY',
    'Replay protection',
    'Reject messages with an old timestamp or a nonce seen before.',
  ),
  upstream: m(
    'M-UPSTREAM',
    'Treat third-party data as untrusted',
    'Validate responses and callbacks from other APIs against schemas, with TLS, timeouts and limits on size and redirects.',
  ),
  logging: m(
    'M-LOGGING',
    'Log security events',
    'Log authentication, authorization and business events with caller identity, time and correlation id, and alert on anomalies.',
  ),
  logRedaction: m(
    'M-LOG-REDACT',
    'No secrets in logs',
    'Redact tokens, passwords, keys and sensitive fields before anything is logged.',
  ),
  logIntegrity: m(
    'M-LOG-INTEGRITY',
    'Tamper-evident logs',
    'Ship logs off-host to append-only storage with integrity protection and restricted deletion.',
  ),
  signing: m(
    'M-SIGN',
    'Signed transactions',
    'Sign business messages so that their origin can be proven later.',
  ),
  leastPrivilege: m(
    'M-LEAST-PRIV',
    'Least privilege',
    'Run each service with an identity that holds only the permissions it needs; no shared administrative accounts.',
  ),
  encryptAtRest: m(
    'M-ENCRYPT-REST',
    'Encryption at rest',
    'Encrypt stored data (AES-256) with keys held in a KMS, separate from the data.',
  ),
  hashCredentials: m(
    'M-HASH',
    'Hash stored credentials',
    'Store passwords only as salted hashes from a slow algorithm (Argon2id, bcrypt, scrypt).',
  ),
  storeAccess: m(
    'M-STORE-ACCESS',
    'Restrict data store access',
    'Only the owning service may reach the store, with its own credentials and network rules.',
  ),
  noPublicStore: m(
    'M-NO-PUBLIC-STORE',
    'No public storage',
    'Block public access to buckets and databases; share data through the API, with authorization.',
  ),
  backup: m(
    'M-BACKUP',
    'Tested backups',
    'Back the store up regularly, off-site and immutable, and prove it by restoring.',
  ),
  availability: m(
    'M-AVAIL',
    'Capacity and graceful degradation',
    'Size for peaks, set timeouts and circuit breakers, and degrade gracefully under load.',
  ),
  hardening: m(
    'M-HARDEN',
    'Secure defaults in production',
    'No debug modes, sample or test endpoints in production; configuration reviewed and checked automatically.',
  ),
  cors: m(
    'M-CORS',
    'Restrict CORS',
    'Allow only known origins and methods; never reflect arbitrary origins with credentials.',
  ),
  errors: m(
    'M-ERRORS',
    'Generic error messages',
    'Return generic errors to clients and keep stack traces and internals in the logs.',
  ),
  inventory: m(
    'M-INVENTORY',
    'Inventory and retirement',
    'Record every API and version with an owner; retire old and deprecated versions on a published schedule.',
  ),
  nonProduction: m(
    'M-NONPROD',
    'Keep non-production private',
    'Keep development, test and staging environments off public networks and away from production data.',
  ),
  dataMinimisation: m(
    'M-DATA-MIN',
    'Share the minimum',
    'Send third parties only the data they need, tokenised or masked, under a data processing agreement.',
  ),
} as const;
