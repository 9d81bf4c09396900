import { useMemo, useState } from 'react';
import { activeRun, type Incident } from '../../../../core/incidents';
import {
  activeStepIds,
  listSteps,
  toMermaidStateDiagram,
  type Playbook,
  type PlaybookEvent,
} from '../../../../core/playbooks';
import { MermaidDiagram } from '../../components/MermaidDiagram';
import { useCatalogue } from '../../playbooks/catalogue';
import { usePreferences } from '../../state/preferences-context';
import { runEvents, startPlaybook } from '../changes';
import { snapshotOf } from '../run-host';
import type { MakeChange } from '../use-room';
import { AdHocTasks } from './AdHocTasks';
import { currentSteps } from './run-view';
import { StepCard } from './StepCard';

type PanelProps = {
  readonly incident: Incident;
  /** The active run's playbook: undefined while loading, null when none runs (or it is gone). */
  readonly playbook: Playbook | null | undefined;
  readonly commit: (make: MakeChange) => Promise<unknown>;
};

/** The running playbook: current steps, checklists, decisions, SLAs, diagram; ad-hoc tasks. */
export function PlaybookPanel({ incident, playbook, commit }: PanelProps) {
  const run = activeRun(incident);
  if (playbook === undefined)
    return (
      <p className="loading" role="status">
        Loading the playbook…
      </p>
    );
  const send = (make: (at: number, by: string) => PlaybookEvent[]) => {
    if (!playbook) return;
    void commit((ctx) => runEvents(ctx, playbook, make(ctx.at, ctx.actor)));
  };
  return (
    <div className="room-playbook">
      <div className="room-playbook__main">
        {run && playbook ? (
          <RunningPlaybook incident={incident} playbook={playbook} send={send} />
        ) : (
          <section className="room-section" aria-labelledby="no-run-title">
            <h3 id="no-run-title" className="room-section__title">
              {run ? 'The running playbook is missing' : 'No playbook running'}
            </h3>
            <p className="text-muted">
              {run
                ? `The run of “${run.playbookId}” cannot be shown: that playbook was deleted or no longer validates. Start another playbook to continue; the timeline keeps everything done so far.`
                : 'Pick the playbook that fits this incident. Its steps, checklists, SLAs and notifications then drive the room.'}
            </p>
          </section>
        )}
        <PlaybookPicker incident={incident} commit={commit} />
        <AdHocTasks incident={incident} commit={commit} />
      </div>
      {run && playbook && <RunDiagram incident={incident} playbook={playbook} />}
    </div>
  );
}

function RunningPlaybook({
  incident,
  playbook,
  send,
}: {
  readonly incident: Incident;
  readonly playbook: Playbook;
  readonly send: (make: (at: number, by: string) => PlaybookEvent[]) => void;
}) {
  const run = activeRun(incident);
  const steps = currentSteps(incident, playbook);
  const outcome = run ? snapshotOf(run.snapshot).context.outcome : null;
  return (
    <section className="room-section" aria-labelledby="run-title">
      <h3 id="run-title" className="room-section__title">
        {playbook.title} <span className="mono text-muted">v{playbook.version}</span>
      </h3>
      {outcome ? (
        <p className="room-run__done" role="status">
          Playbook finished: {outcome.outcome}.
        </p>
      ) : (
        <p className="text-muted">
          {steps.length === 1
            ? 'Current step'
            : `${String(steps.length)} current steps (parallel tracks)`}
          {' · Alt+D marks the next open task done'}
        </p>
      )}
      <ol className="room-steps">
        {steps.map((s) => (
          <StepCard
            key={s.step.id}
            incident={incident}
            playbook={playbook}
            active={s}
            send={send}
          />
        ))}
      </ol>
    </section>
  );
}

function RunDiagram({
  incident,
  playbook,
}: {
  readonly incident: Incident;
  readonly playbook: Playbook;
}) {
  const { theme } = usePreferences();
  const run = activeRun(incident);
  const value = run ? snapshotOf(run.snapshot).value : null;
  const current = useMemo(
    () => (value === null ? [] : activeStepIds(playbook, value)),
    [playbook, value],
  );
  const text = useMemo(() => toMermaidStateDiagram(playbook, { current }), [playbook, current]);
  const nodes = useMemo(() => {
    const ids = listSteps(playbook).map((p) => p.step.id as string);
    return current.map((id) => `s${String(ids.indexOf(id))}`);
  }, [playbook, current]);
  return (
    <figure className="room-playbook__diagram" aria-label="State diagram with the current state">
      <figcaption className="room-section__title">State diagram</figcaption>
      <MermaidDiagram
        text={text}
        label={`State diagram of ${playbook.title}; current: ${current.join(', ') || 'finished'}`}
        theme={theme === 'dark' ? 'dark' : 'light'}
        highlightNodeIds={nodes}
      />
    </figure>
  );
}

/** Start a playbook, or switch the running one (the reason is recorded). */
function PlaybookPicker({
  incident,
  commit,
}: {
  readonly incident: Incident;
  readonly commit: (make: MakeChange) => Promise<unknown>;
}) {
  const catalogue = useCatalogue();
  const run = activeRun(incident);
  const [chosen, setChosen] = useState('');
  const [reason, setReason] = useState('');
  const usable = (catalogue ?? []).filter((e) => e.playbook !== null);
  const entry = usable.find((e) => e.id === chosen) ?? null;
  return (
    <section className="room-section" aria-labelledby="pick-title">
      <h3 id="pick-title" className="room-section__title">
        {run ? 'Switch playbook' : 'Start a playbook'}
      </h3>
      <form
        className="room-form"
        onSubmit={(e) => {
          e.preventDefault();
          const playbook = entry?.playbook;
          if (!playbook) return;
          void commit((ctx) => startPlaybook(ctx, playbook, run ? reason.trim() || null : null));
          setChosen('');
          setReason('');
        }}
      >
        <label className="room-form__field">
          <span>Playbook</span>
          <select
            className="field__control"
            value={chosen}
            onChange={(e) => {
              setChosen(e.target.value);
            }}
          >
            <option value="">Choose a playbook…</option>
            {usable.map((e) => (
              <option key={`${e.builtin ? 'b' : 'u'}:${e.id}`} value={e.id}>
                {e.title}
                {e.builtin ? '' : ' (yours)'}
              </option>
            ))}
          </select>
        </label>
        {run && (
          <label className="room-form__field room-form__field--wide">
            <span>Why switch</span>
            <input
              className="field__control"
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
              }}
            />
          </label>
        )}
        <button type="submit" className="button button--primary" disabled={entry === null}>
          {run ? 'Switch playbook' : 'Start playbook'}
        </button>
      </form>
      {entry?.playbook && <p className="text-muted">{entry.playbook.summary}</p>}
    </section>
  );
}
