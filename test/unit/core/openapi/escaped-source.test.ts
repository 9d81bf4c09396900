import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Place } from '../../../../core/openapi';
import {
  appendPointer,
  formatError,
  openApiInput,
  parseOpenApi,
  readSource,
} from '../../../../core/openapi';
import type { InputAdapter } from '../../../../core/threats';
import { DEFAULT_INPUTS, loadInput } from '../../../../core/threats';
import { MIXED_UNITS, escapedCopy } from '../shared/escaped-copy';

// readSource, parseOpenApi and loadInput given an ASCII-escaped copy of JSON text with its
// origin: the same tree, and every place and message that the original text gives.

/** Pointers to every value down to `depth` levels (deeper ones get an ancestor's place). */
function pointers(value: unknown, depth = 9, at = ''): string[] {
  if (depth === 0 || typeof value !== 'object' || value === null) return [at];
  return [
    at,
    ...Object.entries(value).flatMap(([k, v]) => pointers(v, depth - 1, appendPointer(at, k))),
  ];
}

/** Every place readSource gives in a text, read as the plain text and as its copy. */
function placesBoth(text: string) {
  const plain = readSource(text, 'a.json');
  const { copy, origin, originalCalls } = escapedCopy(text);
  const escaped = readSource(copy, 'a.json', undefined, origin);
  if (!plain.ok || !escaped.ok) throw new Error('expected both to read');
  const all = pointers(plain.root);
  const placesOf = (locate: (p: string) => Place | null) => all.map((p) => [p, locate(p)]);
  return {
    plain: { root: plain.root, places: placesOf(plain.locate) },
    escaped: { root: escaped.root, places: placesOf(escaped.locate) },
    originalCalls,
  };
}

const DESCRIPTION = `{"x-é": "日本 😀", "openapi": "3.0.3", "info": {"title": "Café", "version": "1"},
  "paths": {
    "/cafés/{id}": {"get": {"summary": "Ça — 😀😀", "parameters": [{"name": "id", "in": "path"}],
      "responses": {"200": {"description": "✓", "content": {"a/b": {"schema": {"$ref": "https://x.example/ß.json"}}}}}}},
    "/ユーザー": {"post": {"x": "\\u00e9 é \\\\ ü", "responses": {"200": {"description": "ñ"}}}}
  }, "x-end": "𝄞"}`;

describe('readSource of an ASCII-escaped copy', () => {
  it('gives the tree and the places of the original text, without decoding it', () => {
    for (const text of [DESCRIPTION, DESCRIPTION.replace(/\n/g, '\r\n'), `\n\n ${DESCRIPTION}`]) {
      const both = placesBoth(text);
      expect(both.escaped).toEqual(both.plain);
      expect(both.originalCalls()).toBe(0);
    }
  });

  it('places a value after non-ASCII characters on its line by the characters of the original', () => {
    // Counted by hand: the quote of "k" is the 18th UTF-16 unit of the line (😀 is two).
    const text = '{"é": 1, "ü😀": {"k": 2}}';
    const { copy, origin } = escapedCopy(text);
    expect(copy).toBe('{"\\u00e9": 1, "\\u00fc\\ud83d\\ude00": {"k": 2}}');
    const source = readSource(copy, 'a.json', undefined, origin);
    if (!source.ok) throw new Error('expected to read');
    expect(source.locate('/ü😀/k')).toEqual({ line: 1, column: 18 });
    expect(source.locate('/ü😀')).toEqual({ line: 1, column: 10 });
    expect(source.locate('/é')).toEqual({ line: 1, column: 2 });
  });

  it('agrees with the original on any JSON value, in keys and strings alike', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue({ maxDepth: 4, stringUnit: 'grapheme' }),
          fc.jsonValue({
            maxDepth: 4,
            stringUnit: fc.constantFrom(...MIXED_UNITS),
          }),
        ),
        fc.constantFrom(0, 1, 2),
        (value, indent) => {
          const text = JSON.stringify({ openapi: '3.1.0', value }, null, indent);
          // A copy is made only of text with no non-ASCII character after a backslash and
          // no U+FFFD (EscapedOrigin).
          fc.pre(!/\\[^\x20-\x7f]/.test(text) && !text.includes('\uFFFD'));
          const both = placesBoth(text);
          expect(both.escaped).toEqual(both.plain);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads the original for every failure, so the message and its place are the same', () => {
    const cases = [
      // Invalid JSON after non-ASCII characters on the same line, and a truncated file.
      DESCRIPTION.replace('"summary": "Ça — 😀😀",', '"summary": "Ça — 😀😀" "x": 1,'),
      DESCRIPTION.slice(0, DESCRIPTION.indexOf('😀😀') + 2),
      // Nesting deeper than MAX_DEPTH, after a non-ASCII character.
      `{"é": "ü", "x": ${'['.repeat(300)}"é"${']'.repeat(300)}}`,
    ];
    for (const text of cases) {
      const plain = readSource(text, 'a.json');
      const { copy, origin, originalCalls } = escapedCopy(text);
      expect(plain.ok).toBe(false);
      expect(readSource(copy, 'a.json', undefined, origin)).toEqual(plain);
      expect(originalCalls()).toBe(1);
    }
    // Counted by hand: the quote of "x" is the 52nd UTF-16 unit of line 3.
    const broken = readSource(cases[0] ?? '', 'a.json');
    expect(broken.ok ? null : broken.error).toMatchObject({ line: 3, column: 52 });
  });

  it('places the warnings and errors of parseOpenApi as on the original', () => {
    const dangling = DESCRIPTION.replace('https://x.example/ß.json', '#/nöwhere');
    const unsupported = '{"x": "é", "openapi": "4.0.0", "info": {}, "paths": {}}';
    const cycle =
      '{"openapi": "3.0.0", "info": {"title": "é", "version": "1"}, "paths": {}, "components": {"schemas": {"Ä": {"$ref": "#/components/schemas/Ö"}, "Ö": {"x": "é", "$ref": "#/components/schemas/Ä"}}}}';
    for (const text of [DESCRIPTION, dangling, unsupported, cycle]) {
      const plain = parseOpenApi(text, 'a.json');
      const { copy, origin } = escapedCopy(text);
      const escaped = parseOpenApi(copy, 'a.json', undefined, origin);
      expect(escaped.ok).toBe(plain.ok);
      if (plain.ok && escaped.ok)
        expect(escaped.doc.warnings.map(formatError)).toEqual(plain.doc.warnings.map(formatError));
      else expect(escaped).toEqual(plain);
    }
    // Counted by hand: `{"x": "é", "openapi"` puts the key at column 12.
    const refused = parseOpenApi(unsupported, 'a.json');
    expect(refused.ok ? null : formatError(refused.error)).toMatch(
      /^a\.json:1:12: unsupported version 4\.0\.0/,
    );
  });
});

describe('loadInput with an ASCII-escaped copy', () => {
  /** An adapter that takes every file and records the text it was given. */
  const recorder = (readsEscapedJson: boolean) => {
    const seen: { accepts: string[]; load: string[] } = { accepts: [], load: [] };
    const adapter: InputAdapter = {
      name: 'recorder',
      readsEscapedJson,
      accepts: (_file, text) => {
        seen.accepts.push(text);
        return true;
      },
      load: (text) => {
        seen.load.push(text);
        return { ok: false, error: 'recorded' };
      },
    };
    return { adapter, seen };
  };

  it('gives the copy only to an adapter that reads copies, the original to others', () => {
    const text = '{"name": "é"}';
    const { copy, origin } = escapedCopy(text);
    const other = recorder(false);
    loadInput('a.json', copy, [other.adapter], origin);
    expect(other.seen).toEqual({ accepts: [copy], load: [text] });
    const reader = recorder(true);
    loadInput('a.json', copy, [reader.adapter], origin);
    expect(reader.seen).toEqual({ accepts: [copy], load: [copy] });
  });

  it('decides on the original when the copy is not JSON', () => {
    const text = '{"name": "é" oops}';
    const { copy, origin } = escapedCopy(text);
    const reader = recorder(true);
    loadInput('a.json', copy, [reader.adapter], origin);
    expect(reader.seen).toEqual({ accepts: [text], load: [text] });
  });

  it('loads an OpenAPI description with the warnings and places of the original', () => {
    const inputs = [openApiInput, ...DEFAULT_INPUTS];
    const plain = loadInput('a.json', DESCRIPTION, inputs);
    const { copy, origin } = escapedCopy(DESCRIPTION);
    const escaped = loadInput('a.json', copy, inputs, origin);
    if (!plain.ok || !escaped.ok) throw new Error('expected both to load');
    expect(escaped.warnings).toEqual(plain.warnings);
    // Counted by hand: the key "schema" (a member is placed at its key) is at column 69.
    expect(escaped.warnings?.[0]).toMatch(/^a\.json:4:69: external \$ref/);
    expect(JSON.stringify(escaped.model)).toBe(JSON.stringify(plain.model));
  });
});
