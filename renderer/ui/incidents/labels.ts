import type { DetectionSource } from '../../../core/incidents';

/** How each detection source reads in the room. */
export const DETECTION_LABELS: Readonly<Record<DetectionSource, string>> = {
  'monitoring-alert': 'Monitoring alert',
  'waf-or-gateway': 'WAF or API gateway',
  'customer-report': 'Customer report',
  'partner-report': 'Partner report',
  'bug-bounty': 'Bug bounty',
  'security-researcher': 'Security researcher',
  'internal-staff': 'Internal staff',
  'threat-intelligence': 'Threat intelligence',
  'law-enforcement': 'Law enforcement',
  audit: 'Audit',
  other: 'Other',
};
