import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { EscapedOrigin } from '../shared/escaped-json';
import { lineColumnAt, locateJsonError } from '../shared/json-errors';
import { INDEX_DEPTH, jsonLocator, stringEnd } from './json-locator';
import { appendPointer } from './pointer';

// From text to a plain JSON tree plus a way back from a JSON pointer to a line and column.
// Every adversarial input ends here as an OpenApiError: binary files, malformed JSON or
// YAML, alias bombs, absurd nesting. Nothing here recurses deeper than MAX_DEPTH.

/** A problem with the description, placed as precisely as it can be. */
export type OpenApiError = {
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly pointer: string;
  readonly message: string;
};

/** 1-based line and column. */
export type Place = { readonly line: number; readonly column: number };

export type Source = {
  readonly ok: true;
  readonly format: 'json' | 'yaml';
  readonly root: unknown;
  /**
   * Every distinct `$ref` string outside examples, gathered by the depth check of a JSON
   * tree so that the `$ref` scan need not walk the tree again (absent for YAML).
   */
  readonly refs?: ReadonlySet<string>;
  /** Where the value at a JSON pointer starts (or its nearest located ancestor). */
  readonly locate: (pointer: string) => Place | null;
};

export type SourceResult = Source | { readonly ok: false; readonly error: OpenApiError };

/** Deeper than any real description; deeper input is refused rather than walked. */
export const MAX_DEPTH = 256;
/** YAML aliases expanded at most this many times (alias bombs expand exponentially). */
export const MAX_ALIASES = 100;

const fail = (
  file: string,
  message: string,
  place: Place | null = null,
  pointer = '',
): SourceResult => ({
  ok: false,
  error: { file, line: place?.line ?? null, column: place?.column ?? null, pointer, message },
});

/** Whether the text looks binary: NUL characters or bytes that were not valid UTF-8. */
function binaryAt(text: string): number {
  const nul = text.indexOf('\u0000');
  const bad = text.indexOf('\uFFFD');
  if (nul < 0) return bad;
  return bad < 0 ? nul : Math.min(nul, bad);
}

/** Deepest bracket nesting in JSON text, outside strings; stops at the first excess. */
function jsonDepthExcess(text: string, limit: number): number {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) i = stringEnd(text, i);
    else if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

/**
 * Line and column of offsets, from a table of line starts built once. With
 * `originalOffset` (text that is an ASCII-escaped copy), columns count characters of the
 * original; lines are the same in both, the copy adding no line break.
 */
function lineLocator(
  text: string,
  originalOffset?: (offset: number) => number,
): (offset: number) => Place {
  let starts: number[] | null = null;
  return (offset) => {
    if (starts === null) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    // The last line start at or before the offset.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const start = starts[lo] ?? 0;
    const column =
      originalOffset === undefined
        ? offset - start + 1
        : originalOffset(offset) - originalOffset(start) + 1;
    return { line: lo + 1, column };
  };
}

/**
 * The pointer of the first object or array deeper than `limit` below the root (the root
 * is level 0), or null. Iterative, so any depth is safe, and each node visited once (YAML
 * aliases can put one node in several places). The pointer is spelled out only for an
 * excess.
 */
function treeDepthExcess(root: unknown, limit: number): string | null {
  const nodes: unknown[] = [root];
  const depths: number[] = [0];
  const at: number[] = [0];
  // Every node pushed: its parent's index and its key there.
  const parents: number[] = [-1];
  const keys: string[] = [''];
  const seen = new Set<object>();
  for (let value = nodes.pop(); value !== undefined; value = nodes.pop()) {
    const depth = depths.pop() ?? 0;
    const index = at.pop() ?? 0;
    if (typeof value !== 'object' || value === null) continue;
    if (seen.has(value)) continue;
    seen.add(value);
    if (depth > limit) {
      const tokens: string[] = [];
      for (let i = index; i > 0; i = parents[i] ?? 0) tokens.push(keys[i] ?? '');
      return tokens.reduceRight((pointer, k) => appendPointer(pointer, k), '');
    }
    for (const k in value) {
      const v = (value as Record<string, unknown>)[k];
      if (typeof v !== 'object' || v === null) continue;
      nodes.push(v);
      depths.push(depth + 1);
      at.push(parents.length);
      parents.push(index);
      keys.push(k);
    }
  }
  return null;
}

/** Whether no object or array lies deeper than `limit`, below a node at `depth`. */
function withinDepth(node: object, depth: number, limit: number): boolean {
  if (depth > limit) return false;
  if (Array.isArray(node)) {
    // eslint-disable-next-line @typescript-eslint/prefer-for-of -- no iterator per array
    for (let i = 0; i < node.length; i++) {
      const v: unknown = node[i];
      if (typeof v === 'object' && v !== null && !withinDepth(v, depth + 1, limit)) return false;
    }
    return true;
  }
  const record = node as Record<string, unknown>;
  for (const k in record) {
    const v = record[k];
    if (typeof v === 'object' && v !== null && !withinDepth(v, depth + 1, limit)) return false;
  }
  return true;
}

/**
 * withinDepth, also gathering into `refs` the `$ref` strings of objects outside `example`
 * and `examples` values (whose subtrees are only measured).
 */
function withinDepthRefs(node: object, depth: number, limit: number, refs: Set<string>): boolean {
  if (depth > limit) return false;
  if (Array.isArray(node)) {
    // eslint-disable-next-line @typescript-eslint/prefer-for-of -- no iterator per array
    for (let i = 0; i < node.length; i++) {
      const v: unknown = node[i];
      if (typeof v === 'object' && v !== null && !withinDepthRefs(v, depth + 1, limit, refs))
        return false;
    }
    return true;
  }
  const record = node as Record<string, unknown>;
  for (const k in record) {
    const v = record[k];
    if (typeof v === 'object') {
      if (
        v !== null &&
        !(k === 'example' || k === 'examples'
          ? withinDepth(v, depth + 1, limit)
          : withinDepthRefs(v, depth + 1, limit, refs))
      )
        return false;
    } else if (k === '$ref' && typeof v === 'string') refs.add(v);
  }
  return true;
}

/**
 * The two up-front checks of a tree from JSON.parse in one walk: null when an object or
 * array lies deeper than `limit` below the root (level 0), else every distinct `$ref`
 * string of an object outside `example` and `examples` values (what `scanRefs` checks).
 * It recurses, at most `limit` + 2 calls deep; JSON.parse never shares nodes, so there is
 * nothing to remember, and no pointer or stack entry is built per node.
 */
function jsonTreeRefs(root: unknown, limit: number): Set<string> | null {
  const refs = new Set<string>();
  return typeof root !== 'object' || root === null || withinDepthRefs(root, 0, limit, refs)
    ? refs
    : null;
}

function nearest(index: ReadonlyMap<string, number>, pointer: string): number | null {
  let p = pointer;
  for (;;) {
    const at = index.get(p);
    if (at !== undefined) return at;
    if (p === '') return null;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

/**
 * Where to point at when a YAML document cannot be turned into a tree: the first alias
 * (for an alias bomb) and the first node nested deeper than MAX_DEPTH, found iteratively.
 */
function yamlTrouble(contents: YamlNode | null): { alias: number | null; deep: number | null } {
  let alias: number | null = null;
  let deep: number | null = null;
  if (!contents) return { alias, deep };
  const stack: [YamlNode, number][] = [[contents, 0]];
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top) break;
    const [node, depth] = top;
    const at = node.range?.[0] ?? null;
    if (isAlias(node) && at !== null && (alias === null || at < alias)) alias = at;
    if (depth > MAX_DEPTH && at !== null && (deep === null || at < deep)) deep = at;
    if (depth > MAX_DEPTH) continue;
    const children: unknown[] = isMap(node)
      ? node.items.flatMap((p) => [p.key, p.value])
      : isSeq(node)
        ? node.items
        : [];
    for (const c of children)
      if (isMap(c) || isSeq(c) || isScalar(c) || isAlias(c)) stack.push([c, depth + 1]);
  }
  return { alias, deep };
}

/** Indexes pointer → offset over a YAML document's nodes, iteratively. */
function indexYaml(contents: YamlNode | null): Map<string, number> {
  const index = new Map<string, number>();
  if (!contents) return index;
  const stack: [YamlNode, string, number][] = [[contents, '', 0]];
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top) break;
    const [node, pointer, depth] = top;
    if (node.range && !index.has(pointer)) index.set(pointer, node.range[0]);
    if (depth >= INDEX_DEPTH) continue;
    if (isMap(node))
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : null;
        if (key === null) continue;
        const child = appendPointer(pointer, key);
        if (isScalar(pair.key) && pair.key.range) index.set(child, pair.key.range[0]);
        if (pair.value && (isMap(pair.value) || isSeq(pair.value) || isScalar(pair.value)))
          stack.push([pair.value, child, depth + 1]);
      }
    else if (isSeq(node))
      node.items.forEach((item, i) => {
        if (isMap(item) || isSeq(item) || isScalar(item))
          stack.push([item, appendPointer(pointer, String(i)), depth + 1]);
      });
  }
  return index;
}

const looksJson = (text: string) => /^\s*[[{]/.test(text);

/** A tree parsed from JSON text, located in that text (`originalOffset` as for lineLocator). */
function jsonSource(
  text: string,
  root: unknown,
  refs: ReadonlySet<string> | null,
  originalOffset?: (offset: number) => number,
): Source {
  let offsetOf: ((pointer: string) => number | null) | null = null;
  const lineColumn = lineLocator(text, originalOffset);
  const places = new Map<string, Place | null>();
  return {
    ok: true,
    format: 'json',
    root,
    ...(refs === null ? {} : { refs }),
    locate: (pointer) => {
      let place = places.get(pointer);
      if (place === undefined) {
        offsetOf ??= jsonLocator(text);
        const at = offsetOf(pointer);
        place = at === null ? null : lineColumn(at);
        places.set(pointer, place);
      }
      return place;
    },
  };
}

/**
 * readSource of an ASCII-escaped copy of JSON text that parses and nests no deeper than
 * MAX_DEPTH, else null. The copy is located as itself (the JSON pointer locator decodes
 * escaped keys), the offsets it finds mapped to the original's columns.
 */
function escapedSource(text: string, parsedJson: unknown, origin: EscapedOrigin): Source | null {
  if (!looksJson(text)) return null;
  let root = parsedJson;
  if (root === undefined)
    try {
      root = JSON.parse(text);
    } catch {
      return null;
    }
  // The copy is all ASCII and its original holds no U+FFFD (EscapedOrigin), so the binary
  // check has nothing to find; the text is not blank, as it opens with a bracket.
  const refs = jsonTreeRefs(root, MAX_DEPTH - 1);
  return refs === null ? null : jsonSource(text, root, refs, origin.originalOffset);
}

/**
 * Reads JSON or YAML text into a tree, refusing hostile inputs with a placed error.
 * `parsedJson` is the text already parsed as JSON by the caller (saves a second parse of
 * a large file); it must come from `JSON.parse(text)`. `origin`: the text as decoded from
 * the file when `text` is an ASCII-escaped copy of it; places are those in the original,
 * and anything but a successful read is done again on the original, so that every message
 * and place is the one it gives.
 */
export function readSource(
  text: string,
  file: string,
  parsedJson?: unknown,
  origin?: EscapedOrigin,
): SourceResult {
  if (origin !== undefined)
    return escapedSource(text, parsedJson, origin) ?? readSource(origin.original(), file);
  const json = looksJson(text);
  let root: unknown = parsedJson;
  let parseError: unknown = null;
  if (json && root === undefined)
    try {
      root = JSON.parse(text);
    } catch (e) {
      parseError = e;
    }
  // Text that parsed as JSON holds no raw NUL (JSON.parse refuses control characters):
  // only the replacement character of undecodable bytes is left to look for.
  const bin = json && parseError === null ? text.indexOf('\uFFFD') : binaryAt(text);
  if (bin >= 0)
    return fail(
      file,
      'this is a binary file or not UTF-8 text (NUL or invalid bytes); expected a JSON or YAML OpenAPI description',
      lineColumnAt(text, bin),
    );
  if (text.trim() === '') return fail(file, 'the file is empty');
  if (json) {
    // A parsed tree is measured as a tree (JSON.parse itself does not recurse); the text is
    // scanned for the exact place only when the tree is too deep or did not parse.
    // JSON counts the root as level 1, as the text scan does.
    const refs = parseError === null ? jsonTreeRefs(root, MAX_DEPTH - 1) : null;
    const deep = refs !== null ? -1 : jsonDepthExcess(text, MAX_DEPTH);
    if (deep >= 0)
      return fail(
        file,
        `nesting deeper than ${MAX_DEPTH} levels; refused`,
        lineColumnAt(text, deep),
      );
    if (parseError !== null) {
      const where = locateJsonError(text, parseError);
      const m = /^line (\d+), column (\d+): (.*)$/.exec(where);
      return m
        ? fail(file, `invalid JSON: ${m[3] ?? ''}`, { line: Number(m[1]), column: Number(m[2]) })
        : fail(file, `invalid JSON: ${where}`);
    }
    return jsonSource(text, root, refs);
  }
  const lineCounter = new LineCounter();
  let index: Map<string, number> | null = null;
  let contents: YamlNode | null = null;
  try {
    const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false });
    const first = doc.errors[0];
    if (first) {
      const pos = first.linePos?.[0];
      if (/call stack/i.test(first.message))
        return fail(
          file,
          'the YAML nests too deeply to read; refused',
          pos ? { line: pos.line, column: pos.col } : null,
        );
      return fail(
        file,
        `invalid YAML: ${first.message.split('\n')[0] ?? first.code}`,
        pos ? { line: pos.line, column: pos.col } : null,
      );
    }
    contents = doc.contents;
    root = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const trouble = yamlTrouble(contents);
    const placeOf = (at: number | null): Place | null => {
      if (at === null) return null;
      const pos = lineCounter.linePos(at);
      return { line: pos.line, column: pos.col };
    };
    if (e instanceof RangeError)
      return fail(file, 'the YAML nests too deeply to read; refused', placeOf(trouble.deep));
    const message = e instanceof Error ? e.message : String(e);
    return /alias/i.test(message)
      ? fail(
          file,
          `YAML aliases expand too much (more than ${MAX_ALIASES}); refused as a possible alias bomb`,
          placeOf(trouble.alias),
        )
      : fail(file, `invalid YAML: ${message}`);
  }
  const deep = treeDepthExcess(root, MAX_DEPTH);
  const locate = (pointer: string): Place | null => {
    index ??= indexYaml(contents);
    const at = nearest(index, pointer);
    if (at === null) return null;
    const pos = lineCounter.linePos(at);
    return { line: pos.line, column: pos.col };
  };
  if (deep !== null)
    return fail(file, `nesting deeper than ${MAX_DEPTH} levels; refused`, locate(deep), deep);
  return { ok: true, format: 'yaml', root, locate };
}
