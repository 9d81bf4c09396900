import { useState } from 'react';
import type { Incident, TaskId } from '../../../../core/incidents';
import { addTask, toggleTask } from '../changes';
import { formatWhen } from '../time-format';
import type { MakeChange } from '../use-room';

/** Tasks added by hand during the incident, beside the playbook's checklists. */
export function AdHocTasks({
  incident,
  commit,
}: {
  readonly incident: Incident;
  readonly commit: (make: MakeChange) => Promise<unknown>;
}) {
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  return (
    <section className="room-section" aria-labelledby="adhoc-title">
      <h3 id="adhoc-title" className="room-section__title">
        Ad-hoc tasks
      </h3>
      {incident.tasks.length > 0 && (
        <ul className="checklist" aria-label="Ad-hoc tasks">
          {incident.tasks.map((t) => (
            <li
              key={t.id}
              className={
                t.doneAt !== undefined ? 'checklist__item checklist__item--done' : 'checklist__item'
              }
            >
              <label className="checklist__label">
                <input
                  type="checkbox"
                  checked={t.doneAt !== undefined}
                  onChange={(e) => {
                    const done = e.target.checked;
                    void commit((ctx) => toggleTask(ctx, t.id, done));
                  }}
                />
                <span className="checklist__text">{t.title}</span>
              </label>
              <span className="checklist__owner">{t.owner}</span>
              {t.doneAt !== undefined && (
                <span className="checklist__done text-muted">
                  done {formatWhen(t.doneAt, incident.timeZone)} by {t.doneBy ?? '?'}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <form
        className="room-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (title.trim() === '') return;
          const id = crypto.randomUUID() as TaskId;
          void commit((ctx) => addTask(ctx, id, title, owner));
          setTitle('');
          setOwner('');
        }}
      >
        <label className="room-form__field room-form__field--wide">
          <span>New task</span>
          <input
            className="field__control"
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
            }}
          />
        </label>
        <label className="room-form__field">
          <span>Owner</span>
          <input
            className="field__control"
            value={owner}
            onChange={(e) => {
              setOwner(e.target.value);
            }}
          />
        </label>
        <button type="submit" className="button button--secondary">
          Add task
        </button>
      </form>
    </section>
  );
}
