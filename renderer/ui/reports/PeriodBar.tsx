import { useId } from 'react';
import {
  formatDay,
  periodLabel,
  PERIOD_KINDS,
  type PeriodKind,
  type PostureSnapshot,
} from '../../../core/posture';
import type { IsoDate } from '../../../core/shared/brand';
import { offeredPeriods, type PeriodChoice } from './period-choice';

const KIND_LABELS: Readonly<Record<PeriodKind, string>> = {
  quarter: 'Quarter',
  half: 'Half year',
  year: 'Year',
  custom: 'Custom',
};

type Props = {
  readonly choice: PeriodChoice;
  readonly onChoice: (c: PeriodChoice) => void;
  readonly today: IsoDate;
  readonly error: string | null;
  readonly snapshots: readonly PostureSnapshot[];
  readonly compareWith: string;
  readonly onCompareWith: (id: string) => void;
};

/** Which period the report covers, and what it is compared with. */
export function PeriodBar({
  choice,
  onChoice,
  today,
  error,
  snapshots,
  compareWith,
  onCompareWith,
}: Props) {
  const id = useId();
  return (
    <div className="posture-period" role="group" aria-label="Report period">
      <div className="posture-period__field">
        <label htmlFor={`${id}-kind`}>Period</label>
        <select
          id={`${id}-kind`}
          className="field__control"
          value={choice.kind}
          onChange={(e) => {
            const kind = e.target.value as PeriodKind;
            if (kind === 'custom') {
              const p = offeredPeriods('quarter', today)[0];
              onChoice({ kind, from: p?.from ?? today, to: p?.to ?? today });
            } else onChoice({ kind, from: offeredPeriods(kind, today)[0]?.from ?? today });
          }}
        >
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      {choice.kind === 'custom' ? (
        <>
          <div className="posture-period__field">
            <label htmlFor={`${id}-from`}>From</label>
            <input
              id={`${id}-from`}
              type="date"
              className="field__control"
              value={choice.from}
              aria-invalid={error !== null}
              aria-describedby={error === null ? undefined : 'posture-period-error'}
              onChange={(e) => {
                onChoice({ ...choice, from: e.target.value });
              }}
            />
          </div>
          <div className="posture-period__field">
            <label htmlFor={`${id}-to`}>To</label>
            <input
              id={`${id}-to`}
              type="date"
              className="field__control"
              value={choice.to}
              aria-invalid={error !== null}
              aria-describedby={error === null ? undefined : 'posture-period-error'}
              onChange={(e) => {
                onChoice({ ...choice, to: e.target.value });
              }}
            />
          </div>
        </>
      ) : (
        <div className="posture-period__field">
          <label htmlFor={`${id}-which`}>{KIND_LABELS[choice.kind]}</label>
          <select
            id={`${id}-which`}
            className="field__control"
            value={choice.from}
            onChange={(e) => {
              onChoice({ kind: choice.kind, from: e.target.value as IsoDate });
            }}
          >
            {offeredPeriods(choice.kind, today).map((p) => (
              <option key={p.from} value={p.from}>
                {periodLabel(p)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="posture-period__field">
        <label htmlFor={`${id}-compare`}>Compare with</label>
        <select
          id={`${id}-compare`}
          className="field__control"
          value={compareWith}
          onChange={(e) => {
            onCompareWith(e.target.value);
          }}
        >
          <option value="">The period before</option>
          {snapshots.map((s) => (
            <option key={s.id} value={s.id}>
              Snapshot of {periodLabel(s.period)}, kept{' '}
              {formatDay(s.takenAt.slice(0, 10) as IsoDate)}
            </option>
          ))}
        </select>
      </div>
      {error !== null && (
        <p id="posture-period-error" className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
