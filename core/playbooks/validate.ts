import { stringify } from 'yaml';
import { checkGraph } from './graph';
import type { Issue, JsonPath } from './model';
import { playbookSchema } from './schema';
import { parseSource, type Source } from './source';
import type { Playbook, PlaybookError, PlaybookValidation } from './types';

/**
 * Validates a playbook file (YAML or JSON text): syntax, shape and graph. Every error
 * names the file, the line and column, and the JSON path of the value at fault.
 */
export function validatePlaybook(text: string, fileName: string): PlaybookValidation {
  const parsed = parseSource(text, fileName);
  if (!parsed.ok) return parsed;
  return checkPlaybookSource(parsed.source);
}

/** Validates an already parsed value whose positions `source` knows. */
export function checkPlaybookSource(source: Source): PlaybookValidation {
  const issues = checkPlaybookValue(source.value);
  if (!issues.ok) {
    const errors = issues.issues.map((i) => source.error(i.path, i.message));
    return { ok: false, errors: sortErrors(errors) };
  }
  return { ok: true, playbook: issues.playbook };
}

/** Shape and graph checks of a plain value, with paths but no positions. */
export function checkPlaybookValue(
  value: unknown,
): { ok: true; playbook: Playbook } | { ok: false; issues: Issue[] } {
  const result = playbookSchema.safeParse(value);
  if (!result.success) {
    const issues: Issue[] = [];
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p) => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys')
        for (const key of issue.keys)
          issues.push({ path: [...path, key], message: `Unknown key "${key}" (misspelt?).` });
      else if (issue.code === 'invalid_type' && !hasPath(value, path))
        issues.push({ path, message: `"${String(path.at(-1) ?? '')}" is required.` });
      else issues.push({ path, message: issue.message });
    }
    return { ok: false, issues };
  }
  const playbook = result.data as Playbook;
  const graph = checkGraph(playbook);
  return graph.length > 0 ? { ok: false, issues: graph } : { ok: true, playbook };
}

/** True when `path` exists in `value` (a missing key is reported as "required"). */
function hasPath(value: unknown, path: JsonPath): boolean {
  let node = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !(key in node)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

function sortErrors(errors: PlaybookError[]): PlaybookError[] {
  return errors.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Formats an error as `file:line:column path message`, one line, as the CLI prints it. */
export function formatError(e: PlaybookError): string {
  return `${e.file}:${e.line}:${e.column} ${e.path || '(file)'} ${e.message}`;
}

/** Writes a playbook as YAML in the shape the validator reads back. */
export function playbookToYaml(playbook: Playbook): string {
  return stringify(playbook, { lineWidth: 100, minContentWidth: 40 });
}
