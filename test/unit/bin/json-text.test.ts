import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../bin/json-text';
import { MIXED_UNITS } from '../core/shared/escaped-copy';

// bin/json-text.ts: JSON text comes as an ASCII-escaped copy that JSON.parse reads to the
// same value, with a way back to the original's offsets; anything it cannot copy exactly
// is decoded as `readFileSync(file, 'utf8')` decodes it.

const bytes = (text: string) => Buffer.from(text, 'utf8');
const isAsciiText = (text: string) => !/[\u0080-\uffff]/.test(text);

/** Characters that are never part of an added escape: their offsets must map exactly. */
const STRUCTURE = /[{}[\]:,"\n]/g;

/** Checks a copy against its original: all ASCII, same value, same structural offsets. */
function expectCopyOf(original: string): void {
  const read = decodeText(bytes(original));
  expect(read.origin).toBeDefined();
  expect(isAsciiText(read.text)).toBe(true);
  expect(JSON.parse(read.text)).toEqual(JSON.parse(original));
  expect(read.origin?.original()).toBe(original);
  const inCopy = [...read.text.matchAll(STRUCTURE)].map((m) => m.index);
  const inOriginal = [...original.matchAll(STRUCTURE)].map((m) => m.index);
  expect(inCopy.map((at) => read.origin?.originalOffset(at))).toEqual(inOriginal);
  expect(read.origin?.originalOffset(read.text.length)).toBe(original.length);
}

/** Checks that the text is decoded as before, without a copy. */
function expectPlain(data: Buffer | string): void {
  const b = typeof data === 'string' ? bytes(data) : data;
  expect(decodeText(b)).toEqual({ text: b.toString('utf8') });
}

describe('decodeText', () => {
  it('decodes ASCII text as itself, JSON or not', () => {
    for (const text of ['{"a": [1, "\\u00e9"]}', 'openapi: 3.1.0\n', '', '\\ud83d'])
      expect(decodeText(bytes(text))).toEqual({ text });
  });

  it('copies 2-, 3- and 4-byte characters in keys and values to the same value', () => {
    expectCopyOf('{"é": "ü", "日本": "語", "😀": "𝄞", "k": ["ñ", {"ß": "ä"}]}');
  });

  it('copies characters at the start and the end of the text, and runs side by side', () => {
    expectCopyOf('["é"]');
    expectCopyOf('{"éü😀日": "ñ😀😀ß"}');
    expectCopyOf('{"é":"ü","ä":"ö"}');
    expectCopyOf('\n\t [ "a é b ü c", "😀" ]\r\n');
    expectCopyOf('{"a": "\\u00e9é\\\\ ü", "b": "\\ud83d😀\\ude00"}');
    expectCopyOf('{"line\\nbreak": "é\u2028ü\u2029"}');
  });

  it('copies text that is not valid JSON, which then fails to parse as the original does', () => {
    for (const text of ['{"a": 1}é', '{é: 1}', '{"a": "é"']) {
      const read = decodeText(bytes(text));
      expect(read.origin?.original()).toBe(text);
      expect(() => JSON.parse(read.text) as unknown).toThrow();
      expect(() => JSON.parse(text) as unknown).toThrow();
    }
  });

  it('decodes as before what it cannot copy exactly', () => {
    const api = '{"openapi": "3.1.0", "info": {"title": "Café"}}';
    // Bytes that are not UTF-8: a lone continuation, a cut sequence, overlong, surrogate.
    for (const bad of [[0x80], [0xc3, 0x28], [0xe6, 0x97], [0xc0, 0xaf], [0xed, 0xa0, 0x80]])
      expectPlain(Buffer.concat([bytes('{"a": "'), Buffer.from(bad), bytes('"}')]));
    expectPlain(Buffer.concat([bytes('{"a": "é"}'), Buffer.from([0xf0, 0x9f])]));
    // A byte-order mark, a replacement character in the file, YAML, other text.
    expectPlain(`\uFEFF${api}`);
    expectPlain(api.replace('Café', 'Caf\uFFFD'));
    expectPlain('openapi: 3.1.0\ninfo: {title: Café}\n');
    expectPlain('Café {"a": 1}');
    expectPlain(' \u00a0{"a": "é"}');
    // A non-ASCII character after a backslash: `\é` is not JSON, but `\\u00e9` would be.
    expectPlain('{"a": "\\é"}');
    expectPlain('{"a": "\\\\é"}');
  });

  it('decodes as before text with more non-ASCII runs or bytes than the copy pays for', () => {
    const many = JSON.stringify(Array.from({ length: 200 }, (_, i) => `${String(i)} é`));
    expectPlain(many);
    expectCopyOf(JSON.stringify(Array.from({ length: 50 }, (_, i) => `${String(i)} é`)));
    expectPlain(JSON.stringify({ a: '日本語'.repeat(400) }));
  });

  it('copies any JSON value to the same value, or decodes it as before', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme' }),
          fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }),
          fc.jsonValue({
            maxDepth: 3,
            stringUnit: fc.constantFrom(...MIXED_UNITS, '\\'),
          }),
        ),
        fc.constantFrom(0, 1, 2),
        (value, indent) => {
          const text = JSON.stringify({ value }, null, indent);
          const read = decodeText(bytes(text));
          if (read.origin === undefined) expectPlain(text);
          else expectCopyOf(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds a run on, just before and just after a cut of the halving', () => {
    // A 64 KiB text is cut at multiples of any power of two: put a 2- or 4-byte character
    // (bytes) around each multiple of 1024.
    for (let k = 1; k < 64; k++)
      for (const shift of [-3, -2, -1, 0, 1])
        for (const char of ['é', '😀']) {
          const at = 1024 * k + shift;
          const tail = 65536 - at - Buffer.byteLength(char) - 2;
          expectCopyOf(`["${'x'.repeat(at - 2)}${char}${'y'.repeat(tail)}"]`);
        }
  });

  it('finds every run in large texts, wherever the halving cuts', () => {
    // Seeded: texts of 10 to 70 kB with runs at random places, some longer than a block.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const chars = ['é', 'ü', '日', '😀', '𝄞', 'ñ'];
    for (let round = 0; round < 40; round++) {
      const items: string[] = [];
      let size = 0;
      const target = 10_000 + random(60_000);
      while (size < target) {
        let s = 'x'.repeat(random(random(8) === 0 ? 9000 : 200));
        for (let k = random(3); k > 0; k--) {
          const at = random(s.length + 1);
          const run = Array.from({ length: 1 + random(random(10) === 0 ? 120 : 4) }, () =>
            String(chars[random(chars.length)]),
          ).join('');
          s = s.slice(0, at) + run + s.slice(at);
        }
        items.push(s);
        size += s.length + 3;
      }
      expectCopyOf(JSON.stringify(items));
    }
  });
});
