import type { ApiEntry } from '../inventory/types';
import { LABELS } from '../inventory/types';
import { truncate } from '../threats/escape';
import type {
  CatalogueThreatId,
  ElementId,
  Level,
  MitigationId,
  Stride,
  ThreatInstanceId,
  ThreatModel,
} from '../threats/model';
import { addManualThreat, updateThreat } from '../threats/threat-ops';
import { formatSpan } from './deadlines';
import { incidentMetrics } from './metrics';
import { formatIncidentTime } from './templates';
import type {
  ActionItem,
  Incident,
  IncidentMetrics,
  KeyTimeName,
  PostIncidentReview,
  TimelineEntry,
} from './types';
import { DETECTION_SOURCE_LABELS, KEY_TIMES, KEY_TIME_LABELS, SEVERITY_DEFINITIONS } from './types';

// The post-incident review: a draft generated from the incident and its timeline, which
// people then complete (root cause, five whys, contributing factors, what went well,
// action items). An action item can become a threat or a mitigation in the affected API's
// threat model, linked both ways: the item stores the link, the threat's notes (and the
// mitigation's description) name the incident and the item.

/** Timeline kinds that belong in the review's timeline summary. */
export const REVIEW_TIMELINE_KINDS: ReadonlySet<string> = new Set([
  'declared',
  'key-time',
  'status-changed',
  'severity-changed',
  'decision',
  'role-handoff',
  'playbook-started',
  'playbook-switched',
  'clock-started',
  'notification-sent',
  'escalation',
  'sla-breached',
  'correction',
  'exercise-inject',
]);

/** Most lines of the drafted timeline summary; the full timeline is in the report. */
export const MAX_SUMMARY_LINES = 60;

const metricLine = (label: string, ms: number | null) =>
  `${label}: ${ms === null ? 'not known' : formatSpan(ms)}`;

/** The four metrics as lines of text. */
export function metricsText(m: IncidentMetrics): string[] {
  return [
    metricLine('Time to detect', m.timeToDetectMs),
    metricLine('Time to acknowledge', m.timeToAcknowledgeMs),
    metricLine('Time to contain', m.timeToContainMs),
    metricLine('Time to resolve', m.timeToResolveMs),
  ];
}

function keyTimeText(incident: Incident, k: KeyTimeName): string {
  const t = incident.keyTimes[k];
  return t ? formatIncidentTime(t.at, incident.timeZone) : 'not recorded';
}

/** The timeline in a few lines: key times, then the significant entries in order. */
export function timelineSummary(incident: Incident, timeline: readonly TimelineEntry[]): string {
  const lines = KEY_TIMES.map((k) => `${KEY_TIME_LABELS[k].label}: ${keyTimeText(incident, k)}`);
  const picked = timeline.filter((e) => REVIEW_TIMELINE_KINDS.has(e.kind));
  const shown = picked.slice(0, MAX_SUMMARY_LINES);
  if (shown.length) lines.push('');
  for (const e of shown)
    lines.push(
      `${formatIncidentTime(e.at, incident.timeZone)} — ${e.actor}: ${truncate(e.text.replace(/\s+/g, ' '), 300)}`,
    );
  if (picked.length > shown.length)
    lines.push(`… and ${picked.length - shown.length} more entries (see the full timeline).`);
  return lines.join('\n');
}

/**
 * A review drafted from the incident and its timeline. Fields people write (root cause,
 * whys, factors, what went well, action items) are kept from the incident's existing
 * review, so re-drafting refreshes only the generated parts.
 */
export function draftReview(
  incident: Incident,
  timeline: readonly TimelineEntry[],
  options: { readonly now: number; readonly by: string; readonly apis?: readonly ApiEntry[] },
): PostIncidentReview {
  const names = incident.apiIds.map((id) => options.apis?.find((a) => a.id === id)?.name ?? id);
  const sev = SEVERITY_DEFINITIONS[incident.severity].label;
  const apis = names.length ? names.join(', ') : 'no API recorded';
  const summary = [
    `${incident.mode === 'exercise' ? 'EXERCISE: ' : ''}${incident.title} (${sev}) affecting ${apis}.`,
    `Detected through ${DETECTION_SOURCE_LABELS[incident.detectionSource].toLowerCase()} at ${keyTimeText(incident, 'detected')}; contained at ${keyTimeText(incident, 'contained')}; resolved at ${keyTimeText(incident, 'resolved')}.`,
    incident.description,
  ]
    .filter(Boolean)
    .join('\n\n');
  const classes = incident.dataClasses.map((c) => LABELS.dataClass[c]);
  const impact = [
    `APIs: ${apis}.`,
    `Data involved: ${classes.length ? classes.join(', ') : 'none recorded'}.`,
    `Regulatory scope: ${incident.regimes.length ? incident.regimes.join(', ') : 'none recorded'}.`,
    `Notifications sent: ${incident.notifications.filter((n) => n.status === 'sent').length} of ${incident.notifications.length}.`,
    'Customers, requests and records affected: [to be completed]',
  ].join('\n');
  const metrics = incidentMetrics(incident, timeline);
  const previous = incident.review;
  return {
    summary,
    impact,
    timelineSummary: `${timelineSummary(incident, timeline)}\n\n${metricsText(metrics).join('\n')}`,
    metrics,
    rootCause: previous?.rootCause ?? '',
    fiveWhys: previous?.fiveWhys ?? [],
    contributingFactors: previous?.contributingFactors ?? [],
    wentWell: previous?.wentWell ?? [],
    actionItems: previous?.actionItems ?? [],
    updatedAt: options.now,
    updatedBy: options.by,
  };
}

/** How an action item enters a threat model. */
export type ThreatLinkRequest =
  | {
      /** A new threat on an element of the model. */
      readonly kind: 'threat';
      readonly elementId: ElementId;
      readonly stride: Stride;
      readonly description?: string;
      readonly likelihood?: Level;
      readonly impact?: Level;
      readonly operation?: string;
    }
  | {
      /** A new mitigation on an existing threat. */
      readonly kind: 'mitigation';
      readonly threatId: ThreatInstanceId;
    };

/** The updated model and action item, or why the link could not be made. */
export type ThreatLinkResult =
  | { readonly ok: true; readonly model: ThreatModel; readonly item: ActionItem }
  | { readonly ok: false; readonly error: string };

/** An id made of letters, digits and `._-` (at most 60, as threat catalogue ids allow). */
function slugId(prefix: string, ...parts: string[]): string {
  const body = parts
    .join('-')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${prefix}-${body}`.slice(0, 60).replace(/[-.]+$/, '');
}

function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = base.slice(0, 60 - suffix.length) + suffix;
    if (!taken(id)) return id;
  }
}

/** The back-link text written into the threat model. */
export function backLinkText(
  incident: Pick<Incident, 'id' | 'title' | 'mode'>,
  item: Pick<ActionItem, 'id' | 'title'>,
): string {
  const mode = incident.mode === 'exercise' ? 'exercise' : 'incident';
  return `From ${mode} ${incident.id} ("${incident.title}"), action item ${item.id}: ${item.title}`;
}

/**
 * Turns an action item into a new threat or a new mitigation in `model` and links both
 * ways: the returned item carries `link` (model, threat instance, mitigation), and the
 * model's threat notes or mitigation description name the incident and the item.
 */
export function linkActionItem(
  model: ThreatModel,
  incident: Pick<Incident, 'id' | 'title' | 'mode'>,
  item: ActionItem,
  request: ThreatLinkRequest,
): ThreatLinkResult {
  if (item.link)
    return { ok: false, error: 'This action item is already linked to a threat model.' };
  const back = backLinkText(incident, item);
  if (request.kind === 'threat') {
    const catalogueId = uniqueId(slugId('incident', incident.id, item.id), (id) =>
      model.threats.catalogue.some((c) => c.id === id),
    );
    const result = addManualThreat(model, {
      threat: {
        id: catalogueId as CatalogueThreatId,
        title: item.title,
        description: request.description ?? back,
        stride: request.stride,
        owasp: null,
        cwe: [],
        capec: [],
        // The incident showed the threat is real: likely by default.
        likelihood: request.likelihood ?? 3,
        impact: request.impact ?? 3,
        mitigations: [],
      },
      elementId: request.elementId,
      notes: back,
      ...(request.operation !== undefined ? { operation: request.operation } : {}),
    });
    if (!result.ok) return result;
    const created = result.model.threats.instances.find(
      (t) => t.threatId === catalogueId && t.elementId === request.elementId,
    );
    if (!created) return { ok: false, error: 'The threat was not created.' };
    return {
      ok: true,
      model: result.model,
      item: { ...item, link: { threatModelId: model.id, threatId: created.id } },
    };
  }
  const threat = model.threats.instances.find((t) => t.id === request.threatId);
  if (!threat) return { ok: false, error: `There is no threat with id "${request.threatId}".` };
  const mitigationId = uniqueId(slugId('incident', incident.id, item.id), (id) =>
    threat.mitigations.some((m) => m.id === id),
  );
  const result = updateThreat(model, threat.id, {
    mitigations: [
      ...threat.mitigations,
      {
        id: mitigationId as MitigationId,
        title: item.title,
        description: back,
        status: item.status === 'done' ? 'implemented' : 'planned',
        owner: item.owner,
        due: item.due,
      },
    ],
    notes: threat.notes ? `${threat.notes}\n${back}` : back,
  });
  if (!result.ok) return result;
  return {
    ok: true,
    model: result.model,
    item: { ...item, link: { threatModelId: model.id, threatId: threat.id, mitigationId } },
  };
}
