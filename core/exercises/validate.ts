import { builtinPlaybooks } from '../playbooks/builtin';
import { parseDuration } from '../playbooks/duration';
import type { Issue, JsonPath } from '../playbooks/model';
import { parseSource } from '../playbooks/source';
import type { Playbook, PlaybookError } from '../playbooks/types';
import { scenarioSchema } from './schema';
import type { Inject, Scenario, ScenarioValidation } from './types';

// Validates a scenario file the way playbooks are validated (core/playbooks/validate.ts):
// syntax with positions, shape with zod, then references: the playbook exists and its
// roles are the ones named, participants and objectives exist, injects are in time order
// and branches only look back at an earlier inject's question and one of its answers.

/** The playbooks a scenario may name; the built-in ones unless a caller passes others. */
export type PlaybookCatalogue = readonly Pick<Playbook, 'id' | 'roles'>[];

/** Validates scenario text (YAML or JSON); every error names file, line, column and path. */
export function validateScenario(
  text: string,
  fileName: string,
  playbooks: PlaybookCatalogue = builtinPlaybooks(),
): ScenarioValidation {
  const parsed = parseSource(text, fileName);
  if (!parsed.ok) return parsed;
  const { source } = parsed;
  const result = checkScenarioValue(source.value, playbooks);
  if (result.ok) return result;
  const errors = result.issues.map((i) => source.error(i.path, i.message));
  return { ok: false, errors: sortErrors(errors) };
}

/** Shape and reference checks of a plain value, with paths but no positions. */
export function checkScenarioValue(
  value: unknown,
  playbooks: PlaybookCatalogue,
): { ok: true; scenario: Scenario } | { ok: false; issues: Issue[] } {
  const result = scenarioSchema.safeParse(value);
  if (!result.success) {
    const issues: Issue[] = [];
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p) => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys')
        for (const key of issue.keys)
          issues.push({ path: [...path, key], message: `Unknown key "${key}" (misspelt?).` });
      else if (!hasPath(value, path))
        issues.push({ path, message: `"${String(path.at(-1) ?? '')}" is required.` });
      else issues.push({ path, message: issue.message });
    }
    return { ok: false, issues };
  }
  const scenario = result.data as Scenario;
  const issues = checkReferences(scenario, playbooks);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, scenario };
}

function duplicates(
  items: readonly { id: string }[],
  base: JsonPath,
  what: string,
  issues: Issue[],
): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id))
      issues.push({ path: [...base, i, 'id'], message: `Duplicate ${what} id "${item.id}".` });
    seen.add(item.id);
  });
  return seen;
}

function checkReferences(scenario: Scenario, playbooks: PlaybookCatalogue): Issue[] {
  const issues: Issue[] = [];
  const playbook = playbooks.find((p) => p.id === scenario.playbook);
  if (!playbook)
    issues.push({
      path: ['playbook'],
      message: `Unknown playbook "${scenario.playbook}"; use a built-in playbook id (see bulwark playbook list).`,
    });
  const objectives = duplicates(scenario.objectives, ['objectives'], 'objective', issues);
  const participants = duplicates(scenario.participants, ['participants'], 'participant', issues);
  duplicates(scenario.injects, ['injects'], 'inject', issues);
  scenario.participants.forEach((p, i) => {
    if (
      p.playbookRole !== undefined &&
      playbook &&
      !playbook.roles.some((r) => r.id === p.playbookRole)
    )
      issues.push({
        path: ['participants', i, 'playbookRole'],
        message: `The playbook "${playbook.id}" has no role "${p.playbookRole}".`,
      });
  });
  const used = new Set<string>();
  const earlier = new Map<string, Inject>();
  let previousAt = 0;
  scenario.injects.forEach((inject, i) => {
    const base = ['injects', i];
    const at = parseDuration(inject.at) ?? 0;
    if (at < previousAt)
      issues.push({
        path: [...base, 'at'],
        message: `Injects must be listed in time order: ${inject.at} comes before the previous inject's time.`,
      });
    previousAt = Math.max(previousAt, at);
    if (!participants.has(inject.from))
      issues.push({ path: [...base, 'from'], message: `Unknown participant "${inject.from}".` });
    inject.to.forEach((to, t) => {
      if (!participants.has(to))
        issues.push({ path: [...base, 'to', t], message: `Unknown participant "${to}".` });
    });
    inject.objectives.forEach((o, k) => {
      used.add(o);
      if (!objectives.has(o))
        issues.push({ path: [...base, 'objectives', k], message: `Unknown objective "${o}".` });
    });
    duplicates(inject.expectedActions, [...base, 'expectedActions'], 'expected action', issues);
    if (inject.question)
      duplicates(inject.question.options, [...base, 'question', 'options'], 'option', issues);
    for (const key of ['deliverIf', 'deliverUnless'] as const) {
      const condition = inject[key];
      if (!condition) continue;
      const target = earlier.get(condition.inject);
      if (!target)
        issues.push({
          path: [...base, key, 'inject'],
          message: `A branch can only depend on an earlier inject; "${condition.inject}" is not listed before "${inject.id}".`,
        });
      else if (!target.question)
        issues.push({
          path: [...base, key, 'inject'],
          message: `The inject "${target.id}" asks no question, so it has no answer to branch on.`,
        });
      else if (!target.question.options.some((o) => o.id === condition.answer))
        issues.push({
          path: [...base, key, 'answer'],
          message: `"${condition.answer}" is not an answer of "${target.id}" (answers: ${target.question.options.map((o) => o.id).join(', ')}).`,
        });
    }
    earlier.set(inject.id, inject);
  });
  scenario.objectives.forEach((o, i) => {
    if (!used.has(o.id))
      issues.push({
        path: ['objectives', i, 'id'],
        message: `No inject exercises the objective "${o.id}" (list it in an inject's objectives).`,
      });
  });
  return issues;
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

/** Milliseconds of an inject's offset from the start of the exercise. */
export function injectOffset(inject: Pick<Inject, 'at'>): number {
  return parseDuration(inject.at) ?? 0;
}
