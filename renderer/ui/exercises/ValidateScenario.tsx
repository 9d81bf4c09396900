import { useState } from 'react';
import { validateScenario } from '../../../core/exercises/validate';
import { formatError } from '../../../core/playbooks/validate';
import { getPlatform } from '../../platform';
import { useProblems } from '../state/problem-context';

type Result = {
  readonly fileName: string;
  readonly lines: readonly string[];
  readonly ok: boolean;
};

/** Checks a scenario file the way `bulwark scenario validate` does, with every error's place. */
export function ValidateScenario() {
  const { reportError } = useProblems();
  const [result, setResult] = useState<Result | null>(null);
  const open = async () => {
    try {
      const file = await getPlatform().openFile({
        title: 'Validate a scenario file',
        filters: [{ name: 'Scenario (YAML or JSON)', extensions: ['yaml', 'yml', 'json'] }],
        maxBytes: 2 * 1024 * 1024,
      });
      if (!file) return;
      const r = validateScenario(file.content, file.fileName);
      setResult(
        r.ok
          ? {
              fileName: file.fileName,
              ok: true,
              lines: [`Valid: ${r.scenario.title} (${String(r.scenario.injects.length)} injects).`],
            }
          : { fileName: file.fileName, ok: false, lines: r.errors.map(formatError) },
      );
    } catch (error) {
      reportError(error);
    }
  };
  return (
    <section aria-labelledby="validate-title" className="exercises__validate">
      <h2 id="validate-title" className="exercises__title">
        Validate a scenario file
      </h2>
      <p className="exercises__lead">
        Scenarios are YAML files (see playbooks/scenarios). Each error names its line, column and
        path.
      </p>
      <button type="button" className="button button--secondary" onClick={() => void open()}>
        Choose a scenario file…
      </button>
      {result && (
        <div role="status" className={result.ok ? 'exercises__valid' : 'exercises__invalid'}>
          <p>
            <strong>{result.fileName}</strong>
          </p>
          <ul className="exercises__errors">
            {result.lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
