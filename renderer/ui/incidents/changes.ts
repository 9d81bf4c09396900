import {
  activeRun,
  correctionDraft,
  playbookIncidentClocks,
  STATUS_LABELS,
  KEY_TIME_LABELS,
  type AdHocTask,
  type Incident,
  type IncidentStatus,
  type JsonValue,
  type KeyTimeName,
  type PlaybookRunRecord,
  type RoleAssignment,
  type SecretKind,
  type Severity,
  type TaskId,
  type TimelineDraft,
} from '../../../core/incidents';
import type { Playbook, PlaybookEvent } from '../../../core/playbooks';
import type { IncidentChange } from '../../storage/incidents';
import { describeFact } from './fact-text';
import { startRun, stepRun, type RunEffects } from './run-host';

// Every action of the room as a pure change of the incident plus the timeline entries
// that record it. They run inside the storage transaction (commitIncident), on the
// incident as stored at that moment, so two windows never overwrite each other's step.

/** Who acts, at what incident time (simulated in an exercise), written at what wall time. */
export type Actx = { readonly at: number; readonly recordedAt: number; readonly actor: string };

/** A timeline draft stamped with the action's time and actor. */
export function entry(
  ctx: Actx,
  kind: string,
  text: string,
  data: JsonValue = null,
  at = ctx.at,
): TimelineDraft {
  return { at, recordedAt: ctx.recordedAt, actor: ctx.actor, kind, text, data };
}

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
export function setKeyTime(
  ctx: Actx,
  name: KeyTimeName,
  value: number,
  playbook: Playbook | null,
) {
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

/** Adds an ad-hoc task. */
export function addTask(ctx: Actx, id: TaskId, title: string, owner: string) {
  return (incident: Incident): IncidentChange => {
    const task: AdHocTask = {
      id,
      title: title.trim(),
      owner: owner.trim(),
      createdAt: ctx.at,
      createdBy: ctx.actor,
    };
    return {
      incident: { ...incident, tasks: [...incident.tasks, task] },
      entries: [
        entry(
          ctx,
          'task-added',
          `Task added: ${task.title}${task.owner ? ` (owner ${task.owner})` : ''}`,
          { taskId: id, owner: task.owner },
        ),
      ],
    };
  };
}

/** Marks an ad-hoc task done or open again. */
export function toggleTask(ctx: Actx, id: TaskId, done: boolean) {
  return (incident: Incident): IncidentChange | null => {
    const task = incident.tasks.find((t) => t.id === id);
    if (!task || (task.doneAt !== undefined) === done) return null;
    const next: AdHocTask = done
      ? { ...task, doneAt: ctx.at, doneBy: ctx.actor }
      : {
          id: task.id,
          title: task.title,
          owner: task.owner,
          createdAt: task.createdAt,
          createdBy: task.createdBy,
          ...(task.due !== undefined ? { due: task.due } : {}),
        };
    return {
      incident: { ...incident, tasks: incident.tasks.map((t) => (t.id === id ? next : t)) },
      entries: [
        entry(ctx, done ? 'task-done' : 'task-reopened', `${done ? 'Done' : 'Reopened'}: ${task.title}`, {
          taskId: id,
          adHoc: true,
        }),
      ],
    };
  };
}

/** Timeline drafts for what the machine's effects asked for during one step. */
function effectEntries(ctx: Actx, playbook: Playbook, effects: RunEffects): TimelineDraft[] {
  const out: TimelineDraft[] = [];
  for (const fact of effects.facts) {
    const { at, by, ...rest } = fact;
    const kind =
      fact.kind === 'escalation.fired'
        ? 'escalation'
        : fact.kind === 'sla.breached'
          ? 'sla-breached'
          : fact.kind === 'task.completed'
            ? 'task-done'
            : fact.kind === 'task.reopened'
              ? 'task-reopened'
              : fact.kind === 'decision.chosen'
                ? 'decision'
                : fact.kind === 'playbook.ended'
                  ? 'playbook-ended'
                  : 'state-change';
    out.push({
      at,
      recordedAt: ctx.recordedAt,
      actor: by ?? (kind === 'escalation' || kind === 'sla-breached' ? 'Bulwark (timer)' : ctx.actor),
      kind,
      text: describeFact(playbook, fact),
      data: { fact: fact.kind, ...(rest as Record<string, JsonValue>) } as JsonValue,
    });
  }
  return out;
}

/** The run record with a new snapshot. */
const withSnapshot = (
  incident: Incident,
  run: PlaybookRunRecord,
  snapshot: PlaybookRunRecord['snapshot'],
): Incident => ({
  ...incident,
  playbookRuns: incident.playbookRuns.map((r) => (r === run ? { ...r, snapshot } : r)),
});

/** Sends events to the active run; null when there is none or it refuses the stored run. */
export function applyRunEvents(
  ctx: Actx,
  incident: Incident,
  playbook: Playbook,
  events: readonly PlaybookEvent[],
): IncidentChange | null {
  const run = activeRun(incident);
  if (!run || run.playbookId !== playbook.id) return null;
  const stepped = stepRun(playbook, run.snapshot, events);
  if (!stepped.ok) return null;
  const entries = effectEntries(ctx, playbook, stepped.effects);
  return { incident: withSnapshot(incident, run, stepped.stored), entries };
}

/** The change that sends events to the running playbook. */
export function runEvents(ctx: Actx, playbook: Playbook, events: readonly PlaybookEvent[]) {
  return (incident: Incident): IncidentChange | null =>
    applyRunEvents(ctx, incident, playbook, events);
}

/** Starts a playbook; when one is running, it is ended first with the reason (a switch). */
export function startPlaybook(ctx: Actx, playbook: Playbook, reason: string | null) {
  return (incident: Incident): IncidentChange | null => {
    const started = startRun(playbook, {
      startedAt: ctx.at,
      scope: { dataClasses: incident.dataClasses, regimes: incident.regimes },
      incidentClocks: playbookIncidentClocks(incident),
    });
    if (!started.ok) return null;
    const current = activeRun(incident);
    const entries: TimelineDraft[] = [];
    const runs = incident.playbookRuns.map((r) =>
      r === current ? { ...r, endedAt: ctx.at, switchedReason: reason ?? 'Switched playbook' } : r,
    );
    if (current)
      entries.push(
        entry(
          ctx,
          'playbook-switched',
          `Playbook switched from ${current.playbookId} to ${playbook.title}${reason ? `: ${reason}` : ''}`,
          { from: current.playbookId, to: playbook.id, reason: reason ?? '' },
        ),
      );
    entries.push(
      entry(ctx, 'playbook-started', `Playbook started: ${playbook.title} (${playbook.version})`, {
        playbookId: playbook.id,
        version: playbook.version,
      }),
    );
    const record: PlaybookRunRecord = {
      playbookId: playbook.id,
      version: playbook.version,
      snapshot: started.stored,
      startedAt: ctx.at,
      startedBy: ctx.actor,
    };
    entries.push(...effectEntries(ctx, playbook, started.effects));
    return { incident: { ...incident, playbookRuns: [...runs, record] }, entries };
  };
}

/** A note already passed through redaction: its text, and the kinds of secret masked. */
export type RedactedNote = { readonly text: string; readonly masked: readonly SecretKind[] };

/** Adds a note (redacted before: the secret never reaches storage). */
export function addNote(ctx: Actx, note: RedactedNote) {
  return (incident: Incident): IncidentChange => ({
    incident,
    entries: [{ ...entry(ctx, 'note', note.text), masked: note.masked }],
  });
}

/** Adds a correction of entry `seq` (a new entry; the corrected one stays as it was). */
export function addCorrection(ctx: Actx, seq: number, note: RedactedNote) {
  return (incident: Incident): IncidentChange => ({
    incident,
    entries: [
      {
        ...correctionDraft({ seq, text: note.text, actor: ctx.actor, at: ctx.at, recordedAt: ctx.recordedAt }),
        masked: note.masked,
      },
    ],
  });
}
