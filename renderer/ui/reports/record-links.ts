import type { ApiId } from '../../../core/inventory';
import type { RecordKind, RecordRef } from '../../../core/posture';
import type { ThreatModelId } from '../../../core/threats';
import type { Route } from '../lib/route';

// Where each record behind a figure opens. Threats and mitigations open their threat
// model at the step where they are worked on; notifications and action items open their
// incident; exercises and their improvement items open the exercise's evaluation.

/** The route that opens a record, or null when no screen shows it. */
export function routeOfRecord(ref: RecordRef): Route | null {
  switch (ref.kind) {
    case 'api':
      return { area: 'inventory', panel: { kind: 'view', id: ref.id as ApiId } };
    case 'threat-model':
      return {
        area: 'threats',
        view: { kind: 'model', id: ref.id as ThreatModelId, step: 'review' },
      };
    case 'threat':
      return ref.parent === undefined
        ? null
        : {
            area: 'threats',
            view: { kind: 'model', id: ref.parent as ThreatModelId, step: 'rate' },
          };
    case 'mitigation':
      return ref.parent === undefined
        ? null
        : {
            area: 'threats',
            view: { kind: 'model', id: ref.parent as ThreatModelId, step: 'mitigate' },
          };
    case 'incident':
      return { area: 'incidents', view: { kind: 'room', id: ref.id, tab: 'playbook' } };
    case 'notification':
      return ref.parent === undefined
        ? null
        : { area: 'incidents', view: { kind: 'room', id: ref.parent, tab: 'notifications' } };
    case 'action-item':
      return ref.parent === undefined
        ? null
        : { area: 'incidents', view: { kind: 'room', id: ref.parent, tab: 'review' } };
    case 'playbook':
      return { area: 'playbooks', view: { kind: 'view', id: ref.id } };
    case 'exercise':
      return { area: 'exercises', view: { kind: 'run', id: ref.id, tab: 'evaluate' } };
    case 'improvement-item':
      return ref.parent === undefined
        ? null
        : { area: 'exercises', view: { kind: 'run', id: ref.parent, tab: 'evaluate' } };
  }
}

/** What a kind of record is called, singular and plural. */
export const KIND_NAMES: Readonly<Record<RecordKind, readonly [string, string]>> = {
  api: ['API', 'APIs'],
  'threat-model': ['Threat model', 'Threat models'],
  threat: ['Threat', 'Threats'],
  mitigation: ['Mitigation', 'Mitigations'],
  incident: ['Incident', 'Incidents'],
  notification: ['Notification', 'Notifications'],
  'action-item': ['Action item', 'Action items'],
  exercise: ['Exercise', 'Exercises'],
  'improvement-item': ['Improvement item', 'Improvement items'],
  playbook: ['Playbook', 'Playbooks'],
};
