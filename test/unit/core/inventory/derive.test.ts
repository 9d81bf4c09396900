import { describe, expect, it } from 'vitest';
import {
  daysUntil,
  flagsOf,
  hasStrongAuth,
  isReviewOverdue,
  sensitivityOf,
} from '../../../../core/inventory/derive';
import type { IsoDate } from '../../../../core/shared/brand';
import { entry, TODAY } from '../../../fixtures/inventory';

describe('derived sensitivity', () => {
  it.each([
    [['health'], 'restricted'],
    [['payment-card', 'public'], 'restricted'],
    [['credentials'], 'restricted'],
    [['personal'], 'confidential'],
    [['financial', 'public'], 'confidential'],
    [['public'], 'public'],
    [[], 'unclassified'],
  ] as const)('%j is %s', (classes, expected) => {
    expect(sensitivityOf(classes)).toBe(expected);
  });
});

describe('flags', () => {
  it('flags sensitive data without authentication, including when none is recorded', () => {
    expect(
      flagsOf(entry('a', { dataClasses: ['health'], authentication: ['none'] }), TODAY),
    ).toContain('sensitive-without-auth');
    expect(flagsOf(entry('a', { dataClasses: ['personal'], authentication: [] }), TODAY)).toContain(
      'sensitive-without-auth',
    );
  });

  it('does not flag sensitive data behind any authentication, nor public data without it', () => {
    expect(
      flagsOf(entry('a', { dataClasses: ['health'], authentication: ['api-key'] }), TODAY),
    ).toEqual([]);
    expect(
      flagsOf(entry('a', { dataClasses: ['public'], authentication: ['none'] }), TODAY),
    ).toEqual([]);
  });

  it('flags a public API with neither team nor contact, but not an internal one', () => {
    const unowned = { owner: { team: ' ', contact: '' } };
    expect(flagsOf(entry('a', { ...unowned, exposure: 'public' }), TODAY)).toEqual([
      'public-unowned',
    ]);
    expect(flagsOf(entry('a', { ...unowned, exposure: 'internal' }), TODAY)).toEqual([]);
    expect(
      flagsOf(entry('a', { owner: { team: '', contact: 'a@b.c' }, exposure: 'public' }), TODAY),
    ).toEqual([]);
  });

  it('flags a review due yesterday as overdue, not one due today', () => {
    expect(isReviewOverdue(entry('a', { nextReviewDue: '2026-11-22' as IsoDate }), TODAY)).toBe(
      true,
    );
    expect(isReviewOverdue(entry('a', { nextReviewDue: TODAY }), TODAY)).toBe(false);
    expect(isReviewOverdue(entry('a', { nextReviewDue: null }), TODAY)).toBe(false);
  });

  it('does not chase reviews of retired APIs', () => {
    expect(
      isReviewOverdue(
        entry('a', { nextReviewDue: '2020-01-01' as IsoDate, lifecycle: 'retired' }),
        TODAY,
      ),
    ).toBe(false);
  });

  it('lists several flags most serious first', () => {
    const api = entry('a', {
      exposure: 'public',
      owner: { team: '', contact: '' },
      dataClasses: ['credentials'],
      authentication: ['none'],
      nextReviewDue: '2025-01-01' as IsoDate,
    });
    expect(flagsOf(api, TODAY)).toEqual([
      'sensitive-without-auth',
      'public-unowned',
      'review-overdue',
    ]);
  });

  it('counts days until a review across a month end', () => {
    expect(daysUntil('2026-12-01' as IsoDate, TODAY)).toBe(8);
    expect(daysUntil('2026-11-20' as IsoDate, TODAY)).toBe(-3);
  });

  it('treats API keys and basic auth as weak, OAuth and mTLS as strong', () => {
    expect(hasStrongAuth(['api-key', 'basic'])).toBe(false);
    expect(hasStrongAuth(['api-key', 'mtls'])).toBe(true);
  });
});
