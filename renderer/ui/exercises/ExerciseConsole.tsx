import { builtinScenario } from '../../../core/exercises/builtin';
import type { Exercise } from '../../../core/exercises/exercise';
import type { Scenario } from '../../../core/exercises/types';
import { useExercise } from '../../storage/hooks-exercises';
import { IncidentClockContext } from '../incidents/clock-context';
import { IncidentRoom } from '../incidents/IncidentRoom';
import { useRouter } from '../state/router-context';
import { ClockBar } from './ClockBar';
import { EvaluationPanel } from './EvaluationPanel';
import { CONSOLE_TABS, type ConsoleTab } from './exercise-route';
import { MselPanel } from './MselPanel';
import { NotesPanel } from './NotesPanel';
import { useExerciseClock, useExerciseHost, useRealNow } from './use-exercise-host';

const TAB_LABELS: Readonly<Record<ConsoleTab, string>> = {
  msel: 'Injects (MSEL)',
  room: 'Incident room',
  notes: 'Decisions and observations',
  evaluate: 'Evaluation and report',
};

/** The facilitator console of one exercise. */
export function ExerciseConsole({ exerciseId, tab }: { exerciseId: string; tab: ConsoleTab }) {
  const exercise = useExercise(exerciseId);
  if (exercise === undefined) return <p role="status">Opening the exercise…</p>;
  if (exercise === null)
    return (
      <p role="alert" className="exercises__empty">
        There is no exercise with this id (deleted in another window?).
      </p>
    );
  const scenario = builtinScenario(exercise.scenarioId);
  if (!scenario)
    return (
      <p role="alert" className="exercises__empty">
        The scenario “{exercise.scenarioId}” of this exercise is not built into this version.
      </p>
    );
  return <Console scenario={scenario} exercise={exercise} tab={tab} />;
}

function Console({
  scenario,
  exercise,
  tab,
}: {
  scenario: Scenario;
  exercise: Exercise;
  tab: ConsoleTab;
}) {
  const { navigate } = useRouter();
  const { act } = useExerciseHost(scenario, exercise);
  const clock = useExerciseClock(exercise);
  const now = useRealNow(exercise.clock.status === 'running');
  const go = (next: ConsoleTab) => {
    navigate({ area: 'exercises', view: { kind: 'run', id: exercise.id, tab: next } });
  };
  return (
    <div className="console">
      <div className="console__banner" role="note">
        EXERCISE — simulated incident; nothing is sent anywhere
      </div>
      <h2 className="exercises__title">{scenario.title}</h2>
      <ClockBar exercise={exercise} now={now} act={act} />
      <div role="tablist" aria-label="Console" className="console__tabs">
        {CONSOLE_TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`console-tab-${t}`}
            aria-selected={t === tab}
            aria-controls="console-panel"
            tabIndex={t === tab ? 0 : -1}
            className={`console__tab${t === tab ? ' console__tab--on' : ''}`}
            onClick={() => {
              go(t);
            }}
            onKeyDown={(e) => {
              const i = CONSOLE_TABS.indexOf(t);
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (step === 0) return;
              e.preventDefault();
              const next = CONSOLE_TABS[(i + step + CONSOLE_TABS.length) % CONSOLE_TABS.length];
              if (next) {
                go(next);
                document.getElementById(`console-tab-${next}`)?.focus();
              }
            }}
          >
            {TAB_LABELS[t]}
          </button>
        ))}
      </div>
      <div id="console-panel" role="tabpanel" aria-labelledby={`console-tab-${tab}`}>
        {tab === 'msel' && (
          <MselPanel scenario={scenario} exercise={exercise} now={now} act={act} />
        )}
        {tab === 'room' && (
          <IncidentClockContext.Provider value={clock}>
            <IncidentRoom incidentId={exercise.incidentId} />
          </IncidentClockContext.Provider>
        )}
        {tab === 'notes' && <NotesPanel scenario={scenario} exercise={exercise} act={act} />}
        {tab === 'evaluate' && (
          <EvaluationPanel scenario={scenario} exercise={exercise} now={now} act={act} />
        )}
      </div>
    </div>
  );
}
