import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ExerciseAction } from '../../../core/exercises/engine';
import { nextDeliveryAt } from '../../../core/exercises/engine';
import { simulatedAt } from '../../../core/exercises/clock';
import type { Exercise } from '../../../core/exercises/exercise';
import type { Scenario } from '../../../core/exercises/types';
import { maskedKinds, redactSecrets } from '../../../core/incidents/redact';
import { getDatabase } from '../../storage';
import { actOnExercise } from '../../storage/exercises';
import type { IncidentClock } from '../incidents/clock-context';
import { useProblems } from '../state/problem-context';
import { useToasts } from '../state/toast-context';

const TICK_MS = 500;

/** The real time, re-rendering twice a second while `running`. */
export function useRealNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!running) return;
    const timer = setInterval(() => {
      setNow(Date.now());
    }, TICK_MS);
    return () => {
      clearInterval(timer);
    };
  }, [running]);
  return now;
}

/**
 * The incident clock of an exercise: simulated time from the stored anchors, so the room
 * embedded in the console runs every SLA and regulatory clock on exercise time. Listeners
 * hear each tick and every change of the exercise (start, pause, speed), so a jump re-arms
 * the room's timers at once.
 */
export function useExerciseClock(exercise: Exercise): IncidentClock {
  const latest = useRef(exercise);
  const listeners = useRef(new Set<() => void>());
  useEffect(() => {
    latest.current = exercise;
    for (const l of [...listeners.current]) l();
  }, [exercise]);
  return useMemo<IncidentClock>(
    () => ({
      now: () => simulatedAt(latest.current.clock, Date.now()),
      simulated: true,
      subscribe(listener) {
        listeners.current.add(listener);
        const timer = setInterval(listener, 1000);
        return () => {
          clearInterval(timer);
          listeners.current.delete(listener);
        };
      },
    }),
    [],
  );
}

/**
 * The facilitator's hands: `act` applies an action through storage (one transaction,
 * timeline included) and reports failures; while the exercise runs, injects are
 * delivered on schedule by a timer armed at the next delivery time. Notes are passed
 * through secret redaction before they are stored, as in the incident room.
 */
export function useExerciseHost(scenario: Scenario, exercise: Exercise) {
  const { reportError } = useProblems();
  const { notify } = useToasts();
  const busy = useRef(false);
  const act = useCallback(
    async (action: ExerciseAction): Promise<boolean> => {
      let safe = action;
      if (action.type === 'note') {
        const redaction = redactSecrets(action.text);
        if (redaction.findings.length > 0) {
          safe = { ...action, text: redaction.text };
          notify({
            message: `Masked before storing: ${maskedKinds(redaction.findings).join(', ')}.`,
            tone: 'info',
          });
        }
      }
      try {
        await actOnExercise(getDatabase(), scenario, exercise.id, safe, Date.now());
        return true;
      } catch (error) {
        reportError(error);
        return false;
      }
    },
    [scenario, exercise.id, notify, reportError],
  );

  const running = exercise.clock.status === 'running';
  useEffect(() => {
    if (!running) return;
    const at = nextDeliveryAt(scenario, exercise, Date.now());
    if (at === null) return;
    const timer = setTimeout(
      () => {
        if (busy.current) return;
        busy.current = true;
        void act({ type: 'tick' }).finally(() => {
          busy.current = false;
        });
      },
      Math.max(0, at - Date.now()) + 20,
    );
    return () => {
      clearTimeout(timer);
    };
  }, [running, scenario, exercise, act]);

  return { act };
}
