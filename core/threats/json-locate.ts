import { lineColumnAt } from '../shared/json-errors';

// Finds where a value sits in JSON text, so that a schema problem at
// `model.elements[3].source` can also be reported as "line 40, column 17" and SARIF
// results can point at the element in the model file. The text has already been parsed
// successfully, so the scanner only needs to be right on valid JSON; it never recurses
// (values off the path are skipped by counting brackets), so deep input cannot overflow it.

/** Where a value starts: 1-based line and column, and the character offset. */
export type TextPlace = { readonly line: number; readonly column: number; readonly offset: number };

function skipWs(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text.charAt(pos))) pos++;
  return pos;
}

function stringEnd(text: string, pos: number): number {
  // pos is at the opening quote.
  let i = pos + 1;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return text.length;
}

function valueEnd(text: string, pos: number): number {
  const first = text.charAt(pos);
  if (first === '"') return stringEnd(text, pos);
  if (first !== '{' && first !== '[') {
    let i = pos;
    while (i < text.length && !/[\s,}\]]/.test(text.charAt(i))) i++;
    return i;
  }
  let depth = 0;
  let i = pos;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '"') {
      i = stringEnd(text, i);
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return text.length;
}

/** Start of the value at `path` (keys and array indices) in valid JSON text, or null. */
export function locateJsonPath(text: string, path: readonly (string | number)[]): TextPlace | null {
  let pos = skipWs(text, 0);
  for (const segment of path) {
    const open = text.charAt(pos);
    if (open === '{' && typeof segment === 'string') {
      pos = skipWs(text, pos + 1);
      let found = false;
      while (pos < text.length && text.charAt(pos) !== '}') {
        const keyEnd = stringEnd(text, pos);
        let key: unknown;
        try {
          key = JSON.parse(text.slice(pos, keyEnd));
        } catch {
          return null;
        }
        pos = skipWs(text, keyEnd);
        if (text.charAt(pos) !== ':') return null;
        pos = skipWs(text, pos + 1);
        if (key === segment) {
          found = true;
          break;
        }
        pos = skipWs(text, valueEnd(text, pos));
        if (text.charAt(pos) === ',') pos = skipWs(text, pos + 1);
      }
      if (!found) return null;
    } else if (open === '[' && typeof segment === 'number') {
      pos = skipWs(text, pos + 1);
      for (let index = 0; index < segment; index++) {
        if (text.charAt(pos) === ']' || pos >= text.length) return null;
        pos = skipWs(text, valueEnd(text, pos));
        if (text.charAt(pos) !== ',') return null;
        pos = skipWs(text, pos + 1);
      }
      if (text.charAt(pos) === ']') return null;
    } else {
      return null;
    }
  }
  return { ...lineColumnAt(text, pos), offset: pos };
}
