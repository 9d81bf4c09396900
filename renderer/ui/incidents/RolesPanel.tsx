import { useState } from 'react';
import type { Incident } from '../../../core/incidents';
import type { Playbook } from '../../../core/playbooks';
import { assignRole } from './changes';
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

/** Who holds each role; assigning a held role records a hand-off. */
export function RolesPanel({
  incident,
  playbook,
  commit,
}: {
  readonly incident: Incident;
  readonly playbook: Playbook | null;
  readonly commit: (make: MakeChange) => Promise<unknown>;
}) {
  const [typed, setTyped] = useState<Record<string, string>>({});
  return (
    <details className="room__roles" open>
      <summary>Roles</summary>
      <ul className="roles">
        {rolesOf(incident, playbook).map(({ id, title }) => {
          const held = incident.roles.find((r) => r.roleId === id);
          const value = typed[id] ?? '';
          const inputId = `role-${id}`;
          return (
            <li key={id} className="roles__item">
              <label className="roles__title" htmlFor={inputId}>
                {title}
              </label>
              <span className={held ? 'roles__person' : 'roles__person text-muted'}>
                {held?.person ?? 'unassigned'}
              </span>
              <form
                className="roles__form"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (value.trim() === '') return;
                  void commit((ctx) => assignRole(ctx, id, title, value));
                  setTyped((t) => ({ ...t, [id]: '' }));
                }}
              >
                <input
                  id={inputId}
                  className="field__control roles__input"
                  value={value}
                  placeholder={held ? 'Hand over to…' : 'Name'}
                  onChange={(e) => {
                    setTyped((t) => ({ ...t, [id]: e.target.value }));
                  }}
                />
                <button
                  type="submit"
                  className="button button--small button--secondary"
                  aria-label={`${held ? 'Hand over' : 'Assign'} ${title}`}
                >
                  {held ? 'Hand over' : 'Assign'}
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
