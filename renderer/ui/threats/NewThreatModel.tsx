import { useMemo, useState } from 'react';
import type { ApiId } from '../../../core/inventory';
import type { ModelIssue } from '../../../core/threats';
import { defaultDeps, getDatabase, useApis } from '../../storage';
import { createThreatModel } from '../../storage/threat-models';
import { useProblems } from '../state/problem-context';
import { useRouter } from '../state/router-context';
import { useToasts } from '../state/toast-context';
import { ApiPicker } from './ApiPicker';
import { IssueList } from './IssueList';

/** The "New threat model" form: one or more inventory APIs and a title (prefilled). */
export function NewThreatModel({ apiId }: { readonly apiId: ApiId | null }) {
  const apis = useApis();
  const { navigate } = useRouter();
  const { notify } = useToasts();
  const { reportError } = useProblems();
  const [chosen, setChosen] = useState<readonly ApiId[]>(apiId === null ? [] : [apiId]);
  const [title, setTitle] = useState<string | null>(null);
  const [issues, setIssues] = useState<readonly ModelIssue[]>([]);
  const names = useMemo(() => new Map((apis ?? []).map((a) => [a.id, a.name])), [apis]);
  // Until the person types a title, it follows the first chosen API's name.
  const firstName = chosen[0] === undefined ? '' : (names.get(chosen[0]) ?? '');
  const shownTitle = title ?? (firstName === '' ? '' : `${firstName} threat model`);

  const submit = async (e: { preventDefault: () => void }): Promise<void> => {
    e.preventDefault();
    try {
      const r = await createThreatModel(
        getDatabase(),
        { title: shownTitle, apiIds: chosen },
        defaultDeps,
      );
      if (!r.ok) {
        setIssues(r.errors);
        return;
      }
      notify({ message: `Created “${r.value.title}”.`, tone: 'success' });
      navigate({ area: 'threats', view: { kind: 'model', id: r.value.id, step: 'scope' } });
    } catch (error) {
      reportError(error);
    }
  };

  if (apis === undefined)
    return (
      <p className="loading" role="status">
        Loading the inventory…
      </p>
    );
  return (
    <form
      className="threats__new"
      aria-labelledby="new-model-title"
      onSubmit={(e) => void submit(e)}
    >
      <h2 id="new-model-title" className="threats__title">
        New threat model
      </h2>
      <IssueList issues={issues} title="The threat model could not be created" />
      <ApiPicker apis={apis} chosen={chosen} onChange={setChosen} />
      <div className="field">
        <label className="field__label" htmlFor="new-model-name">
          Title
        </label>
        <input
          id="new-model-name"
          className="field__control"
          value={shownTitle}
          required
          onChange={(e) => {
            setTitle(e.target.value);
          }}
        />
      </div>
      <div className="threats__actions">
        <button type="submit" className="button button--primary">
          Create threat model
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            navigate({ area: 'threats', view: { kind: 'list' } });
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
