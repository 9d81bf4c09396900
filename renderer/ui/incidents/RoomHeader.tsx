import { useState } from 'react';
import {
  INCIDENT_STATUSES,
  KEY_TIME_LABELS,
  KEY_TIMES,
  SEVERITIES,
  SEVERITY_DEFINITIONS,
  STATUS_LABELS,
  type Incident,
  type IncidentStatus,
  type KeyTimeName,
  type Severity,
} from '../../../core/incidents';
import type { Playbook } from '../../../core/playbooks';
import { useRouter } from '../state/router-context';
import { setKeyTime, setSeverity, setStatus } from './changes';
import { useIncidentNow } from './clock-context';
import { RolesPanel } from './RolesPanel';
import { formatDurationMs, formatWhen, fromLocalInput, toLocalInput } from './time-format';
import { useActorName } from './use-actor';
import type { MakeChange } from './use-room';

type HeaderProps = {
  readonly incident: Incident;
  readonly playbook: Playbook | null;
  readonly commit: (make: MakeChange) => Promise<unknown>;
};

/** Title, severity, status, who is acting, key times (editable, recorded) and roles. */
export function RoomHeader({ incident, playbook, commit }: HeaderProps) {
  const { navigate } = useRouter();
  const [actor, setActor] = useActorName();
  const now = useIncidentNow();
  const exercise = incident.mode === 'exercise';
  return (
    <header className="room__header">
      <div className="room__heading">
        <a
          className="back-link"
          href="#/incidents"
          onClick={(e) => {
            e.preventDefault();
            navigate({ area: 'incidents', view: { kind: 'list' } });
          }}
        >
          ← All incidents
        </a>
        <h2 id="room-title" className="room__title">
          {exercise && <span className="exercise-badge">EXERCISE</span>} {incident.title}
        </h2>
        <p className="room__now" aria-live="off">
          <span className="text-muted">{exercise ? 'Simulated time' : 'Now'}</span>{' '}
          <strong className="mono">{formatWhen(now, incident.timeZone, true)}</strong>
          <span className="text-muted">
            {' '}
            · open for {formatDurationMs(now - incident.createdAt)}
          </span>
        </p>
      </div>
      <div className="room__controls">
        <label className="room__control">
          <span>Severity</span>
          <select
            className={`field__control sev-select sev-select--${incident.severity.toLowerCase()}`}
            value={incident.severity}
            title={SEVERITY_DEFINITIONS[incident.severity].summary}
            onChange={(e) => {
              const s = e.target.value as Severity;
              void commit((ctx) => setSeverity(ctx, s));
            }}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_DEFINITIONS[s].label}
              </option>
            ))}
          </select>
        </label>
        <label className="room__control">
          <span>Status</span>
          <select
            className="field__control"
            value={incident.status}
            onChange={(e) => {
              const s = e.target.value as IncidentStatus;
              void commit((ctx) => setStatus(ctx, s));
            }}
          >
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="room__control">
          <span>You are</span>
          <input
            className="field__control"
            value={actor}
            placeholder="Your name"
            aria-invalid={actor.trim() === ''}
            onChange={(e) => {
              setActor(e.target.value);
            }}
          />
        </label>
      </div>
      <ul className="room__keytimes" aria-label="Key times">
        {KEY_TIMES.map((name) => (
          <KeyTimeItem
            key={name}
            name={name}
            incident={incident}
            now={now}
            onSet={(value) => {
              void commit((ctx) => setKeyTime(ctx, name, value, playbook));
            }}
          />
        ))}
      </ul>
      <RolesPanel incident={incident} playbook={playbook} commit={commit} />
    </header>
  );
}

function KeyTimeItem({
  name,
  incident,
  now,
  onSet,
}: {
  readonly name: KeyTimeName;
  readonly incident: Incident;
  readonly now: number;
  readonly onSet: (value: number) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const value = incident.keyTimes[name];
  const label = KEY_TIME_LABELS[name];
  const inputId = `keytime-${name}`;
  return (
    <li className="keytime" title={label.meaning}>
      <span className="keytime__label">{label.label}</span>
      {editing === null ? (
        <>
          <span className="keytime__value">
            {value ? formatWhen(value.at, incident.timeZone) : 'not set'}
          </span>
          {value && <span className="keytime__by text-muted">set by {value.by}</span>}
          <button
            type="button"
            className="button button--small button--ghost"
            aria-label={`${value ? 'Change' : 'Set'} ${label.label.toLowerCase()} time`}
            onClick={() => {
              setEditing(toLocalInput(value?.at ?? now, incident.timeZone));
            }}
          >
            {value ? 'Change' : 'Set'}
          </button>
        </>
      ) : (
        <form
          className="keytime__form"
          onSubmit={(e) => {
            e.preventDefault();
            const at = fromLocalInput(editing, incident.timeZone);
            if (at === null) return;
            onSet(at);
            setEditing(null);
          }}
        >
          <label className="visually-hidden" htmlFor={inputId}>
            {`${label.label} time (${incident.timeZone})`}
          </label>
          <input
            id={inputId}
            type="datetime-local"
            className="field__control"
            value={editing}
            onChange={(e) => {
              setEditing(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setEditing(null);
              }
            }}
          />
          <button type="submit" className="button button--small button--primary">
            Save
          </button>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => {
              setEditing(null);
            }}
          >
            Cancel
          </button>
        </form>
      )}
    </li>
  );
}
