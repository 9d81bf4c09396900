import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeUnits, originalOffsets } from '../../../../core/shared/escaped-json';
import { escapedCopy } from './escaped-copy';

// The pure half of the ASCII-escaped copy of JSON text: the escapes, and the way from an
// offset in the copy back to the original.

describe('escapeUnits', () => {
  it('writes each UTF-16 unit as a lower-case \\uXXXX escape', () => {
    expect(escapeUnits('é')).toBe('\\u00e9');
    expect(escapeUnits('日本')).toBe('\\u65e5\\u672c');
    // A character outside the Basic Multilingual Plane: its two surrogates.
    expect(escapeUnits('😀')).toBe('\\ud83d\\ude00');
    expect(escapeUnits('\uffff\u0080')).toBe('\\uffff\\u0080');
    expect(escapeUnits('')).toBe('');
  });

  it('reads back through JSON.parse as the same string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(JSON.parse(`"${escapeUnits(a)}"`)).toBe(a);
        expect(JSON.parse(`"${escapeUnits(b)}"`)).toBe(b);
      }),
      { numRuns: 300 },
    );
    expect(JSON.parse(`"${escapeUnits('\ud800x\udfff')}"`)).toBe('\ud800x\udfff');
  });
});

describe('originalOffsets', () => {
  it('maps offsets outside the escapes back to the same character of the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const { copy, starts, units } = escapedCopy(text);
        const toOriginal = originalOffsets(starts, units);
        // Walk both: an ASCII unit is one character of the copy, any other six.
        let c = 0;
        for (let o = 0; o <= text.length; o++) {
          const ascii = o === text.length || text.charCodeAt(o) < 0x80;
          if (ascii) {
            expect(toOriginal(c)).toBe(o);
            expect(copy.charAt(c)).toBe(text.charAt(o));
          }
          c += ascii ? 1 : 6;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('shifts by five characters per unit of every run before the offset', () => {
    // "a" é "b" 😀 "c": runs of one and two units at 1 and 8 of `a\u00e9b\ud83d\ude00c`.
    const toOriginal = originalOffsets([1, 8], [1, 2]);
    expect([0, 1, 7, 8, 20, 21].map(toOriginal)).toEqual([0, 1, 2, 3, 5, 6]);
    expect(originalOffsets([], [])(42)).toBe(42);
  });
});
