import type { Audience } from '../playbooks/types';
import type { EpochMs, NotificationId } from './ids';

// Regulatory clocks running for an incident and the notifications prepared for its
// audiences (see types.ts for the conventions).

/**
 * A regulatory clock running for this incident: a row of REGULATORY_CLOCKS
 * (core/playbooks/clocks.ts) with its trigger time. `deadlineAt` is computed by
 * `clockDeadline` (deadlines.ts) and stored so that a countdown survives a reload.
 */
export type ClockInstance = {
  readonly clockId: string;
  /** When the clock's trigger happened (awareness, determination …). */
  readonly triggerAt: EpochMs;
  readonly setBy: string;
  /** When it was recorded (may be later than the trigger). */
  readonly setAt: EpochMs;
  /** Null when the rule sets no fixed period ("without undue delay"). */
  readonly deadlineAt: EpochMs | null;
  /** IANA time zone of the obligation, when it differs from the incident's. */
  readonly timeZone?: string | undefined;
  /** The notification that satisfies it. */
  readonly notificationId?: NotificationId | undefined;
  /** Set when responders decided the duty does not apply (its condition is not met). */
  readonly dismissed?:
    { readonly at: EpochMs; readonly by: string; readonly reason: string } | undefined;
};

/** Who a notification is for (the playbook audiences; `internal` is engineering). */
export type NotificationAudience = Audience;

/** Labels of the audiences. */
export const AUDIENCE_LABELS: Readonly<Record<NotificationAudience, string>> = {
  internal: 'Engineering (internal)',
  executives: 'Executives',
  customers: 'Customers',
  partners: 'Partners',
  regulators: 'Regulators',
};

/** A message prepared for an audience. Nothing is ever sent by Bulwark itself. */
export type IncidentNotification = {
  readonly id: NotificationId;
  readonly audience: NotificationAudience;
  /** A template id from NOTIFICATION_TEMPLATES (templates.ts), or `custom`. */
  readonly templateId: string;
  /** Recipients as free text (addresses or names). */
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  /** The regulatory clock this notification satisfies. */
  readonly clockId?: string | undefined;
  readonly status: 'draft' | 'sent';
  readonly createdAt: EpochMs;
  readonly createdBy: string;
  readonly updatedAt: EpochMs;
  /** When a person marked it sent (by whatever channel they used) and who. */
  readonly sentAt?: EpochMs | undefined;
  readonly sentBy?: string | undefined;
};
