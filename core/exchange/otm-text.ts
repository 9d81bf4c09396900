import { LineCounter, isNode, parseDocument } from 'yaml';
import { failure, jsonLocator, parseJson } from './draft';
import type { ImportResult, Place } from './types';

// Open Threat Model text: recognising it, and reading it as JSON or YAML with a locator
// for its places. YAML whose quoted texts continue on lines indented too little (as in
// the specification's own example) is re-indented the way other OTM tools read it.

/** The attribute object Bulwark writes into OTM to keep what OTM has no field for. */
export const OTM_ATTRIBUTE = 'bulwark';
/** The trust zone Bulwark adds for elements outside every boundary (OTM needs a parent). */
export const OUTSIDE_ZONE = 'bulwark-outside';

export type Parsed = { json: unknown; locate: (p: string) => Place; repairedAt?: number | null };

export function parseOtmText(
  text: string,
  file: string,
): { ok: true; value: Parsed } | { ok: false; result: ImportResult } {
  if (/^\s*[{[]/.test(text)) {
    const r = parseJson(text, file);
    if (!r.ok) return r;
    return { ok: true, value: { json: r.json, locate: jsonLocator(text) } };
  }
  let lineCounter = new LineCounter();
  let doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  let repairedAt: number | null = null;
  if (doc.errors.some((e) => e.code === 'MISSING_CHAR')) {
    // Real OTM files (the specification's own example) hold quoted texts whose later
    // lines are indented less than YAML allows; other OTM tools read them anyway.
    const repaired = reindentQuotedScalars(text);
    if (repaired.firstLine !== null) {
      const counter = new LineCounter();
      const again = parseDocument(repaired.text, {
        lineCounter: counter,
        prettyErrors: false,
        uniqueKeys: false,
      });
      if (again.errors.length === 0) {
        doc = again;
        lineCounter = counter;
        repairedAt = repaired.firstLine;
      }
    }
  }
  const err = doc.errors[0];
  if (err) {
    const pos = lineCounter.linePos(err.pos[0]);
    return {
      ok: false,
      result: failure(file, `not valid YAML: ${err.message.split('\n')[0] ?? err.code}`, {
        line: pos.line,
        column: pos.col,
      }),
    };
  }
  let json: unknown;
  try {
    json = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return {
      ok: false,
      result: failure(file, `not valid YAML: ${e instanceof Error ? e.message : String(e)}`),
    };
  }
  const locate = (p: string): Place => {
    const segments =
      p === ''
        ? []
        : p
            .slice(1)
            .split('/')
            .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    for (let n = segments.length; n >= 0; n--) {
      const node: unknown = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { pointer: p, line: pos.line, column: pos.col };
      }
    }
    return { pointer: p, line: null, column: null };
  };
  return { ok: true, value: { json, locate, repairedAt } };
}

/**
 * Indents the continuation lines of multi-line quoted scalars that sit at or left of
 * their key, the way lenient YAML readers take them. Adds spaces only, so lines keep
 * their numbers. `firstLine` is the first line changed (1-based), null when none was.
 */
export function reindentQuotedScalars(text: string): { text: string; firstLine: number | null } {
  const lines = text.split('\n');
  let firstLine: number | null = null;
  let open: { quote: string; minIndent: number } | null = null;
  let keyIndent = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const indent = line.length - line.trimStart().length;
    if (open) {
      if (line.trim() !== '' && indent < open.minIndent) {
        lines[i] = ' '.repeat(open.minIndent - indent) + line;
        firstLine ??= i + 1;
      }
      if (closes(line, open.quote)) open = null;
      continue;
    }
    const m = /^(\s*)(?:-\s+)?(?:[^'"#:]+:\s*)?(['"])(.*)$/.exec(line);
    if (/^\s*(?:-\s+)?[^'"#:]+:\s*$/.test(line)) keyIndent = indent;
    if (m && !closes(m[3] ?? '', m[2] ?? "'")) {
      const ownsKey = /:\s*['"]/.test(line);
      open = { quote: m[2] ?? "'", minIndent: (ownsKey ? indent : keyIndent) + 1 };
    }
  }
  return { text: lines.join('\n'), firstLine };
}

/** Whether a line holds the closing quote (doubled single quotes and \\" are escapes). */
function closes(rest: string, quote: string): boolean {
  const body = quote === "'" ? rest.replace(/''/g, '') : rest.replace(/\\./g, '');
  return body.includes(quote);
}
