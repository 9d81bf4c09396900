// The playbook run's changes: start or switch a playbook, send it events, ad-hoc tasks.
import {
  activeRun,
  defaultTriggerAt,
  playbookIncidentClocks,
  type AdHocTask,
  type Incident,
  type PlaybookRunRecord,
  type TaskId,
  type TimelineDraft,
} from '../../../core/incidents';
import { clockById, type Playbook, type PlaybookEvent } from '../../../core/playbooks';
import type { IncidentChange } from '../../storage/incidents';
import { entry, type Actx } from './change-context';
import { startClock } from './changes-clocks';
import { describeFact } from './fact-text';
import { startRun, stepRun, type RunEffects } from './run-host';

/** Adds an ad-hoc task. */
export function addTask(ctx: Actx, id: TaskId, title: string, owner: string) {
  return (incident: Incident): IncidentChange => {
    const task: AdHocTask = {
      id,
      title: title.trim(),
      owner: owner.trim(),
      createdAt: ctx.at,
      createdBy: ctx.actor,
    };
    return {
      incident: { ...incident, tasks: [...incident.tasks, task] },
      entries: [
        entry(
          ctx,
          'task-added',
          `Task added: ${task.title}${task.owner ? ` (owner ${task.owner})` : ''}`,
          { taskId: id, owner: task.owner },
        ),
      ],
    };
  };
}

/** Marks an ad-hoc task done or open again. */
export function toggleTask(ctx: Actx, id: TaskId, done: boolean) {
  return (incident: Incident): IncidentChange | null => {
    const task = incident.tasks.find((t) => t.id === id);
    if (!task || (task.doneAt !== undefined) === done) return null;
    const next: AdHocTask = done
      ? { ...task, doneAt: ctx.at, doneBy: ctx.actor }
      : {
          id: task.id,
          title: task.title,
          owner: task.owner,
          createdAt: task.createdAt,
          createdBy: task.createdBy,
          ...(task.due !== undefined ? { due: task.due } : {}),
        };
    return {
      incident: { ...incident, tasks: incident.tasks.map((t) => (t.id === id ? next : t)) },
      entries: [
        entry(
          ctx,
          done ? 'task-done' : 'task-reopened',
          `${done ? 'Done' : 'Reopened'}: ${task.title}`,
          {
            taskId: id,
            adHoc: true,
          },
        ),
      ],
    };
  };
}

/** Timeline drafts for what the machine's effects asked for during one step. */
function effectEntries(ctx: Actx, playbook: Playbook, effects: RunEffects): TimelineDraft[] {
  const out: TimelineDraft[] = [];
  for (const fact of effects.facts) {
    const { at, by, ...rest } = fact;
    const kind =
      fact.kind === 'escalation.fired'
        ? 'escalation'
        : fact.kind === 'sla.breached'
          ? 'sla-breached'
          : fact.kind === 'task.completed'
            ? 'task-done'
            : fact.kind === 'task.reopened'
              ? 'task-reopened'
              : fact.kind === 'decision.chosen'
                ? 'decision'
                : fact.kind === 'playbook.ended'
                  ? 'playbook-ended'
                  : 'state-change';
    out.push({
      at,
      recordedAt: ctx.recordedAt,
      actor:
        by ?? (kind === 'escalation' || kind === 'sla-breached' ? 'Bulwark (timer)' : ctx.actor),
      kind,
      text: describeFact(playbook, fact),
      data: { fact: fact.kind, ...rest },
    });
  }
  return out;
}

/** The run record with a new snapshot. */
const withSnapshot = (
  incident: Incident,
  run: PlaybookRunRecord,
  snapshot: PlaybookRunRecord['snapshot'],
): Incident => ({
  ...incident,
  playbookRuns: incident.playbookRuns.map((r) => (r === run ? { ...r, snapshot } : r)),
});

/** Sends events to the active run; null when there is none or it refuses the stored run. */
export function applyRunEvents(
  ctx: Actx,
  incident: Incident,
  playbook: Playbook,
  events: readonly PlaybookEvent[],
): IncidentChange | null {
  const run = activeRun(incident);
  if (run?.playbookId !== playbook.id) return null;
  const stepped = stepRun(playbook, run.snapshot, events);
  if (!stepped.ok) return null;
  return withClocks(ctx, withSnapshot(incident, run, stepped.stored), stepped.effects, [
    ...effectEntries(ctx, playbook, stepped.effects),
  ]);
}

/**
 * Starts the regulatory clocks a notification step asked for (`startRegulatoryClocks`),
 * each from its own trigger basis (awareness, discovery …) when that key time is known.
 */
function withClocks(
  ctx: Actx,
  incident: Incident,
  effects: RunEffects,
  entries: TimelineDraft[],
): IncidentChange {
  let next = incident;
  for (const request of effects.clocks)
    for (const id of request.clockIds) {
      if (next.clocks.some((c) => c.clockId === id)) continue;
      const clock = clockById(id);
      if (!clock) continue;
      const started = startClock(
        { ...ctx, at: request.at },
        clock,
        defaultTriggerAt(clock, next) ?? request.at,
      )(next);
      if (!started) continue;
      next = started.incident;
      entries.push(...started.entries);
    }
  return { incident: next, entries };
}

/** The change that sends events to the running playbook. */
export function runEvents(ctx: Actx, playbook: Playbook, events: readonly PlaybookEvent[]) {
  return (incident: Incident): IncidentChange | null =>
    applyRunEvents(ctx, incident, playbook, events);
}

/** Starts a playbook; when one is running, it is ended first with the reason (a switch). */
export function startPlaybook(ctx: Actx, playbook: Playbook, reason: string | null) {
  return (incident: Incident): IncidentChange | null => {
    const started = startRun(playbook, {
      startedAt: ctx.at,
      scope: { dataClasses: incident.dataClasses, regimes: incident.regimes },
      incidentClocks: playbookIncidentClocks(incident),
    });
    if (!started.ok) return null;
    const current = activeRun(incident);
    const entries: TimelineDraft[] = [];
    const runs = incident.playbookRuns.map((r) =>
      r === current ? { ...r, endedAt: ctx.at, switchedReason: reason ?? 'Switched playbook' } : r,
    );
    if (current)
      entries.push(
        entry(
          ctx,
          'playbook-switched',
          `Playbook switched from ${current.playbookId} to ${playbook.title}${reason ? `: ${reason}` : ''}`,
          { from: current.playbookId, to: playbook.id, reason: reason ?? '' },
        ),
      );
    entries.push(
      entry(ctx, 'playbook-started', `Playbook started: ${playbook.title} (${playbook.version})`, {
        playbookId: playbook.id,
        version: playbook.version,
      }),
    );
    const record: PlaybookRunRecord = {
      playbookId: playbook.id,
      version: playbook.version,
      snapshot: started.stored,
      startedAt: ctx.at,
      startedBy: ctx.actor,
    };
    entries.push(...effectEntries(ctx, playbook, started.effects));
    return withClocks(
      ctx,
      { ...incident, playbookRuns: [...runs, record] },
      started.effects,
      entries,
    );
  };
}
