import type { ElementKind, MitigationStatus, Severity, ThreatStatus } from '../../../core/threats';

/** Element kinds as people say them. */
export const KIND_LABELS: Readonly<Record<ElementKind, string>> = {
  'external-entity': 'External entity',
  process: 'Process',
  'data-store': 'Data store',
  'data-flow': 'Data flow',
  'trust-boundary': 'Trust boundary',
};

/** Plural headings for the grouped element list. */
export const KIND_PLURALS: Readonly<Record<ElementKind, string>> = {
  'external-entity': 'External entities',
  process: 'Processes',
  'data-store': 'Data stores',
  'data-flow': 'Data flows',
  'trust-boundary': 'Trust boundaries',
};

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  low: 'Low',
  medium: 'Medium',
  elevated: 'Elevated',
  high: 'High',
  critical: 'Critical',
};

export const THREAT_STATUS_LABELS: Readonly<Record<ThreatStatus, string>> = {
  open: 'Open',
  mitigated: 'Mitigated',
  accepted: 'Accepted',
  transferred: 'Transferred',
  'not-applicable': 'Not applicable',
};

export const MITIGATION_STATUS_LABELS: Readonly<Record<MitigationStatus, string>> = {
  proposed: 'Proposed',
  planned: 'Planned',
  'in-progress': 'In progress',
  implemented: 'Implemented',
  verified: 'Verified',
};

/** `authenticatesCallers` → "Authenticates callers"; `tls` stays readable. */
export function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An enum value such as `in-progress` or `api-key` as words. */
export function valueLabel(value: string): string {
  if (value === 'tls') return 'TLS';
  if (value === 'mtls') return 'Mutual TLS';
  if (value === 'jwt') return 'JWT';
  return humanize(value.replace(/-/g, ' '));
}
