import { useRouter } from '../state/router-context';
import { ExerciseConsole } from './ExerciseConsole';
import { ScenarioDetails } from './ScenarioDetails';
import { ScenarioLibrary } from './ScenarioLibrary';

/** The exercises area: the scenario library, one scenario, or one exercise's console. */
export function ExercisesScreen() {
  const { route } = useRouter();
  const view = (route.area === 'exercises' ? route.view : undefined) ?? { kind: 'library' };
  return (
    <div className="exercises">
      {view.kind === 'library' && <ScenarioLibrary />}
      {view.kind === 'scenario' && <ScenarioDetails key={view.id} scenarioId={view.id} />}
      {view.kind === 'run' && <ExerciseConsole key={view.id} exerciseId={view.id} tab={view.tab} />}
    </div>
  );
}
