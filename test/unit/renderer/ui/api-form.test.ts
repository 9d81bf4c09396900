import { describe, expect, it } from 'vitest';
import {
  AUTH_METHODS,
  emptyDraft,
  validateDraft,
  type ApiDraft,
  type IsoDate,
} from '../../../../core/inventory';
import {
  addRegime,
  draftFromForm,
  errorsByField,
  fieldId,
  fieldLabel,
  formFromDraft,
  isDirty,
  orderedErrors,
  otherRegimes,
  ownerKey,
  renderedKeys,
  toggleAuth,
} from '../../../../renderer/ui/lib/api-form';

const draft: ApiDraft = {
  ...emptyDraft(),
  name: 'Payments',
  environments: [{ name: 'production', baseUrl: 'https://api.example.com' }],
  regulatoryScope: ['GDPR', 'APPI'],
  nextReviewDue: '2030-01-31' as IsoDate,
};

describe('form state', () => {
  it('round-trips a draft', () => {
    expect(draftFromForm(formFromDraft(draft))).toEqual(draft);
  });

  it('stores an empty date input as no date', () => {
    expect(draftFromForm({ ...formFromDraft(draft), nextReviewDue: '' }).nextReviewDue).toBeNull();
  });

  it('is dirty only when the draft changes', () => {
    const f = formFromDraft(draft);
    expect(isDirty(f, { ...f })).toBe(false);
    expect(isDirty(f, { ...f, team: 'Identity' })).toBe(true);
  });
});

describe('toggleAuth', () => {
  it('makes "None" exclusive both ways, keeping the catalogue order', () => {
    expect(toggleAuth(['oauth2', 'mtls'], 'none', true, AUTH_METHODS)).toEqual(['none']);
    expect(toggleAuth(['none'], 'jwt', true, AUTH_METHODS)).toEqual(['jwt']);
    expect(toggleAuth(['mtls'], 'oauth2', true, AUTH_METHODS)).toEqual(['oauth2', 'mtls']);
    expect(toggleAuth(['oauth2', 'mtls'], 'oauth2', false, AUTH_METHODS)).toEqual(['mtls']);
  });

  it('never produces a list the schema refuses', () => {
    let list = toggleAuth([], 'api-key', true, AUTH_METHODS);
    list = toggleAuth(list, 'none', true, AUTH_METHODS);
    expect(validateDraft({ ...draft, authentication: list }).ok).toBe(true);
  });
});

describe('regimes', () => {
  it('adds free text, folding a known name to its spelling', () => {
    expect(addRegime(['GDPR'], ' hipaa ')).toEqual({ ok: true, list: ['GDPR', 'HIPAA'] });
    expect(addRegime([], 'Internal policy 7')).toEqual({ ok: true, list: ['Internal policy 7'] });
  });

  it('refuses empty and duplicate names', () => {
    expect(addRegime([], '   ').ok).toBe(false);
    expect(addRegime(['APPI'], 'appi').ok).toBe(false);
  });

  it('lists only the regimes that are not checkboxes as chips', () => {
    expect(otherRegimes(['GDPR', 'APPI'])).toEqual(['APPI']);
  });
});

describe('errors', () => {
  const errors = {
    nextReviewDue: 'late',
    name: 'Give the API a name.',
    'regulatoryScope.3': 'too long',
    'environments.0.baseUrl': 'bad',
  };

  it('orders errors as the fields appear', () => {
    expect(orderedErrors(errors).map(([k]) => k)).toEqual([
      'name',
      'environments.0.baseUrl',
      'regulatoryScope.3',
      'nextReviewDue',
    ]);
  });

  it('gives an error without a control of its own to its group', () => {
    const rendered = renderedKeys(formFromDraft(draft));
    expect(ownerKey('regulatoryScope.3', rendered)).toBe('regulatoryScope');
    expect(ownerKey('environments.0.baseUrl', rendered)).toBe('environments.0.baseUrl');
    expect(ownerKey('environments.7.name', rendered)).toBe('environments');
    expect(ownerKey('mystery', rendered)).toBe('form');
    expect(errorsByField(errors, rendered)).toMatchObject({
      regulatoryScope: 'too long',
      'environments.0.baseUrl': 'bad',
    });
  });

  it('makes valid, distinct ids and labels for every key', () => {
    expect(fieldId('owner.team')).toBe('field-owner-team');
    expect(fieldId('environments.0.baseUrl')).toBe('field-environments-0-baseUrl');
    expect(fieldLabel('environments.1.baseUrl')).toBe('Base URL for environment 2');
    expect(fieldLabel('owner.contact')).toBe('Contact');
    expect(fieldLabel('form')).toBeNull();
  });
});
