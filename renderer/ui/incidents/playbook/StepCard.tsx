import type { Incident } from '../../../../core/incidents';
import type { ActiveStep, Deadline, Playbook, PlaybookEvent } from '../../../../core/playbooks';
import { useIncidentNow } from '../clock-context';
import { formatCountdown, formatWhen } from '../time-format';
import { ownerName } from './run-view';

type StepCardProps = {
  readonly incident: Incident;
  readonly playbook: Playbook;
  readonly active: ActiveStep;
  readonly send: (make: (at: number, by: string) => PlaybookEvent[]) => void;
};

/** One current step: owner, SLA countdown and escalations, checklist, decision or notices. */
export function StepCard({ incident, playbook, active, send }: StepCardProps) {
  const { step } = active;
  const titleId = `step-title-${step.id}`;
  const track =
    active.trackId === undefined
      ? null
      : (listTrackTitle(playbook, active.parallelId, active.trackId) ?? active.trackId);
  return (
    <li className={`room-step room-step--${step.kind}`} aria-labelledby={titleId}>
      <div className="step-head">
        <h4 id={titleId} className="room-step__title">
          {step.title}
        </h4>
        {track !== null && <span className="room-step__track">Track: {track}</span>}
        {step.kind !== 'end' && step.owner && (
          <span className="room-step__owner">
            Owner: {ownerName(incident, playbook, step.owner)}
          </span>
        )}
      </div>
      {step.description && <p className="room-step__description">{step.description}</p>}
      {active.deadline && (
        <SlaLine deadline={active.deadline} incident={incident} playbook={playbook} />
      )}
      {step.kind === 'parallel' && (
        <p className="text-muted">
          {String(step.tracks.length)} tracks run at once; the step completes when every track is
          finished.
        </p>
      )}
      {active.tasks.length > 0 && (
        <ul className="checklist" aria-label={`Checklist of ${step.title}`}>
          {active.tasks.map(({ item, done }) => (
            <li
              key={item.id}
              className={done ? 'checklist__item checklist__item--done' : 'checklist__item'}
            >
              <label className="checklist__label">
                <input
                  type="checkbox"
                  checked={done !== null}
                  onChange={(e) => {
                    const on = e.target.checked;
                    send((at, by) => [
                      on
                        ? { type: 'task.completed', taskId: item.id, at, by }
                        : { type: 'task.reopened', taskId: item.id, at, by },
                    ]);
                  }}
                />
                <span className="checklist__text">
                  {item.text}
                  {!item.required && <span className="text-muted"> (optional)</span>}
                </span>
              </label>
              <span className="checklist__owner">{ownerName(incident, playbook, item.owner)}</span>
              {done && (
                <span className="checklist__done text-muted">
                  done {formatWhen(done.at, incident.timeZone)}
                  {done.by ? ` by ${done.by}` : ''}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {active.templates.length > 0 && (
        <ul className="checklist" aria-label={`Notifications of ${step.title}`}>
          {active.templates.map(({ template, sent }) => (
            <li key={template.template} className="checklist__item">
              <span className="checklist__text">
                Notify {template.audience}: <span className="mono">{template.template}</span>
                {!template.required && <span className="text-muted"> (optional)</span>}
              </span>
              {sent ? (
                <span className="text-muted">
                  marked sent {formatWhen(sent.at, incident.timeZone)}
                  {sent.by ? ` by ${sent.by}` : ''}
                </span>
              ) : (
                <button
                  type="button"
                  className="button button--small button--secondary"
                  onClick={() => {
                    send((at, by) => [
                      {
                        type: 'notification.sent',
                        stepId: step.id,
                        template: template.template,
                        at,
                        by,
                      },
                    ]);
                  }}
                >
                  Mark {template.template} sent
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {step.kind === 'decision' && (
        <fieldset className="room-step__decision">
          <legend>{step.question}</legend>
          {step.options.map((o) => (
            <button
              key={o.id}
              type="button"
              className="button button--secondary"
              onClick={() => {
                send((at, by) => [
                  { type: 'decision.chosen', stepId: step.id, optionId: o.id, at, by },
                ]);
              }}
            >
              {o.label}
            </button>
          ))}
        </fieldset>
      )}
      {(step.kind === 'task' || step.kind === 'notification') && (
        <button
          type="button"
          className="button button--primary room-step__advance"
          disabled={!active.canAdvance}
          onClick={() => {
            send((at, by) => [{ type: 'step.advance', stepId: step.id, at, by }]);
          }}
        >
          Complete step: {step.title}
        </button>
      )}
    </li>
  );
}

function listTrackTitle(
  playbook: Playbook,
  parallelId: string | undefined,
  trackId: string,
): string | null {
  for (const phase of playbook.phases)
    for (const s of phase.steps)
      if (s.kind === 'parallel' && s.id === parallelId)
        return s.tracks.find((t) => t.id === trackId)?.title ?? null;
  return null;
}

/** The SLA countdown from the absolute deadline, and each escalation (fired or when). */
function SlaLine({
  deadline,
  incident,
  playbook,
}: {
  readonly deadline: Deadline;
  readonly incident: Incident;
  readonly playbook: Playbook;
}) {
  const now = useIncidentNow();
  const { due } = deadline;
  const state =
    due === null
      ? 'waiting'
      : deadline.breachedAt !== null || due < now
        ? 'breached'
        : due - now < 10 * 60_000
          ? 'soon'
          : 'ok';
  return (
    <div className={`sla sla--${state}`}>
      <p className="sla__main">
        <span className="sla__label">SLA</span>{' '}
        {due === null ? (
          <span>waits for the {deadline.from.replace('incident.', '')} time to be set</span>
        ) : (
          <>
            <strong className="sla__countdown">{formatCountdown(due, now)}</strong>{' '}
            <span className="text-muted">due {formatWhen(due, incident.timeZone)}</span>
          </>
        )}
      </p>
      {deadline.escalations.length > 0 && (
        <ul className="sla__escalations" aria-label="Escalations">
          {deadline.escalations.map((e) => (
            <li key={e.index} className={e.firedAt !== null ? 'sla__escalation--fired' : undefined}>
              {e.firedAt !== null ? 'Escalated' : 'Escalates'} to{' '}
              {ownerName(incident, playbook, e.to)}
              {e.at !== null &&
                (e.firedAt !== null
                  ? ` at ${formatWhen(e.firedAt, incident.timeZone)}`
                  : ` in ${formatCountdown(e.at, now).replace(' left', '')}`)}
              : {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
