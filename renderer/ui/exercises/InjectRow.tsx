import { useState } from 'react';
import type { ExerciseAction } from '../../../core/exercises/engine';
import type { ActionStatus, Exercise } from '../../../core/exercises/exercise';
import { formatElapsed } from '../../../core/exercises/participant';
import type { ScheduledInject } from '../../../core/exercises/schedule';
import type { Scenario } from '../../../core/exercises/types';
import { ACTION_LABELS, CHANNEL_LABELS, INJECT_STATUS_LABELS } from './labels';

type Props = {
  readonly scenario: Scenario;
  readonly exercise: Exercise;
  readonly row: ScheduledInject;
  readonly act: (a: ExerciseAction) => Promise<boolean>;
};

/** One inject in the MSEL: when, what, its state; open it for content, answers and actions. */
export function InjectRow({ scenario, exercise, row, act }: Props) {
  const { inject, status } = row;
  const [open, setOpen] = useState(false);
  const who = (id: string) => scenario.participants.find((p) => p.id === id)?.title ?? id;
  const answer = exercise.answers.find((a) => a.injectId === inject.id);
  const started = exercise.clock.status !== 'ready';
  const pending = status !== 'delivered' && status !== 'skipped';
  const bodyId = `inject-${inject.id}`;
  return (
    <li className={`msel__row msel__row--${status}`}>
      <div className="msel__head">
        <span className="msel__time">{formatElapsed(row.offset)}</span>
        <button
          type="button"
          className="msel__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => {
            setOpen(!open);
          }}
        >
          {inject.title}
        </button>
        <span className={`msel__status msel__status--${status}`}>
          {INJECT_STATUS_LABELS[status]}
          {row.delivery && ` at ${formatElapsed(row.delivery.elapsed)}`}
        </span>
        {pending && (
          <span className="msel__actions">
            <button
              type="button"
              className="button button--small"
              disabled={!started}
              aria-label={`Deliver now: ${inject.title}`}
              onClick={() => void act({ type: 'deliver', injectId: inject.id })}
            >
              Deliver now
            </button>
            <button
              type="button"
              className="button button--small button--ghost"
              disabled={!started}
              aria-label={`Skip: ${inject.title}`}
              onClick={() => void act({ type: 'skip', injectId: inject.id })}
            >
              Skip
            </button>
          </span>
        )}
      </div>
      {open && (
        <div id={bodyId} className="msel__body">
          <p className="exercises__meta">
            {CHANNEL_LABELS[inject.channel]} · from {who(inject.from)} to{' '}
            {inject.to.map(who).join(', ')}
            {inject.deliverIf &&
              ` · only if “${inject.deliverIf.inject}” was answered “${inject.deliverIf.answer}”`}
            {inject.deliverUnless &&
              ` · unless “${inject.deliverUnless.inject}” was answered “${inject.deliverUnless.answer}”`}
          </p>
          <p className="msel__content">{inject.content}</p>
          {inject.question && (
            <fieldset className="msel__question">
              <legend>{inject.question.text}</legend>
              {answer ? (
                <p>
                  Answer recorded:{' '}
                  <strong>
                    {inject.question.options.find((o) => o.id === answer.optionId)?.label}
                  </strong>{' '}
                  at {formatElapsed(answer.elapsed)}
                </p>
              ) : (
                inject.question.options.map((o) => (
                  <button
                    key={o.id}
                    type="button"
                    className="button button--secondary button--small"
                    disabled={status !== 'delivered'}
                    onClick={() =>
                      void act({
                        type: 'answer',
                        injectId: inject.id,
                        optionId: o.id,
                        by: exercise.facilitator,
                      })
                    }
                  >
                    Record answer: {o.label}
                  </button>
                ))
              )}
            </fieldset>
          )}
          <ExpectedActions exercise={exercise} row={row} act={act} />
          {inject.facilitatorNotes && (
            <p className="msel__notes">
              <strong>Facilitator notes:</strong> {inject.facilitatorNotes}
            </p>
          )}
        </div>
      )}
    </li>
  );
}

function ExpectedActions({ exercise, row, act }: Omit<Props, 'scenario'>) {
  const { inject } = row;
  const actual = exercise.log.filter(
    (l) => l.injectId === inject.id && (l.kind === 'decision' || l.kind === 'observation'),
  );
  return (
    <div className="msel__expected">
      <table className="exercises__table">
        <caption>Expected and actual actions</caption>
        <thead>
          <tr>
            <th scope="col">Expected action</th>
            <th scope="col">Result</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {inject.expectedActions.map((a) => {
            const result = exercise.actions.find(
              (r) => r.injectId === inject.id && r.actionId === a.id,
            );
            const save = (status: ActionStatus, note: string) =>
              void act({
                type: 'action-result',
                injectId: inject.id,
                actionId: a.id,
                status,
                note,
              });
            return (
              <tr key={a.id}>
                <td>{a.text}</td>
                <td>
                  <select
                    className="field__control"
                    aria-label={`Result: ${a.text}`}
                    value={result?.status ?? ''}
                    onChange={(e) => {
                      if (e.target.value !== '')
                        save(e.target.value as ActionStatus, result?.note ?? '');
                    }}
                  >
                    {(Object.keys(ACTION_LABELS) as (ActionStatus | '')[]).map((k) => (
                      <option key={k} value={k} disabled={k === '' && result !== undefined}>
                        {ACTION_LABELS[k]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    className="field__control"
                    aria-label={`Note: ${a.text}`}
                    defaultValue={result?.note ?? ''}
                    disabled={result === undefined}
                    onBlur={(e) => {
                      if (result && e.target.value !== result.note)
                        save(result.status, e.target.value);
                    }}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {actual.length > 0 && (
        <ul className="msel__actual" aria-label="Actual actions recorded">
          {actual.map((l) => (
            <li key={l.seq}>
              {formatElapsed(l.elapsed)} {l.kind}: {l.text}
              {l.by ? ` (${l.by})` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
