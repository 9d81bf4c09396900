import { useState } from 'react';
import { toAarHtml } from '../../../core/exercises/aar-html';
import { toAarMarkdown } from '../../../core/exercises/aar-markdown';
import type { Exercise } from '../../../core/exercises/exercise';
import type { Scenario } from '../../../core/exercises/types';
import { builtinPlaybook } from '../../../core/playbooks/builtin';
import { getPlatform } from '../../platform';
import { useProblems } from '../state/problem-context';
import { useToasts } from '../state/toast-context';

type Kind = 'markdown' | 'html' | 'pdf';

/** Exports the after-action report (marked EXERCISE) as Markdown, HTML or PDF. */
export function AarExport({
  scenario,
  exercise,
  now,
}: {
  scenario: Scenario;
  exercise: Exercise;
  now: number;
}) {
  const { reportError } = useProblems();
  const { notify } = useToasts();
  const [busy, setBusy] = useState<Kind | null>(null);
  const run = async (kind: Kind) => {
    setBusy(kind);
    try {
      const options = {
        now,
        generatedAt: new Date().toISOString(),
        ...(builtinPlaybook(scenario.playbook)
          ? { playbookTitle: builtinPlaybook(scenario.playbook)?.title ?? '' }
          : {}),
      };
      const stem = `exercise-${scenario.id}-aar`;
      const platform = getPlatform();
      const r =
        kind === 'pdf'
          ? await platform.printToPdf({
              suggestedName: `${stem}.pdf`,
              html: toAarHtml(scenario, exercise, options),
            })
          : await platform.saveFile(
              kind === 'markdown'
                ? {
                    suggestedName: `${stem}.md`,
                    content: toAarMarkdown(scenario, exercise, options),
                    mimeType: 'text/markdown',
                    filters: [{ name: 'Markdown', extensions: ['md'] }],
                  }
                : {
                    suggestedName: `${stem}.html`,
                    content: toAarHtml(scenario, exercise, options),
                    mimeType: 'text/html',
                    filters: [{ name: 'HTML', extensions: ['html'] }],
                  },
            );
      if (r.saved) notify({ message: `Saved ${r.fileName}.`, tone: 'success' });
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section aria-labelledby="aar-title" className="evaluation__export">
      <h3 id="aar-title">After-action report</h3>
      <p className="exercises__lead">
        The report covers the objectives and ratings, every inject with expected and actual actions,
        the decisions and observations, and the improvement plan. It is marked EXERCISE on every
        page.
      </p>
      <div className="evaluation__buttons">
        <button
          type="button"
          className="button button--secondary"
          disabled={busy !== null}
          onClick={() => void run('markdown')}
        >
          Export report (Markdown)
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy !== null}
          onClick={() => void run('html')}
        >
          Export report (HTML)
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy !== null}
          onClick={() => void run('pdf')}
        >
          Export report (PDF)
        </button>
      </div>
    </section>
  );
}
