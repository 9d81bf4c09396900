import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../../../core/shared/digits';

describe('groupDigits', () => {
  it('separates thousands with commas', () => {
    expect(groupDigits(0)).toBe('0');
    expect(groupDigits(7)).toBe('7');
    expect(groupDigits(999)).toBe('999');
    expect(groupDigits(1000)).toBe('1,000');
    expect(groupDigits(10_000)).toBe('10,000');
    expect(groupDigits(100_000)).toBe('100,000');
    expect(groupDigits(1_234_567)).toBe('1,234,567');
    expect(groupDigits(-1234)).toBe('-1,234');
    expect(groupDigits(-0)).toBe('0');
  });

  it('writes every integer the way toLocaleString("en") does', () => {
    for (const n of [1, 12, 123, 1234, 12_345, 123_456, 9_007_199_254_740_991, -98_765])
      expect(groupDigits(n)).toBe(n.toLocaleString('en'));
  });

  it('leaves fractions and unsafe integers to the locale rules', () => {
    expect(groupDigits(1234.5678)).toBe('1,234.568');
    expect(groupDigits(1e21)).toBe('1,000,000,000,000,000,000,000');
  });
});
