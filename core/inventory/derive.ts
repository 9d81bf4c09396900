import type { IsoDate } from '../shared/brand';
import type { ApiEntry, AuthMethod, DataClass } from './types';

/** Sensitivity levels, most sensitive first. */
export const SENSITIVITIES = ['restricted', 'confidential', 'public', 'unclassified'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

const RESTRICTED: readonly DataClass[] = ['health', 'payment-card', 'credentials'];
const CONFIDENTIAL: readonly DataClass[] = ['personal', 'financial'];

/**
 * Sensitivity derived from the data classes: health, card and credential data are
 * restricted (breach-notification and PCI scope), personal and financial data
 * confidential, public data public; nothing declared is unclassified, which is itself
 * a finding.
 */
export function sensitivityOf(dataClasses: readonly DataClass[]): Sensitivity {
  if (dataClasses.some((c) => RESTRICTED.includes(c))) return 'restricted';
  if (dataClasses.some((c) => CONFIDENTIAL.includes(c))) return 'confidential';
  if (dataClasses.includes('public')) return 'public';
  return 'unclassified';
}

/** True when the data classes include anything above public. */
export function handlesSensitiveData(dataClasses: readonly DataClass[]): boolean {
  const s = sensitivityOf(dataClasses);
  return s === 'restricted' || s === 'confidential';
}

/** Methods that identify the caller strongly enough for sensitive data. */
export const STRONG_AUTH: readonly AuthMethod[] = ['oauth2', 'oidc', 'mtls', 'jwt', 'hmac'];

/** True when no method other than "none" is recorded. */
export function isUnauthenticated(auth: readonly AuthMethod[]): boolean {
  return auth.every((a) => a === 'none');
}

/** True when at least one strong method (OAuth 2.0, OIDC, mTLS, JWT, HMAC) is recorded. */
export function hasStrongAuth(auth: readonly AuthMethod[]): boolean {
  return auth.some((a) => STRONG_AUTH.includes(a));
}

export const FLAGS = ['sensitive-without-auth', 'public-unowned', 'review-overdue'] as const;
export type Flag = (typeof FLAGS)[number];

export const FLAG_LABELS: Record<Flag, string> = {
  'sensitive-without-auth': 'Sensitive data without authentication',
  'public-unowned': 'Public and unowned',
  'review-overdue': 'Review overdue',
};

/** True when neither an owning team nor a contact is recorded. */
export function isUnowned(api: Pick<ApiEntry, 'owner'>): boolean {
  return api.owner.team.trim() === '' && api.owner.contact.trim() === '';
}

/** True when the next review date has passed; retired APIs are no longer reviewed. */
export function isReviewOverdue(
  api: Pick<ApiEntry, 'nextReviewDue' | 'lifecycle'>,
  today: IsoDate,
): boolean {
  return api.lifecycle !== 'retired' && api.nextReviewDue !== null && api.nextReviewDue < today;
}

/** The findings that make an entry stand out in the list, most serious first. */
export function flagsOf(
  api: Pick<
    ApiEntry,
    'dataClasses' | 'authentication' | 'exposure' | 'owner' | 'nextReviewDue' | 'lifecycle'
  >,
  today: IsoDate,
): Flag[] {
  const flags: Flag[] = [];
  if (handlesSensitiveData(api.dataClasses) && isUnauthenticated(api.authentication))
    flags.push('sensitive-without-auth');
  if (api.exposure === 'public' && isUnowned(api)) flags.push('public-unowned');
  if (isReviewOverdue(api, today)) flags.push('review-overdue');
  return flags;
}

/** Whole days from `today` until `due` (negative when overdue). */
export function daysUntil(due: IsoDate, today: IsoDate): number {
  return Math.round((Date.parse(due) - Date.parse(today)) / 86_400_000);
}
