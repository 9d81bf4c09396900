import { formatDay, periodLabel } from './period';
import type { Figure, Posture, Unit } from './types';

// Numbers in words for reports and the dashboard: one place decides how "no data", hours
// and changes read, so every output says the same thing.

/** "no data" when the value is null. */
export const NO_DATA = 'no data';

/** A value with its unit: "20%", "4.5 h", "41 days", "3"; "no data" for null. */
export function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return NO_DATA;
  const n = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
  switch (unit) {
    case 'percent':
      return `${n}%`;
    case 'hours':
      return `${n} h`;
    case 'days':
      return `${n} ${value === 1 ? 'day' : 'days'}`;
    case 'count':
      return n;
  }
}

export type Change = {
  /** "up 2", "down 10 points", "no change", "not comparable". */
  readonly text: string;
  /** Whether the change is good news, bad news, or neither. */
  readonly tone: 'better' | 'worse' | 'same' | 'none';
  readonly arrow: '▲' | '▼' | '=' | '';
};

/** How a figure moved against its comparison value. */
export function changeOf(f: Pick<Figure, 'value' | 'previous' | 'unit' | 'better'>): Change {
  if (f.value === null || f.previous === null)
    return { text: 'not comparable', tone: 'none', arrow: '' };
  const d = Math.round((f.value - f.previous) * 10) / 10;
  if (d === 0) return { text: 'no change', tone: 'same', arrow: '=' };
  const size = formatValue(Math.abs(d), f.unit === 'percent' ? 'count' : f.unit);
  const text = `${d > 0 ? 'up' : 'down'} ${size}${f.unit === 'percent' ? ` point${Math.abs(d) === 1 ? '' : 's'}` : ''}`;
  const tone =
    f.better === 'neither' ? 'same' : d > 0 === (f.better === 'higher') ? 'better' : 'worse';
  return { text, tone: tone === 'same' ? 'none' : tone, arrow: d > 0 ? '▲' : '▼' };
}

/** "Q3 2026 compared with Q2 2026" or "… compared with the snapshot kept on 2 Jul 2026". */
export function comparisonLabel(p: Pick<Posture, 'period' | 'previous' | 'comparedWith'>): string {
  return p.comparedWith.kind === 'snapshot'
    ? `${periodLabel(p.period)} compared with the snapshot of ${periodLabel(p.previous)} kept on ${formatDay(p.comparedWith.takenAt.slice(0, 10) as never)}`
    : `${periodLabel(p.period)} compared with ${periodLabel(p.previous)}`;
}

/** The change in words with its verdict: "▲ up 2 (worse)". */
export function changeText(f: Pick<Figure, 'value' | 'previous' | 'unit' | 'better'>): string {
  const c = changeOf(f);
  const verdict = c.tone === 'better' ? ' (better)' : c.tone === 'worse' ? ' (worse)' : '';
  return `${c.arrow ? `${c.arrow} ` : ''}${c.text}${verdict}`;
}
