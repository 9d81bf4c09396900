import { describe, expect, it } from 'vitest';
import { validateDraft } from '../../../../core/inventory/schema';
import type { IsoDate } from '../../../../core/shared/brand';
import { draft } from '../../../fixtures/inventory';

const errorsOf = (input: unknown) => {
  const r = validateDraft(input);
  return r.ok ? {} : r.errors;
};

describe('inventory validation', () => {
  it('accepts a complete, sensible entry and trims the name', () => {
    const r = validateDraft(
      draft({
        name: '  Payments API  ',
        owner: { team: 'Payments', contact: 'pay@example.com' },
        environments: [{ name: 'prod', baseUrl: 'https://api.example.com/v1' }],
        dataClasses: ['payment-card', 'personal'],
        regulatoryScope: ['PCI DSS', 'GDPR', 'Swiss FADP'],
        authentication: ['oauth2', 'mtls'],
        lastReviewed: '2026-01-10' as IsoDate,
        nextReviewDue: '2026-07-10' as IsoDate,
      }),
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.name).toBe('Payments API');
  });

  it('requires a name, keyed to the name field', () => {
    expect(errorsOf(draft({ name: '   ' }))).toEqual({ name: 'Give the API a name.' });
  });

  it('refuses names over 200 characters and control characters', () => {
    expect(errorsOf(draft({ name: 'x'.repeat(201) })).name).toMatch(/too long/);
    expect(errorsOf(draft({ name: 'bad\u0007bell' })).name).toMatch(/control characters/);
  });

  it('allows tabs and line breaks in a description but refuses terminal escape sequences', () => {
    expect(validateDraft(draft({ description: 'line one\n\tline two\r\n' })).ok).toBe(true);
    expect(errorsOf(draft({ description: 'red \u001b[31m alert' })).description).toMatch(
      /control characters/,
    );
    expect(errorsOf(draft({ name: 'next\u0085line' })).name).toMatch(/control characters/);
  });

  it('keeps hostile markup as plain data: it is valid text, never interpreted', () => {
    const r = validateDraft(draft({ name: '<img src=x onerror=alert(1)>' }));
    expect(r.ok && r.value.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('keys environment URL errors to the row and field', () => {
    const errors = errorsOf(
      draft({
        environments: [
          { name: 'prod', baseUrl: 'https://ok.example.com' },
          { name: 'stage', baseUrl: 'javascript:alert(1)' },
          { name: 'dev', baseUrl: 'not a url' },
        ],
      }),
    );
    expect(Object.keys(errors).sort()).toEqual([
      'environments.1.baseUrl',
      'environments.2.baseUrl',
    ]);
    expect(errors['environments.1.baseUrl']).toMatch(/http or https/);
  });

  it('refuses two environments with the same name', () => {
    const errors = errorsOf(
      draft({
        environments: [
          { name: 'Prod', baseUrl: 'https://a.example.com' },
          { name: 'prod', baseUrl: 'https://b.example.com' },
        ],
      }),
    );
    expect(errors['environments.1.name']).toMatch(/differ/);
  });

  it('refuses impossible dates and a next review before the last', () => {
    expect(errorsOf(draft({ lastReviewed: '2026-02-30' as IsoDate })).lastReviewed).toMatch(
      /real date/,
    );
    expect(
      errorsOf(
        draft({ lastReviewed: '2026-05-01' as IsoDate, nextReviewDue: '2026-04-01' as IsoDate }),
      ).nextReviewDue,
    ).toMatch(/before the last review/);
  });

  it('refuses "none" combined with another authentication method', () => {
    expect(errorsOf(draft({ authentication: ['none', 'api-key'] })).authentication).toMatch(/None/);
  });

  it('refuses unknown enum values and duplicated data classes', () => {
    expect(errorsOf({ ...draft(), lifecycle: 'zombie' }).lifecycle).toBeDefined();
    expect(errorsOf(draft({ dataClasses: ['health', 'health'] })).dataClasses).toMatch(/twice/);
  });
});
