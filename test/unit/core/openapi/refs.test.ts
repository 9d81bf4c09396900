import { describe, expect, it } from 'vitest';
import { deref, derefValue, parseOpenApi } from '../../../../core/openapi';

// deref remembers where each `$ref` string of a document leads; what it answers must not
// depend on whether it was asked before, nor on the pointer it was first asked with.

const doc = () => ({
  components: {
    schemas: {
      Pet: { type: 'object' },
      Alias: { $ref: '#/components/schemas/Pet' },
      Loop: { $ref: '#/components/schemas/Loop2' },
      Loop2: { $ref: '#/components/schemas/Loop' },
      'a/b': { type: 'string' },
    },
  },
});

describe('deref', () => {
  it('follows a chain to its value and the pointer it was found at, first and later calls', () => {
    const root = doc();
    for (let i = 0; i < 2; i++) {
      expect(deref(root, { $ref: '#/components/schemas/Alias' }, '/x')).toEqual({
        value: { type: 'object' },
        pointer: '/components/schemas/Pet',
      });
      expect(deref(root, { $ref: '#/components/schemas/a~1b' }, '/y')).toEqual({
        value: { type: 'string' },
        pointer: '/components/schemas/a~1b',
      });
    }
  });

  it('keeps the pointer each caller gave for an external reference', () => {
    const root = doc();
    const ext = { $ref: 'other.yaml#/Pet' };
    expect(deref(root, ext, '/first')).toEqual({ value: undefined, pointer: '/first' });
    expect(deref(root, ext, '/second')).toEqual({ value: undefined, pointer: '/second' });
  });

  it('resolves a loop, a missing target and a later external hop to undefined', () => {
    const root = {
      ...doc(),
      a: { $ref: 'other.yaml#/x' },
    };
    for (let i = 0; i < 2; i++) {
      expect(deref(root, { $ref: '#/components/schemas/Loop' }, '/p')).toEqual({
        value: undefined,
        pointer: '/components/schemas/Loop2',
      });
      expect(deref(root, { $ref: '#/nothing' }, '/p')).toEqual({
        value: undefined,
        pointer: '/nothing',
      });
      expect(deref(root, { $ref: '#/a' }, '/p')).toEqual({ value: undefined, pointer: '/a' });
    }
  });

  it('gives each document its own answers, and works on a root that is not an object', () => {
    const one = doc();
    const two = { components: { schemas: { Pet: { type: 'integer' } } } };
    const ref = { $ref: '#/components/schemas/Pet' };
    expect(deref(one, ref, '').value).toEqual({ type: 'object' });
    expect(deref(two, ref, '').value).toEqual({ type: 'integer' });
    expect(deref('text', { $ref: '#' }, '/p')).toEqual({ value: 'text', pointer: '' });
  });

  it('derefValue is the value of deref, and passes other values through', () => {
    const root = doc();
    const plain = { type: 'x' };
    expect(derefValue(root, plain)).toBe(plain);
    expect(derefValue(root, { $ref: '#/components/schemas/Alias' })).toBe(
      root.components.schemas.Pet,
    );
    expect(derefValue(root, { $ref: 'x.yaml' })).toBeUndefined();
  });
});

describe('parseOpenApi: parameters', () => {
  it('lets an operation parameter replace a path-level one in place, with its own pointer', () => {
    const text = JSON.stringify({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/a/{id}': {
          parameters: [
            { name: 'id', in: 'path', required: true },
            { name: 'q', in: 'query' },
          ],
          get: {
            parameters: [{ name: 'h', in: 'header' }, { $ref: '#/components/parameters/Q' }],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
      components: { parameters: { Q: { name: 'q', in: 'query', required: true } } },
    });
    const r = parseOpenApi(text, 'a.json');
    if (!r.ok) throw new Error(r.error.message);
    const params = r.doc.operations[0]?.parameters ?? [];
    expect(params.map((p) => [p.in, p.name, p.required, p.pointer])).toEqual([
      ['path', 'id', true, '/paths/~1a~1{id}/parameters/0'],
      ['query', 'q', true, '/paths/~1a~1{id}/get/parameters/1'],
      ['header', 'h', false, '/paths/~1a~1{id}/get/parameters/0'],
    ]);
  });
});

describe('parseOpenApi: parameter keys', () => {
  const doc = (pathLevel: unknown[], own: unknown[]) =>
    JSON.stringify({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/a': { parameters: pathLevel, get: { parameters: own, responses: {} } } },
    });
  const keys = (text: string) => {
    const r = parseOpenApi(text, 'a.json');
    if (!r.ok) throw new Error(r.error.message);
    return r.doc.operations[0]?.parameters.map((p) => `${p.in} ${p.name} ${p.pointer}`);
  };

  it('merges parameters whose `in:name` keys are equal, colons included', () => {
    // "query" + "x:y" and "query:x" + "y" have the same key: the later one replaces the
    // earlier (and, not being a valid location, drops it).
    expect(keys(doc([{ in: 'query', name: 'x:y' }], [{ in: 'query:x', name: 'y' }]))).toEqual([]);
    expect(keys(doc([{ in: 'query:x', name: 'y' }], [{ in: 'query', name: 'x:y' }]))).toEqual([
      'query x:y /paths/~1a/get/parameters/0',
    ]);
    expect(
      keys(
        doc(
          [],
          [
            { in: 'query', name: 'a' },
            { in: 'header', name: 'a' },
            { in: 'query', name: 'a', required: true },
          ],
        ),
      ),
    ).toEqual(['query a /paths/~1a/get/parameters/2', 'header a /paths/~1a/get/parameters/1']);
  });
});

describe('parseOpenApi: the depth limit inside examples', () => {
  // The up-front walk only measures example values (their `$ref`s are not checked): the
  // limit holds there as everywhere, through objects and arrays alike.
  const head = '{"openapi":"3.0.0","info":{"title":"T","version":"1"},"paths":{},"x":';
  const nest = (levels: number, leaf: string) =>
    `${'{"a":['.repeat(levels)}${leaf}${']}'.repeat(levels)}`;

  it('reads 256 levels with an example at the bottom and refuses 257, at the same place', () => {
    // Levels: the top-level object is 1, each {"a":[ pair adds 2, the example object 1.
    const ok = `${head}{"example":${nest(126, '{"b":{}}')}}}`;
    const r = parseOpenApi(ok, 'ok.json');
    expect(r.ok).toBe(true);
    const deep = `${head}{"example":${nest(127, '{}')}}}`;
    const e = parseOpenApi(deep, 'deep.json');
    if (e.ok) throw new Error('expected an error');
    expect(e.error.message).toBe('nesting deeper than 256 levels; refused');
    // Placed at the 257th bracket, the innermost example object.
    expect([e.error.line, e.error.column]).toEqual([1, deep.lastIndexOf('{}') + 1]);
  });

  it('refuses an example nested far too deep, in an object or an array', () => {
    for (const example of [nest(5_000, '1'), `[${nest(5_000, '[]')}]`]) {
      const e = parseOpenApi(`${head}{"examples":${example}}}`, 'deep.json');
      if (e.ok) throw new Error('expected an error');
      expect(e.error.message).toBe('nesting deeper than 256 levels; refused');
    }
  });
});
