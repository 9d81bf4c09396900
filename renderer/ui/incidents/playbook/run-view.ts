import { activeRun, type Incident } from '../../../../core/incidents';
import { activeSteps, type ActiveStep, type Playbook } from '../../../../core/playbooks';
import { snapshotOf } from '../run-host';

/** The active steps of the incident's running playbook (empty when none runs). */
export function currentSteps(incident: Incident, playbook: Playbook | null): ActiveStep[] {
  const run = activeRun(incident);
  if (!playbook || run?.playbookId !== playbook.id) return [];
  return activeSteps(playbook, snapshotOf(run.snapshot));
}

/** The first open checklist task of the current steps, for Alt+D; null when none. */
export function nextOpenTask(incident: Incident, playbook: Playbook): string | null {
  for (const step of currentSteps(incident, playbook))
    for (const t of step.tasks) if (!t.done) return t.item.id;
  return null;
}

/** Who holds a playbook role now, or the role's title when nobody does. */
export function ownerName(
  incident: Incident,
  playbook: Playbook,
  roleId: string | undefined,
): string {
  if (roleId === undefined) return '';
  const held = incident.roles.find((r) => r.roleId === roleId);
  if (held) return held.person;
  return playbook.roles.find((r) => r.id === roleId)?.title ?? roleId;
}
