import { builtinScenario } from '../../../core/exercises/builtin';
import type { Exercise } from '../../../core/exercises/exercise';
import {
  formatElapsed,
  participantView,
  type ParticipantView as ParticipantViewData,
} from '../../../core/exercises/participant';
import { useExercise } from '../../storage/hooks-exercises';
import { CHANNEL_LABELS, CLOCK_STATUS_LABELS } from './labels';
import { useRealNow } from './use-exercise-host';

/**
 * The projector's view of an exercise. It renders only `participantView`, the projection
 * that carries the situation, delivered injects and clocks: facilitator notes, expected
 * actions and injects not yet delivered never reach this component. It only reads, and
 * follows the console through IndexedDB (another window's writes wake the live query).
 */
export function ParticipantView({ exerciseId }: { readonly exerciseId: string }) {
  const exercise = useExercise(exerciseId);
  if (exercise === undefined)
    return (
      <main className="participant">
        <p role="status">Opening the exercise…</p>
      </main>
    );
  if (exercise === null)
    return (
      <main className="participant">
        <p role="alert">There is no exercise with this id.</p>
      </main>
    );
  return <Projection exercise={exercise} />;
}

function Projection({ exercise }: { exercise: Exercise }) {
  const now = useRealNow(exercise.clock.status === 'running');
  const scenario = builtinScenario(exercise.scenarioId);
  if (!scenario)
    return (
      <main className="participant">
        <p role="alert">This exercise's scenario is not built into this version.</p>
      </main>
    );
  return <ParticipantScreen view={participantView(scenario, exercise, now)} />;
}

/** The projector's screen for one projection (pure: it renders nothing but `view`). */
export function ParticipantScreen({ view }: { readonly view: ParticipantViewData }) {
  return (
    <main className="participant" aria-labelledby="participant-title">
      <div className="participant__banner" role="note">
        EXERCISE — NOT A REAL INCIDENT
      </div>
      <header className="participant__header">
        <h1 id="participant-title" className="participant__title">
          {view.title}
        </h1>
        <div className="participant__clocks">
          <p>
            <span className="participant__label">Exercise time</span>
            <span className="participant__clock">{formatElapsed(view.elapsed)}</span>
          </p>
          <p>
            <span className="participant__label">Scenario clock</span>
            <span className="participant__clock">
              {view.status === 'ready' ? '—' : new Date(view.simulatedNow).toLocaleTimeString()}
            </span>
          </p>
          <p role="status" className="participant__state">
            {CLOCK_STATUS_LABELS[view.status]}
          </p>
        </div>
      </header>
      <section aria-labelledby="situation-title" className="participant__situation">
        <h2 id="situation-title">Situation</h2>
        <p>{view.situation}</p>
      </section>
      <section aria-labelledby="injects-title">
        <h2 id="injects-title">Injects ({view.injects.length})</h2>
        {view.injects.length === 0 ? (
          <p>No inject yet.</p>
        ) : (
          <ol className="participant__injects" reversed>
            {view.injects.map((i, n) => (
              <li
                key={i.id}
                className={`participant__inject${n === 0 ? ' participant__inject--new' : ''}`}
              >
                <h3 className="participant__inject-title">{i.title}</h3>
                <p className="participant__meta">
                  {formatElapsed(i.deliveredElapsed)} · {CHANNEL_LABELS[i.channel]} · from {i.from}{' '}
                  to {i.to.join(', ')}
                </p>
                <p>{i.content}</p>
                {i.question && (
                  <p className="participant__question">
                    <strong>{i.question.text}</strong>{' '}
                    {i.question.answer === undefined
                      ? `(${i.question.options.join(' / ')})`
                      : `Decided: ${i.question.answer}`}
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
