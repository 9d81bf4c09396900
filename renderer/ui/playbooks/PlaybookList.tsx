import { useState } from 'react';
import { Icon } from '../components/Icon';
import { useRouter } from '../state/router-context';
import { useCatalogue, matchesSearch } from './catalogue';
import { ImportPlaybookButtons } from './exchange/ImportPlaybookButtons';
import { PlaybookRow } from './PlaybookRow';

/** Built-in and user playbooks with their figures, a search, and New and Import. */
export function PlaybookList() {
  const entries = useCatalogue();
  const { navigate } = useRouter();
  const [search, setSearch] = useState('');
  if (entries === undefined)
    return (
      <p className="loading" role="status">
        Loading playbooks…
      </p>
    );
  const shown = entries.filter((e) => matchesSearch(e, search));
  return (
    <section className="playbooks__list" aria-labelledby="playbooks-title">
      <div className="playbooks__toolbar">
        <h2 id="playbooks-title" className="area-screen__title">
          Playbooks
        </h2>
        <input
          type="search"
          className="field__control playbooks__search"
          aria-label="Search playbooks"
          placeholder="Search by title, OWASP id or signal"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
          }}
        />
        <ImportPlaybookButtons />
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            navigate({ area: 'playbooks', view: { kind: 'new' } });
          }}
        >
          <Icon name="plus" />
          New playbook
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="area-screen__empty" role="status">
          No playbook matches “{search}”.
        </p>
      ) : (
        <div className="list-table-wrap">
          <table className="list-table playbooks__table">
            <caption className="visually-hidden">
              {`${String(shown.length)} playbooks; built-in ones are read-only`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Version</th>
                <th scope="col">OWASP</th>
                <th scope="col">Steps</th>
                <th scope="col">Phases</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <PlaybookRow key={`${e.builtin ? 'b' : 'u'}:${e.id}`} entry={e} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
