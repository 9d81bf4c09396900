import { describe, expect, it } from 'vitest';
import {
  appendPointer,
  escapeToken,
  parsePointer,
  toPointer,
  valueAt,
} from '../../../../core/openapi';

// JSON pointers (RFC 6901): `~` is written `~0` and `/` is written `~1`, and reading a
// pointer undoes exactly that.

describe('JSON pointers', () => {
  const tokens = ['plain', 'a/b', 'a~b', '~1', '/~/', '', '~', '/', 'x~0y/z'];

  it('escapes `~` and `/` in that order, and leaves other tokens as they are', () => {
    expect(tokens.map(escapeToken)).toEqual([
      'plain',
      'a~1b',
      'a~0b',
      '~01',
      '~1~0~1',
      '',
      '~0',
      '~1',
      'x~00y~1z',
    ]);
    expect(appendPointer('/paths', '/pets/{id}')).toBe('/paths/~1pets~1{id}');
  });

  it('reads back every token it wrote, with or without escapes', () => {
    expect(parsePointer(toPointer(tokens))).toEqual(tokens);
    expect(parsePointer('/a/b//c')).toEqual(['a', 'b', '', 'c']);
    expect(parsePointer('/a~1b/c~0d/~01')).toEqual(['a/b', 'c~d', '~1']);
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('a/b')).toBeNull();
  });

  it('finds values by pointer in objects and arrays', () => {
    const root = { 'a/b': { list: [10, { '~': 'tilde' }] }, plain: { x: 1 } };
    expect(valueAt(root, '/a~1b/list/1/~0')).toBe('tilde');
    expect(valueAt(root, '/plain/x')).toBe(1);
    expect(valueAt(root, '/a~1b/list/0')).toBe(10);
    expect(valueAt(root, '/a~1b/list/x')).toBeUndefined();
    expect(valueAt(root, '/plain/toString')).toBeUndefined();
    expect(valueAt(root, '/missing/x')).toBeUndefined();
  });
});
