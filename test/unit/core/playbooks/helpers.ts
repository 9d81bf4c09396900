import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { sharedFixture } from '../../../fixtures/shared';
import addFormats from 'ajv-formats';
import { createActor } from 'xstate';
import { compilePlaybook } from '../../../../core/playbooks/compile';
import type {
  EscalateParams,
  NotifyParams,
  PlaybookEvent,
  PlaybookInput,
  StartClocksParams,
  TimelineParams,
} from '../../../../core/playbooks/machine-types';
import { validatePlaybook } from '../../../../core/playbooks/validate';
import { activeSteps, type RunSnapshot } from '../../../../core/playbooks/run';
import { builtinPlaybook } from '../../../../core/playbooks/builtin';
import type { Playbook } from '../../../../core/playbooks/types';

/** Where the shared CACAO fixtures live (read in place, never copied). */
export const CACAO_DIR = sharedFixture('cacao');
/** Malformed playbooks written for these tests. */
export const FIXTURES = join(import.meta.dirname, '../../../fixtures/playbooks');

export const T0 = Date.UTC(2026, 0, 12, 9, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A deterministic UUID v4 source for exports. */
export function uuids(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${(n++).toString(16).padStart(12, '0')}`;
}

/** A built-in playbook that must exist. */
export function builtin(id: string): Playbook {
  const playbook = builtinPlaybook(id);
  if (!playbook) throw new Error(`no built-in playbook ${id}`);
  return playbook;
}

/** The value, which the test knows is there. */
export function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('missing value');
  return value;
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string, from = 0): number {
  const index = text.indexOf(needle, from);
  if (index < 0) throw new Error(`"${needle}" not in text`);
  return text.slice(0, index).split('\n').length;
}

/**
 * The events a traversal tries in a state: every decision option, and for a checklist
 * step only its first open required item (or the advance), so that each step adds a
 * handful of states instead of one per subset of its checklist.
 */
export function traversalEvents(
  playbook: Playbook,
  snapshot: RunSnapshot,
  at = T0,
): PlaybookEvent[] {
  const events: PlaybookEvent[] = [];
  for (const active of activeSteps(playbook, snapshot)) {
    const { step } = active;
    if (step.kind === 'decision') {
      for (const o of step.options)
        events.push({ type: 'decision.chosen', stepId: step.id, optionId: o.id, at });
      continue;
    }
    const task = active.tasks.find((t) => t.item.required && !t.done);
    const template = active.templates.find((t) => t.template.required && !t.sent);
    if (task) events.push({ type: 'task.completed', taskId: task.item.id, at });
    else if (template)
      events.push({
        type: 'notification.sent',
        stepId: step.id,
        template: template.template.template,
        at,
      });
    else if (active.canAdvance) events.push({ type: 'step.advance', stepId: step.id, at });
  }
  return events;
}

/** Serialises what distinguishes states for the traversal: value and active checklists. */
export function serializeRun(playbook: Playbook, snapshot: RunSnapshot): string {
  const done = activeSteps(playbook, snapshot).flatMap((a) => [
    ...a.tasks.filter((t) => t.done).map((t) => t.item.id),
    ...a.templates.filter((t) => t.sent).map((t) => `${a.step.id}/${t.template.template}`),
  ]);
  return JSON.stringify([snapshot.value, done.sort()]);
}

/** A JSON round trip, as storage does. */
export function viaJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : name.endsWith('.json') ? [path] : [];
  });
}

/** Drops `unevaluatedProperties` and `$schema`, as domain.md §7 prescribes. */
export function relax(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relax);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== 'unevaluatedProperties' && k !== '$schema')
      .map(([k, v]) => [k, relax(v)]),
  );
}

/** A draft 2019-09 validator over the official CACAO schemas in the shared fixtures. */
export function cacaoValidator(): (doc: unknown) => string[] {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of walk(join(CACAO_DIR, 'schemas')))
    ajv.addSchema(relax(JSON.parse(readFileSync(file, 'utf8'))) as object);
  const validate = ajv.getSchema(
    'https://raw.githubusercontent.com/oasis-open/cacao-json-schemas/main/schemas/playbook.json',
  );
  if (!validate) throw new Error('CACAO playbook schema missing');
  return (doc) =>
    validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Every .json file under a directory. */
export { walk as jsonFilesUnder };

export function loadPlaybook(text: string): Playbook {
  const r = validatePlaybook(text, 'test.yaml');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.playbook;
}

/** Runs a playbook with recording fakes for every effect. */
export function runPlaybook(playbook: Playbook, input: PlaybookInput = { startedAt: T0 }) {
  const timeline: TimelineParams[] = [];
  const escalations: EscalateParams[] = [];
  const notified: NotifyParams[] = [];
  const clocks: StartClocksParams[] = [];
  const armed: (number | null)[] = [];
  const machine = compilePlaybook(playbook).provide({
    actions: {
      recordTimeline: (_, p) => void timeline.push(p),
      escalate: (_, p) => void escalations.push(p),
      notifyStakeholders: (_, p) => void notified.push(p),
      startRegulatoryClocks: (_, p) => void clocks.push(p),
      armTimers: (_, p) => void armed.push(p.nextAt),
    },
  });
  const actor = createActor(machine, { input }).start();
  const snap = () =>
    actor.getSnapshot() as unknown as RunSnapshot & { status: string; output: unknown };
  const send = (...events: PlaybookEvent[]) => {
    for (const e of events) actor.send(e);
  };
  return { actor, snap, send, timeline, escalations, notified, clocks, armed };
}
