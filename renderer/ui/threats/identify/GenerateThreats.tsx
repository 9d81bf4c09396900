import { useState } from 'react';
import { generateThreats } from '../../../../core/threats';
import type { ThreatModelRecord } from '../../../../core/workspace/records';
import { useRuleLibrary } from '../../../storage/hooks-threats';
import { IssueList } from '../IssueList';
import { useSaveModel } from '../use-save-model';
import { generationCounts } from './filter';
import type { ModelIssue } from '../../../../core/threats';

/** "Generate threats": the whole model through the rule library in one action, then saved. */
export function GenerateThreats({ model }: { readonly model: ThreatModelRecord }) {
  const library = useRuleLibrary();
  const save = useSaveModel();
  const [result, setResult] = useState<string | null>(null);
  const [issues, setIssues] = useState<readonly ModelIssue[]>([]);
  const run = async (): Promise<void> => {
    if (library === undefined) return;
    const next = generateThreats(model, library);
    const c = generationCounts(model.threats.instances, next.threats.instances);
    const problems = await save(next);
    setIssues(problems ?? []);
    if (problems === null)
      setResult(
        `Generated: ${String(c.added)} added, ${String(c.stale)} newly stale, ${String(c.total)} threats in all.`,
      );
  };
  const stale = model.threats.instances.filter((t) => t.stale).length;
  return (
    <div className="generate">
      <button
        type="button"
        className="button button--primary"
        disabled={library === undefined || model.elements.length === 0}
        onClick={() => void run()}
      >
        Generate threats
      </button>
      <p className="generate__result" role="status">
        {result ??
          (model.elements.length === 0
            ? 'Describe the system first: generation reads its elements.'
            : 'Generation keeps every decision already made and marks vanished threats stale.')}
      </p>
      {stale > 0 && (
        <p className="generate__stale">
          <span className="badge badge--stale">Stale</span> {stale} threats no longer match the
          model; they are kept with their decisions.
        </p>
      )}
      <IssueList issues={issues} title="The generated threats could not be saved" />
    </div>
  );
}
