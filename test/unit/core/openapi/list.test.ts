import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { list } from '../../../../core/openapi/checks-document';

// The names in evidence: quoted, each once in first-seen order, at most `max` shown.
const plain = (names: readonly string[], max = 5) => {
  const unique = [...new Set(names)];
  const shown = unique
    .slice(0, max)
    .map((n) => `"${n}"`)
    .join(', ');
  return unique.length > max ? `${shown} and ${String(unique.length - max)} more` : shown;
};

describe('list', () => {
  it('quotes names once each, first five, then how many more', () => {
    expect(list([])).toBe('');
    expect(list(['id'])).toBe('"id"');
    expect(list(['a', 'b', 'a'])).toBe('"a", "b"');
    expect(list(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'a'])).toBe(
      '"a", "b", "c", "d", "e" and 2 more',
    );
    expect(list(['a', 'b', 'c'], 2)).toBe('"a", "b" and 1 more');
  });

  it('equals the plain spelling on any names', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', '(body)', '')),
        fc.integer({ min: 1, max: 7 }),
        (names, max) => {
          expect(list(names, max)).toBe(plain(names, max));
        },
      ),
    );
  });
});
