import { useMemo, useState } from 'react';
import {
  BUILTIN_RULES,
  createLibrary,
  ruleListings,
  type ModelIssue,
} from '../../../../core/threats';
import type { RuleLibrarySettings } from '../../../../core/workspace/records';
import { getDatabase } from '../../../storage';
import { useRuleSettings } from '../../../storage/hooks-threats';
import { writeRuleSettings } from '../../../storage/settings';
import { useProblems } from '../../state/problem-context';
import { useToasts } from '../../state/toast-context';
import { CustomRules } from './CustomRules';
import { RuleTable } from './RuleTable';

/** The rule catalogue with search, per-rule switches and the workspace's own rules. */
export function RulesScreen() {
  const settings = useRuleSettings();
  const { notify } = useToasts();
  const { reportError } = useProblems();
  const [search, setSearch] = useState('');
  const [issues, setIssues] = useState<readonly ModelIssue[]>([]);
  const library = useMemo(() => {
    if (settings === undefined) return null;
    const made = createLibrary(settings);
    return made.ok ? made.library : null;
  }, [settings]);
  const store = async (next: RuleLibrarySettings, message: string): Promise<boolean> => {
    const made = createLibrary(next);
    if (!made.ok) {
      setIssues(made.errors);
      return false;
    }
    setIssues([]);
    try {
      await writeRuleSettings(getDatabase(), next);
      notify({ message, tone: 'success' });
      return true;
    } catch (e) {
      reportError(e);
      return false;
    }
  };
  if (settings === undefined)
    return (
      <p className="loading" role="status">
        Loading the rules…
      </p>
    );
  const custom = library
    ? ruleListings({ rules: library.rules.filter((r) => !BUILTIN_RULES.includes(r)) })
    : [];
  const q = search.trim().toLowerCase();
  const rows = [...ruleListings({ rules: BUILTIN_RULES }), ...custom].filter(
    (r) =>
      q === '' ||
      [r.id, r.title, r.stride, r.owasp ?? '', ...r.cwe, ...r.capec, ...r.appliesTo].some((s) =>
        s.toLowerCase().includes(q),
      ),
  );
  return (
    <section className="rules" aria-labelledby="rules-title">
      <div className="threats__toolbar">
        <h2 id="rules-title" className="threats__title">
          Rule library
        </h2>
        <input
          type="search"
          className="field__control threats__search"
          aria-label="Search rules"
          placeholder="Id, title, STRIDE, OWASP, CWE…"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
          }}
        />
        <span className="text-muted" role="status">
          {rows.length} rules
        </span>
      </div>
      {library === null && (
        <p className="threats__issues" role="alert">
          The stored rule settings no longer validate; generation uses the built-in catalogue until
          they are fixed below.
        </p>
      )}
      <RuleTable
        rows={rows}
        disabled={settings.disabled}
        customIds={new Set(custom.map((c) => c.id))}
        onToggle={(id, on) =>
          void store(
            {
              ...settings,
              disabled: on ? settings.disabled.filter((x) => x !== id) : [...settings.disabled, id],
            },
            on ? `Enabled ${id}.` : `Disabled ${id}.`,
          )
        }
      />
      <CustomRules
        settings={settings}
        issues={issues}
        onSave={(customRules) => store({ ...settings, custom: customRules }, 'Custom rules saved.')}
      />
    </section>
  );
}
