import type { ApiEntry } from '../inventory/types';
import { LABELS } from '../inventory/types';
import { clockById } from '../playbooks/clocks';
import { verifyChain, type ChainVerdict } from './chain';
import { clockStatus } from './clock-instances';
import { formatSpan } from './deadlines';
import { incidentMetrics } from './metrics';
import { metricsText } from './review';
import { SECRET_LABELS } from './redact';
import { formatIncidentTime } from './templates';
import type { Evidence, Incident, TimelineEntry } from './types';
import {
  AUDIENCE_LABELS,
  DETECTION_SOURCE_LABELS,
  KEY_TIMES,
  KEY_TIME_LABELS,
  SEVERITY_DEFINITIONS,
  STATUS_LABELS,
} from './types';

// What the incident report shows, as plain-text sections computed once; the Markdown and
// HTML writers only format and escape them (report-markdown.ts, report-html.ts).

/** A section of the report. Every string is plain text, escaped by the writer. */
export type ReportSection =
  | {
      readonly kind: 'facts';
      readonly title: string;
      readonly items: readonly (readonly [string, string])[];
    }
  | {
      readonly kind: 'table';
      readonly title: string;
      readonly head: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Shown instead of an empty table. */
      readonly empty: string;
    }
  | { readonly kind: 'text'; readonly title: string; readonly paragraphs: readonly string[] }
  | { readonly kind: 'list'; readonly title: string; readonly items: readonly string[] };

/** Options of the incident report. */
export type IncidentReportOptions = {
  readonly apis?: readonly ApiEntry[];
  /** The time of the report (core does not read the clock); also the clocks' "now". */
  readonly generatedAt: number;
  /** The chain verdict when already known (verifying 100,000 entries takes seconds). */
  readonly verdict?: ChainVerdict;
};

/** The report in print order. */
export type IncidentReport = {
  readonly title: string;
  readonly exercise: boolean;
  readonly generated: string;
  readonly chain: string;
  readonly sections: readonly ReportSection[];
};

const or = (s: string | undefined, fallback = '–') => (s === undefined || s === '' ? fallback : s);

/** A chain verdict in words. */
export function describeVerdict(v: ChainVerdict): string {
  return v.ok
    ? `Timeline hash chain verified: ${v.length} entries, head ${v.head}.`
    : `TIMELINE CHAIN BROKEN (${v.kind}) at entry ${v.firstBad}: ${v.message}`;
}

/** The incident report's contents. */
export function incidentReport(
  incident: Incident,
  timeline: readonly TimelineEntry[],
  evidence: readonly Evidence[],
  options: IncidentReportOptions,
): IncidentReport {
  const zone = incident.timeZone;
  const t = (at: number | undefined) => (at === undefined ? '–' : formatIncidentTime(at, zone));
  const names = incident.apiIds.map((id) => options.apis?.find((a) => a.id === id)?.name ?? id);
  const verdict = options.verdict ?? verifyChain(timeline, { incidentId: incident.id });
  const exercise = incident.mode === 'exercise';
  const sections: ReportSection[] = [];

  sections.push({
    kind: 'facts',
    title: 'Summary',
    items: [
      ['Incident', incident.id],
      [
        'Mode',
        exercise ? `EXERCISE${incident.exerciseId ? ` (${incident.exerciseId})` : ''}` : 'Live',
      ],
      [
        'Severity',
        `${SEVERITY_DEFINITIONS[incident.severity].label}: ${SEVERITY_DEFINITIONS[incident.severity].summary}`,
      ],
      ['Status', STATUS_LABELS[incident.status]],
      ['Affected APIs', or(names.join(', '))],
      ['Data classes', or(incident.dataClasses.map((c) => LABELS.dataClass[c]).join(', '))],
      ['Regulatory scope', or(incident.regimes.join(', '))],
      [
        'Detection',
        DETECTION_SOURCE_LABELS[incident.detectionSource] +
          (incident.detectionDetail ? ` (${incident.detectionDetail})` : ''),
      ],
      ['Declared', `${t(incident.createdAt)} by ${incident.declaredBy}`],
      ['Time zone', zone],
    ],
  });
  if (incident.description)
    sections.push({ kind: 'text', title: 'Description', paragraphs: [incident.description] });
  sections.push({
    kind: 'table',
    title: 'Key times',
    head: ['Time', 'When', 'Set by'],
    rows: KEY_TIMES.map((k) => {
      const kt = incident.keyTimes[k];
      return [KEY_TIME_LABELS[k].label, t(kt?.at), or(kt?.by)];
    }),
    empty: '',
  });
  sections.push({
    kind: 'list',
    title: 'Metrics',
    items: metricsText(incidentMetrics(incident, timeline)),
  });
  sections.push({
    kind: 'table',
    title: 'Roles',
    head: ['Role', 'Person', 'Since', 'Assigned by'],
    rows: incident.roles.map((r) => [r.title, r.person, t(r.since), r.assignedBy]),
    empty: 'No roles assigned.',
  });
  sections.push({
    kind: 'table',
    title: 'Playbooks',
    head: ['Playbook', 'Version', 'Started', 'Ended', 'Switched because'],
    rows: incident.playbookRuns.map((r) => [
      r.playbookId,
      r.version,
      `${t(r.startedAt)} by ${r.startedBy}`,
      t(r.endedAt),
      or(r.switchedReason),
    ]),
    empty: 'No playbook was run.',
  });
  sections.push({
    kind: 'table',
    title: 'Ad-hoc tasks',
    head: ['Task', 'Owner', 'Due', 'Done'],
    rows: incident.tasks.map((x) => [
      x.title,
      x.owner,
      t(x.due),
      x.doneAt === undefined ? 'open' : `${t(x.doneAt)} by ${or(x.doneBy)}`,
    ]),
    empty: 'No ad-hoc tasks.',
  });
  sections.push({
    kind: 'table',
    title: 'Regulatory clocks',
    head: ['Obligation', 'Recipient', 'Trigger', 'Deadline', 'Status'],
    rows: incident.clocks.map((c) => {
      const row = clockById(c.clockId);
      const s = clockStatus(c, incident.notifications, options.generatedAt);
      const status =
        s.state === 'met'
          ? `met ${t(s.sentAt)}${s.late ? ' (late)' : ''}`
          : s.state === 'dismissed'
            ? `dismissed: ${s.reason}`
            : s.text;
      return [
        or(row?.reference, c.clockId),
        or(row?.recipient),
        `${t(c.triggerAt)} (set by ${c.setBy})`,
        c.deadlineAt === null ? 'without undue delay' : t(c.deadlineAt),
        status,
      ];
    }),
    empty: 'No regulatory clock was started.',
  });
  sections.push({
    kind: 'table',
    title: 'Notifications',
    head: ['Audience', 'To', 'Subject', 'Status'],
    rows: incident.notifications.map((n) => [
      AUDIENCE_LABELS[n.audience],
      n.to,
      n.subject,
      n.status === 'sent' ? `sent ${t(n.sentAt)} by ${or(n.sentBy)}` : 'draft',
    ]),
    empty: 'No notifications.',
  });
  sections.push({
    kind: 'table',
    title: 'Evidence',
    head: ['Name', 'SHA-256', 'Size', 'Source', 'Collected', 'Chain of custody'],
    rows: evidence.map((e) => [
      e.name,
      e.sha256,
      `${e.size.toLocaleString('en')} bytes`,
      e.source,
      `${t(e.collectedAt)} by ${e.collectedBy}`,
      e.custody
        .map((c) => `${t(c.at)} ${c.action} by ${c.by}${c.note ? ` (${c.note})` : ''}`)
        .join('; '),
    ]),
    empty: 'No evidence recorded.',
  });
  const review = incident.review;
  if (review) {
    sections.push({
      kind: 'text',
      title: 'Post-incident review: summary',
      paragraphs: [review.summary],
    });
    sections.push({ kind: 'text', title: 'Impact', paragraphs: [review.impact] });
    sections.push({
      kind: 'text',
      title: 'Root cause',
      paragraphs: [or(review.rootCause, 'Not yet written.')],
    });
    sections.push({
      kind: 'list',
      title: 'Five whys',
      items: review.fiveWhys.map((w, i) => `Why ${i + 1}: ${w}`),
    });
    sections.push({
      kind: 'list',
      title: 'Contributing factors',
      items: review.contributingFactors,
    });
    sections.push({ kind: 'list', title: 'What went well', items: review.wentWell });
    sections.push({
      kind: 'table',
      title: 'Action items',
      head: ['Action', 'Owner', 'Due', 'Status', 'Threat model link'],
      rows: review.actionItems.map((a) => [
        a.title,
        a.owner,
        or(a.due ?? undefined),
        a.status,
        a.link
          ? [a.link.threatModelId, a.link.threatId, a.link.mitigationId].filter(Boolean).join(' / ')
          : '–',
      ]),
      empty: 'No action items.',
    });
  }
  sections.push({
    kind: 'table',
    title: 'Timeline',
    head: ['#', 'Time', 'Actor', 'Kind', 'Entry'],
    rows: timeline.map((e) => [
      String(e.seq),
      t(e.at),
      e.actor,
      e.kind,
      e.text +
        (e.masked?.length
          ? ` [secrets masked: ${e.masked.map((k) => SECRET_LABELS[k]).join(', ')}]`
          : ''),
    ]),
    empty: 'The timeline is empty.',
  });

  return {
    title: `${exercise ? 'EXERCISE — ' : ''}Incident report: ${incident.title}`,
    exercise,
    generated: `Generated ${t(options.generatedAt)}; open for ${formatSpan(Math.max(0, options.generatedAt - incident.createdAt))}.`,
    chain: describeVerdict(verdict),
    sections,
  };
}
