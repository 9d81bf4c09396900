import { useState } from 'react';
import type { ApiId } from '../../../../core/inventory';
import type { Asset, ModelIssue } from '../../../../core/threats';
import type { ThreatModelRecord } from '../../../../core/workspace/records';
import { useApis } from '../../../storage';
import { useToasts } from '../../state/toast-context';
import { ApiPicker } from '../ApiPicker';
import { IssueList } from '../IssueList';
import { useSaveModel } from '../use-save-model';
import { AssetsEditor } from './AssetsEditor';

/** Step 1: title, linked APIs, scope, assumptions and assets, saved together. */
export function ScopeStep({ model }: { readonly model: ThreatModelRecord }) {
  const apis = useApis();
  const save = useSaveModel();
  const { notify } = useToasts();
  const [title, setTitle] = useState(model.title);
  const [apiIds, setApiIds] = useState<readonly ApiId[]>(model.apiIds);
  const [scope, setScope] = useState(model.scope);
  const [assumptions, setAssumptions] = useState(model.assumptions.join('\n'));
  const [assets, setAssets] = useState<readonly Asset[]>(model.assets);
  const [issues, setIssues] = useState<readonly ModelIssue[]>([]);

  const submit = async (e: { preventDefault: () => void }): Promise<void> => {
    e.preventDefault();
    const problems = await save({
      ...model,
      title,
      apiIds,
      scope,
      assumptions: assumptions
        .split('\n')
        .map((a) => a.trim())
        .filter((a) => a !== ''),
      assets,
    });
    setIssues(problems ?? []);
    if (problems === null) notify({ message: 'Scope saved.', tone: 'success' });
  };

  return (
    <form className="scope" aria-labelledby="workshop-step-title" onSubmit={(e) => void submit(e)}>
      <IssueList issues={issues} title="The scope could not be saved" />
      <div className="scope__columns">
        <div className="scope__column">
          <div className="field">
            <label className="field__label" htmlFor="scope-title">
              Title
            </label>
            <input
              id="scope-title"
              className="field__control"
              value={title}
              required
              onChange={(e) => {
                setTitle(e.target.value);
              }}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="scope-text">
              Scope
            </label>
            <textarea
              id="scope-text"
              className="field__control"
              rows={4}
              value={scope}
              onChange={(e) => {
                setScope(e.target.value);
              }}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="scope-assumptions">
              Assumptions
            </label>
            <textarea
              id="scope-assumptions"
              className="field__control"
              rows={4}
              aria-describedby="scope-assumptions-hint"
              value={assumptions}
              onChange={(e) => {
                setAssumptions(e.target.value);
              }}
            />
            <p id="scope-assumptions-hint" className="field__hint">
              One assumption per line.
            </p>
          </div>
          {apis && <ApiPicker apis={apis} chosen={apiIds} onChange={setApiIds} />}
        </div>
        <AssetsEditor assets={assets} onChange={setAssets} />
      </div>
      <div className="threats__actions">
        <button type="submit" className="button button--primary">
          Save scope
        </button>
      </div>
    </form>
  );
}
