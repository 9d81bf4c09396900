import { Icon } from '../components/Icon';
import { useRouter } from '../state/router-context';
import type { CatalogueEntry } from './catalogue';
import { ExportPlaybookButtons } from './exchange/ExportPlaybookButtons';
import { useDeletePlaybook } from './use-delete-playbook';

/** Duplicate (any playbook), Edit and Delete (user playbooks), and the exports. */
export function DetailActions({ entry }: { readonly entry: CatalogueEntry }) {
  const { navigate } = useRouter();
  const remove = useDeletePlaybook();
  const { record, playbook } = entry;
  return (
    <div className="playbook__actions">
      {playbook !== null && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            navigate({ area: 'playbooks', view: { kind: 'duplicate', id: entry.id } });
          }}
        >
          Duplicate
        </button>
      )}
      {record && (
        <>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              navigate({ area: 'playbooks', view: { kind: 'edit', id: entry.id } });
            }}
          >
            <Icon name="edit" />
            Edit
          </button>
          <button
            type="button"
            className="button button--danger-outline"
            onClick={() => {
              void remove(record).then((deleted) => {
                if (deleted) navigate({ area: 'playbooks', view: { kind: 'list' } });
              });
            }}
          >
            <Icon name="trash" />
            Delete
          </button>
        </>
      )}
      {playbook !== null && <ExportPlaybookButtons playbook={playbook} source={entry.source} />}
    </div>
  );
}
