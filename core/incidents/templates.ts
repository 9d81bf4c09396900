import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { ApiEntry } from '../inventory/types';
import { LABELS } from '../inventory/types';
import { clockById } from '../playbooks/clocks';
import { stripControl } from '../threats/escape';
import type { Incident, IncidentNotification, NotificationAudience, NotificationId } from './types';
import { DETECTION_SOURCE_LABELS, SEVERITY_DEFINITIONS, STATUS_LABELS } from './types';

// Notification templates for each audience, filled from the incident. Placeholders are
// `{{name}}` and are replaced in one pass over the template only: a value (a title, a
// description) is inserted as plain text and never scanned for placeholders again, so
// text a person typed is never interpreted. Nothing here sends anything: the result is a
// draft a person edits, copies or exports (email.ts) and marks as sent.

/** A message template. */
export type NotificationTemplateDef = {
  readonly id: string;
  readonly audience: NotificationAudience;
  readonly title: string;
  readonly subject: string;
  readonly body: string;
};

/** The placeholders templates may use, with what each is filled with. */
export const TEMPLATE_FIELDS = {
  title: 'The incident title',
  id: 'The incident id',
  severity: 'SEV1 … SEV4 with its label',
  status: 'The current status',
  description: 'What is known',
  apis: 'Names of the affected APIs',
  dataClasses: 'Data classes involved',
  regimes: 'Regulatory scope',
  detectionSource: 'How it was detected',
  started: 'When it started',
  detected: 'When it was detected',
  aware: 'When the organisation became aware',
  contained: 'When it was contained',
  resolved: 'When it was resolved',
  commander: 'The incident commander',
  sender: 'Who prepares the message',
  now: 'The time of writing',
  timeZone: 'The incident time zone',
  clockReference: 'The regulatory provision (regulator notices)',
  clockRecipient: 'The authority to notify',
  clockDeadline: 'The notification deadline',
} as const;

/** A placeholder name. */
export type TemplateField = keyof typeof TEMPLATE_FIELDS;

const EXEC = `Executive briefing: {{title}}

Severity: {{severity}}
Status: {{status}}
Affected APIs: {{apis}}
Data involved: {{dataClasses}}
Regulatory scope: {{regimes}}

What we know
{{description}}

Key times ({{timeZone}})
- Started: {{started}}
- Detected: {{detected}}
- Aware: {{aware}}
- Contained: {{contained}}

Incident commander: {{commander}}
Next update: [time of next briefing]
Decisions needed: [decisions]

{{sender}}, {{now}}`;

/** The built-in templates; ids match those the built-in playbooks reference. */
export const NOTIFICATION_TEMPLATES: readonly NotificationTemplateDef[] = [
  {
    id: 'executive-briefing',
    audience: 'executives',
    title: 'Executive briefing',
    subject: '[{{severity}}] {{title}} — executive briefing',
    body: EXEC,
  },
  {
    id: 'internal-status-update',
    audience: 'internal',
    title: 'Engineering status update',
    subject: '[{{severity}}] {{title}} — status: {{status}}',
    body: `Incident {{id}}: {{title}}
Severity: {{severity}} · Status: {{status}}
Affected APIs: {{apis}}
Detection: {{detectionSource}} at {{detected}}

Current understanding
{{description}}

Asks
- Do not discuss outside the incident channel.
- Preserve logs and evidence; do not redeploy affected services without the commander.

Commander: {{commander}} · Updated {{now}} by {{sender}}`,
  },
  {
    id: 'support-briefing',
    audience: 'internal',
    title: 'Support team briefing',
    subject: 'Support briefing: {{title}}',
    body: `Support team,

We are handling an incident affecting {{apis}} (status: {{status}}).

What customers may notice: [symptoms]
What to say: we are aware, we are investigating, and we will share updates.
Do not share: internal details, names of affected customers, or speculation.
Escalate to: {{commander}}

{{sender}}, {{now}}`,
  },
  {
    id: 'customer-breach-notice',
    audience: 'customers',
    title: 'Customer notice of a data breach',
    subject: 'Important information about your data',
    body: `Dear customer,

We are writing to tell you about a security incident that may involve your information.

What happened
{{description}}

When
It began on {{started}} and we became aware of it on {{aware}}.

What information was involved
{{dataClasses}}

What we are doing
We contained the incident on {{contained}} and are working with security experts.

What you can do
[steps for customers]

We are sorry this happened. For questions, contact [contact details].

{{sender}}`,
  },
  {
    id: 'account-takeover-notice',
    audience: 'customers',
    title: 'Account takeover notice',
    subject: 'Action needed: secure your account',
    body: `Dear customer,

We detected sign-ins to your account that may not have been made by you ({{detected}}).
To protect you we have [reset your password / ended active sessions].

Please choose a new password you do not use elsewhere, and turn on two-step verification.
If you see activity you do not recognise, contact [contact details].

{{sender}}`,
  },
  {
    id: 'customer-service-advisory',
    audience: 'customers',
    title: 'Service advisory',
    subject: 'Service advisory: {{apis}}',
    body: `We are investigating an issue affecting {{apis}} since {{started}}.

Current status: {{status}}.
We will post an update by [time].

{{sender}}`,
  },
  {
    id: 'status-page-update',
    audience: 'customers',
    title: 'Status page update',
    subject: '{{apis}}: {{status}}',
    body: `{{status}} — We are investigating reports affecting {{apis}}. Next update by [time]. ({{now}})`,
  },
  {
    id: 'partner-incident-notice',
    audience: 'partners',
    title: 'Partner incident notice',
    subject: 'Security incident notice: {{title}}',
    body: `Dear partner,

We are informing you of a security incident that may affect your integration with {{apis}}.

Summary
{{description}}

Severity: {{severity}}. Status: {{status}}.
Started: {{started}}. Contained: {{contained}}.

Actions we ask of you: [actions]
Contact: {{commander}}

{{sender}}, {{now}}`,
  },
  {
    id: 'partner-credential-rotation',
    audience: 'partners',
    title: 'Partner credential rotation',
    subject: 'Action required: rotate your credentials for {{apis}}',
    body: `Dear partner,

As a precaution following a security incident, the credentials your systems use for {{apis}}
must be rotated. Old credentials stop working on [date and time].

How to rotate: [instructions]
Contact: {{commander}}

{{sender}}`,
  },
  {
    id: 'api-deprecation-notice',
    audience: 'partners',
    title: 'API deprecation notice',
    subject: 'Deprecation of {{apis}}',
    body: `Dear partner,

Following a security review, {{apis}} will be withdrawn on [date].
Please migrate to [replacement] before then.

Contact: {{commander}}

{{sender}}`,
  },
  {
    id: 'regulator-initial-notice',
    audience: 'regulators',
    title: 'Initial notification to a regulator',
    subject: 'Notification under {{clockReference}}: {{title}}',
    body: `To: {{clockRecipient}}
Provision: {{clockReference}}
Deadline: {{clockDeadline}}

1. Nature of the incident
{{description}}

2. Categories of data concerned
{{dataClasses}}

3. Time line ({{timeZone}})
Started: {{started}}. Detected: {{detected}}. Aware: {{aware}}. Contained: {{contained}}.

4. Approximate number of persons and records concerned
[number]

5. Likely consequences
[consequences]

6. Measures taken or proposed
[measures]

7. Contact point
{{commander}}

Further information will be provided in phases as it becomes available.

{{sender}}, {{now}}`,
  },
];

/** A template by id. */
export function templateById(id: string): NotificationTemplateDef | undefined {
  return NOTIFICATION_TEMPLATES.find((t) => t.id === id);
}

/** The templates for an audience. */
export function templatesFor(audience: NotificationAudience): NotificationTemplateDef[] {
  return NOTIFICATION_TEMPLATES.filter((t) => t.audience === audience);
}

/** A time in the incident's zone: `2026-03-02 10:50 +01:00`. */
export function formatIncidentTime(at: number, timeZone: string): string {
  return format(new TZDate(at, timeZone), 'yyyy-MM-dd HH:mm xxx');
}

/** What a template is filled from beyond the incident. */
export type FillOptions = {
  /** The inventory, for API names (ids are shown when absent). */
  readonly apis?: readonly ApiEntry[];
  readonly now: number;
  readonly sender: string;
  /** The regulatory clock a regulator notice is for. */
  readonly clock?: { readonly clockId: string; readonly deadlineAt: number | null };
};

const UNKNOWN = 'not yet known';

/** The value of every placeholder for an incident (plain text). */
export function templateValues(
  incident: Incident,
  options: FillOptions,
): Record<TemplateField, string> {
  const zone = incident.timeZone;
  const time = (k: keyof Incident['keyTimes']) => {
    const t = incident.keyTimes[k];
    return t ? formatIncidentTime(t.at, zone) : UNKNOWN;
  };
  const names = incident.apiIds.map((id) => options.apis?.find((a) => a.id === id)?.name ?? id);
  const commander = incident.roles.find((r) => r.roleId === 'incident-commander');
  const clock = options.clock ? clockById(options.clock.clockId) : undefined;
  const list = (items: readonly string[]) => (items.length ? items.join(', ') : 'none recorded');
  return {
    title: incident.title,
    id: incident.id,
    severity: SEVERITY_DEFINITIONS[incident.severity].label,
    status: STATUS_LABELS[incident.status],
    description: incident.description || '[summary of what is known]',
    apis: list(names),
    dataClasses: list(incident.dataClasses.map((c) => LABELS.dataClass[c])),
    regimes: list(incident.regimes),
    detectionSource:
      DETECTION_SOURCE_LABELS[incident.detectionSource] +
      (incident.detectionDetail ? ` (${incident.detectionDetail})` : ''),
    started: time('started'),
    detected: time('detected'),
    aware: time('aware'),
    contained: time('contained'),
    resolved: time('resolved'),
    commander: commander?.person ?? '[incident commander]',
    sender: options.sender,
    now: formatIncidentTime(options.now, zone),
    timeZone: zone,
    clockReference: clock?.reference ?? '[provision]',
    clockRecipient: clock?.recipient ?? '[authority]',
    clockDeadline:
      options.clock?.deadlineAt != null
        ? formatIncidentTime(options.clock.deadlineAt, zone)
        : 'without undue delay',
  };
}

/**
 * Replaces `{{field}}` in `template` with plain-text values, in one pass (values are never
 * re-scanned). Unknown placeholders stay as written so that a person sees them.
 */
export function fillPlaceholders(
  template: string,
  values: Readonly<Record<string, string>>,
): string {
  return template.replace(/\{\{([A-Za-z]+)\}\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? stripControl(values[name] ?? '') : whole,
  );
}

/** The marker every exercise message carries, so that it is never taken for real. */
export const EXERCISE_BANNER = 'EXERCISE — NOT A REAL INCIDENT';

/** Subject and body of a template filled for an incident (exercises marked as such). */
export function fillTemplate(
  template: Pick<NotificationTemplateDef, 'subject' | 'body'>,
  incident: Incident,
  options: FillOptions,
): { subject: string; body: string } {
  const values = templateValues(incident, options);
  // A subject is one line whatever the values hold.
  const subject = fillPlaceholders(template.subject, values).replace(/[\r\n]+/g, ' ');
  const body = fillPlaceholders(template.body, values);
  if (incident.mode !== 'exercise') return { subject, body };
  return {
    subject: `[EXERCISE] ${subject}`,
    body: `*** ${EXERCISE_BANNER} ***\n\n${body}\n\n*** ${EXERCISE_BANNER} ***`,
  };
}

/** A new draft notification from a template. */
export function draftNotification(p: {
  readonly id: NotificationId;
  readonly template: NotificationTemplateDef;
  readonly incident: Incident;
  readonly to?: string;
  readonly by: string;
  readonly now: number;
  readonly apis?: readonly ApiEntry[];
  readonly clock?: FillOptions['clock'];
}): IncidentNotification {
  const { subject, body } = fillTemplate(p.template, p.incident, {
    now: p.now,
    sender: p.by,
    ...(p.apis ? { apis: p.apis } : {}),
    ...(p.clock ? { clock: p.clock } : {}),
  });
  return {
    id: p.id,
    audience: p.template.audience,
    templateId: p.template.id,
    to: p.to ?? (p.clock ? (clockById(p.clock.clockId)?.recipient ?? '') : ''),
    subject,
    body,
    ...(p.clock ? { clockId: p.clock.clockId } : {}),
    status: 'draft',
    createdAt: p.now,
    createdBy: p.by,
    updatedAt: p.now,
  };
}

/** The notification marked sent by a person at a time (it was sent outside Bulwark). */
export function markSent(n: IncidentNotification, by: string, at: number): IncidentNotification {
  return { ...n, status: 'sent', sentAt: at, sentBy: by, updatedAt: at };
}

/** Plain text of a notification, for copying into any channel. */
export function notificationToText(
  n: Pick<IncidentNotification, 'to' | 'subject' | 'body'>,
): string {
  const to = n.to.replace(/[\r\n]+/g, ' ').trim();
  return `${to ? `To: ${to}\n` : ''}Subject: ${n.subject.replace(/[\r\n]+/g, ' ')}\n\n${n.body}\n`;
}
