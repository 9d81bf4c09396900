import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../../../core/openapi';

// wordsOf is read by the business-flow rule and the process facts, so its words must not
// change when its implementation does: this is the definition it had, written plainly.
const reference = (text: string): string[] => {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  const pairs = words.slice(1).map((w, i) => `${words[i] ?? ''}${w}`);
  return [...words, ...pairs];
};

// Paths and identifiers: camel case, digits, separators, parameters, and letters that
// lower-case into ASCII (the Kelvin sign, dotted capital I).
const piece = fc.constantFrom(
  'password',
  'Reset',
  'v1',
  '/',
  '{id}',
  '_',
  '-',
  'OTP',
  'aB',
  '9Z',
  'K',
  'İ',
  'é',
  ' ',
  '',
);
const pathLike = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('wordsOf', () => {
  it('splits camel case, lower-cases, and adds adjacent pairs', () => {
    expect(wordsOf('/v1/passwordReset/{id}')).toEqual([
      'v1',
      'password',
      'reset',
      'id',
      'v1password',
      'passwordreset',
      'resetid',
    ]);
    expect(wordsOf('')).toEqual([]);
    expect(wordsOf('/-/')).toEqual([]);
  });
  it('gives the words of its plain definition for any text', () => {
    fc.assert(
      fc.property(fc.oneof(pathLike, fc.string({ unit: 'binary' })), (text) => {
        expect(wordsOf(text)).toEqual(reference(text));
      }),
      { numRuns: 500 },
    );
  });
});
