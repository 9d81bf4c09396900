import { useState } from 'react';
import type { Incident } from '../../../core/incidents';
import type { Playbook } from '../../../core/playbooks';
import { assignRole } from './changes';
import { formatWhen } from './time-format';
import type { MakeChange } from './use-room';

// The roles of domain.md §5, used when no playbook names its own.
const DEFAULT_ROLES = [
  { id: 'incident-commander', title: 'Incident commander' },
  { id: 'deputy', title: 'Deputy' },
  { id: 'scribe', title: 'Scribe' },
  { id: 'communications', title: 'Communications' },
  { id: 'subject-matter-expert', title: 'Subject matter expert' },
  { id: 'legal', title: 'Legal' },
] as const;

/** The roles to offer: the playbook's, then the usual ones, then any held ad-hoc role. */
function rolesOf(incident: Incident, playbook: Playbook | null) {
  const out = new Map<string, string>();
  for (const r of playbook?.roles ?? []) out.set(r.id, r.title);
  for (const r of DEFAULT_ROLES) if (!out.has(r.id)) out.set(r.id, r.title);
  for (const r of incident.roles) if (!out.has(r.roleId)) out.set(r.roleId, r.title);
  return [...out].map(([id, title]) => ({ id, title }));
}

/**
 * Who holds each role, compact enough for a projector: the held roles in a row, and one
 * form to assign a role or hand it over (a hand-off names both people in the timeline).
 */
export function RolesPanel({
  incident,
  playbook,
  commit,
}: {
  readonly incident: Incident;
  readonly playbook: Playbook | null;
  readonly commit: (make: MakeChange) => Promise<unknown>;
}) {
  const roles = rolesOf(incident, playbook);
  const [roleId, setRoleId] = useState(roles[0]?.id ?? '');
  const [person, setPerson] = useState('');
  const chosen = roles.find((r) => r.id === roleId) ?? roles[0];
  const held = chosen ? incident.roles.find((r) => r.roleId === chosen.id) : undefined;
  return (
    <section className="room__roles" aria-labelledby="roles-title">
      <h3 id="roles-title" className="room__roles-title">
        Roles
      </h3>
      {incident.roles.length === 0 ? (
        <p className="text-muted">Nobody is assigned yet.</p>
      ) : (
        <ul className="roles">
          {incident.roles.map((r) => (
            <li key={r.roleId} className="roles__item">
              <span className="roles__title">{r.title}</span>{' '}
              <strong className="roles__person">{r.person}</strong>
              <span className="text-muted">
                {' '}
                since {formatWhen(r.since, incident.timeZone)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form
        className="roles__form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!chosen || person.trim() === '') return;
          const { id, title } = chosen;
          void commit((ctx) => assignRole(ctx, id, title, person));
          setPerson('');
        }}
      >
        <label className="room__control">
          <span>Role</span>
          <select
            className="field__control"
            value={chosen?.id ?? ''}
            onChange={(e) => {
              setRoleId(e.target.value);
            }}
          >
            {roles.map((r) => {
              const holder = incident.roles.find((x) => x.roleId === r.id);
              return (
                <option key={r.id} value={r.id}>
                  {r.title}
                  {holder ? ` (${holder.person})` : ''}
                </option>
              );
            })}
          </select>
        </label>
        <label className="room__control">
          <span>{held ? `Hand over from ${held.person} to` : 'Person'}</span>
          <input
            className="field__control"
            value={person}
            onChange={(e) => {
              setPerson(e.target.value);
            }}
          />
        </label>
        <button type="submit" className="button button--secondary">
          {held ? 'Hand over' : 'Assign'}
        </button>
      </form>
    </section>
  );
}
