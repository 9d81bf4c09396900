import { useState } from 'react';
import { applyImprovementToPlaybook } from '../../../core/exercises/improvements';
import type { ExerciseAction } from '../../../core/exercises/engine';
import type { Exercise, ImprovementItem } from '../../../core/exercises/exercise';
import { linkText } from '../../../core/exercises/aar-data';
import type { Scenario } from '../../../core/exercises/types';
import { builtinPlaybook } from '../../../core/playbooks/builtin';
import { listSteps } from '../../../core/playbooks/model';
import { playbookToYaml } from '../../../core/playbooks/validate';
import type { IsoTimestamp } from '../../../core/shared/brand';
import { getDatabase } from '../../storage';
import { saveImprovementPlaybook } from '../../storage/exercises';
import { useIncident } from '../../storage/hooks-incidents';
import { commitIncident } from '../../storage/incidents';
import type { IncidentId } from '../../../core/incidents/types';
import { simulatedAt } from '../../../core/exercises/clock';
import { improvementToActionItem } from './improvement-review';
import { useThreatModelSummaries } from '../../storage/hooks-threats';
import { useProblems } from '../state/problem-context';
import { useToasts } from '../state/toast-context';

type Props = {
  readonly scenario: Scenario;
  readonly exercise: Exercise;
  readonly act: (a: ExerciseAction) => Promise<boolean>;
};

type Follow = 'none' | 'playbook' | 'threat';

/** The improvement plan: strengths and areas for improvement, each with its follow-up. */
export function ImprovementPlan({ scenario, exercise, act }: Props) {
  const playbook = builtinPlaybook(scenario.playbook);
  const steps = playbook
    ? listSteps(playbook).filter((p) => p.step.kind === 'task' || p.step.kind === 'notification')
    : [];
  const models = useThreatModelSummaries();
  const incident = useIncident(exercise.incidentId);
  const hasReview = Boolean(incident?.review);
  const { reportError } = useProblems();
  const { notify } = useToasts();
  const [kind, setKind] = useState<ImprovementItem['kind']>('area-for-improvement');
  const [objectiveId, setObjectiveId] = useState('');
  const [observation, setObservation] = useState('');
  const [corrective, setCorrective] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [follow, setFollow] = useState<Follow>('none');
  const [stepId, setStepId] = useState(steps[0]?.step.id ?? '');
  const [modelId, setModelId] = useState('');
  const [error, setError] = useState('');

  const add = async () => {
    if (observation.trim() === '') {
      setError('Describe what was observed.');
      return;
    }
    if (kind === 'area-for-improvement' && (corrective.trim() === '' || owner.trim() === '')) {
      setError('An area for improvement needs a corrective action and an owner.');
      return;
    }
    if (kind === 'area-for-improvement' && due === '') {
      setError('Give a due date.');
      return;
    }
    setError('');
    const item: ImprovementItem = {
      id: crypto.randomUUID(),
      kind,
      ...(objectiveId ? { objectiveId } : {}),
      observation: observation.trim(),
      correctiveAction: corrective.trim(),
      owner: owner.trim(),
      due,
      ...(follow === 'playbook'
        ? { link: { kind: 'playbook-change' as const, playbookId: scenario.playbook, stepId } }
        : follow === 'threat'
          ? {
              link: {
                kind: 'threat-model' as const,
                ...(modelId ? { threatModelId: modelId } : {}),
              },
            }
          : {}),
    };
    if (await act({ type: 'improvement.put', item })) {
      setObservation('');
      setCorrective('');
      setOwner('');
      setDue('');
    }
  };

  const toPlaybook = async (item: ImprovementItem) => {
    if (!playbook || item.link?.kind !== 'playbook-change' || !item.link.stepId) return;
    const copyId = `${playbook.id}-exercise`;
    const change = applyImprovementToPlaybook(playbook, item, item.link.stepId, copyId);
    if (!change.ok) {
      setError(change.error);
      return;
    }
    const stamp = new Date().toISOString() as IsoTimestamp;
    try {
      await saveImprovementPlaybook(
        getDatabase(),
        scenario,
        exercise.id,
        {
          id: copyId,
          title: `${playbook.title} (after exercise)`,
          version: change.playbook.version,
          source: playbookToYaml(change.playbook),
          createdAt: stamp,
          updatedAt: stamp,
        },
        {
          type: 'improvement.put',
          item: { ...item, link: { ...item.link, userPlaybookId: copyId } },
        },
        Date.now(),
      );
      notify({ message: `Added the task to the playbook copy “${copyId}”.`, tone: 'success' });
    } catch (e) {
      reportError(e);
    }
  };

  const toReview = async (item: ImprovementItem) => {
    const now = Date.now();
    const ctx = {
      at: simulatedAt(exercise.clock, now),
      recordedAt: now,
      actor: exercise.facilitator,
    };
    try {
      const done = await commitIncident(
        getDatabase(),
        exercise.incidentId as IncidentId,
        improvementToActionItem(ctx, item),
        now,
      );
      if (done)
        notify({
          message: 'Added to the review as an action item: link it to the threat model there.',
          tone: 'success',
        });
    } catch (e) {
      reportError(e);
    }
  };
  const inReview = (id: string) => incident?.review?.actionItems.some((a) => a.id === id) ?? false;

  return (
    <section aria-labelledby="plan-title" className="plan">
      <h3 id="plan-title">Improvement plan</h3>
      {exercise.improvements.length === 0 ? (
        <p className="exercises__empty">No item yet.</p>
      ) : (
        <table className="exercises__table">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Observation</th>
              <th scope="col">Corrective action</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">Follow-up</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {exercise.improvements.map((i) => (
              <tr key={i.id}>
                <td>{i.kind === 'strength' ? 'Strength' : 'Area for improvement'}</td>
                <td>{i.observation}</td>
                <td>{i.correctiveAction || '–'}</td>
                <td>{i.owner || '–'}</td>
                <td>{i.due || '–'}</td>
                <td>
                  {linkText(i) || '–'}
                  {i.link?.kind === 'playbook-change' && !i.link.userPlaybookId && (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => void toPlaybook(i)}
                    >
                      Add to a playbook copy
                    </button>
                  )}
                  {i.link?.kind === 'threat-model' &&
                    (inReview(i.id) ? (
                      <span className="exercises__meta"> · in the incident review</span>
                    ) : (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={!hasReview}
                        title={
                          hasReview
                            ? undefined
                            : 'Draft the review in the incident room first (Review tab).'
                        }
                        onClick={() => void toReview(i)}
                      >
                        Add to the incident review
                      </button>
                    ))}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    aria-label={`Remove: ${i.observation}`}
                    onClick={() => void act({ type: 'improvement.remove', id: i.id })}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!hasReview && exercise.improvements.some((i) => i.link?.kind === 'threat-model') && (
        <p className="exercises__meta">
          To turn threat-model items into threats, draft the review in the incident room (Review
          tab) first; then add them to the review and link them there.
        </p>
      )}
      <form
        className="plan__form"
        aria-label="Add an improvement item"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label className="field">
          <span className="field__label">Kind</span>
          <select
            className="field__control"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ImprovementItem['kind']);
            }}
          >
            <option value="area-for-improvement">Area for improvement</option>
            <option value="strength">Strength</option>
          </select>
        </label>
        <label className="field">
          <span className="field__label">Objective</span>
          <select
            className="field__control"
            value={objectiveId}
            onChange={(e) => {
              setObjectiveId(e.target.value);
            }}
          >
            <option value="">None</option>
            {scenario.objectives.map((o) => (
              <option key={o.id} value={o.id}>
                {o.text}
              </option>
            ))}
          </select>
        </label>
        <label className="field plan__wide">
          <span className="field__label">Observation</span>
          <textarea
            className="field__control"
            rows={2}
            value={observation}
            onChange={(e) => {
              setObservation(e.target.value);
            }}
          />
        </label>
        <label className="field plan__wide">
          <span className="field__label">Corrective action</span>
          <textarea
            className="field__control"
            rows={2}
            value={corrective}
            onChange={(e) => {
              setCorrective(e.target.value);
            }}
          />
        </label>
        <label className="field">
          <span className="field__label">Owner</span>
          <input
            className="field__control"
            value={owner}
            onChange={(e) => {
              setOwner(e.target.value);
            }}
          />
        </label>
        <label className="field">
          <span className="field__label">Due date</span>
          <input
            type="date"
            className="field__control"
            value={due}
            onChange={(e) => {
              setDue(e.target.value);
            }}
          />
        </label>
        <label className="field">
          <span className="field__label">Follow-up</span>
          <select
            className="field__control"
            value={follow}
            onChange={(e) => {
              setFollow(e.target.value as Follow);
            }}
          >
            <option value="none">None</option>
            <option value="playbook">Change to the playbook</option>
            <option value="threat">Item for a threat model</option>
          </select>
        </label>
        {follow === 'playbook' && (
          <label className="field">
            <span className="field__label">Playbook step</span>
            <select
              className="field__control"
              value={stepId}
              onChange={(e) => {
                setStepId(e.target.value);
              }}
            >
              {steps.map((p) => (
                <option key={p.step.id} value={p.step.id}>
                  {p.step.kind === 'end' ? p.step.id : p.step.title}
                </option>
              ))}
            </select>
          </label>
        )}
        {follow === 'threat' && (
          <label className="field">
            <span className="field__label">Threat model</span>
            <select
              className="field__control"
              value={modelId}
              onChange={(e) => {
                setModelId(e.target.value);
              }}
            >
              <option value="">Decide later</option>
              {(models ?? []).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}
                </option>
              ))}
            </select>
          </label>
        )}
        {error && (
          <p className="field__error plan__wide" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary">
          Add to the plan
        </button>
      </form>
    </section>
  );
}
