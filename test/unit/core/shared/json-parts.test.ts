import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringifyInParts } from '../../../../core/shared/json-parts';

// Parts joined must be JSON.stringify(…, null, 2) of the whole, byte for byte, for any
// items and any nesting of the array.

const whole = (shell: Record<string, unknown>, key: string, items: unknown[]) =>
  JSON.stringify({ ...shell, [key]: items }, null, 2);

describe('stringifyInParts', () => {
  it('joins into the whole text for arbitrary items, part sizes and neighbours', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 30 }),
        fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), {
          maxKeys: 3,
        }),
        fc.integer({ min: 1, max: 10 }),
        (items, extra, perPart) => {
          // A key of its own for the items, after whatever the shell already holds.
          const shell = { ...extra, 'the items': [] };
          const parts = [...stringifyInParts(shell, ['the items'], items, (x) => x, perPart)];
          expect(parts.join('')).toBe(whole(extra, 'the items', items));
          if (items.length > 0) expect(parts.length).toBe(2 + Math.ceil(items.length / perPart));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds the array down a path through arrays, between other keys', () => {
    const shell = { a: 1, runs: [{ tool: { rules: [{ results: [] }] }, results: [], after: 'x' }] };
    const items = ['one', { two: [2, { three: 3 }] }, null, 'é “quoted” ✓'];
    for (const perPart of [1, 2, 3, 64]) {
      const text = [
        ...stringifyInParts(shell, ['runs', 0, 'results'], items, (x) => x, perPart),
      ].join('');
      const expected = { a: 1, runs: [{ ...shell.runs[0], results: items }] };
      expect(text).toBe(JSON.stringify(expected, null, 2));
    }
  });

  it('maps the items as it goes, and refuses a shell without the empty array', () => {
    const seen: number[] = [];
    const parts = stringifyInParts(
      { list: [] },
      ['list'],
      [1, 2, 3],
      (n) => {
        seen.push(n);
        return n * 10;
      },
      2,
    );
    expect(parts.next().value).toBe('{\n  "list": [\n');
    expect(seen).toEqual([]);
    expect(parts.next().value).toBe('    10,\n    20');
    expect(seen).toEqual([1, 2]);
    expect([...parts].join('')).toBe(',\n    30\n  ]\n}');
    expect(() => [...stringifyInParts({ other: [] }, ['list'], [1], (n) => n)]).toThrow(
      /one empty array at list/,
    );
  });
});
