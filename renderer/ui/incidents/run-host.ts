import { createActor } from 'xstate';
import {
  compilePlaybook,
  persist,
  restore,
  resumeActor,
  type EscalateParams,
  type NotifyParams,
  type Playbook,
  type PlaybookEvent,
  type PlaybookInput,
  type PlaybookMachine,
  type RunSnapshot,
  type StartClocksParams,
  type StoredRun,
  type TimelineParams,
} from '../../../core/playbooks';

// The host of a playbook run in the incident room. The run is not a long-lived actor: each
// action resumes the stored snapshot, sends the events, collects what the machine's
// effects asked for and persists the new snapshot, all synchronously, so the whole step
// happens inside the storage transaction that also writes the timeline (see
// storage/incidents.ts commitIncident). A reload therefore resumes exactly what was
// stored; timers are never XState delays but absolute deadlines in the context (upstream
// #5331), re-armed by the room from `nextTimerAt` after every step and every restore.

/** What the machine's effects asked the host to do during one step. */
export type RunEffects = {
  readonly facts: TimelineParams[];
  readonly escalations: EscalateParams[];
  readonly notify: NotifyParams[];
  readonly clocks: StartClocksParams[];
};

/** The stored run after a step, and its effects. */
export type RunStep =
  | { readonly ok: true; readonly stored: StoredRun; readonly effects: RunEffects }
  | { readonly ok: false; readonly error: string };

const machines = new WeakMap<Playbook, PlaybookMachine>();

/** Compiles a playbook once per validated object (compiling builds every state node). */
function machineOf(playbook: Playbook): PlaybookMachine {
  let machine = machines.get(playbook);
  if (!machine) {
    machine = compilePlaybook(playbook);
    machines.set(playbook, machine);
  }
  return machine;
}

function provided(playbook: Playbook): { machine: PlaybookMachine; effects: RunEffects } {
  const effects: RunEffects = { facts: [], escalations: [], notify: [], clocks: [] };
  const machine = machineOf(playbook).provide({
    actions: {
      recordTimeline: (_, p) => void effects.facts.push(p),
      escalate: (_, p) => void effects.escalations.push(p),
      notifyStakeholders: (_, p) => void effects.notify.push(p),
      startRegulatoryClocks: (_, p) => void effects.clocks.push(p),
    },
  });
  return { machine, effects };
}

/** Starts a new run of `playbook`; the entry effects (first step, clocks) are returned. */
export function startRun(playbook: Playbook, input: PlaybookInput): RunStep {
  const { machine, effects } = provided(playbook);
  const actor = createActor(machine, { input }).start();
  const stored = persist(actor);
  actor.stop();
  return { ok: true, stored, effects };
}

/** Resumes a stored run, sends `events` in order and persists the result. */
export function stepRun(
  playbook: Playbook,
  stored: StoredRun,
  events: readonly PlaybookEvent[],
): RunStep {
  const { machine, effects } = provided(playbook);
  const restored = restore(playbook, stored, machine);
  if (!restored.ok) return restored;
  const actor = resumeActor(restored.machine, restored.snapshot).start();
  for (const event of events) actor.send(event);
  const next = persist(actor);
  actor.stop();
  return { ok: true, stored: next, effects };
}

/** The read model of a stored run (value and context) for activeSteps and the timers. */
export function snapshotOf(stored: StoredRun): RunSnapshot & { readonly status: string } {
  return stored.snapshot as unknown as RunSnapshot & { readonly status: string };
}
