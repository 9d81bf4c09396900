// The record's changes: notes and corrections, notification drafts and sends.
import {
  activeRun,
  AUDIENCE_LABELS,
  correctionDraft,
  type Incident,
  type IncidentNotification,
  type NotificationId,
  type SecretKind,
  type TimelineDraft,
} from '../../../core/incidents';
import { activeSteps, type Playbook } from '../../../core/playbooks';
import type { IncidentChange } from '../../storage/incidents';
import { entry, type Actx } from './change-context';
import { applyRunEvents } from './changes-run';
import { snapshotOf } from './run-host';

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
