import { useState } from 'react';
import {
  removeElement,
  upsertElement,
  type Element,
  type ElementId,
  type ModelIssue,
} from '../../../../core/threats';
import type { ThreatModelRecord } from '../../../../core/workspace/records';
import { useToasts } from '../../state/toast-context';
import { IssueList } from '../IssueList';
import { KIND_LABELS } from '../labels';
import { useSaveModel } from '../use-save-model';
import { ElementFields } from './ElementFields';

type ElementEditorProps = {
  readonly model: ThreatModelRecord;
  readonly element: Element;
  readonly isNew: boolean;
  readonly onSaved: (id: ElementId) => void;
  readonly onRemoved: () => void;
};

// Problems about this element are shown with the element-relative path.
const ownIssues = (issues: readonly ModelIssue[], index: number): readonly ModelIssue[] => {
  const prefix = `elements[${String(index)}]`;
  return issues.map((i) =>
    i.path.startsWith(prefix)
      ? { ...i, path: i.path.slice(prefix.length).replace(/^\./, '') || 'element' }
      : i,
  );
};

/** The form of one element: its name, description, scope and the properties rules read. */
export function ElementEditor({ model, element, isNew, onSaved, onRemoved }: ElementEditorProps) {
  const save = useSaveModel();
  const { notify } = useToasts();
  const [draft, setDraft] = useState<Element>(element);
  const [issues, setIssues] = useState<readonly ModelIssue[]>([]);

  const submit = async (e: { preventDefault: () => void }): Promise<void> => {
    e.preventDefault();
    const next = upsertElement(model, { ...draft, name: draft.name.trim() });
    const problems = await save(next);
    const index = next.elements.findIndex((x) => x.id === draft.id);
    setIssues(problems === null ? [] : ownIssues(problems, index));
    if (problems === null) {
      notify({ message: `Saved “${draft.name.trim()}”.`, tone: 'success' });
      onSaved(draft.id);
    }
  };

  const remove = async (): Promise<void> => {
    const problems = await save(removeElement(model, element.id));
    if (problems === null) {
      notify({
        message: `Removed “${element.name}”.`,
        action: {
          label: 'Undo',
          run: () => {
            void save(model);
          },
        },
      });
      onRemoved();
    } else setIssues(problems);
  };

  return (
    <form
      className="element-editor"
      aria-label={`${isNew ? 'New' : 'Edit'} ${KIND_LABELS[element.kind].toLowerCase()}`}
      onSubmit={(e) => void submit(e)}
    >
      <h4 className="element-editor__title">
        {isNew ? `New ${KIND_LABELS[element.kind].toLowerCase()}` : KIND_LABELS[element.kind]}
      </h4>
      <IssueList issues={issues} title="The element could not be saved" />
      <ElementFields model={model} draft={draft} onChange={setDraft} />
      <div className="threats__actions">
        <button type="submit" className="button button--primary">
          Save element
        </button>
        {!isNew && (
          <button
            type="button"
            className="button button--danger-outline"
            onClick={() => void remove()}
          >
            Remove element
          </button>
        )}
      </div>
    </form>
  );
}
