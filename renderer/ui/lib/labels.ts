import type { Exposure, Flag, Sensitivity } from '../../../core/inventory';

export const SENSITIVITY_LABELS: Readonly<Record<Sensitivity, string>> = {
  restricted: 'Restricted',
  confidential: 'Confidential',
  public: 'Public',
  unclassified: 'Unclassified',
};

/** What each sensitivity means, for the badge's description in the detail view. */
export const SENSITIVITY_HINTS: Readonly<Record<Sensitivity, string>> = {
  restricted: 'Health, payment card or credential data: breach-notification and PCI scope.',
  confidential: 'Personal or financial data.',
  public: 'Only public data.',
  unclassified: 'No data classes recorded yet — classify this API.',
};

/** Exposure in a narrow column; the form and detail view use core's full labels. */
export const EXPOSURE_SHORT: Readonly<Record<Exposure, string>> = {
  public: 'Public',
  partner: 'Partner',
  internal: 'Internal',
  'third-party': 'Third-party',
};

/** How serious each flag is: the colour and icon of its chip. */
export const FLAG_TONE: Readonly<Record<Flag, 'danger' | 'warning'>> = {
  'sensitive-without-auth': 'danger',
  'public-unowned': 'warning',
  'review-overdue': 'warning',
};

/** Cuts a user-supplied text for a one-line message (a toast), with an ellipsis. */
export function clip(text: string, max = 60): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
