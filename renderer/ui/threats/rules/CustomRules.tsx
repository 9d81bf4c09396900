import { useState } from 'react';
import type { ModelIssue } from '../../../../core/threats';
import type { RuleLibrarySettings } from '../../../../core/workspace/records';
import { IssueList } from '../IssueList';

type CustomRulesProps = {
  readonly settings: RuleLibrarySettings;
  readonly issues: readonly ModelIssue[];
  /** Validates with createLibrary and stores; resolves false when refused. */
  readonly onSave: (custom: readonly unknown[]) => Promise<boolean>;
};

/** The workspace's own rules as a JSON array, validated exactly like the built-ins. */
export function CustomRules({ settings, issues, onSave }: CustomRulesProps) {
  const [text, setText] = useState(() => JSON.stringify(settings.custom, null, 2));
  const [parseError, setParseError] = useState<string | null>(null);
  const save = (): void => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      setParseError(
        `Custom rules: not valid JSON (${e instanceof Error ? e.message : String(e)}).`,
      );
      return;
    }
    if (!Array.isArray(value)) {
      setParseError('Custom rules: write a JSON array of rules, such as [ { "id": "X-1", … } ].');
      return;
    }
    setParseError(null);
    void onSave(value);
  };
  return (
    <section className="custom-rules" aria-labelledby="custom-rules-title">
      <h3 id="custom-rules-title" className="prompts__title">
        Custom rules
      </h3>
      <p className="field__hint" id="custom-rules-hint">
        A JSON array of rules with the same fields as the built-ins (id, title, description, stride,
        appliesTo, when, owasp, cwe, capec, likelihood, impact, mitigations).
      </p>
      {parseError !== null && (
        <p className="threats__issues" role="alert">
          {parseError}
        </p>
      )}
      <IssueList issues={issues} title="The rules were not saved" />
      <textarea
        className="field__control mono custom-rules__text"
        aria-label="Custom rules JSON"
        aria-describedby="custom-rules-hint"
        rows={10}
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
        }}
      />
      <button type="button" className="button button--primary" onClick={save}>
        Save custom rules
      </button>
    </section>
  );
}
