import { useState } from 'react';
import { useRouter } from '../../state/router-context';
import {
  builtinEntries,
  duplicateSource,
  NEW_PLAYBOOK_SOURCE,
  useCatalogue,
  type CatalogueEntry,
} from '../catalogue';
import type { PlaybooksView } from '../playbook-route';
import { PlaybookEditor } from './PlaybookEditor';

type EditorView = Extract<PlaybooksView, { kind: 'new' | 'edit' | 'duplicate' }>;
type Start = { readonly source: string; readonly editingId: string | null };

function startFor(view: EditorView, entries: readonly CatalogueEntry[]): Start | null {
  if (view.kind === 'new') return { source: NEW_PLAYBOOK_SOURCE, editingId: null };
  const entry = entries.find((e) => e.id === view.id);
  if (!entry) return null;
  if (view.kind === 'edit')
    return entry.builtin ? null : { source: entry.source, editingId: entry.id };
  if (entry.playbook === null) return null;
  const taken = new Set([...builtinEntries().map((e) => e.id), ...entries.map((e) => e.id)]);
  return { source: duplicateSource(entry.playbook, taken), editingId: null };
}

/** Finds what the editor starts from: a template, a stored playbook, or a copy. */
export function PlaybookEditorScreen({ view }: { readonly view: EditorView }) {
  const entries = useCatalogue();
  const { navigate } = useRouter();
  // Only the first load counts: a save in another window must not reset the text.
  const [start, setStart] = useState<Start | null | undefined>(undefined);
  if (start === undefined && entries !== undefined) setStart(startFor(view, entries));

  if (start === undefined)
    return (
      <p className="loading" role="status">
        Loading playbook…
      </p>
    );
  if (start === null)
    return (
      <div className="area-screen__empty" role="alert">
        <p>
          {view.kind === 'edit'
            ? 'This playbook cannot be edited here: it does not exist or it is built in (duplicate it instead).'
            : 'There is no valid playbook with this id to duplicate.'}
        </p>
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
  return (
    <PlaybookEditor
      initialSource={start.source}
      editingId={start.editingId}
      unsavedFromStart={view.kind !== 'edit'}
    />
  );
}
