import { useState } from 'react';
import type { ApiId } from '../../../core/inventory';
import { useThreatModelSummariesForApi } from '../../storage/hooks-threats';
import { formatRoute, type Route } from '../lib/route';
import { ImportOpenApiDialog } from '../openapi/ImportOpenApiDialog';
import { useRouter } from '../state/router-context';

/** In an API's detail panel: the threat models that cover it, and a way to start one. */
export function ApiThreatModels({ apiId }: { readonly apiId: ApiId }) {
  const models = useThreatModelSummariesForApi(apiId);
  const { navigate } = useRouter();
  const [importing, setImporting] = useState(false);
  const link = (to: Route, text: string) => (
    <a
      href={formatRoute(to)}
      className="break-anywhere"
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {text}
    </a>
  );
  return (
    <section className="detail-section" aria-labelledby="detail-threat-models">
      <h3 id="detail-threat-models" className="detail-section__title">
        Threat models
      </h3>
      {models === undefined ? null : models.length === 0 ? (
        <p className="text-muted">No threat model covers this API yet.</p>
      ) : (
        <ul className="api-threat-models">
          {models.map((m) => (
            <li key={m.id}>
              {link({ area: 'threats', view: { kind: 'model', id: m.id, step: 'scope' } }, m.title)}
              {m.versionCount > 0 && (
                <span className="text-muted"> · version {m.versionCount} signed off</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          navigate({ area: 'threats', view: { kind: 'new', apiId } });
        }}
      >
        Start a threat model
      </button>{' '}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          setImporting(true);
        }}
      >
        Import OpenAPI description
      </button>
      {importing && (
        <ImportOpenApiDialog
          forApi={apiId}
          onClose={() => {
            setImporting(false);
          }}
        />
      )}
    </section>
  );
}
