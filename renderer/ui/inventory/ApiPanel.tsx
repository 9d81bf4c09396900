import type { ApiId } from '../../../core/inventory';
import { useApi } from '../../storage';
import type { InventoryPanel } from '../lib/route';
import { useRouter } from '../state/router-context';
import { ApiDetail } from './ApiDetail';
import { ApiEditor } from './form/ApiEditor';

/** Beside the list: the new-API form, or a stored API to read or edit. */
export function ApiPanel({ panel }: { readonly panel: InventoryPanel }) {
  if (panel.kind === 'new') return <ApiEditor entry={null} />;
  return <StoredApiPanel id={panel.id} editing={panel.kind === 'edit'} />;
}

function StoredApiPanel({ id, editing }: { readonly id: ApiId; readonly editing: boolean }) {
  const api = useApi(id);
  const { navigate } = useRouter();
  if (api === undefined)
    return <section className="panel panel--loading" aria-busy="true" aria-label="Loading API" />;
  if (api === null)
    return (
      <section className="panel" aria-labelledby="panel-title">
        <header className="panel__header">
          <h2 id="panel-title" className="panel__title">
            API not found
          </h2>
        </header>
        <div className="panel__body">
          <p>
            This API is not in the inventory. It may have been deleted, or replaced by a restore.
          </p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              navigate({ area: 'inventory', panel: null }, { replace: true });
            }}
          >
            Back to the list
          </button>
        </div>
      </section>
    );
  return editing ? <ApiEditor entry={api} /> : <ApiDetail api={api} />;
}
