import { parsePointer } from './pointer';

// From a JSON pointer back to its place in the JSON text it was parsed from, for SARIF
// locations and error places: the text is read once for where its containers end, and
// only the objects and arrays a pointer passes through are read member by member.

/** Pointers indexed for positions: enough for operations, parameters and schemas. */
export const INDEX_DEPTH = 8;

/** Offset of the quote closing the string that opens at `start`, or the text's length. */
export function stringEnd(text: string, start: number): number {
  // indexOf runs natively: long descriptions cost little. A quote preceded by an odd
  // number of backslashes is escaped.
  let j = start;
  for (;;) {
    j = text.indexOf('"', j + 1);
    if (j < 0) return text.length;
    let k = j - 1;
    while (text.charCodeAt(k) === 92) k--;
    if ((j - 1 - k) % 2 === 0) return j;
  }
}

/** End of a number, true, false or null: the next space, comma or closing bracket. */
function literalEnd(text: string, start: number): number {
  let i = start;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 44 || c === 125 || c === 93) break;
  }
  return i;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Where each object or array down to INDEX_DEPTH + 1 levels ends (start offset → offset
 * past its closing bracket), in one pass over the text, so that reading the members of a
 * container can jump over its children.
 */
function containerEnds(text: string): Map<number, number> {
  const ends = new Map<number, number>();
  const open: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) i = stringEnd(text, i);
    else if (c === 123 || c === 91) open.push(i);
    else if (c === 125 || c === 93) {
      const start = open.pop();
      if (start !== undefined && open.length <= INDEX_DEPTH) ends.set(start, i + 1);
    }
  }
  return ends;
}

const skipSpace = (text: string, start: number): number => {
  let i = start;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
};

/** Members of the object or array at `start`: token → [place, value offset]. */
function members(
  text: string,
  start: number,
  ends: ReadonlyMap<number, number>,
): Map<string, readonly [number, number]> {
  const valueEnd = (at: number): number => {
    const c = text.charCodeAt(at);
    if (c === 34) return stringEnd(text, at) + 1;
    if (c === 123 || c === 91) return ends.get(at) ?? text.length;
    return literalEnd(text, at);
  };
  const out = new Map<string, readonly [number, number]>();
  const array = text.charCodeAt(start) === 91;
  if (!array && text.charCodeAt(start) !== 123) return out;
  let i = skipSpace(text, start + 1);
  for (let n = 0; i < text.length; n++) {
    const c = text.charCodeAt(i);
    if (c === 125 || c === 93) break;
    if (array) {
      // Array items are placed at their value.
      out.set(String(n), [i, i]);
      i = valueEnd(i);
    } else {
      // Object members are placed at their key.
      const keyEnd = stringEnd(text, i);
      let key = text.slice(i + 1, keyEnd);
      if (key.includes('\\'))
        try {
          key = JSON.parse(text.slice(i, keyEnd + 1)) as string;
        } catch {
          // Keep the raw text: the document already parsed, so this cannot really happen.
        }
      let v = skipSpace(text, keyEnd + 1);
      if (text.charCodeAt(v) === 58) v = skipSpace(text, v + 1);
      // A repeated key: the last one is the one JSON.parse kept.
      out.set(key, [i, v]);
      i = valueEnd(v);
    }
    i = skipSpace(text, i);
    if (text.charCodeAt(i) === 44) i = skipSpace(text, i + 1);
  }
  return out;
}

/**
 * Pointer → offset in JSON text, down to INDEX_DEPTH tokens (deeper pointers get their
 * ancestor's place). Only the objects and arrays a pointer passes through are read, each
 * once, so locating a few thousand threats reads the text about once.
 */
export function jsonLocator(text: string): (pointer: string) => number | null {
  const containers = new Map<number, Map<string, readonly [number, number]>>();
  const root = skipSpace(text, 0);
  let ends: Map<number, number> | null = null;
  return (pointer) => {
    const tokens = parsePointer(pointer);
    if (tokens === null) return null;
    let place = 0;
    let at = root;
    for (const token of tokens.slice(0, INDEX_DEPTH)) {
      let list = containers.get(at);
      if (!list) {
        ends ??= containerEnds(text);
        list = members(text, at, ends);
        containers.set(at, list);
      }
      const found = list.get(token);
      if (!found) break;
      [place, at] = found;
    }
    return place;
  };
}
