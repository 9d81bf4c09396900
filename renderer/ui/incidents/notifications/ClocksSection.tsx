import { useState } from 'react';
import {
  applicableClocks,
  clockStatus,
  clockTimeZone,
  defaultTriggerAt,
  type Incident,
} from '../../../../core/incidents';
import type { RegulatoryClock } from '../../../../core/playbooks';
import { dismissClock, startClock } from '../changes';
import { useIncidentNow } from '../clock-context';
import { formatWhen, fromLocalInput, toLocalInput } from '../time-format';
import type { MakeChange } from '../use-room';

const TRIGGER_WORDS: Readonly<Record<string, string>> = {
  aware: 'awareness',
  discovery: 'discovery',
  determination: 'determination',
  classification: 'classification as major',
  'materiality-determination': 'materiality determination',
  suspicion: 'suspicion',
  knowledge: 'knowledge',
  assessment: 'assessment as notifiable',
  'initial-notification': 'the earlier report being sent',
  'year-end': 'the end of the calendar year',
};

/**
 * The regulatory clocks chosen from the incident's data classes and regimes (domain.md
 * §6): each with its trigger basis, business days and time zone, as a countdown once
 * started. Starting one records who set the trigger and when.
 */
export function ClocksSection({
  incident,
  commit,
}: {
  readonly incident: Incident;
  readonly commit: (make: MakeChange) => Promise<unknown>;
}) {
  const clocks = applicableClocks(incident);
  return (
    <section className="room-section" aria-labelledby="clocks-title">
      <h3 id="clocks-title" className="room-section__title">
        Regulatory clocks
      </h3>
      <p className="text-muted">
        Chosen from data classes ({incident.dataClasses.join(', ') || 'none'}) and regulatory scope
        ({incident.regimes.join(', ') || 'none'}). Guidance for responders, not legal advice.
      </p>
      {clocks.length === 0 ? (
        <p>No notification clock applies to this scope.</p>
      ) : (
        <ul className="clocks">
          {clocks.map((c) => (
            <ClockRow key={c.id} clock={c} incident={incident} commit={commit} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ClockRow({
  clock,
  incident,
  commit,
}: {
  readonly clock: RegulatoryClock;
  readonly incident: Incident;
  readonly commit: (make: MakeChange) => Promise<unknown>;
}) {
  const now = useIncidentNow();
  const instance = incident.clocks.find((c) => c.clockId === clock.id);
  const zone = clockTimeZone(clock.id, incident.timeZone, instance?.timeZone);
  const suggested = defaultTriggerAt(clock, incident);
  const [trigger, setTrigger] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const status = instance ? clockStatus(instance, incident.notifications, now) : null;
  const titleId = `clock-${clock.id}`;
  return (
    <li className={`clock clock--${status?.state ?? 'idle'}`} aria-labelledby={titleId}>
      <div className="clock__head">
        <h4 id={titleId} className="clock__title">
          {clock.reference}: {clock.recipient}
        </h4>
        {status && (
          <strong className="clock__status" role="timer">
            {status.state === 'met'
              ? `Met: sent ${formatWhen(status.sentAt, zone)}${status.late ? ' (late)' : ''}`
              : status.state === 'dismissed'
                ? `Does not apply: ${status.reason}`
                : status.text}
          </strong>
        )}
      </div>
      <p className="clock__rule">
        {clock.deadline === null
          ? 'No fixed period'
          : `${clock.deadline.replace(/^P(T)?/, '')}${clock.businessDays ? ' business days' : ''}`}{' '}
        after {TRIGGER_WORDS[clock.trigger] ?? clock.trigger} · {clock.urgency.replaceAll('-', ' ')}{' '}
        · time zone {zone}
        {clock.businessDays ? ` · calendar ${incident.calendar.name}` : ''}
      </p>
      {clock.condition && <p className="text-muted">When: {clock.condition}</p>}
      {clock.check && <p className="text-muted">Check: {clock.check}</p>}
      {instance && !instance.dismissed && (
        <p className="clock__basis">
          Trigger ({TRIGGER_WORDS[clock.trigger] ?? clock.trigger}){' '}
          {formatWhen(instance.triggerAt, zone)}, set by {instance.setBy}
          {instance.deadlineAt !== null && <> · due {formatWhen(instance.deadlineAt, zone)}</>}
        </p>
      )}
      <form
        className="room-form"
        onSubmit={(e) => {
          e.preventDefault();
          const at = fromLocalInput(trigger ?? toLocalInput(suggested ?? now, zone), zone);
          if (at !== null) void commit((ctx) => startClock(ctx, clock, at));
          setTrigger(null);
        }}
      >
        <label className="room-form__field">
          <span>Trigger time ({zone})</span>
          <input
            type="datetime-local"
            className="field__control"
            value={trigger ?? toLocalInput(instance?.triggerAt ?? suggested ?? now, zone)}
            onChange={(e) => {
              setTrigger(e.target.value);
            }}
          />
        </label>
        <button
          type="submit"
          className="button button--secondary"
          aria-label={`${instance ? 'Restart' : 'Start'} clock ${clock.reference}`}
        >
          {instance ? 'Restart clock' : 'Start clock'}
        </button>
        <label className="room-form__field room-form__field--wide">
          <span>Does not apply because</span>
          <input
            className="field__control"
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
            }}
          />
        </label>
        <button
          type="button"
          className="button button--ghost"
          disabled={reason.trim() === ''}
          aria-label={`Dismiss clock ${clock.reference}`}
          onClick={() => {
            void commit((ctx) => dismissClock(ctx, clock, reason));
            setReason('');
          }}
        >
          Dismiss
        </button>
      </form>
    </li>
  );
}
