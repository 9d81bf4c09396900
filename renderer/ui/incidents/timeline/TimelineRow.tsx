import { memo } from 'react';
import { correctedSeq, type TimelineEntry } from '../../../../core/incidents';
import { Icon } from '../../components/Icon';
import { formatWhen } from '../time-format';

type RowProps = {
  readonly entry: TimelineEntry;
  readonly timeZone: string;
  readonly posinset: number;
  readonly setsize: number;
  readonly onCorrect: () => void;
};

const KIND_LABELS: Readonly<Record<string, string>> = {
  note: 'Note',
  correction: 'Correction',
  'state-change': 'Playbook',
  'task-done': 'Task done',
  'task-reopened': 'Task reopened',
  decision: 'Decision',
  'role-assigned': 'Role',
  'role-handoff': 'Hand-off',
  'evidence-added': 'Evidence',
  custody: 'Custody',
  'notification-drafted': 'Notification',
  'notification-sent': 'Sent',
  escalation: 'Escalation',
  'sla-breached': 'SLA breached',
  'key-time': 'Key time',
  'status-changed': 'Status',
  'severity-changed': 'Severity',
};

/** One timeline entry: when, who, what, its seq and hash; corrections point at their entry. */
export const TimelineRow = memo(function TimelineRow({
  entry,
  timeZone,
  posinset,
  setsize,
  onCorrect,
}: RowProps) {
  const corrects = correctedSeq(entry);
  const alert = entry.kind === 'escalation' || entry.kind === 'sla-breached';
  return (
    <article
      className={`timeline-row timeline-row--${entry.kind}${alert ? ' timeline-row--alert' : ''}`}
      aria-posinset={posinset}
      aria-setsize={setsize}
      aria-labelledby={`tl-${String(entry.seq)}`}
    >
      <div className="timeline-row__meta">
        <span className="timeline-row__seq mono">#{entry.seq}</span>
        <time className="timeline-row__time mono" dateTime={new Date(entry.at).toISOString()}>
          {formatWhen(entry.at, timeZone, true)}
        </time>
        <span className="timeline-row__kind">{KIND_LABELS[entry.kind] ?? entry.kind}</span>
        <span className="timeline-row__actor">{entry.actor}</span>
        <span className="timeline-row__hash mono text-muted" title={entry.hash}>
          {entry.hash.slice(0, 10)}
        </span>
      </div>
      <p id={`tl-${String(entry.seq)}`} className="timeline-row__text">
        {corrects !== null && (
          <span className="timeline-row__corrects">Corrects #{corrects}: </span>
        )}
        {entry.text}
      </p>
      {entry.masked && entry.masked.length > 0 && (
        <p className="timeline-row__masked">
          <Icon name="lock" /> Secret masked before storing: {entry.masked.join(', ')}
        </p>
      )}
      <button
        type="button"
        className="button button--small button--ghost timeline-row__correct"
        aria-label={`Correct entry ${String(entry.seq)}`}
        onClick={onCorrect}
      >
        Correct
      </button>
    </article>
  );
});
