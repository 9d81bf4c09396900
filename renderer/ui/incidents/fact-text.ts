import { listSteps, type Playbook, type TimelineParams } from '../../../core/playbooks';

// The words a timeline entry shows for a fact the playbook machine recorded. Titles come
// from the playbook; an id the playbook no longer has is shown as the id itself.

const titles = new WeakMap<Playbook, Map<string, string>>();

/** Titles of steps, tasks, options and tracks by id. */
function titlesOf(playbook: Playbook): Map<string, string> {
  let map = titles.get(playbook);
  if (map) return map;
  map = new Map();
  for (const { step } of listSteps(playbook)) {
    map.set(`step:${step.id}`, step.title);
    if (step.kind === 'task' || step.kind === 'notification')
      for (const t of step.tasks) map.set(`task:${t.id}`, t.text);
    if (step.kind === 'decision')
      for (const o of step.options) map.set(`option:${step.id}/${o.id}`, o.label);
    if (step.kind === 'parallel') for (const t of step.tracks) map.set(`track:${t.id}`, t.title);
  }
  for (const phase of playbook.phases) map.set(`phase:${phase.id}`, phase.title);
  titles.set(playbook, map);
  return map;
}

/** One line describing a recorded fact. */
export function describeFact(playbook: Playbook, fact: TimelineParams): string {
  const t = titlesOf(playbook);
  const step = (id: string) => t.get(`step:${id}`) ?? id;
  switch (fact.kind) {
    case 'playbook.started':
      return `Playbook running: ${playbook.title}`;
    case 'phase.entered':
      return `Phase: ${t.get(`phase:${fact.phaseId}`) ?? fact.phaseId}`;
    case 'step.entered':
      return `Step started: ${step(fact.stepId)}`;
    case 'step.completed':
      return `Step completed: ${step(fact.stepId)}`;
    case 'task.completed':
      return `Done: ${t.get(`task:${fact.taskId}`) ?? fact.taskId}`;
    case 'task.reopened':
      return `Reopened: ${t.get(`task:${fact.taskId}`) ?? fact.taskId}`;
    case 'decision.chosen':
      return `Decision at “${step(fact.stepId)}”: ${t.get(`option:${fact.stepId}/${fact.optionId}`) ?? fact.optionId}`;
    case 'notification.sent':
      return `Notification marked sent: ${fact.template} (${step(fact.stepId)})`;
    case 'track.finished':
      return `Track finished: ${t.get(`track:${fact.trackId}`) ?? fact.trackId}`;
    case 'sla.breached':
      return `SLA breached: ${step(fact.stepId)} was due ${new Date(fact.due).toISOString()}`;
    case 'escalation.fired':
      return `Escalation to ${fact.to} (${step(fact.stepId)}): ${fact.message}`;
    case 'incident.clock.set':
      return `Playbook clock “${fact.clock}” set to ${new Date(fact.value).toISOString()}`;
    case 'playbook.ended':
      return `Playbook ended at “${step(fact.stepId)}”: ${fact.outcome}`;
  }
}
