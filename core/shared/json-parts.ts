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
 * The text of `JSON.stringify(shell with items.map(toJson) at path, null, 2)`, in parts that
 * joined are exactly that text. `shell` holds an empty array at `path` (whose last step is a
 * key), where the items go; no other array under that key may sit at the same depth (in
 * another item of an array on the path). Items are stringified `perPart` at a time inside a
 * wrapper that nests them as deep as `path` does, so they are indented as in the whole, and
 * cut out of it.
 */
export function* stringifyInParts<T>(
  shell: unknown,
  path: readonly [...(string | number)[], string],
  items: readonly T[],
  toJson: (item: T) => unknown,
  perPart = 64,
): Generator<string> {
  const head = JSON.stringify(shell, null, 2);
  if (items.length === 0) {
    yield head;
    return;
  }
  const key = path[path.length - 1];
  // The empty array, on its own line at its key's depth. JSON strings hold no raw line
  // break, so this text can only be structure.
  const marker = `\n${indent(path.length)}${JSON.stringify(key)}: []`;
  const at = head.indexOf(marker);
  if (at < 0 || head.includes(marker, at + 1))
    throw new Error(`stringifyInParts: the shell must hold one empty array at ${path.join('/')}`);
  const open = `\n${indent(path.length)}${JSON.stringify(key)}: [\n`;
  const close = `\n${indent(path.length)}]`;
  yield head.slice(0, at) + open;
  // The wrapper's text around its items: what precedes the opening bracket's line break,
  // and what follows the closing bracket's line.
  const empty = JSON.stringify(nest(path, []), null, 2);
  const wrapperAt = empty.indexOf(marker);
  const before = wrapperAt + open.length;
  const after = empty.length - wrapperAt - marker.length + close.length;
  const size = Math.max(1, Math.floor(perPart));
  for (let start = 0; start < items.length; start += size) {
    const text = JSON.stringify(nest(path, items.slice(start, start + size).map(toJson)), null, 2);
    const slice = text.slice(before, text.length - after);
    yield start === 0 ? slice : `,\n${slice}`;
  }
  yield close + head.slice(at + marker.length);
}
