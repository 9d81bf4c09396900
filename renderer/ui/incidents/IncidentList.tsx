import { useState } from 'react';
import {
  INCIDENT_STATUSES,
  SEVERITIES,
  STATUS_LABELS,
  type Incident,
  type IncidentMode,
  type IncidentStatus,
  type Severity,
} from '../../../core/incidents';
import { useIncidents } from '../../storage/hooks-incidents';
import { Icon } from '../components/Icon';
import { useFirstRender } from '../lib/first-render';
import { useRouter } from '../state/router-context';
import { formatWhen } from './time-format';

type ModeFilter = 'all' | IncidentMode;

/** The incidents, live and exercises apart, filtered by mode, severity and status. */
export function IncidentList() {
  const incidents = useIncidents();
  const { navigate } = useRouter();
  const [mode, setMode] = useState<ModeFilter>('live');
  const [severity, setSeverity] = useState<'all' | Severity>('all');
  const [status, setStatus] = useState<'all' | 'open' | IncidentStatus>('all');
  useFirstRender(incidents !== undefined);
  if (incidents === undefined)
    return (
      <p className="loading" role="status">
        Loading incidents…
      </p>
    );
  const open = (i: Incident) => i.status !== 'resolved' && i.status !== 'closed';
  const shown = incidents.filter(
    (i) =>
      (mode === 'all' || i.mode === mode) &&
      (severity === 'all' || i.severity === severity) &&
      (status === 'all' || (status === 'open' ? open(i) : i.status === status)),
  );
  return (
    <section className="incidents__list" aria-labelledby="incidents-title">
      <div className="incidents__toolbar">
        <h2 id="incidents-title" className="area-screen__title">
          Incidents
        </h2>
        <label className="incidents__filter">
          <span>Mode</span>
          <select
            className="field__control"
            value={mode}
            onChange={(e) => {
              setMode(e.target.value as ModeFilter);
            }}
          >
            <option value="live">Live incidents</option>
            <option value="exercise">Exercises</option>
            <option value="all">Live and exercises</option>
          </select>
        </label>
        <label className="incidents__filter">
          <span>Severity</span>
          <select
            className="field__control"
            value={severity}
            onChange={(e) => {
              setSeverity(e.target.value as 'all' | Severity);
            }}
          >
            <option value="all">Any</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="incidents__filter">
          <span>Status</span>
          <select
            className="field__control"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as 'all' | 'open' | IncidentStatus);
            }}
          >
            <option value="all">Any</option>
            <option value="open">Open (not resolved)</option>
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            navigate({ area: 'incidents', view: { kind: 'new' } });
          }}
        >
          <Icon name="plus" />
          Declare incident
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="area-screen__empty" role="status">
          {incidents.length === 0
            ? 'No incidents yet. Declare one when something happens; exercises appear here too.'
            : 'No incident matches these filters.'}
        </p>
      ) : (
        <div className="list-table-wrap">
          <table className="list-table">
            <caption className="visually-hidden">{`${String(shown.length)} incidents`}</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Severity</th>
                <th scope="col">Status</th>
                <th scope="col">Mode</th>
                <th scope="col">Declared</th>
                <th scope="col">Commander</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((i) => (
                <tr key={i.id}>
                  <td className="incidents__cell-title">
                    <a
                      className="list-table__link"
                      href={`#/incidents/room/${encodeURIComponent(i.id)}/playbook`}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate({
                          area: 'incidents',
                          view: { kind: 'room', id: i.id, tab: 'playbook' },
                        });
                      }}
                    >
                      {i.title}
                    </a>
                  </td>
                  <td>
                    <span className={`sev sev--${i.severity.toLowerCase()}`}>{i.severity}</span>
                  </td>
                  <td>{STATUS_LABELS[i.status]}</td>
                  <td>
                    {i.mode === 'exercise' ? (
                      <span className="exercise-badge">EXERCISE</span>
                    ) : (
                      'Live'
                    )}
                  </td>
                  <td>{formatWhen(i.createdAt, i.timeZone)}</td>
                  <td>{i.roles.find((r) => r.roleId === 'incident-commander')?.person ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
