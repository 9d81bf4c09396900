// Large JSON documents written in parts. `JSON.stringify(value, null, 2)` of an analysis
// with thousands of threats builds one string of several megabytes (two bytes per
// character as soon as one character is beyond Latin-1), after every item has been made
// into a JSON object kept alive until the end. Written in parts, each slice of items is
// made, stringified and dropped in turn.

/** Indentation as JSON.stringify(…, null, 2) writes it at `level`. */
const indent = (level: number) => ' '.repeat(2 * level);

/** `inner` nested as `path` nests it: keys make objects, indexes one-item arrays. */
function nest(path: readonly (string | number)[], inner: unknown): unknown {
  let value = inner;
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    value = typeof key === 'number' ? [value] : { [key ?? '']: value };
  }
  return value;
}

/**
 * `JSON.stringify(value, null, 2)` as it reads nested `level` levels deep in a larger
 * `JSON.stringify(…, null, 2)` text: every line after the first indented by `level` more
 * steps. JSON strings hold no raw line break, so every line break is structure.
 */
export function jsonAt(value: unknown, level: number): string {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  if (text === undefined) throw new Error('jsonAt: the value has no JSON text');
  return level === 0 ? text : text.replaceAll('\n', `\n${indent(level)}`);
}

// What JSON.stringify escapes in a string: the quote, the backslash, control characters
// and lone surrogates (a pair is written as it is, so any surrogate sends it the slow way).
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `JSON.stringify(text)`, without the call for the common string that needs no escape. */
export const jsonString = (text: string): string =>
  ESCAPED.test(text) ? JSON.stringify(text) : `"${text}"`;

/** The fixed text around the items of an array at `path` in `shell`'s JSON. */
function frameOf(shell: unknown, path: readonly [...(string | number)[], string]) {
  const head = JSON.stringify(shell, null, 2);
  const key = path[path.length - 1];
  // The empty array, on its own line at its key's depth. JSON strings hold no raw line
  // break, so this text can only be structure.
  const marker = `\n${indent(path.length)}${JSON.stringify(key)}: []`;
  const at = head.indexOf(marker);
  if (at < 0 || head.includes(marker, at + 1))
    throw new Error(`stringifyInParts: the shell must hold one empty array at ${path.join('/')}`);
  return {
    head,
    /** Everything up to the first item's line. */
    start: `${head.slice(0, at)}\n${indent(path.length)}${JSON.stringify(key)}: [\n`,
    /** From the line break after the last item to the end. */
    end: `\n${indent(path.length)}]${head.slice(at + marker.length)}`,
  };
}

/**
 * The parts of a shell's JSON with `count` items in its array at `path`: the text before
 * the first item, then `slice(start, end)` for each run of `perPart` items (their text as in
 * the whole, from the first one's indentation to the end of the last), then the rest.
 */
function* inParts(
  shell: unknown,
  path: readonly [...(string | number)[], string],
  count: number,
  perPart: number,
  slice: (start: number, end: number) => string,
): Generator<string> {
  const frame = frameOf(shell, path);
  if (count === 0) {
    yield frame.head;
    return;
  }
  yield frame.start;
  const size = Math.max(1, Math.floor(perPart));
  for (let start = 0; start < count; start += size) {
    const text = slice(start, Math.min(count, start + size));
    yield start === 0 ? text : `,\n${text}`;
  }
  yield frame.end;
}

/**
 * The text of `JSON.stringify(shell with items.map(toJson) at path, null, 2)`, in parts that
 * joined are exactly that text. `shell` holds an empty array at `path` (whose last step is a
 * key), where the items go; no other array under that key may sit at the same depth (in
 * another item of an array on the path). Items are stringified `perPart` at a time inside a
 * wrapper that nests them as deep as `path` does, so they are indented as in the whole, and
 * cut out of it.
 */
export function stringifyInParts<T>(
  shell: unknown,
  path: readonly [...(string | number)[], string],
  items: readonly T[],
  toJson: (item: T) => unknown,
  perPart = 64,
): Generator<string> {
  // The wrapper's text around its items: what precedes the first item's line, and what
  // follows the last item.
  const empty = frameOf(nest(path, []), path);
  const before = empty.start.length;
  const after = empty.end.length;
  return inParts(shell, path, items.length, perPart, (start, end) => {
    const text = JSON.stringify(nest(path, items.slice(start, end).map(toJson)), null, 2);
    return text.slice(before, text.length - after);
  });
}

/**
 * The same text as stringifyInParts, with each item's text made by `itemText`, which must
 * return `jsonAt(item's JSON value, path.length + 1)` exactly (the caller's own, faster
 * serialiser of one kind of item, checked against JSON.stringify by its tests).
 */
export function writeInParts<T>(
  shell: unknown,
  path: readonly [...(string | number)[], string],
  items: readonly T[],
  itemText: (item: T) => string,
  perPart = 64,
): Generator<string> {
  const lead = indent(path.length + 1);
  return inParts(shell, path, items.length, perPart, (start, end) => {
    // Joined in one go: one flat string, copied once, rather than a tree of joined pieces.
    const texts: string[] = [];
    for (let i = start; i < end; i++) texts.push(itemText(items[i] as T));
    return `${lead}${texts.join(`,\n${lead}`)}`;
  });
}
