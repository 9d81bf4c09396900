import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  jsonAt,
  jsonString,
  stringifyInParts,
  writeInParts,
} from '../../../../core/shared/json-parts';

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

describe('jsonString, jsonAt and writeInParts', () => {
  it('quote any string as JSON.stringify does, lone surrogates and controls included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (text) => {
        expect(jsonString(text)).toBe(JSON.stringify(text));
      }),
      { numRuns: 1000 },
    );
    for (const text of [
      '',
      'plain',
      'a"b',
      'back\\slash',
      'tab\t',
      '\u0000',
      '\ud800',
      '\udfff x',
      '😀',
      'é “q”',
    ])
      expect(jsonString(text)).toBe(JSON.stringify(text));
  });

  it('write a value as it reads nested in a larger text', () => {
    const pad = (k: number) => '  '.repeat(k);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.integer({ min: 0, max: 4 }), (value, level) => {
        // The value as the only item of arrays nested `level` deep, written around
        // jsonAt's text by hand: each array opens, indents its item one step, closes.
        let whole: unknown = value;
        for (let i = 0; i < level; i++) whole = [whole];
        let text = jsonAt(value, level);
        for (let k = level - 1; k >= 0; k--) text = `[\n${pad(k + 1)}${text}\n${pad(k)}]`;
        expect(text).toBe(JSON.stringify(whole, null, 2));
      }),
    );
    expect(() => jsonAt(undefined, 1)).toThrow(/no JSON text/);
  });

  it('join item texts into the same text as stringifyInParts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 7 }),
        (items, perPart) => {
          const shell = { before: [1], runs: [{ results: [] }], after: 'x' };
          const path = ['runs', 0, 'results'] as const;
          const written = [...writeInParts(shell, path, items, (x) => jsonAt(x, 4), perPart)];
          expect(written.join('')).toBe(
            [...stringifyInParts(shell, path, items, (x) => x, perPart)].join(''),
          );
          expect(written.join('')).toBe(
            JSON.stringify({ ...shell, runs: [{ results: items }] }, null, 2),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
