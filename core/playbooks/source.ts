import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Node } from 'yaml';
import type { JsonPath } from './model';
import type { PlaybookError } from './types';
import { formatPath } from './model';

// Parses YAML (and JSON, which is YAML) while keeping positions, so that every message
// names the line and column of the value at fault, not just its path.

/** Larger files are refused unread: a playbook is a few kilobytes. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
/**
 * Anchors and aliases are allowed (authors reuse escalations), but an alias bomb ("billion
 * laughs") expands exponentially: resolving stops at this many alias expansions.
 */
export const MAX_ALIAS_COUNT = 100;

/** The value of a parsed file and a way to find the line of any path in it. */
export type Source = {
  readonly value: unknown;
  readonly locate: (path: JsonPath) => { line: number; column: number };
  readonly error: (path: JsonPath, message: string) => PlaybookError;
};

/** A parsed file, or its syntax errors. */
export type SourceParse =
  | { readonly ok: true; readonly source: Source }
  | { readonly ok: false; readonly errors: readonly PlaybookError[] };

/** Parses YAML or JSON text; syntax errors come back with their line and column. */
export function parseSource(text: string, file: string): SourceParse {
  if (text.length > MAX_SOURCE_BYTES)
    return {
      ok: false,
      errors: [
        {
          file,
          line: 1,
          column: 1,
          path: '',
          message: `The file is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB.`,
        },
      ],
    };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0)
    return {
      ok: false,
      errors: problems.map((e) => ({
        file,
        ...at(e.pos[0]),
        path: '',
        message: `${e.message.split('\n')[0] ?? 'Invalid YAML'} (${e.code}).`,
      })),
    };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return {
      ok: false,
      errors: [
        {
          file,
          ...at(firstAliasOffset(doc)),
          path: '',
          message: `Refused: ${e instanceof Error ? e.message : String(e)} (aliases expand to too many nodes; at most ${MAX_ALIAS_COUNT} alias expansions are allowed).`,
        },
      ],
    };
  }
  if (value === null || value === undefined)
    return {
      ok: false,
      errors: [{ file, line: 1, column: 1, path: '', message: 'The file is empty.' }],
    };
  const locate = (path: JsonPath) => at(offsetOf(doc, path));
  return {
    ok: true,
    source: {
      value,
      locate,
      error: (path, message) => ({ file, ...locate(path), path: formatPath(path), message }),
    },
  };
}

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** Start offset of the deepest node along `path` (the closest existing parent if missing). */
function offsetOf(doc: Document, path: JsonPath): number {
  let node: unknown = doc.contents;
  let offset = isNode(node) ? (node.range?.[0] ?? 0) : 0;
  for (const key of path) {
    let next: unknown;
    let keyNode: Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) === key,
      );
      if (pair) {
        keyNode = isNode(pair.key) ? pair.key : undefined;
        next = pair.value;
      }
    } else if (isSeq(node) && typeof key === 'number') {
      next = node.items[key];
    }
    if (next === undefined && keyNode === undefined) break;
    const at = (isNode(next) ? next.range?.[0] : undefined) ?? keyNode?.range?.[0];
    if (at !== undefined) offset = at;
    node = next;
  }
  return offset;
}
