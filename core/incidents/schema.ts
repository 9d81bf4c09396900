import { z } from 'zod';
import { DATA_CLASSES } from '../inventory/types';
import { AUDIENCES } from '../playbooks/types';
import { RUN_FORMAT } from '../playbooks/persist';
import { isIsoDate } from '../shared/brand';
import { groupDigits } from '../shared/digits';
import type { Evidence, Incident, TimelineEntry } from './types';
import {
  CUSTODY_ACTIONS,
  DETECTION_SOURCES,
  INCIDENT_MODES,
  INCIDENT_STATUSES,
  KEY_TIMES,
  SECRET_KINDS,
  SEVERITIES,
} from './types';

// Zod schemas of the incident records as storage, backups and bundles hold them. Every
// message names the field; `describeIssues` prefixes each with its path (`timeline[3].hash`).
// Timeline entries are parsed loosely (unknown keys kept): an extra key is tampering that
// the hash chain must see, not something validation may silently strip.

/** Longest one-line field (titles, names). */
export const MAX_LINE = 500;
/** Longest free text (descriptions, notes, notification bodies). */
export const MAX_BODY = 100_000;
/** Most items of a list inside an incident (tasks, notifications, custody events). */
export const MAX_LIST = 10_000;

// A control character other than tab or a line break corrupts exports and terminals.
const CONTROL = /[^\P{Cc}\t\n\r]/u;

const text = (max: number, label: string) =>
  z
    .string(`${label} must be text.`)
    .max(max, `${label} is too long (at most ${groupDigits(max)} characters).`)
    .refine((v) => !CONTROL.test(v), `${label} contains control characters.`);

const line = (label: string) => text(MAX_LINE, label);
const body = (label: string) => text(MAX_BODY, label);

const id = (label: string) =>
  z
    .string(`${label} must be text.`)
    .min(1, `${label} is empty.`)
    .max(200, `${label} is too long (at most 200 characters).`);

/** Epoch milliseconds: a whole number within the range of a JavaScript Date. */
export const epochMsSchema = z
  .number('A time must be a number of milliseconds since 1970.')
  .int('A time must be a whole number of milliseconds.')
  .min(-8.64e15, 'The time is out of range.')
  .max(8.64e15, 'The time is out of range.');

const isoDate = z.string('A date must be text.').refine(isIsoDate, 'Use a date as YYYY-MM-DD.');

/** True when `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

const timeZone = z
  .string('The time zone must be text.')
  .refine(isTimeZone, 'Use an IANA time zone such as Europe/Berlin or America/New_York.');

const sha256Hex = z
  .string('A hash must be text.')
  .regex(/^[0-9a-f]{64}$/, 'A SHA-256 hash is 64 lower-case hexadecimal characters.');

const keyTime = z.strictObject({ at: epochMsSchema, by: line('Who set the time') });

/** A holiday calendar. */
export const holidayCalendarSchema = z.strictObject({
  id: id('The calendar id'),
  name: line('The calendar name'),
  weekend: z
    .array(z.number().int().min(0).max(6), 'The weekend lists days 0 (Sunday) to 6 (Saturday).')
    .max(6, 'At most six weekend days.'),
  dates: z.array(isoDate).max(MAX_LIST, 'Too many holidays.'),
});

const roleAssignment = z.strictObject({
  roleId: id('The role id'),
  title: line('The role title'),
  person: line('The person'),
  since: epochMsSchema,
  assignedBy: line('Who assigned the role'),
});

/** A stored playbook run (core/playbooks/persist.ts); restore() checks the snapshot itself. */
export const storedRunSchema = z.strictObject({
  format: z.literal(RUN_FORMAT, `A stored run is marked "${RUN_FORMAT}".`),
  playbookId: id('The playbook id'),
  playbookVersion: z.string('The playbook version must be text.').max(50),
  snapshot: z.looseObject({
    status: z.string('The snapshot status must be text.'),
    value: z.union([z.string(), z.record(z.string(), z.unknown())], 'The snapshot has no state.'),
    context: z.record(z.string(), z.unknown(), 'The snapshot has no context.'),
  }),
});

const playbookRun = z.strictObject({
  playbookId: id('The playbook id'),
  version: z.string('The playbook version must be text.').max(50),
  snapshot: storedRunSchema,
  startedAt: epochMsSchema,
  startedBy: line('Who started the playbook'),
  endedAt: epochMsSchema.optional(),
  switchedReason: body('The reason for switching').optional(),
});

const task = z.strictObject({
  id: id('The task id'),
  title: line('The task title').min(1, 'Give the task a title.'),
  owner: line('The owner'),
  due: epochMsSchema.optional(),
  createdAt: epochMsSchema,
  createdBy: line('Who added the task'),
  doneAt: epochMsSchema.optional(),
  doneBy: line('Who did the task').optional(),
});

const clockInstance = z.strictObject({
  clockId: id('The clock id'),
  triggerAt: epochMsSchema,
  setBy: line('Who set the clock'),
  setAt: epochMsSchema,
  deadlineAt: epochMsSchema.nullable(),
  timeZone: timeZone.optional(),
  notificationId: id('The notification id').optional(),
  dismissed: z
    .strictObject({ at: epochMsSchema, by: line('Who dismissed it'), reason: body('The reason') })
    .optional(),
});

const notification = z.strictObject({
  id: id('The notification id'),
  audience: z.enum(AUDIENCES, `Use one of: ${AUDIENCES.join(', ')}.`),
  templateId: id('The template id'),
  to: body('The recipients'),
  subject: line('The subject'),
  body: body('The message'),
  clockId: id('The clock id').optional(),
  status: z.enum(['draft', 'sent'], 'A notification is a draft or sent.'),
  createdAt: epochMsSchema,
  createdBy: line('Who drafted it'),
  updatedAt: epochMsSchema,
  sentAt: epochMsSchema.optional(),
  sentBy: line('Who sent it').optional(),
});

const duration = z.number().nonnegative().nullable();

const metrics = z.strictObject({
  timeToDetectMs: duration,
  timeToAcknowledgeMs: duration,
  timeToContainMs: duration,
  timeToResolveMs: duration,
});

const actionItem = z.strictObject({
  id: id('The action item id'),
  title: line('The action item').min(1, 'Give the action item a title.'),
  owner: line('The owner'),
  due: isoDate.nullable(),
  status: z.enum(['open', 'done'], 'An action item is open or done.'),
  link: z
    .strictObject({
      threatModelId: id('The threat model id'),
      threatId: id('The threat id').optional(),
      mitigationId: id('The mitigation id').optional(),
    })
    .optional(),
});

const list = <T extends z.ZodType>(item: T, label: string) =>
  z.array(item, `${label} must be a list.`).max(MAX_LIST, `Too many ${label.toLowerCase()}.`);

const review = z.strictObject({
  summary: body('The summary'),
  impact: body('The impact'),
  timelineSummary: body('The timeline summary'),
  metrics,
  rootCause: body('The root cause'),
  fiveWhys: list(body('A why'), 'Whys'),
  contributingFactors: list(body('A contributing factor'), 'Contributing factors'),
  wentWell: list(body('What went well'), 'Things that went well'),
  actionItems: list(actionItem, 'Action items'),
  updatedAt: epochMsSchema,
  updatedBy: line('Who updated the review'),
});

/** A whole incident as stored. */
export const incidentSchema = z.strictObject({
  id: id('The incident id'),
  title: line('The title').trim().min(1, 'Give the incident a title.'),
  description: body('The description'),
  severity: z.enum(SEVERITIES, 'Use a severity from SEV1 to SEV4.'),
  status: z.enum(INCIDENT_STATUSES, `Use one of: ${INCIDENT_STATUSES.join(', ')}.`),
  mode: z.enum(INCIDENT_MODES, 'The mode is live or exercise.'),
  exerciseId: id('The exercise id').optional(),
  apiIds: list(id('An API id'), 'APIs'),
  dataClasses: z.array(z.enum(DATA_CLASSES, `Use one of: ${DATA_CLASSES.join(', ')}.`)),
  regimes: z.array(line('A regime').min(1, 'A regime name is empty.')).max(100),
  detectionSource: z.enum(DETECTION_SOURCES, `Use one of: ${DETECTION_SOURCES.join(', ')}.`),
  detectionDetail: body('The detection detail'),
  keyTimes: z.partialRecord(z.enum(KEY_TIMES), keyTime),
  timeZone,
  calendar: holidayCalendarSchema,
  roles: list(roleAssignment, 'Roles'),
  playbookRuns: list(playbookRun, 'Playbook runs'),
  tasks: list(task, 'Tasks'),
  clocks: list(clockInstance, 'Clocks'),
  notifications: list(notification, 'Notifications'),
  review: review.nullable(),
  declaredBy: line('Who declared the incident'),
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
});

/** Any JSON value. */
export const jsonValueSchema: z.ZodType = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number().refine(Number.isFinite, 'Numbers must be finite.'),
    z.string(),
    z.array(jsonValueSchema),
    z.record(z.string(), jsonValueSchema),
  ]),
);

/** A timeline entry; unknown keys are kept so that the hash chain sees them. */
export const timelineEntrySchema = z.looseObject({
  incidentId: id('The incident id'),
  seq: z.number('The seq must be a number.').int('The seq is a whole number.').min(0),
  at: epochMsSchema,
  recordedAt: epochMsSchema,
  actor: line('The actor'),
  kind: z.string('The kind must be text.').regex(
    /^[a-z][a-z0-9._-]{0,63}$/,
    // Dots allow the playbook machine's fact kinds (`step.entered`) to be recorded as they are.
    'A kind is lower-case words joined by hyphens or dots.',
  ),
  text: body('The text'),
  data: jsonValueSchema,
  masked: z.array(z.enum(SECRET_KINDS, 'Unknown secret kind.')).optional(),
  prevHash: sha256Hex,
  hash: sha256Hex,
});

/** One link of the chain of custody. */
export const custodyEventSchema = z.strictObject({
  at: epochMsSchema,
  by: line('Who'),
  action: z.enum(CUSTODY_ACTIONS, `Use one of: ${CUSTODY_ACTIONS.join(', ')}.`),
  note: body('The note'),
});

/** Evidence metadata (the content is stored separately). */
export const evidenceSchema = z.strictObject({
  id: id('The evidence id'),
  incidentId: id('The incident id'),
  name: line('The name').min(1, 'Name the evidence.'),
  kind: z.enum(['file', 'text'], 'Evidence is a file or text.'),
  mediaType: z.string().max(200),
  size: z.number().int().nonnegative('The size cannot be negative.'),
  sha256: sha256Hex,
  source: body('The source'),
  collectedBy: line('Who collected it'),
  collectedAt: epochMsSchema,
  description: body('The description'),
  custody: list(custodyEventSchema, 'Custody events'),
});

/** `path: message` for each zod issue, the path written as `timeline[3].hash`. */
export function describeIssues(error: z.ZodError, root = ''): string[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path, root);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** A zod path as `a.b[2].c`, after `root`. */
export function formatPath(path: readonly PropertyKey[], root = ''): string {
  let out = root;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** The result of parsing a stored record. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: string[] };

function parseWith<T>(schema: z.ZodType, input: unknown, root: string): Parsed<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data as T };
  return { ok: false, errors: describeIssues(result.error, root) };
}

/** Validates a stored incident (database, backup or bundle). */
export function parseIncident(input: unknown, root = 'incident'): Parsed<Incident> {
  return parseWith<Incident>(incidentSchema, input, root);
}

/** Validates one stored timeline entry (its hash is checked by verifyChain, not here). */
export function parseTimelineEntry(input: unknown, root = 'entry'): Parsed<TimelineEntry> {
  return parseWith<TimelineEntry>(timelineEntrySchema, input, root);
}

/** Validates stored evidence metadata. */
export function parseEvidence(input: unknown, root = 'evidence'): Parsed<Evidence> {
  return parseWith<Evidence>(evidenceSchema, input, root);
}
