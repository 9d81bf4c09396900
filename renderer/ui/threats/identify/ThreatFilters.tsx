import {
  SEVERITIES,
  STRIDE,
  STRIDE_NAMES,
  THREAT_STATUSES,
  type Element,
  type ElementId,
  type Severity,
  type Stride,
  type ThreatStatus,
} from '../../../../core/threats';
import { SEVERITY_LABELS, THREAT_STATUS_LABELS } from '../labels';
import type { ThreatFilter } from './filter';

type ThreatFiltersProps = {
  readonly filter: ThreatFilter;
  readonly elements: readonly Element[];
  readonly onChange: (f: ThreatFilter) => void;
};

// The select's value is one of the options given, so the cast only names its type.
const orNull = (v: string): string | null => (v === '' ? null : v);

/** Filters by STRIDE category, severity, status and element, plus text. */
export function ThreatFilters({ filter, elements, onChange }: ThreatFiltersProps) {
  const select = (
    id: string,
    label: string,
    value: string | null,
    options: readonly (readonly [string, string])[],
    set: (v: string) => void,
  ) => (
    <div className="field threat-filters__field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field__control"
        value={value ?? ''}
        onChange={(e) => {
          set(e.target.value);
        }}
      >
        <option value="">Any</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="threat-filters" role="group" aria-label="Filter threats">
      <div className="field threat-filters__field">
        <label className="field__label" htmlFor="threat-search">
          Search threats
        </label>
        <input
          id="threat-search"
          type="search"
          className="field__control"
          value={filter.text}
          onChange={(e) => {
            onChange({ ...filter, text: e.target.value });
          }}
        />
      </div>
      {select(
        'filter-stride',
        'STRIDE',
        filter.stride,
        STRIDE.map((s) => [s, `${s} ${STRIDE_NAMES[s]}`]),
        (v) => {
          onChange({ ...filter, stride: orNull(v) as Stride | null });
        },
      )}
      {select(
        'filter-severity',
        'Severity',
        filter.severity,
        [...SEVERITIES].reverse().map((s) => [s, SEVERITY_LABELS[s]]),
        (v) => {
          onChange({ ...filter, severity: orNull(v) as Severity | null });
        },
      )}
      {select(
        'filter-status',
        'Status',
        filter.status,
        [
          ...THREAT_STATUSES.map((s) => [s, THREAT_STATUS_LABELS[s]] as const),
          ['stale', 'Stale'] as const,
        ],
        (v) => {
          onChange({ ...filter, status: orNull(v) as ThreatStatus | 'stale' | null });
        },
      )}
      {select(
        'filter-element',
        'Element',
        filter.elementId,
        elements.filter((e) => e.kind !== 'trust-boundary').map((e) => [e.id, e.name]),
        (v) => {
          onChange({ ...filter, elementId: orNull(v) as ElementId | null });
        },
      )}
    </div>
  );
}
