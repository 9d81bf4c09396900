import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, filterRows, sortRows, toRows } from '../../../../core/inventory/query';
import type { IsoDate } from '../../../../core/shared/brand';
import { entry, TODAY } from '../../../fixtures/inventory';

const apis = [
  entry('1', {
    name: 'Payments',
    owner: { team: 'Billing', contact: '' },
    dataClasses: ['payment-card'],
    authentication: ['oauth2'],
    exposure: 'public',
    regulatoryScope: ['PCI DSS'],
  }),
  entry('2', {
    name: 'Patient records',
    owner: { team: 'Care', contact: '' },
    dataClasses: ['health'],
    authentication: ['none'],
    exposure: 'partner',
    regulatoryScope: ['HIPAA'],
    nextReviewDue: '2026-01-01' as IsoDate,
  }),
  entry('3', {
    name: 'catalog',
    owner: { team: 'Shop', contact: '' },
    dataClasses: ['public'],
    exposure: 'public',
    lifecycle: 'deprecated',
    environments: [{ name: 'prod', baseUrl: 'https://catalog.example.com' }],
  }),
  entry('4', {
    name: 'Accounts',
    owner: { team: '', contact: '' },
    exposure: 'public',
    dataClasses: ['personal'],
    authentication: ['jwt'],
  }),
];
const rows = toRows(apis, TODAY);
const names = (r: { api: { name: string } }[]) => r.map((x) => x.api.name);

describe('inventory search and filters', () => {
  it('matches every word anywhere in the entry, ignoring case', () => {
    expect(names(filterRows(rows, { ...EMPTY_FILTER, text: 'PATIENT care' }))).toEqual([
      'Patient records',
    ]);
    expect(names(filterRows(rows, { ...EMPTY_FILTER, text: 'catalog.example' }))).toEqual([
      'catalog',
    ]);
    expect(filterRows(rows, { ...EMPTY_FILTER, text: 'payments zebra' })).toEqual([]);
  });

  it('ORs within a facet and ANDs across facets', () => {
    expect(
      names(
        filterRows(rows, {
          ...EMPTY_FILTER,
          exposure: ['partner', 'public'],
          sensitivity: ['restricted'],
        }),
      ),
    ).toEqual(['Payments', 'Patient records']);
  });

  it('filters by flag and by regime, case-insensitively', () => {
    expect(names(filterRows(rows, { ...EMPTY_FILTER, flag: ['public-unowned'] }))).toEqual([
      'Accounts',
    ]);
    expect(names(filterRows(rows, { ...EMPTY_FILTER, flag: ['review-overdue'] }))).toEqual([
      'Patient records',
    ]);
    expect(names(filterRows(rows, { ...EMPTY_FILTER, regime: ['hipaa'] }))).toEqual([
      'Patient records',
    ]);
  });
});

describe('inventory sort', () => {
  it('sorts by name naturally and case-insensitively, both directions', () => {
    expect(names(sortRows(rows, { key: 'name', direction: 'asc' }))).toEqual([
      'Accounts',
      'catalog',
      'Patient records',
      'Payments',
    ]);
    expect(names(sortRows(rows, { key: 'name', direction: 'desc' }))).toEqual([
      'Payments',
      'Patient records',
      'catalog',
      'Accounts',
    ]);
  });

  it('sorts by sensitivity, most sensitive first, ties by name', () => {
    expect(names(sortRows(rows, { key: 'sensitivity', direction: 'asc' }))).toEqual([
      'Patient records',
      'Payments',
      'Accounts',
      'catalog',
    ]);
  });

  it('puts entries without a review date last', () => {
    expect(names(sortRows(rows, { key: 'nextReviewDue', direction: 'asc' }))[0]).toBe(
      'Patient records',
    );
  });

  it('does not reorder the input', () => {
    const before = names(rows);
    sortRows(rows, { key: 'name', direction: 'desc' });
    expect(names(rows)).toEqual(before);
  });
});
