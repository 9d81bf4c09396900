import { builtinScenarios } from '../../../core/exercises/builtin';
import { formatElapsed } from '../../../core/exercises/participant';
import { useExercises } from '../../storage/hooks-exercises';
import { useRouter } from '../state/router-context';
import { CLOCK_STATUS_LABELS } from './labels';
import { ValidateScenario } from './ValidateScenario';
import { elapsedAt } from '../../../core/exercises/clock';

/** The built-in scenarios, the exercises run so far, and a check for scenario files. */
export function ScenarioLibrary() {
  const { navigate } = useRouter();
  const exercises = useExercises();
  const scenarios = builtinScenarios();
  return (
    <div className="exercises__library">
      <section aria-labelledby="scenarios-title">
        <h2 id="scenarios-title" className="exercises__title">
          Exercise scenarios
        </h2>
        <p className="exercises__lead">
          Tabletop exercises on the built-in playbooks, run in the incident room on simulated time.
          Pick a scenario to read it and start an exercise.
        </p>
        <ul className="exercises__cards">
          {scenarios.map((s) => (
            <li key={s.id} className="exercises__card">
              <h3 className="exercises__card-title">
                <a
                  href={`#/exercises/scenario/${encodeURIComponent(s.id)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ area: 'exercises', view: { kind: 'scenario', id: s.id } });
                  }}
                >
                  {s.title}
                </a>
              </h3>
              <p className="exercises__card-text">{s.summary}</p>
              <p className="exercises__meta">
                {s.owasp.join(', ')} · {s.injects.length} injects · {s.objectives.length} objectives
                · playbook {s.playbook}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="runs-title">
        <h2 id="runs-title" className="exercises__title">
          Exercises
        </h2>
        {exercises === undefined ? (
          <p role="status">Loading exercises…</p>
        ) : exercises.length === 0 ? (
          <p className="exercises__empty">No exercise yet: start one from a scenario.</p>
        ) : (
          <table className="exercises__table">
            <thead>
              <tr>
                <th scope="col">Exercise</th>
                <th scope="col">Facilitator</th>
                <th scope="col">State</th>
                <th scope="col">Exercise time (last action)</th>
              </tr>
            </thead>
            <tbody>
              {exercises.map((ex) => (
                <tr key={ex.id}>
                  <td>
                    <a
                      href={`#/exercises/run/${encodeURIComponent(ex.id)}/msel`}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate({
                          area: 'exercises',
                          view: { kind: 'run', id: ex.id, tab: 'msel' },
                        });
                      }}
                    >
                      <span className="exercise-badge">EXERCISE</span> {ex.title}
                    </a>
                  </td>
                  <td>{ex.facilitator}</td>
                  <td>{CLOCK_STATUS_LABELS[ex.clock.status]}</td>
                  <td className="exercises__mono">
                    {formatElapsed(elapsedAt(ex.clock, ex.updatedAt))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ValidateScenario />
    </div>
  );
}
