import { M } from '../mitigations';
import { rows } from '../row';

// Spoofing: who is on the other end (authentication, domain.md §2 API2 and §4).

/** Conditional spoofing rules. */
export const SPOOFING_RULES = rows([
  {
    id: 'BW-S-010',
    title: 'Unauthenticated access to sensitive data',
    description:
      'An unauthenticated caller reaches a service that handles sensitive data and does not authenticate callers itself.',
    stride: 'S',
    appliesTo: ['process'],
    when: {
      all: [
        { prop: 'reachableFromUnauthenticated', eq: true },
        { prop: 'authenticatesCallers', eq: false },
        { prop: 'sensitive', eq: true },
      ],
    },
    owasp: 'API2:2023',
    cwe: ['CWE-306'],
    capec: ['CAPEC-115'],
    likelihood: 4,
    impact: 4,
    mitigations: [M.authn],
  },
  {
    id: 'BW-S-011',
    title: 'Service reachable without authentication',
    description:
      'An unauthenticated caller reaches this service and nothing on the way authenticates callers.',
    stride: 'S',
    appliesTo: ['process'],
    when: {
      all: [
        { prop: 'reachableFromUnauthenticated', eq: true },
        { prop: 'authenticatesCallers', eq: false },
        { prop: 'sensitive', eq: false },
      ],
    },
    owasp: 'API2:2023',
    cwe: ['CWE-306'],
    capec: ['CAPEC-115'],
    likelihood: 3,
    impact: 2,
    mitigations: [M.authn],
  },
  {
    id: 'BW-S-012',
    title: 'Weak authentication scheme (HTTP Basic or API key)',
    description:
      'Static, long-lived secrets identify the caller; they leak, are shared and are rarely rotated.',
    stride: 'S',
    appliesTo: ['data-flow'],
    when: { prop: 'authStrength', eq: 'weak' },
    owasp: 'API2:2023',
    cwe: ['CWE-1390', 'CWE-287'],
    capec: ['CAPEC-560'],
    likelihood: 2,
    impact: 3,
    mitigations: [M.authn, M.keys],
  },
  {
    id: 'BW-S-013',
    title: 'Credentials sent in the URL',
    description:
      'Keys or tokens in query strings end up in logs, proxies, browser history and referrer headers.',
    stride: 'S',
    appliesTo: ['data-flow'],
    when: { prop: 'credentialsInUrl', eq: true },
    owasp: 'API2:2023',
    cwe: ['CWE-598'],
    capec: [],
    likelihood: 3,
    impact: 3,
    mitigations: [M.keys],
  },
  {
    id: 'BW-S-014',
    title: 'Credential brute force on a login or token endpoint',
    description:
      'The service issues tokens or checks passwords without throttling, so credentials can be guessed or stuffed.',
    stride: 'S',
    appliesTo: ['process'],
    when: {
      all: [
        { prop: 'issuesTokens', eq: true },
        { prop: 'rateLimited', eq: false },
      ],
    },
    owasp: 'API2:2023',
    cwe: ['CWE-307'],
    capec: ['CAPEC-49', 'CAPEC-600'],
    likelihood: 3,
    impact: 3,
    mitigations: [M.throttleLogin, M.mfa],
  },
  {
    id: 'BW-S-015',
    title: 'Privileged actor without multi-factor authentication',
    description: 'An administrator signs in with a single factor; one phished password is enough.',
    stride: 'S',
    appliesTo: ['external-entity'],
    when: {
      all: [
        { prop: 'actor', eq: 'admin' },
        { prop: 'usesMfa', eq: false },
      ],
    },
    owasp: 'API2:2023',
    cwe: ['CWE-308'],
    capec: ['CAPEC-560'],
    likelihood: 2,
    impact: 4,
    mitigations: [M.mfa],
  },
  {
    id: 'BW-S-016',
    title: 'Unauthenticated flow across a trust boundary',
    description:
      'Requests cross a trust boundary into a service or store without any authentication.',
    stride: 'S',
    appliesTo: ['data-flow'],
    when: {
      all: [
        { prop: 'crossesBoundary', eq: true },
        { prop: 'authStrength', eq: 'none' },
        { prop: 'targetKind', in: ['process', 'data-store'] },
      ],
    },
    owasp: 'API2:2023',
    cwe: ['CWE-306'],
    capec: ['CAPEC-115'],
    likelihood: 3,
    impact: 3,
    mitigations: [M.authn, M.mtls],
  },
  {
    id: 'BW-S-017',
    title: 'Partner or service identity not cryptographically verified',
    description:
      'A partner, third party or internal service is identified by nothing stronger than a static secret.',
    stride: 'S',
    appliesTo: ['data-flow'],
    when: {
      all: [
        { prop: 'sourceActor', in: ['partner', 'third-party-service', 'internal-service'] },
        { prop: 'tls', in: ['none', 'tls'] },
        { prop: 'authStrength', in: ['none', 'weak'] },
      ],
    },
    owasp: 'API2:2023',
    cwe: ['CWE-287'],
    capec: ['CAPEC-151'],
    likelihood: 2,
    impact: 3,
    mitigations: [M.mtls, M.keys],
  },
  {
    id: 'BW-S-018',
    title: 'Session cookie sent without TLS',
    description:
      'A session cookie travels in clear text and can be captured to hijack the session.',
    stride: 'S',
    appliesTo: ['data-flow'],
    when: {
      all: [
        { prop: 'tokenType', eq: 'session-cookie' },
        { prop: 'tls', eq: 'none' },
      ],
    },
    owasp: 'API2:2023',
    cwe: ['CWE-614', 'CWE-319'],
    capec: ['CAPEC-593'],
    likelihood: 3,
    impact: 3,
    mitigations: [M.tls],
  },
  {
    id: 'BW-S-019',
    title: 'Forged webhook or callback',
    description:
      'Anyone who knows the endpoint can post a fake event, since payloads are not signed.',
    stride: 'S',
    appliesTo: ['data-flow'],
    when: {
      all: [
        { prop: 'isWebhook', eq: true },
        { prop: 'signed', eq: false },
        { prop: 'targetKind', eq: 'process' },
      ],
    },
    owasp: 'API10:2023',
    cwe: ['CWE-345'],
    capec: ['CAPEC-148'],
    likelihood: 3,
    impact: 3,
    mitigations: [M.webhookSignature],
  },
  {
    id: 'BW-S-020',
    title: 'Service-to-service call across a boundary without mutual TLS',
    description:
      'A service calls another across a trust boundary and only one side proves its identity.',
    stride: 'S',
    appliesTo: ['data-flow'],
    when: {
      all: [
        { prop: 'sourceKind', eq: 'process' },
        { prop: 'targetKind', eq: 'process' },
        { prop: 'crossesBoundary', eq: true },
        { prop: 'tls', in: ['none', 'tls'] },
      ],
    },
    owasp: null,
    cwe: ['CWE-287'],
    capec: ['CAPEC-151'],
    likelihood: 2,
    impact: 3,
    mitigations: [M.mtls],
  },
  {
    id: 'BW-S-021',
    title: 'Sensitive business action without step-up authentication',
    description:
      'Payments, password changes or similar actions run on the strength of the session alone.',
    stride: 'S',
    appliesTo: ['process'],
    when: {
      all: [
        { prop: 'sensitiveBusinessFlows', eq: true },
        { prop: 'requiresStepUpAuth', eq: false },
      ],
    },
    owasp: 'API6:2023',
    cwe: ['CWE-306'],
    capec: ['CAPEC-212'],
    likelihood: 2,
    impact: 3,
    mitigations: [M.mfa],
  },
  {
    id: 'BW-S-022',
    title: 'Hard-coded secrets',
    description:
      'Keys or passwords in code or configuration let anyone with a copy impersonate the service.',
    stride: 'S',
    appliesTo: ['process'],
    when: { prop: 'hardcodedSecrets', eq: true },
    owasp: 'API8:2023',
    cwe: ['CWE-798'],
    capec: ['CAPEC-191'],
    likelihood: 3,
    impact: 4,
    mitigations: [M.secrets],
  },
]);
