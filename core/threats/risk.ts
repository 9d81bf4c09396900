import type { Level, Mitigation, Rating, ThreatInstance } from './model';

// Risk as domain.md §3 describes it (the Threagile scheme): likelihood 1-4 × impact 1-4,
// the product banded into five severities. Inputs stay visible; nothing here is hidden.

/** Severities from least to most serious. */
export const SEVERITIES = ['low', 'medium', 'elevated', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const LIKELIHOOD_LABELS: Readonly<Record<Level, string>> = {
  1: 'Unlikely',
  2: 'Likely',
  3: 'Very likely',
  4: 'Frequent',
};
export const IMPACT_LABELS: Readonly<Record<Level, string>> = {
  1: 'Low',
  2: 'Medium',
  3: 'High',
  4: 'Very high',
};

/** Likelihood × impact banded: ≤ 1 low, ≤ 3 medium, ≤ 8 elevated, ≤ 12 high, else critical. */
export function severity(likelihood: Level, impact: Level): Severity {
  const score = likelihood * impact;
  if (score <= 1) return 'low';
  if (score <= 3) return 'medium';
  if (score <= 8) return 'elevated';
  if (score <= 12) return 'high';
  return 'critical';
}

/** Position on the scale (low = 0 … critical = 4), for comparisons and sorting. */
export function severityRank(s: Severity): number {
  return RANKS.get(s) ?? -1;
}
const RANKS = new Map<string, number>(SEVERITIES.map((s, i) => [s, i]));

/** True when `s` is at least as serious as `threshold`. */
export function atLeast(s: Severity, threshold: Severity): boolean {
  return severityRank(s) >= severityRank(threshold);
}

/** The rating's severity: the reviewer's override when there is one, else the matrix. */
export function ratedSeverity(rating: Rating): Severity {
  return rating.override?.severity ?? severity(rating.likelihood, rating.impact);
}

/** Number of mitigations whose effect has been verified. */
export function verifiedCount(mitigations: readonly Mitigation[]): number {
  let n = 0;
  for (const m of mitigations) if (m.status === 'verified') n++;
  return n;
}

/**
 * Residual risk once mitigations are verified. The rule: each verified mitigation lowers
 * the likelihood by one level (never below 1) and leaves the impact alone, because a
 * control makes exploitation harder but rarely makes a successful attack hurt less;
 * implemented-but-unverified controls do not count, since nobody has shown they work.
 * With an override the reviewer has replaced the matrix, so each verified mitigation
 * steps the overridden severity down one level on the five-level scale instead.
 */
export function residualSeverity(rating: Rating, mitigations: readonly Mitigation[]): Severity {
  const verified = verifiedCount(mitigations);
  if (rating.override) {
    const rank = Math.max(0, severityRank(rating.override.severity) - verified);
    return SEVERITIES[rank] ?? 'low';
  }
  const likelihood = Math.max(1, rating.likelihood - verified) as Level;
  return severity(likelihood, rating.impact);
}

/** Whether a threat still needs attention: not stale and not closed by a decision. */
export function isActive(t: Pick<ThreatInstance, 'stale' | 'status'>): boolean {
  return !t.stale && t.status !== 'not-applicable';
}

/** Explains a rating in words, e.g. "Likely (2) × High (3) = 6 → elevated". */
export function explainRating(rating: Rating): string {
  const base = `${LIKELIHOOD_LABELS[rating.likelihood]} (${rating.likelihood}) × ${IMPACT_LABELS[rating.impact]} (${rating.impact}) = ${rating.likelihood * rating.impact} → ${severity(rating.likelihood, rating.impact)}`;
  return rating.override
    ? `${base}; overridden to ${rating.override.severity}: ${rating.override.rationale}`
    : base;
}
