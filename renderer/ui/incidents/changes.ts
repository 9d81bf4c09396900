import {
  activeRun,
  AUDIENCE_LABELS,
  correctionDraft,
  defaultTriggerAt,
  startClock as coreStartClock,
  playbookIncidentClocks,
  STATUS_LABELS,
  KEY_TIME_LABELS,
  type AdHocTask,
  type Incident,
  type IncidentNotification,
  type NotificationId,
  type IncidentStatus,
  type JsonValue,
  type KeyTimeName,
  type PlaybookRunRecord,
  type PostIncidentReview,
  type RoleAssignment,
  type SecretKind,
  type Severity,
  type TaskId,
  type TimelineDraft,
} from '../../../core/incidents';
import {
  activeSteps,
  clockById,
  type Playbook,
  type PlaybookEvent,
  type RegulatoryClock,
} from '../../../core/playbooks';
import type { IncidentChange } from '../../storage/incidents';
import { describeFact } from './fact-text';
import { snapshotOf, startRun, stepRun, type RunEffects } from './run-host';

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
        entry(
          ctx,
          done ? 'task-done' : 'task-reopened',
          `${done ? 'Done' : 'Reopened'}: ${task.title}`,
          {
            taskId: id,
            adHoc: true,
          },
        ),
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
      actor:
        by ?? (kind === 'escalation' || kind === 'sla-breached' ? 'Bulwark (timer)' : ctx.actor),
      kind,
      text: describeFact(playbook, fact),
      data: { fact: fact.kind, ...rest },
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
  if (run?.playbookId !== playbook.id) return null;
  const stepped = stepRun(playbook, run.snapshot, events);
  if (!stepped.ok) return null;
  return withClocks(ctx, withSnapshot(incident, run, stepped.stored), stepped.effects, [
    ...effectEntries(ctx, playbook, stepped.effects),
  ]);
}

/**
 * Starts the regulatory clocks a notification step asked for (`startRegulatoryClocks`),
 * each from its own trigger basis (awareness, discovery …) when that key time is known.
 */
function withClocks(
  ctx: Actx,
  incident: Incident,
  effects: RunEffects,
  entries: TimelineDraft[],
): IncidentChange {
  let next = incident;
  for (const request of effects.clocks)
    for (const id of request.clockIds) {
      if (next.clocks.some((c) => c.clockId === id)) continue;
      const clock = clockById(id);
      if (!clock) continue;
      const started = startClock(
        { ...ctx, at: request.at },
        clock,
        defaultTriggerAt(clock, next) ?? request.at,
      )(next);
      if (!started) continue;
      next = started.incident;
      entries.push(...started.entries);
    }
  return { incident: next, entries };
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
    return withClocks(
      ctx,
      { ...incident, playbookRuns: [...runs, record] },
      started.effects,
      entries,
    );
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
        ...correctionDraft({
          seq,
          text: note.text,
          actor: ctx.actor,
          at: ctx.at,
          recordedAt: ctx.recordedAt,
        }),
        masked: note.masked,
      },
    ],
  });
}

/** A running clock instance from core (deadline in the obligation's time zone). */
const clockInstance = (ctx: Actx, incident: Incident, clock: RegulatoryClock, triggerAt: number) =>
  coreStartClock({ clock, triggerAt, setBy: ctx.actor, setAt: ctx.at, incident });

/** Starts (or restarts with a new trigger time) one regulatory clock. */
export function startClock(ctx: Actx, clock: RegulatoryClock, triggerAt: number) {
  return (incident: Incident): IncidentChange | null => {
    const existing = incident.clocks.find((c) => c.clockId === clock.id);
    if (existing?.triggerAt === triggerAt && !existing.dismissed) return null;
    const instance = clockInstance(ctx, incident, clock, triggerAt);
    const clocks = existing
      ? incident.clocks.map((c) => (c.clockId === clock.id ? instance : c))
      : [...incident.clocks, instance];
    return {
      incident: { ...incident, clocks },
      entries: [
        entry(
          ctx,
          'clock-started',
          `Clock started: ${clock.reference} (${clock.recipient}), trigger ${clock.trigger} at ${new Date(triggerAt).toISOString()}${instance.deadlineAt === null ? ', no fixed deadline' : `, due ${new Date(instance.deadlineAt).toISOString()}`}`,
          { clockId: clock.id, triggerAt, deadlineAt: instance.deadlineAt },
        ),
      ],
    };
  };
}

/** Records that a clock's duty does not apply, with the reason. */
export function dismissClock(ctx: Actx, clock: RegulatoryClock, reason: string) {
  return (incident: Incident): IncidentChange | null => {
    const existing = incident.clocks.find((c) => c.clockId === clock.id);
    const base = existing ?? clockInstance(ctx, incident, clock, ctx.at);
    const dismissed = { ...base, dismissed: { at: ctx.at, by: ctx.actor, reason: reason.trim() } };
    const clocks = existing
      ? incident.clocks.map((c) => (c.clockId === clock.id ? dismissed : c))
      : [...incident.clocks, dismissed];
    return {
      incident: { ...incident, clocks },
      entries: [
        entry(
          ctx,
          'clock-dismissed',
          `Clock does not apply: ${clock.reference} — ${reason.trim()}`,
          {
            clockId: clock.id,
            reason: reason.trim(),
          },
        ),
      ],
    };
  };
}

/** Saves a notification draft (new or edited); a new one is recorded in the timeline. */
export function saveNotification(ctx: Actx, notification: IncidentNotification) {
  return (incident: Incident): IncidentChange | null => {
    const existing = incident.notifications.find((n) => n.id === notification.id);
    if (existing?.status === 'sent') return null;
    const next = { ...notification, updatedAt: ctx.at };
    return {
      incident: {
        ...incident,
        notifications: existing
          ? incident.notifications.map((n) => (n.id === notification.id ? next : n))
          : [...incident.notifications, next],
      },
      entries: existing
        ? []
        : [
            entry(
              ctx,
              'notification-drafted',
              `Notification drafted for ${AUDIENCE_LABELS[notification.audience]}: ${notification.subject}`,
              {
                notificationId: notification.id,
                audience: notification.audience,
                templateId: notification.templateId,
              },
            ),
          ],
    };
  };
}

/**
 * Marks a notification sent (by whatever channel people used: Bulwark sends nothing).
 * The clock it satisfies records it; a playbook step waiting for that template is told.
 */
export function markNotificationSent(ctx: Actx, id: NotificationId, playbook: Playbook | null) {
  return (incident: Incident): IncidentChange | null => {
    const n = incident.notifications.find((x) => x.id === id);
    if (!n || n.status === 'sent') return null;
    const sent: IncidentNotification = { ...n, status: 'sent', sentAt: ctx.at, sentBy: ctx.actor };
    let next: Incident = {
      ...incident,
      notifications: incident.notifications.map((x) => (x.id === id ? sent : x)),
      clocks: incident.clocks.map((c) =>
        n.clockId !== undefined && c.clockId === n.clockId ? { ...c, notificationId: id } : c,
      ),
    };
    const entries: TimelineDraft[] = [
      entry(
        ctx,
        'notification-sent',
        `${incident.mode === 'exercise' ? '[EXERCISE] ' : ''}Notification marked sent to ${AUDIENCE_LABELS[n.audience]}${n.to ? ` (${n.to})` : ''}: ${n.subject}`,
        { notificationId: id, audience: n.audience, clockId: n.clockId ?? null },
      ),
    ];
    const waiting = playbook ? pendingTemplateStep(next, playbook, n.templateId) : null;
    if (waiting && playbook) {
      const stepped = applyRunEvents(ctx, next, playbook, [
        {
          type: 'notification.sent',
          stepId: waiting,
          template: n.templateId,
          at: ctx.at,
          by: ctx.actor,
        },
      ]);
      if (stepped) {
        next = stepped.incident;
        entries.push(...stepped.entries);
      }
    }
    return { incident: next, entries };
  };
}

/** The current step that waits for `template` to be sent, if any. */
function pendingTemplateStep(
  incident: Incident,
  playbook: Playbook,
  template: string,
): string | null {
  const run = activeRun(incident);
  if (run?.playbookId !== playbook.id) return null;
  for (const s of activeSteps(playbook, snapshotOf(run.snapshot)))
    if (s.templates.some((t) => t.template.template === template && !t.sent)) return s.step.id;
  return null;
}

/** Saves the post-incident review (the timeline records who saved it and when). */
export function saveReview(ctx: Actx, review: PostIncidentReview) {
  return (incident: Incident): IncidentChange => ({
    incident: { ...incident, review },
    entries: [
      entry(
        ctx,
        'pir-updated',
        `Post-incident review ${incident.review ? 'updated' : 'saved'} (${String(review.actionItems.length)} action items)`,
        { actionItems: review.actionItems.length },
      ),
    ],
  });
}
