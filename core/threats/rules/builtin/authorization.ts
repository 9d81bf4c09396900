import { M } from '../mitigations';
import { rows } from '../row';

// Elevation of privilege and availability: authorization (API1, API3, API5, API7) and
// resource consumption (API4, API6).

/** Conditional elevation-of-privilege and denial-of-service rules. */
export const AUTHORIZATION_RULES = rows([
  {
    id: 'BW-E-010',
    title: 'Broken object level authorization (BOLA)',
    description:
      'Requests name objects by id and the service does not check that the caller may access that object.',
    stride: 'E',
    appliesTo: ['process'],
    when: {
      all: [
        { prop: 'exposesObjectIds', eq: true },
        { prop: 'authorizesObjectAccess', eq: false },
      ],
    },
    owasp: 'API1:2023',
    cwe: ['CWE-639', 'CWE-285'],
    capec: ['CAPEC-122'],
    likelihood: 4,
    impact: 3,
    mitigations: [M.bola],
  },
  {
    id: 'BW-E-011',
    title: 'Cross-tenant data access',
    description:
      'Several customers share the service and nothing enforces that each sees only its own objects.',
    stride: 'E',
    appliesTo: ['process'],
    when: {
      all: [
        { prop: 'multiTenant', eq: true },
        { prop: 'enforcesTenantIsolation', eq: false },
      ],
    },
    owasp: 'API1:2023',
    cwe: ['CWE-639', 'CWE-863'],
    capec: ['CAPEC-122'],
    likelihood: 3,
    impact: 4,
    mitigations: [M.tenant, M.bola],
  },
  {
    id: 'BW-E-012',
    title: 'Broken function level authorization (BFLA)',
    description:
      'Administrative or privileged operations do not check the caller’s role, so an ordinary user can call them.',
    stride: 'E',
    appliesTo: ['process'],
    when: {
      all: [
        { prop: 'hasAdminFunctions', eq: true },
        { prop: 'authorizesFunctions', eq: false },
      ],
    },
    owasp: 'API5:2023',
    cwe: ['CWE-285', 'CWE-862'],
    capec: ['CAPEC-122'],
    likelihood: 3,
    impact: 4,
    mitigations: [M.rbac],
  },
  {
    id: 'BW-E-013',
    title: 'Administrative functions exposed to untrusted actors',
    description:
      'The interface that serves administrative functions is reachable by users, partners or third parties.',
    stride: 'E',
    appliesTo: ['process'],
    when: {
      all: [
        { prop: 'hasAdminFunctions', eq: true },
        { prop: 'exposedToUntrustedActors', eq: true },
      ],
    },
    owasp: 'API5:2023',
    cwe: ['CWE-749'],
    capec: ['CAPEC-122'],
    likelihood: 2,
    impact: 4,
    mitigations: [M.adminSeparation, M.rbac],
  },
  {
    id: 'BW-E-014',
    title: 'Mass assignment of privileged properties',
    description:
      'Request bodies are bound to stored objects as a whole, so a caller can set properties such as role or balance.',
    stride: 'E',
    appliesTo: ['process'],
    when: {
      all: [
        { prop: 'writesToStore', eq: true },
        { prop: 'restrictsWritableProperties', eq: false },
      ],
    },
    owasp: 'API3:2023',
    cwe: ['CWE-915'],
    capec: [],
    likelihood: 3,
    impact: 3,
    mitigations: [M.writableAllowList],
  },
  {
    id: 'BW-E-015',
    title: 'Service runs with excessive privileges',
    description:
      'The service identity holds more rights than it needs, so any compromise of it reaches further.',
    stride: 'E',
    appliesTo: ['process'],
    when: { prop: 'leastPrivilege', eq: false },
    owasp: null,
    cwe: ['CWE-250', 'CWE-269'],
    capec: ['CAPEC-233'],
    likelihood: 2,
    impact: 3,
    mitigations: [M.leastPrivilege],
  },
  {
    id: 'BW-E-016',
    title: 'Server-side request forgery (SSRF)',
    description:
      'The service fetches URLs supplied by callers without an outbound allow-list, reaching internal hosts or cloud metadata.',
    stride: 'E',
    appliesTo: ['process'],
    when: {
      all: [
        { prop: 'fetchesUserSuppliedUrls', eq: true },
        { prop: 'restrictsOutboundRequests', eq: false },
      ],
    },
    owasp: 'API7:2023',
    cwe: ['CWE-918'],
    capec: ['CAPEC-664'],
    likelihood: 3,
    impact: 4,
    mitigations: [M.egress],
  },
  {
    id: 'BW-E-017',
    title: 'Outbound webhook to a caller-chosen URL',
    description:
      'The service delivers webhooks to URLs its clients register; an internal address turns delivery into SSRF.',
    stride: 'E',
    appliesTo: ['data-flow'],
    when: {
      all: [
        { prop: 'isWebhook', eq: true },
        { prop: 'sourceKind', eq: 'process' },
        { prop: 'targetKind', eq: 'external-entity' },
      ],
    },
    owasp: 'API7:2023',
    cwe: ['CWE-918'],
    capec: ['CAPEC-664'],
    likelihood: 2,
    impact: 3,
    mitigations: [M.egress],
  },
  {
    id: 'BW-D-010',
    title: 'No rate limiting on an exposed service',
    description: 'Callers from outside can send requests as fast as they like.',
    stride: 'D',
    appliesTo: ['process'],
    when: {
      all: [
        { prop: 'rateLimited', eq: false },
        { prop: 'exposedToUntrustedActors', eq: true },
      ],
    },
    owasp: 'API4:2023',
    cwe: ['CWE-770'],
    capec: ['CAPEC-125'],
    likelihood: 3,
    impact: 3,
    mitigations: [M.rateLimit],
  },
  {
    id: 'BW-D-011',
    title: 'Unbounded resource consumption per request',
    description:
      'Page sizes, payloads, uploads or execution time are not bounded, so one request can exhaust the service.',
    stride: 'D',
    appliesTo: ['process'],
    when: { prop: 'limitsResourceUsage', eq: false },
    owasp: 'API4:2023',
    cwe: ['CWE-400', 'CWE-770'],
    capec: ['CAPEC-130'],
    likelihood: 3,
    impact: 2,
    mitigations: [M.resourceLimits],
  },
  {
    id: 'BW-D-012',
    title: 'GraphQL queries without depth or complexity limits',
    description: 'Deeply nested or batched queries make the server do unbounded work.',
    stride: 'D',
    appliesTo: ['process'],
    when: {
      all: [
        { prop: 'exposesGraphql', eq: true },
        { prop: 'graphqlDepthLimited', eq: false },
      ],
    },
    owasp: 'API4:2023',
    cwe: ['CWE-770'],
    capec: ['CAPEC-130'],
    likelihood: 3,
    impact: 3,
    mitigations: [M.graphqlLimits],
  },
  {
    id: 'BW-D-013',
    title: 'Sensitive business flow open to automation',
    description:
      'Purchase, sign-up, booking or reset flows have no anti-automation, so bots can drain stock or spam accounts.',
    stride: 'D',
    appliesTo: ['process'],
    when: {
      all: [
        { prop: 'sensitiveBusinessFlows', eq: true },
        { prop: 'antiAutomation', eq: false },
      ],
    },
    owasp: 'API6:2023',
    cwe: ['CWE-799'],
    capec: ['CAPEC-212'],
    likelihood: 3,
    impact: 3,
    mitigations: [M.antiAutomation, M.rateLimit],
  },
  {
    id: 'BW-D-014',
    title: 'Data store without tested backups',
    description: 'Deleted, encrypted or corrupted data cannot be restored.',
    stride: 'D',
    appliesTo: ['data-store'],
    when: { prop: 'backedUp', eq: false },
    owasp: null,
    cwe: [],
    capec: [],
    likelihood: 2,
    impact: 3,
    mitigations: [M.backup],
  },
]);
