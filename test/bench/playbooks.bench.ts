import { bench, describe } from 'vitest';
import { createActor } from 'xstate';
import {
  BUILTIN_PLAYBOOK_SOURCES,
  builtinPlaybook,
  builtinPlaybooks,
} from '../../core/playbooks/builtin';
import { compilePlaybook } from '../../core/playbooks/compile';
import type { PlaybookEvent } from '../../core/playbooks/machine-types';
import { forwardEvents } from '../../core/playbooks/run';
import type { Playbook } from '../../core/playbooks/types';
import { validatePlaybook } from '../../core/playbooks/validate';
import type { PlaybookInput } from '../../core/playbooks/machine-types';

function builtin(id: string): Playbook {
  const playbook = builtinPlaybook(id);
  if (!playbook) throw new Error(`no built-in playbook ${id}`);
  return playbook;
}

// Targets (issue 5): compiling every built-in playbook is instant on opening the incident
// room; driving a run with a persisted snapshot after every event keeps up with people
// clicking (10,000 events including storage serialisation, well under a second each).

const playbooks = builtinPlaybooks();
const EVENTS = 10_000;
const T0 = Date.UTC(2026, 0, 12, 9);

/** Drives `EVENTS` events through runs of `playbook`, serialising the snapshot after each. */
function drive(playbook: Playbook): number {
  const machine = compilePlaybook(playbook);
  const input: PlaybookInput = {
    startedAt: T0,
    incidentClocks: { declared: T0, aware: T0 },
    scope: { dataClasses: ['personal'], regimes: ['GDPR'] },
  };
  let actor = createActor(machine, { input }).start();
  let bytes = 0;
  let now = T0;
  for (let n = 0; n < EVENTS; n++) {
    now += 60_000;
    let event: PlaybookEvent;
    if (n % 10 === 9) event = { type: 'tick', now };
    else {
      const options = forwardEvents(playbook, actor.getSnapshot(), now, 'bench');
      event = options[n % Math.max(1, options.length)] ?? { type: 'tick', now };
    }
    actor.send(event);
    bytes += JSON.stringify(actor.getPersistedSnapshot()).length;
    if (actor.getSnapshot().status === 'done') {
      actor.stop();
      actor = createActor(machine, { input }).start();
    }
  }
  actor.stop();
  return bytes;
}

describe('playbooks', () => {
  bench('compile all 9 built-in playbooks', () => {
    for (const p of playbooks) compilePlaybook(p);
  });

  bench('validate all 9 built-in playbooks from YAML', () => {
    for (const s of BUILTIN_PLAYBOOK_SOURCES) validatePlaybook(s.text, s.fileName);
  });

  bench(
    `drive ${EVENTS.toLocaleString('en')} events through a running playbook, persisting after each`,
    () => {
      drive(builtin('leaked-api-credentials'));
    },
    { iterations: 5, warmupIterations: 1, time: 0 },
  );
});
