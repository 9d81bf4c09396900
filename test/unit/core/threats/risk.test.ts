import { describe, expect, it } from 'vitest';
import type { Level, Mitigation, MitigationStatus, Severity } from '../../../../core/threats';
import {
  atLeast,
  explainRating,
  ratedSeverity,
  residualSeverity,
  severity,
} from '../../../../core/threats';

// domain.md §3: product ≤ 1 low, ≤ 3 medium, ≤ 8 elevated, ≤ 12 high, else critical.
const TABLE: readonly [Level, Level, Severity][] = [
  [1, 1, 'low'],
  [1, 2, 'medium'],
  [1, 3, 'medium'],
  [1, 4, 'elevated'],
  [2, 1, 'medium'],
  [2, 2, 'elevated'],
  [2, 3, 'elevated'],
  [2, 4, 'elevated'],
  [3, 1, 'medium'],
  [3, 2, 'elevated'],
  [3, 3, 'high'],
  [3, 4, 'high'],
  [4, 1, 'elevated'],
  [4, 2, 'elevated'],
  [4, 3, 'high'],
  [4, 4, 'critical'],
];

const mitigation = (status: MitigationStatus): Mitigation => ({
  id: `M-${status}` as never,
  title: status,
  description: '',
  status,
  owner: '',
  due: null,
});

describe('risk', () => {
  it.each(TABLE)('likelihood %i × impact %i is %s', (l, i, s) => {
    expect(severity(l, i)).toBe(s);
  });

  it('orders severities', () => {
    expect(atLeast('high', 'elevated')).toBe(true);
    expect(atLeast('elevated', 'elevated')).toBe(true);
    expect(atLeast('medium', 'elevated')).toBe(false);
  });

  it('lets an override replace the matrix, with its rationale shown', () => {
    const rating = {
      likelihood: 1,
      impact: 1,
      override: { severity: 'high', rationale: 'Regulator' },
    } as const;
    expect(ratedSeverity(rating)).toBe('high');
    expect(explainRating(rating)).toBe(
      'Unlikely (1) × Low (1) = 1 → low; overridden to high: Regulator',
    );
  });

  it('lowers residual likelihood one level per verified mitigation, never below 1', () => {
    const r = { likelihood: 4, impact: 4 } as const;
    expect(residualSeverity(r, [])).toBe('critical');
    expect(residualSeverity(r, [mitigation('implemented'), mitigation('planned')])).toBe(
      'critical',
    );
    expect(residualSeverity(r, [mitigation('verified')])).toBe('high');
    expect(residualSeverity(r, [mitigation('verified'), mitigation('verified')])).toBe('elevated');
    const many = Array.from({ length: 6 }, () => mitigation('verified'));
    expect(residualSeverity(r, many)).toBe('elevated');
  });

  it('steps an overridden severity down one level per verified mitigation', () => {
    const r = {
      likelihood: 1,
      impact: 1,
      override: { severity: 'critical', rationale: 'x' },
    } as const;
    expect(residualSeverity(r, [mitigation('verified')])).toBe('high');
    const many = Array.from({ length: 9 }, () => mitigation('verified'));
    expect(residualSeverity(r, many)).toBe('low');
  });
});
