import { describe, expect, it } from 'vitest';
import { looksLikeOpenApi, openApiInput, parseOpenApi } from '../../../../core/openapi';
import type { ThreatRow } from '../../../../core/threats';
import { DEFAULT_INPUTS, loadInput } from '../../../../core/threats';
import { fixtureText } from './helpers';

// The OpenAPI input adapter as `bulwark analyze` uses it: detection, warnings, places.

const INPUTS = [openApiInput, ...DEFAULT_INPUTS];

describe('the OpenAPI input adapter', () => {
  it('returns the description warnings with the loaded input, each naming file and place', () => {
    const r = loadInput('events.yaml', fixtureText('events.yaml'), INPUTS);
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings?.[0]).toMatch(
      /^events\.yaml:33:\d+: external \$ref "https:\/\/schemas\.example\/remote\.yaml#\/Thing" not followed .*\(at \/paths\/~1remote\/get\/responses\/200\/content\/application~1json\/schema\)$/,
    );
    const clean = loadInput('secure.yaml', fixtureText('secure.yaml'), INPUTS);
    expect(clean.ok && clean.warnings).toEqual([]);
  });

  it('claims any object with an openapi or swagger key, but never a Bulwark model file', () => {
    expect(looksLikeOpenApi('a.json', '', { openapi: '3.1.0' })).toBe(true);
    expect(looksLikeOpenApi('a.json', '', { swagger: '2.0' })).toBe(true);
    expect(looksLikeOpenApi('a.json', '', { asyncapi: '3.0.0' })).toBe(false);
    expect(
      looksLikeOpenApi('m.bulwark.json', '', { format: 'bulwark-threat-model', openapi: 'x' }),
    ).toBe(false);
    const r = loadInput(
      'bare.json',
      '{\n  "openapi": "3.0.3",\n  "info": {"title": "T"}\n}',
      INPUTS,
    );
    expect(r).toEqual({
      ok: false,
      error:
        'bare.json:1:1: incomplete OpenAPI 3.0 description: the required `paths` object is not there',
    });
  });

  it('locates threats at the line and column of their JSON pointer', () => {
    const text = fixtureText('swagger.json');
    const r = loadInput('swagger.json', text, INPUTS);
    if (!r.ok) throw new Error(r.error);
    const row = (location: string | null) => ({ location }) as unknown as ThreatRow;
    expect(r.locate(row('/paths/~1files/post'))).toEqual({ line: 25, column: 7, offset: 0 });
    expect(r.locate(row(null))).toBeNull();
  });
});

describe('locating pointers in JSON text', () => {
  // Expected places are counted by hand in the text below.
  const text = [
    '{',
    '  "openapi": "3.0.3", "info": {"title": "a \\"quoted\\" } title", "version": "1"},',
    '  "paths": {',
    '    "/a~b/{id}": {"get": {"responses": {"200": {"description": "[x"}}}},',
    '    "/esc\\u0061ped": {"post": {"parameters": [ {"name": "p"}, {"name": "q"} ],',
    '      "responses": {"200": {"description": "ok"}}}}',
    '  },',
    '  "x-deep": {"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": {"i": 1}}}}}}}}},',
    '  "x-dup": 1, "x-dup": 2',
    '}',
  ].join('\n');
  const r = parseOpenApi(text, 'p.json');
  if (!r.ok) throw new Error(r.error.message);

  it('places object members at their key and array items at their value', () => {
    expect(r.locate('')).toEqual({ line: 1, column: 1 });
    expect(r.locate('/info/version')).toEqual({ line: 2, column: 65 });
    expect(r.locate('/paths/~1a~0b~1{id}/get/responses/200')).toEqual({ line: 4, column: 41 });
    expect(r.locate('/paths/~1escaped/post/parameters/1')).toEqual({ line: 5, column: 63 });
    expect(r.locate('/paths/~1escaped/post/responses')).toEqual({ line: 6, column: 7 });
  });

  it('falls back to the nearest ancestor, and stops at eight levels', () => {
    expect(r.locate('/paths/~1escaped/post/nothing')).toEqual({ line: 5, column: 23 });
    expect(r.locate('/x-deep/a/b/c/d/e/f/g/h/i')).toEqual(r.locate('/x-deep/a/b/c/d/e/f/g'));
    expect(r.locate('/x-deep/a/b/c/d/e/f/g')).toEqual({ line: 8, column: 50 });
  });

  it('takes the last of repeated keys, as JSON.parse does', () => {
    expect(r.locate('/x-dup')).toEqual({ line: 9, column: 15 });
  });
});
