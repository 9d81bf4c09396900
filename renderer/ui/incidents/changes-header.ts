// The header's changes: status, severity, title and description, key times, roles.
import {
  KEY_TIME_LABELS,
  STATUS_LABELS,
  type Incident,
  type IncidentStatus,
  type KeyTimeName,
  type RoleAssignment,
  type Severity,
} from '../../../core/incidents';
import type { Playbook } from '../../../core/playbooks';
import type { IncidentChange } from '../../storage/incidents';
import { entry, type Actx } from './change-context';
import { applyRunEvents } from './changes-run';

/** Changes the status. */
export function setStatus(ctx: Actx, status: IncidentStatus) {
  return (incident: Incident): IncidentChange | null =>
    incident.status === status
      ? null
      : {
          incident: { ...incident, status },
          entries: [
            entry(
              ctx,
              'status-changed',
              `Status: ${STATUS_LABELS[incident.status]} → ${STATUS_LABELS[status]}`,
              { from: incident.status, to: status },
            ),
          ],
        };
}

/** Changes the severity. */
export function setSeverity(ctx: Actx, severity: Severity) {
  return (incident: Incident): IncidentChange | null =>
    incident.severity === severity
      ? null
      : {
          incident: { ...incident, severity },
          entries: [
            entry(ctx, 'severity-changed', `Severity: ${incident.severity} → ${severity}`, {
              from: incident.severity,
              to: severity,
            }),
          ],
        };
}

/** Edits the title or description (recorded with the old value, never lost). */
export function setField(ctx: Actx, field: 'title' | 'description', value: string) {
  return (incident: Incident): IncidentChange | null =>
    incident[field] === value
      ? null
      : {
          incident: { ...incident, [field]: value },
          entries: [
            entry(ctx, 'field-changed', `${field === 'title' ? 'Title' : 'Description'} changed`, {
              field,
              from: incident[field],
              to: value,
            }),
          ],
        };
}

/**
 * Sets a key time (who set it is kept). Detection and awareness also move the SLA bases of
 * the running playbook (`incident.clock.set`), so its deadlines are recomputed.
 */
export function setKeyTime(ctx: Actx, name: KeyTimeName, value: number, playbook: Playbook | null) {
  return (incident: Incident): IncidentChange | null => {
    const previous = incident.keyTimes[name];
    if (previous?.at === value) return null;
    const next: Incident = {
      ...incident,
      keyTimes: { ...incident.keyTimes, [name]: { at: value, by: ctx.actor } },
    };
    const entries = [
      entry(
        ctx,
        'key-time',
        `${KEY_TIME_LABELS[name].label}: ${new Date(value).toISOString()}${previous ? ` (was ${new Date(previous.at).toISOString()})` : ''}`,
        { name, value, ...(previous ? { previous: previous.at } : {}) },
      ),
    ];
    if ((name === 'detected' || name === 'aware') && playbook) {
      const stepped = applyRunEvents(ctx, next, playbook, [
        { type: 'incident.clock.set', clock: name, value, at: ctx.at, by: ctx.actor },
      ]);
      if (stepped) return { incident: stepped.incident, entries: [...entries, ...stepped.entries] };
    }
    return { incident: next, entries };
  };
}

/** Assigns a role to a person; when someone held it, the change is recorded as a hand-off. */
export function assignRole(ctx: Actx, roleId: string, title: string, person: string) {
  return (incident: Incident): IncidentChange | null => {
    const name = person.trim();
    const held = incident.roles.find((r) => r.roleId === roleId);
    if (name === '' || held?.person === name) return null;
    const assignment: RoleAssignment = {
      roleId,
      title,
      person: name,
      since: ctx.at,
      assignedBy: ctx.actor,
    };
    const roles = held
      ? incident.roles.map((r) => (r.roleId === roleId ? assignment : r))
      : [...incident.roles, assignment];
    return {
      incident: { ...incident, roles },
      entries: [
        held
          ? entry(ctx, 'role-handoff', `${title}: handed over from ${held.person} to ${name}`, {
              roleId,
              from: held.person,
              to: name,
            })
          : entry(ctx, 'role-assigned', `${title}: ${name}`, { roleId, person: name }),
      ],
    };
  };
}
