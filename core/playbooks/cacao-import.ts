import {
  AGENT_TYPES,
  CACAO_STEP_TYPES,
  IDENTIFIER,
  TIMESTAMP,
  cacaoRefs,
  isRecord,
  type CacaoStep,
} from './cacao-shared';
import { convertCacao } from './cacao-convert';
import { stronglyConnected } from './graph';
import type { Issue } from './model';
import { formatPath } from './model';
import { parseSource, type Source } from './source';
import type { Playbook, PlaybookError } from './types';
import { checkPlaybookValue } from './validate';

// Imports a CACAO 2.0 playbook. Lenient on the schema: real files use custom agent types,
// action steps without commands and other deviations, which become warnings. Strict on
// the graph: no start step, dangling references, unreachable steps and branches that
// never reach an end are errors, each with its file, line and JSON path.

/** The result of an import: the playbook and warnings, or errors (and warnings). */
export type CacaoImport =
  | { readonly ok: true; readonly playbook: Playbook; readonly warnings: readonly PlaybookError[] }
  | {
      readonly ok: false;
      readonly errors: readonly PlaybookError[];
      readonly warnings: readonly PlaybookError[];
    };

/** Imports CACAO JSON text as a Bulwark playbook, with warnings for schema deviations. */
export function importCacao(text: string, fileName: string): CacaoImport {
  const parsed = parseSource(text, fileName);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, warnings: [] };
  const { source } = parsed;
  const doc = source.value;
  if (!isRecord(doc))
    return {
      ok: false,
      errors: [source.error([], 'A CACAO playbook is a JSON object.')],
      warnings: [],
    };
  const warnings = schemaWarnings(doc).map((i) => source.error(i.path, i.message));
  const errors = graphErrors(doc).map((i) => source.error(i.path, i.message));
  if (errors.length > 0) return { ok: false, errors, warnings };
  const converted = convertCacao(doc);
  warnings.push(...converted.warnings.map((i) => source.error(i.path, i.message)));
  const checked = checkPlaybookValue(converted.playbook);
  if (!checked.ok) return { ok: false, errors: unrepresentable(source, checked.issues), warnings };
  return { ok: true, playbook: checked.playbook, warnings };
}

function unrepresentable(source: Source, issues: readonly Issue[]): PlaybookError[] {
  return issues.map((i) =>
    source.error(
      ['workflow'],
      `Bulwark cannot represent this workflow: ${formatPath(i.path)}: ${i.message}`,
    ),
  );
}

/** Deviations from the official schema that do not stop an import. */
function schemaWarnings(doc: Record<string, unknown>): Issue[] {
  const out: Issue[] = [];
  const warn = (path: (string | number)[], message: string) =>
    out.push({ path, message: `Warning: ${message}` });
  if (doc.type !== 'playbook') warn(['type'], 'type should be "playbook".');
  if (doc.spec_version !== 'cacao-2.0')
    warn(['spec_version'], 'spec_version should be "cacao-2.0".');
  for (const key of ['id', 'name', 'created_by', 'created', 'modified'])
    if (doc[key] === undefined) warn([], `The required property "${key}" is missing.`);
  for (const key of ['id', 'created_by'])
    if (typeof doc[key] === 'string' && !IDENTIFIER.test(doc[key]))
      warn([key], `${key} is not a CACAO identifier (type--uuid).`);
  for (const key of ['created', 'modified', 'valid_from', 'valid_until'])
    if (typeof doc[key] === 'string' && !TIMESTAMP.test(doc[key]))
      warn([key], `${key} is not a UTC timestamp.`);
  const agents = isRecord(doc.agent_definitions) ? doc.agent_definitions : {};
  for (const key of Object.keys(agents)) {
    const type = key.split('--')[0] ?? '';
    if (!IDENTIFIER.test(key) || !(AGENT_TYPES as readonly string[]).includes(type))
      warn(
        ['agent_definitions', key],
        `The agent "${key}" does not use a CACAO agent type and identifier.`,
      );
  }
  const workflow = isRecord(doc.workflow) ? doc.workflow : {};
  for (const [id, raw] of Object.entries(workflow)) {
    if (!isRecord(raw)) continue;
    const step = raw as CacaoStep;
    const path = ['workflow', id];
    if (!IDENTIFIER.test(id) || id.split('--')[0] !== step.type)
      warn(path, `The step id "${id}" should be "${String(step.type)}--" followed by a UUID.`);
    if (step.type === 'action') {
      if (!Array.isArray(step.commands) || step.commands.length === 0)
        warn(path, 'The action step has no commands (the schema requires at least one).');
      if (step.agent === undefined)
        warn(path, 'The action step names no agent (the schema requires one).');
      else if (typeof step.agent !== 'string' || !(step.agent in agents))
        warn(
          [...path, 'agent'],
          `The agent ${JSON.stringify(step.agent)} is not in agent_definitions.`,
        );
      else if (!IDENTIFIER.test(step.agent))
        warn([...path, 'agent'], `The agent "${step.agent}" is not a CACAO identifier.`);
    }
    if (
      (step.type === 'if-condition' || step.type === 'while-condition') &&
      typeof step.condition !== 'string'
    )
      warn(path, `The ${step.type} step has no condition.`);
    if (step.type === 'switch-condition' && typeof step.switch !== 'string')
      warn(path, 'The switch-condition step has no switch expression.');
    if (
      step.type === 'end' &&
      (step.on_completion ?? step.on_success ?? step.on_failure) !== undefined
    )
      warn(path, 'An end step should not lead anywhere; its next step is ignored.');
  }
  return out;
}

/** Problems that make the workflow impossible to run. */
function graphErrors(doc: Record<string, unknown>): Issue[] {
  const out: Issue[] = [];
  if (!isRecord(doc.workflow))
    return [{ path: ['workflow'], message: 'The playbook has no workflow object.' }];
  const workflow = doc.workflow;
  const start = doc.workflow_start;
  if (typeof start !== 'string')
    out.push({ path: [], message: 'No start step: workflow_start is missing.' });
  else if (!isRecord(workflow[start]))
    out.push({
      path: ['workflow_start'],
      message: `No start step: workflow_start names "${start}", which is not in the workflow.`,
    });
  else if (workflow[start].type !== 'start')
    out.push({
      path: ['workflow_start'],
      message: `workflow_start names a ${String(workflow[start].type)} step, not a start step.`,
    });

  const graph = new Map<string, { to: string[]; exits: boolean }>();
  for (const [id, raw] of Object.entries(workflow)) {
    if (!isRecord(raw)) {
      out.push({ path: ['workflow', id], message: 'A workflow step must be an object.' });
      continue;
    }
    const step = raw as CacaoStep;
    if (!(CACAO_STEP_TYPES as readonly unknown[]).includes(step.type))
      out.push({
        path: ['workflow', id, 'type'],
        message: `Unknown step type "${String(step.type)}".`,
      });
    const node = { to: [] as string[], exits: step.type === 'end' };
    graph.set(id, node);
    if (step.type === 'end') continue;
    for (const r of cacaoRefs(step)) {
      if (isRecord(workflow[r.to])) node.to.push(r.to);
      else
        out.push({
          path: ['workflow', id, ...r.path],
          message: `Dangling reference: no step "${r.to}" in the workflow.`,
        });
    }
    if (node.to.length === 0 && cacaoRefs(step).length === 0)
      out.push({
        path: ['workflow', id],
        message: `The ${String(step.type)} step "${id}" leads nowhere and is not an end step: this branch never ends.`,
      });
  }
  if (typeof doc.workflow_exception === 'string' && !isRecord(workflow[doc.workflow_exception]))
    out.push({
      path: ['workflow_exception'],
      message: `Dangling reference: no step "${doc.workflow_exception}" in the workflow.`,
    });
  if (out.length > 0 || typeof start !== 'string') return out;

  const reached = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop() ?? '';
    if (reached.has(id)) continue;
    reached.add(id);
    stack.push(...(graph.get(id)?.to ?? []));
  }
  for (const id of graph.keys())
    if (!reached.has(id) && id !== doc.workflow_exception)
      out.push({
        path: ['workflow', id],
        message: `Step "${id}" cannot be reached from the start step.`,
      });

  // A branch never ends when it can only loop: a closed cycle without an end step.
  for (const component of stronglyConnected([...reached], graph)) {
    const members = new Set(component);
    const closed = component.every(
      (id) => !graph.get(id)?.exits && graph.get(id)?.to.every((t) => members.has(t)),
    );
    const first = component[0] ?? '';
    if (closed && (component.length > 1 || graph.get(first)?.to.includes(first)))
      out.push({
        path: ['workflow', first],
        message: `Steps ${[...component, first].map((s) => `"${s}"`).join(' → ')} loop without an exit: this branch never ends.`,
      });
  }
  return out;
}
