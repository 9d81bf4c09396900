import { useState } from 'react';
import { useRouter } from '../state/router-context';
import { stepAnchor, useCatalogueEntry } from './catalogue';
import { DetailActions } from './DetailActions';
import { ImportErrors } from './exchange/ImportErrors';
import { PhaseSection } from './PhaseSection';
import { PlaybookDiagram } from './PlaybookDiagram';
import { PlaybookOverview } from './PlaybookOverview';

/** One playbook: overview, state diagram and every phase and step; built-ins read-only. */
export function PlaybookDetail({ id }: { readonly id: string }) {
  const entry = useCatalogueEntry(id);
  const { navigate } = useRouter();
  const [selected, setSelected] = useState<string | null>(null);
  if (entry === undefined)
    return (
      <p className="loading" role="status">
        Loading playbook…
      </p>
    );
  if (entry === null)
    return (
      <div className="area-screen__empty" role="alert">
        <p>There is no playbook with this id (deleted in another window?).</p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            navigate({ area: 'playbooks', view: { kind: 'list' } });
          }}
        >
          Back to playbooks
        </button>
      </div>
    );
  const { playbook } = entry;
  return (
    <article className="playbook" aria-labelledby="playbook-title">
      <header className="playbook__header">
        <a
          className="back-link"
          href="#/playbooks"
          onClick={(e) => {
            e.preventDefault();
            navigate({ area: 'playbooks', view: { kind: 'list' } });
          }}
        >
          ← All playbooks
        </a>
        <div className="playbook__heading">
          <h2 id="playbook-title" className="playbook__title">
            {entry.title}
          </h2>
          <span className="playbook__version mono">v{entry.version}</span>
          {entry.builtin ? (
            <span className="playbooks__badge">Built in, read-only</span>
          ) : (
            <span className="playbooks__badge playbooks__badge--user">Yours</span>
          )}
        </div>
        <DetailActions entry={entry} />
      </header>
      {playbook === null ? (
        <ImportErrors
          title={`This stored playbook no longer validates (${String(entry.errors.length)} errors). Edit it to fix them.`}
          errors={entry.errors}
        />
      ) : (
        <div className="playbook__body">
          <PlaybookOverview playbook={playbook} />
          <PlaybookDiagram
            playbook={playbook}
            selectedStepId={selected}
            onSelectStep={(stepId) => {
              setSelected(stepId);
              document
                .getElementById(stepAnchor(stepId))
                ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
            }}
          />
          {playbook.phases.map((phase, i) => (
            <PhaseSection
              key={phase.id}
              phase={phase}
              index={i}
              playbook={playbook}
              selectedStepId={selected}
            />
          ))}
        </div>
      )}
    </article>
  );
}
