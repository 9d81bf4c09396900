import { useMemo, useState } from 'react';
import {
  declareIncident,
  DETECTION_SOURCES,
  KEY_TIME_LABELS,
  parseIncident,
  scopeFromApis,
  SEVERITIES,
  SEVERITY_DEFINITIONS,
  type DetectionSource,
  type IncidentId,
  type IncidentMode,
  type KeyTimes,
  type Severity,
} from '../../../core/incidents';
import type { ApiId } from '../../../core/inventory';
import { getDatabase, useApis } from '../../storage';
import { createIncident } from '../../storage/incidents';
import { useProblems } from '../state/problem-context';
import { useRouter } from '../state/router-context';
import { useToasts } from '../state/toast-context';
import { ApiPicker } from '../threats/ApiPicker';
import { entry } from './changes';
import { useIncidentClock } from './clock-context';
import { DETECTION_LABELS } from './labels';
import { fromLocalInput, toLocalInput } from './time-format';
import { useActorName } from './use-actor';

const KEY_INPUTS = ['started', 'detected', 'aware'] as const;

const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Declaring an incident: what, how bad, which APIs (scope pre-filled), how found, when. */
export function DeclareIncident() {
  const apis = useApis();
  const clock = useIncidentClock();
  const { navigate } = useRouter();
  const { notify } = useToasts();
  const { reportError } = useProblems();
  const [actor, setActor] = useActorName();
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity>('SEV2');
  const [mode, setMode] = useState<IncidentMode>('live');
  const [chosen, setChosen] = useState<readonly ApiId[]>([]);
  const [source, setSource] = useState<DetectionSource>('monitoring-alert');
  const [detail, setDetail] = useState('');
  const [description, setDescription] = useState('');
  const [timeZone, setTimeZone] = useState(browserZone);
  const [times, setTimes] = useState<Record<(typeof KEY_INPUTS)[number], string>>(() => ({
    started: '',
    detected: toLocalInput(clock.now(), browserZone()),
    aware: toLocalInput(clock.now(), browserZone()),
  }));
  const [errors, setErrors] = useState<readonly string[]>([]);
  const scope = useMemo(() => scopeFromApis(apis ?? [], chosen), [apis, chosen]);

  const submit = async (e: { preventDefault: () => void }): Promise<void> => {
    e.preventDefault();
    const now = clock.now();
    const who = actor.trim();
    const problems: string[] = [];
    if (title.trim() === '') problems.push('Give the incident a title.');
    if (who === '') problems.push('Type your name: every action is recorded under it.');
    const keyTimes: KeyTimes = {};
    for (const name of KEY_INPUTS) {
      const raw = times[name];
      if (raw === '') continue;
      const at = fromLocalInput(raw, timeZone);
      if (at === null) problems.push(`${KEY_TIME_LABELS[name].label}: not a date and time.`);
      else keyTimes[name] = { at, by: who };
    }
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    const incident = declareIncident({
      id: crypto.randomUUID() as IncidentId,
      now,
      title,
      severity,
      mode,
      declaredBy: who,
      timeZone,
      description,
      apiIds: chosen,
      apis: apis ?? [],
      detectionSource: source,
      detectionDetail: detail,
      keyTimes,
    });
    const checked = parseIncident(incident);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    const ctx = { at: now, recordedAt: Date.now(), actor: who };
    try {
      await createIncident(getDatabase(), checked.value, [
        entry(
          ctx,
          'declared',
          `${mode === 'exercise' ? 'EXERCISE declared' : 'Incident declared'}: ${incident.title} (${severity})`,
          { severity, mode, apiIds: [...chosen], detectionSource: source },
        ),
        ...Object.entries(keyTimes).map(([name, t]) =>
          entry(
            ctx,
            'key-time',
            `${KEY_TIME_LABELS[name as 'started'].label}: ${new Date(t.at).toISOString()}`,
            {
              name,
              value: t.at,
            },
          ),
        ),
      ]);
      notify({ message: `Declared “${incident.title}”.`, tone: 'success' });
      navigate({ area: 'incidents', view: { kind: 'room', id: incident.id, tab: 'playbook' } });
    } catch (error) {
      reportError(error);
    }
  };

  if (apis === undefined)
    return (
      <p className="loading" role="status">
        Loading the inventory…
      </p>
    );
  return (
    <form
      className="incidents__declare"
      aria-labelledby="declare-title"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h2 id="declare-title" className="area-screen__title">
        Declare an incident
      </h2>
      {errors.length > 0 && (
        <div className="incidents__errors" role="alert">
          <p>The incident could not be declared:</p>
          <ul>
            {errors.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="incidents__declare-grid">
        <div className="field">
          <label className="field__label" htmlFor="declare-name">
            Title
          </label>
          <input
            id="declare-name"
            className="field__control"
            value={title}
            data-initial-focus
            onChange={(e) => {
              setTitle(e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="declare-actor">
            Your name
          </label>
          <input
            id="declare-actor"
            className="field__control"
            value={actor}
            autoComplete="name"
            onChange={(e) => {
              setActor(e.target.value);
            }}
          />
        </div>
      </div>
      <fieldset className="choice-group severity-picker">
        <legend className="field__label">Severity</legend>
        {SEVERITIES.map((s) => (
          <div key={s} className={`severity-option${severity === s ? ' severity-option--on' : ''}`}>
            <input
              id={`severity-${s}`}
              type="radio"
              name="severity"
              value={s}
              checked={severity === s}
              aria-describedby={`severity-${s}-text`}
              onChange={() => {
                setSeverity(s);
              }}
            />
            <span className="severity-option__text">
              <label htmlFor={`severity-${s}`} className={`sev sev--${s.toLowerCase()}`}>
                {SEVERITY_DEFINITIONS[s].label}
              </label>
              <span id={`severity-${s}-text`}>
                {SEVERITY_DEFINITIONS[s].summary}{' '}
                <span className="text-muted">{SEVERITY_DEFINITIONS[s].response}</span>
              </span>
            </span>
          </div>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend className="field__label">Mode</legend>
        <div className="choice-group__options choice-group__options--2">
          <label className="choice">
            <input
              type="radio"
              name="mode"
              checked={mode === 'live'}
              onChange={() => {
                setMode('live');
              }}
            />
            Live incident
          </label>
          <label className="choice">
            <input
              type="radio"
              name="mode"
              checked={mode === 'exercise'}
              onChange={() => {
                setMode('exercise');
              }}
            />
            Exercise (marked EXERCISE, never in live metrics)
          </label>
        </div>
      </fieldset>
      <ApiPicker apis={apis} chosen={chosen} onChange={setChosen} legend="Affected APIs" />
      <dl className="incidents__scope" aria-label="Scope from the affected APIs">
        <dt>Data classes</dt>
        <dd>{scope.dataClasses.length > 0 ? scope.dataClasses.join(', ') : 'none recorded'}</dd>
        <dt>Regulatory scope</dt>
        <dd>{scope.regimes.length > 0 ? scope.regimes.join(', ') : 'none recorded'}</dd>
      </dl>
      <div className="incidents__declare-grid">
        <div className="field">
          <label className="field__label" htmlFor="declare-source">
            Detection source
          </label>
          <select
            id="declare-source"
            className="field__control"
            value={source}
            onChange={(e) => {
              setSource(e.target.value as DetectionSource);
            }}
          >
            {DETECTION_SOURCES.map((s) => (
              <option key={s} value={s}>
                {DETECTION_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="declare-detail">
            Detection detail
          </label>
          <input
            id="declare-detail"
            className="field__control"
            value={detail}
            onChange={(e) => {
              setDetail(e.target.value);
            }}
          />
        </div>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="declare-description">
          What is known
        </label>
        <textarea
          id="declare-description"
          className="field__control"
          rows={3}
          value={description}
          onChange={(e) => {
            setDescription(e.target.value);
          }}
        />
      </div>
      <fieldset className="choice-group">
        <legend className="field__label">Key times</legend>
        <div className="incidents__declare-grid incidents__declare-grid--4">
          {KEY_INPUTS.map((name) => (
            <div className="field" key={name}>
              <label className="field__label" htmlFor={`declare-${name}`}>
                {KEY_TIME_LABELS[name].label}
              </label>
              <input
                id={`declare-${name}`}
                type="datetime-local"
                className="field__control"
                value={times[name]}
                onChange={(e) => {
                  setTimes((t) => ({ ...t, [name]: e.target.value }));
                }}
              />
            </div>
          ))}
          <div className="field">
            <label className="field__label" htmlFor="declare-zone">
              Time zone
            </label>
            <input
              id="declare-zone"
              className="field__control"
              value={timeZone}
              onChange={(e) => {
                setTimeZone(e.target.value);
              }}
            />
          </div>
        </div>
      </fieldset>
      <div className="incidents__actions">
        <button type="submit" className="button button--primary">
          Declare incident
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            navigate({ area: 'incidents', view: { kind: 'list' } });
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
