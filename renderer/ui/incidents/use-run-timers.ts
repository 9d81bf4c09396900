import { useEffect, useRef } from 'react';
import { activeRun, type Incident } from '../../../core/incidents';
import { dueTimers, nextTimerAt, type Playbook } from '../../../core/playbooks';
import { runEvents } from './changes';
import { useIncidentClock } from './clock-context';
import { snapshotOf } from './run-host';
import type { MakeChange } from './use-room';

/**
 * Re-arms the running playbook's timers from the absolute deadlines in its stored context
 * (XState does not restore `after` delays, upstream #5331). On every tick of the incident
 * clock, and at once after a reload, a due escalation or breach is sent as one `tick`
 * event; the machine fires each escalation once (`firedAt`), so a tick sent twice, by two
 * windows or across a crash, records nothing twice. A simulated clock that jumps fires
 * everything that fell due at once.
 */
export function useRunTimers(
  incident: Incident,
  playbook: Playbook | null | undefined,
  commit: (make: MakeChange, actor?: string) => Promise<unknown>,
): void {
  const clock = useIncidentClock();
  const run = activeRun(incident);
  const next = run ? nextTimerAt(snapshotOf(run.snapshot).context) : null;
  const inFlight = useRef(false);
  useEffect(() => {
    if (!playbook || next === null || !run) return;
    const check = (): void => {
      const now = clock.now();
      if (inFlight.current || now < next) return;
      const events = dueTimers(snapshotOf(run.snapshot), now);
      if (events.length === 0) return;
      inFlight.current = true;
      void commit(
        (ctx) => runEvents({ ...ctx, at: now }, playbook, events),
        'Bulwark (timer)',
      ).finally(() => {
        inFlight.current = false;
      });
    };
    check();
    return clock.subscribe(check);
  }, [clock, playbook, run, next, commit]);
}
