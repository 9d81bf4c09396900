import type { ImportPhase, ImportProgress } from '../../../core/openapi';
import { IMPORT_PHASES } from '../../../core/openapi';

const PHASE_LABELS: Readonly<Record<ImportPhase, string>> = {
  reading: 'Reading the file',
  parsing: 'Parsing',
  resolving: 'Resolving references',
  analysing: 'Analysing operations',
  building: 'Building the threat model',
};

/** Each phase's share of the bar: analysis dominates on large descriptions. */
const WEIGHTS: Readonly<Record<ImportPhase, number>> = {
  reading: 10,
  parsing: 25,
  resolving: 15,
  analysing: 40,
  building: 10,
};

/** The whole import's progress from 0 to 1: earlier phases full, the current one by fraction. */
export function overallFraction(p: ImportProgress): number {
  const total = IMPORT_PHASES.reduce((s, ph) => s + WEIGHTS[ph], 0);
  const before = IMPORT_PHASES.slice(0, IMPORT_PHASES.indexOf(p.phase)).reduce(
    (s, ph) => s + WEIGHTS[ph],
    0,
  );
  const part = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  return (before + WEIGHTS[p.phase] * part) / total;
}

/** The phase in words: `Analysing operations: 120 of 1,000`. */
export function phaseText(p: ImportProgress | null): string {
  if (p === null) return 'Starting…';
  const label = PHASE_LABELS[p.phase];
  if (p.phase === 'analysing')
    return `${label}: ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')}`;
  if (p.phase === 'reading' && p.total > 0)
    return `${label}: ${String(Math.round((100 * p.done) / p.total))}%`;
  return `${label}…`;
}

type ImportProgressBarProps = {
  readonly fileName: string;
  readonly progress: ImportProgress | null;
  readonly onCancel: () => void;
};

/** The running analysis: a real progress bar by phase, the phase in words, and Cancel. */
export function ImportProgressBar({ fileName, progress, onCancel }: ImportProgressBarProps) {
  const percent = progress === null ? 0 : Math.round(100 * overallFraction(progress));
  return (
    <div className="openapi-progress">
      <p className="break-anywhere">
        Analysing <strong>{fileName}</strong>
      </p>
      <progress
        className="openapi-progress__bar"
        aria-label="Import progress"
        max={100}
        value={percent}
      >
        {percent}%
      </progress>
      <p className="openapi-progress__phase" role="status" aria-live="polite">
        {phaseText(progress)}
      </p>
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--secondary"
          data-initial-focus
          onClick={onCancel}
        >
          Cancel import
        </button>
      </div>
    </div>
  );
}
