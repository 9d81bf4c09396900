import { useState } from 'react';
import {
  IMPACT_LABELS,
  LIKELIHOOD_LABELS,
  SEVERITIES,
  severity,
  updateThreat,
  type Level,
  type Severity,
  type ThreatRow,
} from '../../../../core/threats';
import type { ThreatModelRecord } from '../../../../core/workspace/records';
import { useToasts } from '../../state/toast-context';
import { SEVERITY_LABELS } from '../labels';
import { useSaveModel } from '../use-save-model';
import { LevelPicker } from './LevelPicker';

type RatingEditorProps = { readonly model: ThreatModelRecord; readonly row: ThreatRow };

/** Likelihood and impact pickers, the severity they give, and an override with rationale. */
export function RatingEditor({ model, row }: RatingEditorProps) {
  const save = useSaveModel();
  const { notify } = useToasts();
  const [likelihood, setLikelihood] = useState<Level>(row.likelihood);
  const [impact, setImpact] = useState<Level>(row.impact);
  const [override, setOverride] = useState<Severity | ''>(
    row.overrideRationale === null ? '' : row.severity,
  );
  const [rationale, setRationale] = useState(row.overrideRationale ?? '');
  const [error, setError] = useState<string | null>(null);
  const matrix = severity(likelihood, impact);

  const submit = async (e: { preventDefault: () => void }): Promise<void> => {
    e.preventDefault();
    if (override !== '' && rationale.trim() === '') {
      setError('Give a rationale for the override.');
      return;
    }
    const r = updateThreat(model, row.id, {
      rating: {
        likelihood,
        impact,
        ...(override === ''
          ? {}
          : { override: { severity: override, rationale: rationale.trim() } }),
      },
    });
    if (!r.ok) {
      setError(r.error);
      return;
    }
    const problems = await save(r.model);
    setError(problems?.[0]?.message ?? null);
    if (problems === null) notify({ message: 'Rating saved.', tone: 'success' });
  };

  return (
    <form className="rating" aria-label="Rating" onSubmit={(e) => void submit(e)}>
      <LevelPicker
        legend="Likelihood"
        labels={LIKELIHOOD_LABELS}
        value={likelihood}
        onChange={setLikelihood}
      />
      <LevelPicker legend="Impact" labels={IMPACT_LABELS} value={impact} onChange={setImpact} />
      <p className="rating__result" aria-live="polite">
        Likelihood {likelihood} × impact {impact} gives{' '}
        <span className={`severity severity--${matrix}`}>{SEVERITY_LABELS[matrix]}</span>
      </p>
      <div className="field">
        <label className="field__label" htmlFor="rating-override">
          Override severity
        </label>
        <select
          id="rating-override"
          className="field__control"
          value={override}
          onChange={(e) => {
            setOverride(e.target.value as Severity | '');
          }}
        >
          <option value="">No override</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {override !== '' && (
        <div className="field">
          <label className="field__label" htmlFor="rating-rationale">
            Rationale for the override <span className="field__required">(required)</span>
          </label>
          <textarea
            id="rating-rationale"
            className="field__control"
            rows={2}
            required
            value={rationale}
            onChange={(e) => {
              setRationale(e.target.value);
            }}
          />
        </div>
      )}
      {error !== null && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary">
        Save rating
      </button>
    </form>
  );
}
