import { useState } from 'react';
import { builtinScenario } from '../../../core/exercises/builtin';
import { MAX_COMPRESSION, MIN_COMPRESSION } from '../../../core/exercises/clock';
import { formatElapsed } from '../../../core/exercises/participant';
import { injectOffset } from '../../../core/exercises/validate';
import { builtinPlaybook } from '../../../core/playbooks/builtin';
import { useActorName } from '../incidents/use-actor';
import { useProblems } from '../state/problem-context';
import { useRouter } from '../state/router-context';
import { CHANNEL_LABELS } from './labels';
import { startExercise } from './start-exercise';

/** One scenario for the facilitator: what it tests, who plays, the MSEL, and Start. */
export function ScenarioDetails({ scenarioId }: { readonly scenarioId: string }) {
  const scenario = builtinScenario(scenarioId);
  const { navigate } = useRouter();
  const { reportError } = useProblems();
  const [name, setName] = useActorName();
  const [compression, setCompression] = useState(30);
  const [error, setError] = useState('');
  const [starting, setStarting] = useState(false);
  if (!scenario)
    return (
      <p role="alert" className="exercises__empty">
        There is no scenario “{scenarioId}”.
      </p>
    );
  const playbook = builtinPlaybook(scenario.playbook);
  const start = async () => {
    if (name.trim() === '') {
      setError('Type your name: the exercise records every action under it.');
      return;
    }
    setStarting(true);
    try {
      const ex = await startExercise({
        scenario,
        facilitator: name.trim(),
        compression,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        now: Date.now(),
      });
      navigate({ area: 'exercises', view: { kind: 'run', id: ex.id, tab: 'msel' } });
    } catch (e) {
      reportError(e);
      setStarting(false);
    }
  };
  return (
    <article className="exercises__details" aria-labelledby="scenario-title">
      <p>
        <a
          href="#/exercises"
          onClick={(e) => {
            e.preventDefault();
            navigate({ area: 'exercises', view: { kind: 'library' } });
          }}
        >
          ← All scenarios
        </a>
      </p>
      <h2 id="scenario-title" className="exercises__title">
        {scenario.title}
      </h2>
      <p className="exercises__meta">
        {scenario.owasp.join(', ')} · playbook: {playbook?.title ?? scenario.playbook}
      </p>
      <p>{scenario.summary}</p>
      <h3>Situation told to the players</h3>
      <p className="exercises__situation">{scenario.situation}</p>
      <form
        className="exercises__start"
        aria-label="Start an exercise"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <label className="field">
          <span className="field__label">Facilitator</span>
          <input
            className="field__control"
            value={name}
            autoComplete="name"
            aria-invalid={error !== ''}
            aria-describedby={error ? 'start-error' : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setError('');
            }}
          />
        </label>
        <label className="field">
          <span className="field__label">Time compression: {compression}×</span>
          <input
            type="range"
            min={MIN_COMPRESSION}
            max={MAX_COMPRESSION}
            value={compression}
            onChange={(e) => {
              setCompression(Number(e.target.value));
            }}
          />
        </label>
        {error && (
          <p id="start-error" className="field__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={starting}>
          Start exercise
        </button>
      </form>
      <h3>Objectives</h3>
      <ul>
        {scenario.objectives.map((o) => (
          <li key={o.id}>
            {o.text} <span className="exercises__meta">({o.capability})</span>
          </li>
        ))}
      </ul>
      <h3>Participants</h3>
      <ul className="exercises__participants">
        {scenario.participants.map((p) => (
          <li key={p.id}>
            {p.title} <span className="exercises__meta">({p.kind})</span>
          </li>
        ))}
      </ul>
      <h3>Master scenario events list ({scenario.injects.length} injects)</h3>
      <ol className="exercises__msel-preview">
        {scenario.injects.map((i) => (
          <li key={i.id}>
            <span className="exercises__mono">{formatElapsed(injectOffset(i))}</span> {i.title}{' '}
            <span className="exercises__meta">
              {CHANNEL_LABELS[i.channel]}
              {i.deliverIf &&
                ` · only if “${i.deliverIf.inject}” was answered “${i.deliverIf.answer}”`}
              {i.deliverUnless &&
                ` · unless “${i.deliverUnless.inject}” was answered “${i.deliverUnless.answer}”`}
            </span>
          </li>
        ))}
      </ol>
      {scenario.facilitatorNotes && (
        <>
          <h3>Facilitator notes</h3>
          <p>{scenario.facilitatorNotes}</p>
        </>
      )}
    </article>
  );
}
