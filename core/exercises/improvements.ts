import { listSteps } from '../playbooks/model';
import { ID_PATTERN } from '../playbooks/schema';
import type { Playbook } from '../playbooks/types';
import { checkPlaybookValue } from '../playbooks/validate';
import type { ImprovementItem } from './exercise';

// Improvement items feed back into the playbooks: a corrective action becomes a task in a
// copy of the playbook the exercise ran (the built-in stays untouched), on the step the
// facilitator chose, with a version bump, and the copy is validated like any playbook.

/** A playbook copy carrying the corrective action as a task, or why it cannot. */
export type PlaybookChange =
  | { readonly ok: true; readonly playbook: Playbook }
  | { readonly ok: false; readonly error: string };

function bumpMinor(version: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return m ? `${m[1]}.${Number(m[2]) + 1}.0` : version;
}

/**
 * Adds `item.correctiveAction` as a required task of step `stepId` (a task or
 * notification step) in a copy of `playbook` with id `copyId`, owned by the step's owner.
 */
export function applyImprovementToPlaybook(
  playbook: Playbook,
  item: ImprovementItem,
  stepId: string,
  copyId: string,
): PlaybookChange {
  if (!ID_PATTERN.test(copyId))
    return { ok: false, error: `"${copyId}" is not a valid playbook id.` };
  const place = listSteps(playbook).find((p) => p.step.id === stepId);
  if (!place) return { ok: false, error: `The playbook "${playbook.id}" has no step "${stepId}".` };
  if (place.step.kind !== 'task' && place.step.kind !== 'notification')
    return {
      ok: false,
      error: `"${stepId}" is a ${place.step.kind} step; choose a task or notification step.`,
    };
  const text = item.correctiveAction.trim();
  if (text === '') return { ok: false, error: 'The improvement item has no corrective action.' };
  const owner = place.step.owner ?? playbook.roles[0]?.id;
  const taskIds = new Set(place.step.tasks.map((t) => t.id));
  let n = 1;
  while (taskIds.has(`exercise-${n}`)) n++;
  const task = { id: `exercise-${n}`, text: text.slice(0, 1000), owner, required: true };
  // A JSON copy: the playbook is plain data and the change must not touch the original.
  const copy = JSON.parse(JSON.stringify(playbook)) as Record<string, unknown> & {
    phases: { steps: Record<string, unknown>[] }[];
  };
  copy.id = copyId;
  copy.version = bumpMinor(playbook.version);
  const target = findStep(copy.phases, stepId);
  if (!target) return { ok: false, error: `The step "${stepId}" was not found in the copy.` };
  target.tasks = [...(target.tasks as unknown[]), task];
  const checked = checkPlaybookValue(copy);
  if (!checked.ok) return { ok: false, error: checked.issues.map((i) => i.message).join(' ') };
  return { ok: true, playbook: checked.playbook };
}

function findStep(
  phases: readonly { steps: Record<string, unknown>[] }[],
  stepId: string,
): Record<string, unknown> | undefined {
  const visit = (
    steps: readonly Record<string, unknown>[],
  ): Record<string, unknown> | undefined => {
    for (const step of steps) {
      if (step.id === stepId) return step;
      const tracks = step.tracks as { steps: Record<string, unknown>[] }[] | undefined;
      for (const track of tracks ?? []) {
        const found = visit(track.steps);
        if (found) return found;
      }
    }
    return undefined;
  };
  for (const phase of phases) {
    const found = visit(phase.steps);
    if (found) return found;
  }
  return undefined;
}
