import { createActor, type AnyStateNode, type Snapshot, type StateValue } from 'xstate';
import { compilePlaybook, type PlaybookMachine } from './compile';
import type { PlaybookContext } from './machine-types';
import { listSteps } from './model';
import type { Playbook } from './types';

// Saving and resuming a run. A stored run carries the playbook id and version; a run of
// another version resumes only when every state it is in still exists (its context is
// then trimmed to the new playbook), otherwise it is refused with a reason.

/** Marks a stored run so that a foreign JSON object is recognised. */
export const RUN_FORMAT = 'bulwark-playbook-run';

/** A run as stored: the persisted XState snapshot plus the playbook it belongs to. */
export type StoredRun = {
  readonly format: typeof RUN_FORMAT;
  readonly playbookId: string;
  readonly playbookVersion: string;
  readonly snapshot: Snapshot<unknown>;
};

/** A run ready to resume on the playbook's machine, or the reason it cannot be. */
export type RestoreResult =
  | {
      readonly ok: true;
      readonly machine: PlaybookMachine;
      /** Pass to `createActor(machine, { snapshot })`, then re-arm timers (nextTimerAt). */
      readonly snapshot: Snapshot<unknown>;
      readonly migratedFrom: string | null;
    }
  | { readonly ok: false; readonly error: string };

/** The storable form of a running actor (its persisted snapshot is plain JSON). */
export function persist(actor: { getPersistedSnapshot(): Snapshot<unknown> }): StoredRun {
  const snapshot = actor.getPersistedSnapshot();
  const context = (snapshot as { context?: PlaybookContext }).context;
  return {
    format: RUN_FORMAT,
    playbookId: context?.playbookId ?? '',
    playbookVersion: context?.playbookVersion ?? '',
    snapshot,
  };
}

type Persisted = { value: StateValue; context: PlaybookContext; status: string };

function isStoredRun(value: unknown): value is StoredRun & { snapshot: Persisted } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof StoredRun, unknown>>;
  if (
    v.format !== RUN_FORMAT ||
    typeof v.playbookId !== 'string' ||
    typeof v.playbookVersion !== 'string'
  )
    return false;
  const s: unknown = v.snapshot;
  if (typeof s !== 'object' || s === null) return false;
  const p = s as Partial<Record<keyof Persisted, unknown>>;
  return (
    typeof p.status === 'string' &&
    (typeof p.value === 'string' || (typeof p.value === 'object' && p.value !== null)) &&
    typeof p.context === 'object' &&
    p.context !== null
  );
}

/** Paths of `value` that do not exist in the machine under `node`. */
function missingStates(node: AnyStateNode, value: StateValue, prefix: readonly string[]): string[] {
  const states = node.states;
  if (typeof value === 'string') return states[value] ? [] : [[...prefix, value].join('.')];
  const out: string[] = [];
  const keys = Object.keys(value);
  if (node.type === 'parallel')
    for (const region of Object.keys(states))
      if (!keys.includes(region)) out.push(`${[...prefix, region].join('.')} (a new track)`);
  for (const [key, child] of Object.entries(value)) {
    const next = states[key];
    if (!next || child === undefined) out.push([...prefix, key].join('.'));
    else out.push(...missingStates(next, child, [...prefix, key]));
  }
  return out;
}

/** The context of a run moved to another version: drops what the new playbook no longer has. */
function migrateContext(context: PlaybookContext, playbook: Playbook): PlaybookContext {
  const places = listSteps(playbook);
  const stepIds = new Set<string>(places.map((p) => p.step.id));
  const taskIds = new Set<string>();
  const sentKeys = new Set<string>();
  for (const { step } of places) {
    if (step.kind === 'task' || step.kind === 'notification')
      for (const t of step.tasks) taskIds.add(t.id);
    if (step.kind === 'notification')
      for (const t of step.templates) sentKeys.add(`${step.id}/${t.template}`);
  }
  const keep = <T>(record: Readonly<Record<string, T>>, has: (key: string) => boolean) =>
    Object.fromEntries(Object.entries(record).filter(([k]) => has(k)));
  return {
    ...context,
    playbookVersion: playbook.version,
    entered: keep(context.entered, (k) => stepIds.has(k)),
    tasks: keep(context.tasks, (k) => taskIds.has(k)),
    sent: keep(context.sent, (k) => sentKeys.has(k)),
    decisions: keep(context.decisions, (k) => stepIds.has(k)),
    deadlines: keep(context.deadlines, (k) => stepIds.has(k)),
  };
}

/**
 * Checks a stored run against a playbook and returns the snapshot to resume from. Refuses
 * a run of another playbook, and a run of another version whose states no longer exist.
 */
export function restore(
  playbook: Playbook,
  stored: unknown,
  machine: PlaybookMachine = compilePlaybook(playbook),
): RestoreResult {
  if (!isStoredRun(stored))
    return {
      ok: false,
      error: 'This is not a stored playbook run (format, playbook or snapshot missing).',
    };
  if (stored.playbookId !== playbook.id)
    return {
      ok: false,
      error: `This run belongs to playbook "${stored.playbookId}", not to "${playbook.id}".`,
    };
  const missing = missingStates(machine.root, stored.snapshot.value, []);
  const sameVersion = stored.playbookVersion === playbook.version;
  if (missing.length > 0)
    return {
      ok: false,
      error: sameVersion
        ? `This run of "${playbook.id}" ${playbook.version} is in states the playbook does not have (${missing.join(', ')}); the stored run is damaged.`
        : `This run was saved with version ${stored.playbookVersion} of "${playbook.id}" in ${missing.join(', ')}, which version ${playbook.version} no longer has. Resume it with version ${stored.playbookVersion}, or start the playbook again.`,
    };
  if (sameVersion) return { ok: true, machine, snapshot: stored.snapshot, migratedFrom: null };
  const migrated: Persisted = {
    ...stored.snapshot,
    context: migrateContext(stored.snapshot.context, playbook),
  };
  const snapshot = migrated as unknown as Snapshot<unknown>;
  return { ok: true, machine, snapshot, migratedFrom: stored.playbookVersion };
}

/**
 * An actor (not started) that resumes a restored run on `machine` (provide effects first).
 * The input is ignored when a snapshot is given; XState's types require one all the same.
 */
export function resumeActor(machine: PlaybookMachine, snapshot: Snapshot<unknown>) {
  return createActor(machine, { snapshot, input: { startedAt: 0 } });
}
