import { M } from '../mitigations';
import { rows } from '../row';

// Tampering and repudiation: integrity of input, data and records.

/** Conditional tampering and repudiation rules. */
export const INTEGRITY_RULES = rows([
  {
    id: 'BW-T-010',
    title: 'Input not validated against a schema',
    description:
      'Requests are processed without strict validation of types, lengths, formats and unknown properties.',
    stride: 'T',
    appliesTo: ['process'],
    when: { prop: 'validatesInput', eq: false },
    owasp: null,
    cwe: ['CWE-20'],
    capec: ['CAPEC-153'],
    likelihood: 3,
    impact: 2,
    mitigations: [M.schema],
  },
  {
    id: 'BW-T-011',
    title: 'Injection into data store queries',
    description:
      'The service writes to a store without parameterised queries, so input can change the query itself.',
    stride: 'T',
    appliesTo: ['process'],
    when: {
      all: [
        { prop: 'writesToStore', eq: true },
        { prop: 'parameterizesQueries', eq: false },
      ],
    },
    owasp: null,
    cwe: ['CWE-89', 'CWE-943'],
    capec: ['CAPEC-66'],
    likelihood: 3,
    impact: 4,
    mitigations: [M.parameterize, M.schema],
  },
  {
    id: 'BW-T-012',
    title: 'Unvalidated data from third-party APIs',
    description:
      'Responses from consumed APIs are trusted as they arrive; a compromised or faulty provider feeds the service bad data.',
    stride: 'T',
    appliesTo: ['process'],
    when: {
      all: [
        { prop: 'consumesThirdPartyApis', eq: true },
        { prop: 'validatesUpstreamData', eq: false },
      ],
    },
    owasp: 'API10:2023',
    cwe: ['CWE-20'],
    capec: ['CAPEC-153'],
    likelihood: 3,
    impact: 3,
    mitigations: [M.upstream],
  },
  {
    id: 'BW-T-013',
    title: 'Partner or third-party data relayed without validation',
    description:
      'Data sent by a partner or third party reaches a service that does not validate its input.',
    stride: 'T',
    appliesTo: ['data-flow'],
    when: {
      all: [
        { prop: 'sourceActor', in: ['partner', 'third-party-service'] },
        { prop: 'targetValidatesInput', eq: false },
      ],
    },
    owasp: 'API10:2023',
    cwe: ['CWE-20'],
    capec: ['CAPEC-153'],
    likelihood: 3,
    impact: 3,
    mitigations: [M.upstream, M.schema],
  },
  {
    id: 'BW-T-014',
    title: 'Clear-text traffic inside a trust boundary',
    description:
      'Traffic is unencrypted because the network is trusted; anyone who gets a foothold inside can read and change it.',
    stride: 'T',
    appliesTo: ['data-flow'],
    when: {
      all: [
        { prop: 'tls', eq: 'none' },
        { prop: 'crossesBoundary', eq: false },
      ],
    },
    owasp: null,
    cwe: ['CWE-319'],
    capec: ['CAPEC-94'],
    likelihood: 2,
    impact: 2,
    mitigations: [M.tls],
  },
  {
    id: 'BW-T-015',
    title: 'Replay of webhook or callback messages',
    description: 'A captured webhook can be sent again and is processed a second time.',
    stride: 'T',
    appliesTo: ['data-flow'],
    when: {
      all: [
        { prop: 'isWebhook', eq: true },
        { prop: 'replayProtected', eq: false },
      ],
    },
    owasp: 'API10:2023',
    cwe: ['CWE-294'],
    capec: ['CAPEC-60'],
    likelihood: 2,
    impact: 3,
    mitigations: [M.replay, M.webhookSignature],
  },
  {
    id: 'BW-T-016',
    title: 'Data store writable beyond its owning service',
    description:
      'Access to the store is not restricted to the service that owns it, so other systems or people can change its data.',
    stride: 'T',
    appliesTo: ['data-store'],
    when: { prop: 'accessRestricted', eq: false },
    owasp: null,
    cwe: ['CWE-284'],
    capec: ['CAPEC-122'],
    likelihood: 2,
    impact: 3,
    mitigations: [M.storeAccess],
  },
  {
    id: 'BW-R-010',
    title: 'Security events not logged',
    description:
      'Authentication, authorization and business events are not logged, so abuse goes unseen and cannot be reconstructed.',
    stride: 'R',
    appliesTo: ['process'],
    when: { prop: 'logsSecurityEvents', eq: false },
    owasp: null,
    cwe: ['CWE-778'],
    capec: ['CAPEC-268'],
    likelihood: 3,
    impact: 2,
    mitigations: [M.logging],
  },
  {
    id: 'BW-R-011',
    title: 'Actions of an anonymous actor cannot be attributed',
    description:
      'The actor is not authenticated, so nothing ties its requests to a person or system.',
    stride: 'R',
    appliesTo: ['external-entity'],
    when: { prop: 'authenticated', eq: false },
    owasp: null,
    cwe: ['CWE-778'],
    capec: [],
    likelihood: 3,
    impact: 1,
    mitigations: [M.authn, M.logging],
  },
  {
    id: 'BW-R-012',
    title: 'Security log can be altered or deleted',
    description:
      'The log is not tamper-evident; whoever compromises the system can cover their tracks.',
    stride: 'R',
    appliesTo: ['data-store'],
    when: {
      all: [
        { prop: 'isLog', eq: true },
        { prop: 'tamperEvident', eq: false },
      ],
    },
    owasp: null,
    cwe: ['CWE-117'],
    capec: ['CAPEC-268'],
    likelihood: 2,
    impact: 3,
    mitigations: [M.logIntegrity],
  },
  {
    id: 'BW-R-013',
    title: 'Partner transactions without proof of origin',
    description:
      'Messages from a partner or third party are not signed; a disputed transaction cannot be proven either way.',
    stride: 'R',
    appliesTo: ['data-flow'],
    when: {
      all: [
        { prop: 'sourceActor', in: ['partner', 'third-party-service'] },
        { prop: 'signed', eq: false },
      ],
    },
    owasp: null,
    cwe: ['CWE-345'],
    capec: [],
    likelihood: 2,
    impact: 2,
    mitigations: [M.signing, M.logging],
  },
  {
    id: 'BW-R-014',
    title: 'Sensitive business transactions not attributable',
    description:
      'Purchases, sign-ups or resets run without security logging, so automated abuse cannot be traced or disputed.',
    stride: 'R',
    appliesTo: ['process'],
    when: {
      all: [
        { prop: 'sensitiveBusinessFlows', eq: true },
        { prop: 'logsSecurityEvents', eq: false },
      ],
    },
    owasp: 'API6:2023',
    cwe: ['CWE-778'],
    capec: ['CAPEC-212'],
    likelihood: 3,
    impact: 2,
    mitigations: [M.logging, M.antiAutomation],
  },
]);
