import { useMemo, useState } from 'react';
import type { ApiEntry, ApiId } from '../../../core/inventory';
import { Icon } from '../components/Icon';
import { useApis } from '../../storage';
import { useThreatModelSummaries } from '../../storage/hooks-threats';
import { formatTimestamp } from '../lib/dates';
import { useRouter } from '../state/router-context';
import { ImportOpenApiButton } from '../openapi/ImportOpenApiButton';
import { ImportModelButton } from './exchange/ImportModelButton';
import { matchesSearch, summarize } from './model-summary';
import { ModelRow } from './ModelRow';

/** Every threat model with its figures, a search, and the New and Import actions. */
export function ThreatModelList() {
  const models = useThreatModelSummaries();
  const apis = useApis();
  const { navigate } = useRouter();
  const [search, setSearch] = useState('');
  const byId = useMemo(() => new Map<ApiId, ApiEntry>((apis ?? []).map((a) => [a.id, a])), [apis]);
  const summaries = useMemo(() => (models ?? []).map((m) => summarize(m, byId)), [models, byId]);
  const shown = summaries.filter((s) => matchesSearch(s, search));

  if (models === undefined || apis === undefined)
    return (
      <p className="loading" role="status">
        Loading threat models…
      </p>
    );
  return (
    <section className="threats__list" aria-labelledby="threat-models-title">
      <div className="threats__toolbar">
        <h2 id="threat-models-title" className="threats__title">
          Threat models
        </h2>
        <input
          type="search"
          className="field__control threats__search"
          aria-label="Search threat models"
          placeholder="Search by title or API"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
          }}
        />
        <ImportOpenApiButton />
        <ImportModelButton />
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            navigate({ area: 'threats', view: { kind: 'new', apiId: null } });
          }}
        >
          <Icon name="plus" />
          New threat model
        </button>
      </div>
      {models.length === 0 ? (
        <p className="threats__empty">
          No threat models yet. Start one for an API from the inventory, choose New threat model, or
          import an OpenAPI description.
        </p>
      ) : shown.length === 0 ? (
        <p className="threats__empty" role="status">
          No threat model matches “{search}”.
        </p>
      ) : (
        <div className="threats__table-wrap">
          <table className="threats__table">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">APIs</th>
                <th scope="col">Elements</th>
                <th scope="col">Open threats</th>
                <th scope="col">Last sign-off</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <ModelRow key={s.id} summary={s} updated={formatTimestamp(s.updatedAt)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
