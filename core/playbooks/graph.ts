import { edgesOf, formatPath, listSteps, type Issue, type JsonPath, type StepPlace } from './model';
import type { Playbook, Step } from './types';

// Checks a playbook as a graph once its shape is valid: ids, roles, references,
// reachability and cycles. A run must always be able to move on and to end.

/** Every graph problem of a structurally valid playbook, each at the path that causes it. */
export function checkGraph(playbook: Playbook): Issue[] {
  const places = listSteps(playbook);
  return [
    ...checkIds(playbook, places),
    ...checkRoles(playbook, places),
    ...checkReferences(playbook, places),
  ];
}

function checkIds(playbook: Playbook, places: readonly StepPlace[]): Issue[] {
  const issues: Issue[] = [];
  const unique = (seen: Map<string, JsonPath>, id: string, path: JsonPath, what: string) => {
    const first = seen.get(id);
    if (first)
      issues.push({
        path: [...path, 'id'],
        message: `The id "${id}" is already used at ${formatPath(first)}; ${what} must be unique.`,
      });
    else seen.set(id, path);
  };
  const states = new Map<string, JsonPath>();
  const what = 'ids of phases, steps and tracks';
  playbook.phases.forEach((phase, i) => unique(states, phase.id, ['phases', i], what));
  const roles = new Map<string, JsonPath>();
  playbook.roles.forEach((role, i) => unique(roles, role.id, ['roles', i], 'role ids'));
  const tasks = new Map<string, JsonPath>();
  for (const { step, path } of places) {
    unique(states, step.id, path, what);
    if (step.kind === 'parallel')
      step.tracks.forEach((t, i) => unique(states, t.id, [...path, 'tracks', i], what));
    if (step.kind === 'task' || step.kind === 'notification')
      step.tasks.forEach((t, i) => unique(tasks, t.id, [...path, 'tasks', i], 'task ids'));
    if (step.kind === 'decision') {
      const options = new Map<string, JsonPath>();
      const what2 = `option ids of decision "${step.id}"`;
      step.options.forEach((o, i) => unique(options, o.id, [...path, 'options', i], what2));
    }
    if (step.kind === 'notification') {
      const seen = new Map<string, number>();
      step.templates.forEach((t, i) => {
        const first = seen.get(t.template);
        if (first === undefined) seen.set(t.template, i);
        else
          issues.push({
            path: [...path, 'templates', i, 'template'],
            message: `The template "${t.template}" is already listed at templates[${first}] of this step.`,
          });
      });
    }
  }
  return issues;
}

function checkRoles(playbook: Playbook, places: readonly StepPlace[]): Issue[] {
  const declared = new Set<string>(playbook.roles.map((r) => r.id));
  const issues: Issue[] = [];
  const known = [...declared].join(', ');
  const check = (role: string | undefined, path: JsonPath) => {
    if (role !== undefined && !declared.has(role))
      issues.push({
        path,
        message: `The role "${role}" is not declared in roles (declared: ${known}).`,
      });
  };
  for (const { step, path } of places) {
    if (step.kind === 'end') continue;
    check(step.owner, [...path, 'owner']);
    step.sla?.escalations.forEach((e, i) => check(e.to, [...path, 'sla', 'escalations', i, 'to']));
    if (step.kind === 'task' || step.kind === 'notification')
      step.tasks.forEach((t, i) => check(t.owner, [...path, 'tasks', i, 'owner']));
  }
  return issues;
}

function checkReferences(playbook: Playbook, places: readonly StepPlace[]): Issue[] {
  const issues: Issue[] = [];
  const byId = new Map<string, StepPlace>();
  for (const p of places) if (!byId.has(p.step.id)) byId.set(p.step.id, p);
  const containers = new Set<string>(playbook.phases.map((p) => p.id));
  for (const { step } of places)
    if (step.kind === 'parallel') for (const t of step.tracks) containers.add(t.id);

  // Outgoing edges per step within its own graph (the main flow or one track).
  const graph = new Map<string, { to: string[]; exits: boolean }>();
  for (const place of places) {
    const { step, path, track } = place;
    const node = { to: [] as string[], exits: step.kind === 'end' };
    graph.set(step.id, node);
    for (const edge of edgesOf(step, path)) {
      if (edge.to === undefined) {
        if (track) node.exits = true;
        else
          issues.push({
            path: edge.path,
            message: `Step "${step.id}" needs a next step here (only steps inside a parallel track may omit it).`,
          });
        continue;
      }
      const target = byId.get(edge.to);
      if (!target) {
        const hint = containers.has(edge.to) ? ' (that is a phase or track; name a step)' : '';
        issues.push({ path: edge.path, message: `Unknown step "${edge.to}"${hint}.` });
      } else if (track && target.track !== track) {
        issues.push({
          path: edge.path,
          message: `"${edge.to}" is outside track "${track.id}": a step in a track can only lead to steps of the same track (omit next to finish the track).`,
        });
      } else if (!track && target.track) {
        issues.push({
          path: edge.path,
          message: `"${edge.to}" is inside track "${target.track.id}" of "${target.parallel?.id ?? '?'}": only the parallel step can start it.`,
        });
      } else node.to.push(edge.to);
    }
  }

  // With a dangling reference the reachable set is not the author's intent: report the
  // reference alone rather than every step it cuts off, and loops it seems to close.
  if (issues.length > 0) return issues;

  const mainSteps = places.filter((p) => !p.track);
  if (!mainSteps.some((p) => p.step.kind === 'end'))
    issues.push({
      path: ['phases'],
      message: 'The playbook has no end step: add a step with kind: end so that a run can finish.',
    });

  // Reachability: the main flow from the start step, each track from its first step.
  const start = mainSteps[0]?.step;
  const reached = new Set<string>();
  const visit = (id: string) => {
    if (reached.has(id)) return;
    reached.add(id);
    const place = byId.get(id);
    if (place?.step.kind === 'parallel')
      for (const t of place.step.tracks) if (t.steps[0]) visit(t.steps[0].id);
    for (const to of graph.get(id)?.to ?? []) visit(to);
  };
  if (start) visit(start.id);
  const parentReached = (p: StepPlace) => !p.parallel || reached.has(p.parallel.id);
  for (const p of places)
    if (!reached.has(p.step.id) && parentReached(p))
      issues.push({
        path: [...p.path, 'id'],
        message: p.track
          ? `Step "${p.step.id}" cannot be reached from the first step of track "${p.track.id}".`
          : `Step "${p.step.id}" cannot be reached from the start step "${start?.id ?? '?'}".`,
      });

  for (const component of stronglyConnected([...reached], graph)) {
    const members = new Set(component);
    const closed = component.every((id) => {
      const node = graph.get(id);
      return !node?.exits && node?.to.every((to) => members.has(to));
    });
    const first = component[0];
    const looped =
      component.length > 1 || (first !== undefined && graph.get(first)?.to.includes(first));
    if (closed && looped && first !== undefined) {
      const place = byId.get(first);
      issues.push({
        path: [...(place?.path ?? []), 'id'],
        message: `Steps ${[...component, first].map((s) => `"${s}"`).join(' → ')} form a cycle with no way out: give one of them a next step outside the cycle or an end.`,
      });
    }
  }
  return issues;
}

/** Tarjan's strongly connected components of `nodes`, each in discovery order. */
export function stronglyConnected(
  nodes: readonly string[],
  graph: ReadonlyMap<string, { to: string[] }>,
): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.to ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      out.push(component.reverse());
    }
  };
  for (const v of nodes) if (!index.has(v)) connect(v);
  return out;
}

/** The end steps of the main flow, where a run may finish. */
export function endSteps(playbook: Playbook): Step[] {
  return listSteps(playbook)
    .filter((p) => !p.track && p.step.kind === 'end')
    .map((p) => p.step);
}
