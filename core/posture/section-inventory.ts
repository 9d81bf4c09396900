import {
  handlesSensitiveData,
  hasStrongAuth,
  isReviewOverdue,
  isUnowned,
} from '../inventory/derive';
import type { ApiEntry, DataClass } from '../inventory/types';
import { EXPOSURES, LABELS, LIFECYCLES } from '../inventory/types';
import type { Context } from './context';
import { apiRef, countFigure } from './context';
import type { Figure, RecordRef } from './types';

// Which APIs do we have, what data do they touch, who owns them. "In service" means every
// API that is not retired: planned APIs count, since their design decisions are being made.

const SENSITIVE_CLASSES: readonly DataClass[] = [
  'personal',
  'health',
  'payment-card',
  'credentials',
];

/** In service: not retired. */
export function inService(a: ApiEntry): boolean {
  return a.lifecycle !== 'retired';
}

/** A deprecated or retired API that still lists an environment may still be answering. */
export function isZombie(a: ApiEntry): boolean {
  return (
    (a.lifecycle === 'deprecated' || a.lifecycle === 'retired') &&
    a.environments.some((e) => e.baseUrl.trim() !== '')
  );
}

/** The inventory figures. */
export function inventoryFigures(ctx: Context): Figure[] {
  const has = ctx.apis.length > 0;
  const live = ctx.apis.filter(inService);
  const refs = (xs: readonly ApiEntry[]) => xs.map(apiRef);
  const out: Figure[] = [];
  const add = (spec: Parameters<typeof countFigure>[1], xs: readonly RecordRef[]) =>
    out.push(countFigure('inventory', spec, xs, has));

  add(
    {
      id: 'inventory.in-service',
      label: 'APIs in service',
      definition: 'APIs in the inventory that are not retired (planned, active or deprecated).',
      headline: true,
    },
    refs(live),
  );
  for (const e of EXPOSURES)
    add(
      {
        id: `inventory.exposure.${e}`,
        label: e === 'third-party' ? 'Third-party APIs consumed' : `${LABELS.exposure[e]} APIs`,
        definition:
          e === 'third-party'
            ? 'APIs in service that the organisation consumes from another company.'
            : `APIs in service whose exposure is ${LABELS.exposure[e].toLowerCase()}.`,
        group: 'inventory.exposure',
        key: e,
      },
      refs(live.filter((a) => a.exposure === e)),
    );
  for (const l of LIFECYCLES)
    add(
      {
        id: `inventory.lifecycle.${l}`,
        label: `${LABELS.lifecycle[l]} APIs`,
        definition: `APIs in the inventory whose lifecycle is ${LABELS.lifecycle[l].toLowerCase()}.`,
        group: 'inventory.lifecycle',
        key: l,
      },
      refs(ctx.apis.filter((a) => a.lifecycle === l)),
    );
  const sensitive = live.filter((a) => handlesSensitiveData(a.dataClasses));
  add(
    {
      id: 'inventory.sensitive',
      label: 'APIs handling sensitive data',
      definition:
        'APIs in service that handle personal, health, payment card, credential or financial data.',
    },
    refs(sensitive),
  );
  for (const c of SENSITIVE_CLASSES)
    add(
      {
        id: `inventory.data.${c}`,
        label: `APIs handling ${LABELS.dataClass[c].toLowerCase()}`,
        definition: `APIs in service that declare ${LABELS.dataClass[c].toLowerCase()}.`,
        group: 'inventory.data',
        key: c,
      },
      refs(live.filter((a) => a.dataClasses.includes(c))),
    );
  add(
    {
      id: 'inventory.sensitive-weak-auth',
      label: 'Sensitive-data APIs without strong authentication',
      definition:
        'APIs in service that handle sensitive data but record no strong authentication (OAuth 2.0, OpenID Connect, mutual TLS, JWT or HMAC signatures); API keys, HTTP Basic or nothing at all do not count as strong.',
      better: 'lower',
      headline: true,
    },
    refs(sensitive.filter((a) => !hasStrongAuth(a.authentication))),
  );
  add(
    {
      id: 'inventory.unowned',
      label: 'Unowned APIs',
      definition: 'APIs in service with neither an owning team nor a contact recorded.',
      better: 'lower',
      headline: true,
    },
    refs(live.filter(isUnowned)),
  );
  add(
    {
      id: 'inventory.review-overdue',
      label: 'APIs with an overdue review',
      definition: 'APIs in service whose next review date had passed at the end of the period.',
      better: 'lower',
    },
    refs(live.filter((a) => isReviewOverdue(a, ctx.asOfDate))),
  );
  add(
    {
      id: 'inventory.zombie',
      label: 'Zombie APIs',
      definition:
        'Deprecated or retired APIs that still list an environment with an address: they may still be answering requests.',
      better: 'lower',
    },
    refs(ctx.apis.filter(isZombie)),
  );
  // Shadow APIs: threat models and incidents that name an API the inventory does not hold.
  const known = new Set(ctx.apis.map((a) => a.id as string));
  const shadow: RecordRef[] = [];
  for (const m of ctx.models)
    if (m.apiIds.some((id) => !known.has(id)))
      shadow.push({ kind: 'threat-model', id: m.id, label: m.title });
  for (const i of ctx.incidents)
    if (i.mode === 'live' && i.apiIds.some((id) => !known.has(id)))
      shadow.push({ kind: 'incident', id: i.id, label: i.title });
  add(
    {
      id: 'inventory.shadow',
      label: 'Shadow API findings',
      definition:
        'Threat models and live incidents that name an API missing from the inventory: an API in use that nobody recorded.',
      better: 'lower',
    },
    shadow,
  );
  return out;
}
