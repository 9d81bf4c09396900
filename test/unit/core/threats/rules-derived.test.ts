import { describe, expect, it } from 'vitest';
import type { DataFlow, DataStore, ExternalEntity, Process } from '../../../../core/threats';
import {
  BUILTIN_RULES,
  FACT_VOCABULARY,
  conditionProps,
  defaultLibrary,
  generateThreats,
  newElement,
} from '../../../../core/threats';
import { asset, modelOf } from '../../../fixtures/threats/models';

// Rules that read derived facts (boundary crossings, reachability, sensitivity, the other
// end of a flow) are checked on whole models: one small world, varied per rule so that the
// rule fires on its element, and varied back so that it does not.

type World = {
  ee?: Partial<ExternalEntity>;
  proc?: Partial<Process>;
  store?: Partial<DataStore>;
  in?: Partial<DataFlow>;
  out?: Partial<DataFlow>;
  pq?: Partial<DataFlow>;
  cb?: Partial<DataFlow>;
  boundary?: boolean;
};

/** user u → process p → store s, p → process q, p → u (callback); boundary z = {p, s}. */
function world(w: World) {
  const elements = [
    newElement('external-entity', 'u', 'User', { actor: 'user', ...w.ee }),
    newElement('process', 'p', 'Service', w.proc),
    newElement('process', 'q', 'Other service', { authenticatesCallers: true }),
    newElement('data-store', 's', 'Store', w.store),
    newElement('data-flow', 'fin', 'In', { ...w.in, source: 'u', target: 'p' } as never),
    newElement('data-flow', 'fout', 'Out', { ...w.out, source: 'p', target: 's' } as never),
    newElement('data-flow', 'fpq', 'Call', { ...w.pq, source: 'p', target: 'q' } as never),
    newElement('data-flow', 'fcb', 'Callback', { ...w.cb, source: 'p', target: 'u' } as never),
    ...(w.boundary === true
      ? [newElement('trust-boundary', 'z', 'Zone', { contains: ['p', 's'] } as never)]
      : []),
  ];
  const assets = [
    asset('secret', { sensitivity: 'restricted', dataClasses: ['credentials'] }),
    asset('pub', { sensitivity: 'public', dataClasses: ['public'] }),
  ];
  const ids = generateThreats(modelOf(elements, assets), defaultLibrary()).threats.instances.map(
    (t) => t.id as string,
  );
  return new Set(ids);
}

const secret = ['secret'] as never;
const SCENARIOS: readonly [rule: string, element: string, fires: World, misses: World][] = [
  [
    'BW-S-010',
    'p',
    { proc: { handlesSensitiveData: true } },
    { ee: { authenticated: true }, proc: { handlesSensitiveData: true } },
  ],
  ['BW-S-011', 'p', {}, { proc: { authenticatesCallers: true } }],
  ['BW-S-012', 'fin', { in: { authentication: 'basic' } }, { in: { authentication: 'oauth2' } }],
  ['BW-S-016', 'fin', { boundary: true }, { boundary: false }],
  [
    'BW-S-017',
    'fin',
    { ee: { actor: 'partner' }, in: { authentication: 'api-key' } },
    { ee: { actor: 'partner' }, in: { tls: 'mtls', authentication: 'api-key' } },
  ],
  ['BW-S-019', 'fin', { in: { isWebhook: true } }, { in: { isWebhook: true, signed: true } }],
  ['BW-S-020', 'fpq', { boundary: true }, { boundary: true, pq: { tls: 'mtls' } }],
  ['BW-T-011', 'p', {}, { proc: { parameterizesQueries: true } }],
  [
    'BW-T-013',
    'fin',
    { ee: { actor: 'partner' } },
    { ee: { actor: 'partner' }, proc: { validatesInput: true } },
  ],
  ['BW-T-014', 'fout', {}, { out: { tls: 'tls' } }],
  ['BW-R-013', 'fin', { ee: { actor: 'third-party-service' } }, { ee: { actor: 'user' } }],
  [
    'BW-E-013',
    'p',
    { proc: { hasAdminFunctions: true } },
    { ee: { actor: 'admin' }, proc: { hasAdminFunctions: true } },
  ],
  ['BW-E-014', 'p', {}, { proc: { restrictsWritableProperties: true } }],
  ['BW-E-017', 'fcb', { cb: { isWebhook: true } }, {}],
  ['BW-D-010', 'p', {}, { proc: { rateLimited: true } }],
  [
    'BW-I-010',
    'p',
    { proc: { handlesSensitiveData: true } },
    { proc: { handlesSensitiveData: true, filtersResponseProperties: true } },
  ],
  ['BW-I-011', 'fin', { boundary: true }, { boundary: true, in: { tls: 'tls' } }],
  [
    'BW-I-012',
    'fout',
    { out: { dataCarried: secret } },
    { out: { dataCarried: ['pub'] as never } },
  ],
  [
    'BW-I-020',
    'p',
    { proc: { environment: 'staging' } },
    { ee: { actor: 'internal-service' }, proc: { environment: 'staging' } },
  ],
  ['BW-I-021', 'p', { proc: { deprecated: true } }, { proc: { deprecated: false } }],
  [
    'BW-I-022',
    'p',
    { store: { isLog: true } },
    { store: { isLog: true }, proc: { redactsSecretsInLogs: true } },
  ],
  [
    'BW-I-024',
    's',
    { store: { holdsCredentials: true } },
    { store: { holdsCredentials: true, encryptedAtRest: true } },
  ],
  [
    'BW-I-025',
    'fcb',
    { ee: { actor: 'partner' }, cb: { dataCarried: secret } },
    { ee: { actor: 'partner' } },
  ],
  ['BW-I-026', 'fin', { in: { dataCarried: secret } }, { in: { dataCarried: secret, tls: 'tls' } }],
];

describe('rules over derived facts, on whole models', () => {
  it.each(SCENARIOS)(
    '%s fires on %s and not once the model changes',
    (rule, element, fires, misses) => {
      expect(world(fires).has(`${rule}@${element}`)).toBe(true);
      expect(world(misses).has(`${rule}@${element}`)).toBe(false);
    },
  );

  it('has a scenario for every built-in rule that reads a derived fact', () => {
    const derived = BUILTIN_RULES.filter((r) =>
      r.appliesTo.some((k) =>
        conditionProps(r.when).some((p) => FACT_VOCABULARY[k][p]?.derived === true),
      ),
    ).map((r) => r.id as string);
    expect(derived.filter((id) => !SCENARIOS.some(([r]) => r === id))).toEqual([]);
  });
});
