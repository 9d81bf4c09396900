import { describe, expect, it } from 'vitest';
import { newElement, promptCards } from '../../../../core/threats';

describe('STRIDE prompt cards', () => {
  it('asks one question per category the element kind is exposed to', () => {
    expect(promptCards(newElement('process', 'p', 'Orders API')).map((c) => c.stride)).toEqual([
      'S',
      'T',
      'R',
      'I',
      'D',
      'E',
    ]);
    expect(promptCards(newElement('external-entity', 'u', 'Customer'))[0]?.question).toBe(
      'How could someone pretend to be “Customer”, or pretend to “Customer” to be someone else?',
    );
    expect(
      promptCards(newElement('data-store', 's', 'Logs', { isLog: true })).map((c) => c.stride),
    ).toEqual(['T', 'R', 'I', 'D']);
    expect(promptCards(newElement('data-store', 's', 'DB')).map((c) => c.stride)).toEqual([
      'T',
      'I',
      'D',
    ]);
    expect(promptCards(newElement('trust-boundary', 'b', 'Internet'))).toEqual([]);
  });
});
