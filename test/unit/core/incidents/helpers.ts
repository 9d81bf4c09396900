import { appendEntries, genesisHead } from '../../../../core/incidents/chain';
import { declareIncident } from '../../../../core/incidents/factory';
import type {
  Incident,
  IncidentId,
  NotificationId,
  TimelineDraft,
  TimelineEntry,
} from '../../../../core/incidents/types';
import type { ApiId } from '../../../../core/inventory/types';
import { entry } from '../../../fixtures/inventory';

/** 2026-03-02 09:00 UTC, a Monday. */
export const T0 = Date.UTC(2026, 2, 2, 9, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** The inventory the sample incident refers to. */
export const APIS = [
  entry('api-pay', {
    name: 'Payments API',
    dataClasses: ['payment-card', 'personal'],
    regulatoryScope: ['PCI DSS', 'GDPR'],
  }),
  entry('api-users', {
    name: 'Users API',
    dataClasses: ['personal', 'credentials'],
    regulatoryScope: ['gdpr', 'NIS2'],
  }),
  entry('api-docs', { name: 'Docs API', dataClasses: ['public'], regulatoryScope: [] }),
];

/** A live incident on the payments and users APIs, with key times. */
export function sampleIncident(overrides: Partial<Incident> = {}): Incident {
  const base = declareIncident({
    id: 'inc-7' as IncidentId,
    now: T0 + 30 * MINUTE,
    title: 'Card data exposed through /v1/payments',
    severity: 'SEV1',
    mode: 'live',
    declaredBy: 'Ana Souza',
    timeZone: 'Europe/Berlin',
    apiIds: ['api-pay', 'api-users'] as ApiId[],
    apis: APIS,
    detectionSource: 'customer-report',
    description: 'A customer saw other customers’ card details.',
    keyTimes: {
      started: { at: T0, by: 'Ana Souza' },
      detected: { at: T0 + 20 * MINUTE, by: 'Ana Souza' },
      aware: { at: T0 + 50 * MINUTE, by: 'Ana Souza' },
      contained: { at: T0 + 3 * HOUR, by: 'Ben Okafor' },
      resolved: { at: T0 + 26 * HOUR, by: 'Ben Okafor' },
    },
  });
  return { ...base, ...overrides };
}

/** A notification id. */
export const nid = (s: string) => s as NotificationId;

/** A chained timeline from drafts. */
export function timelineOf(incident: Incident, drafts: readonly TimelineDraft[]): TimelineEntry[] {
  return appendEntries(genesisHead(incident.id), drafts);
}
