import { useState } from 'react';
import type { ExerciseAction } from '../../../core/exercises/engine';
import type { Exercise } from '../../../core/exercises/exercise';
import { formatElapsed } from '../../../core/exercises/participant';
import type { Scenario } from '../../../core/exercises/types';
import { useActorName } from '../incidents/use-actor';

type Props = {
  readonly scenario: Scenario;
  readonly exercise: Exercise;
  readonly act: (a: ExerciseAction) => Promise<boolean>;
};

/** Records the players' decisions and the evaluators' observations, and lists the log. */
export function NotesPanel({ scenario, exercise, act }: Props) {
  const [kind, setKind] = useState<'decision' | 'observation'>('decision');
  const [text, setText] = useState('');
  const [injectId, setInjectId] = useState('');
  const [by, setBy] = useActorName();
  const delivered = scenario.injects.filter((i) =>
    exercise.deliveries.some((d) => d.injectId === i.id && d.status === 'delivered'),
  );
  const titles = new Map(scenario.injects.map((i) => [i.id, i.title]));
  const submit = async () => {
    if (text.trim() === '') return;
    const ok = await act({
      type: 'note',
      kind,
      text,
      ...(injectId ? { injectId } : {}),
      ...(by.trim() ? { by: by.trim() } : {}),
    });
    if (ok) setText('');
  };
  return (
    <section aria-labelledby="notes-title" className="notes">
      <h3 id="notes-title">Decisions and observations</h3>
      <form
        className="notes__form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="notes__kind">
          <legend>Record a</legend>
          {(['decision', 'observation'] as const).map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="note-kind"
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                }}
              />{' '}
              {k === 'decision' ? 'Decision' : 'Observation'}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span className="field__label">About inject</span>
          <select
            className="field__control"
            value={injectId}
            onChange={(e) => {
              setInjectId(e.target.value);
            }}
          >
            <option value="">The exercise as a whole</option>
            {delivered.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Recorded by</span>
          <input
            className="field__control"
            value={by}
            onChange={(e) => {
              setBy(e.target.value);
            }}
          />
        </label>
        <label className="field notes__text">
          <span className="field__label">What was decided or seen</span>
          <textarea
            className="field__control"
            rows={3}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
            }}
          />
        </label>
        <button
          type="submit"
          className="button button--primary"
          disabled={exercise.clock.status === 'ready' || text.trim() === ''}
        >
          Record
        </button>
      </form>
      <h4>Exercise log</h4>
      <ol className="notes__log" reversed>
        {[...exercise.log].reverse().map((l) => (
          <li key={l.seq}>
            <span className="exercises__mono">{formatElapsed(l.elapsed)}</span> {l.kind}
            {l.injectId ? ` · ${titles.get(l.injectId) ?? l.injectId}` : ''}
            {l.text ? `: ${l.text}` : ''}
            {l.by ? ` (${l.by})` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
